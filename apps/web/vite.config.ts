import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.resolve(import.meta.dirname, '../..');

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    // Same aliases as tsconfig.json paths: the package index and its modules (e.g. @skillcert/domain/roles).
    alias: [
      { find: /^@skillcert\/domain$/, replacement: path.join(root, 'packages/domain/src/index.ts') },
      { find: /^@skillcert\/domain\/(.*)$/, replacement: path.join(root, 'packages/domain/src/$1') },
      { find: /^@skillcert\/contracts$/, replacement: path.join(root, 'packages/contracts/src/index.ts') },
    ],
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
