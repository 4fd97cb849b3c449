/**
 * Time from `npm start` to the first 200 of /api/health, on an existing data directory (the second
 * start: the first one builds the web UI when its sources changed and creates the demo data). The server
 * is a child process group, ended by its id once it has answered.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
  } catch {
    return false;
  }
}

/** Seconds from spawning `npm start` to a healthy answer (rejects after `limitMs`). */
export async function timeToHealth(dataDir: string, port: number, limitMs = 600_000): Promise<number> {
  const t0 = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    while (!(await healthy(port))) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      if (performance.now() - t0 > limitMs) throw new Error('npm start did not answer /api/health in time');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return (performance.now() - t0) / 1000;
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
  }
}

/** The first start (prepares the directory), then the measured one. */
export async function startUpOnExistingData(dataDir: string, port: number) {
  const first = await timeToHealth(dataDir, port);
  const again = await timeToHealth(dataDir, port);
  return { first, again };
}
