/**
 * 文件存储 adapter. Uploads are streamed to a local folder (default) while their size and SHA-256 are
 * computed on the fly; nothing is buffered whole in memory. The first bytes are kept to decide the
 * type by content. An S3-compatible implementation can replace this behind the same interface.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredObject {
  key: string;
  sizeBytes: number;
  sha256: string;
  head: Uint8Array;
}

export class FileTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super('file too large');
  }
}

export interface FileStorage {
  put(source: Readable, opts: { maxBytes: number }): Promise<StoredObject>;
  open(key: string): Readable;
  remove(key: string): Promise<void>;
}

export function createLocalFileStorage(root: string): FileStorage {
  const fullPath = (key: string) => path.join(root, key.slice(0, 2), key);
  return {
    async put(source, { maxBytes }) {
      const key = randomUUID().replace(/-/g, '');
      await mkdir(path.dirname(fullPath(key)), { recursive: true });
      const hash = createHash('sha256');
      let size = 0;
      const headChunks: Buffer[] = [];
      let headLength = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) return done(new FileTooLargeError(maxBytes));
          hash.update(chunk);
          if (headLength < 16) {
            headChunks.push(chunk.subarray(0, 16 - headLength));
            headLength += Math.min(chunk.length, 16 - headLength);
          }
          done(null, chunk);
        },
      });
      try {
        await pipeline(source, meter, createWriteStream(fullPath(key)));
      } catch (error) {
        await rm(fullPath(key), { force: true });
        // The multipart stream also reports its own limit by truncating: treat both alike.
        throw error;
      }
      if ((source as Readable & { truncated?: boolean }).truncated) {
        await rm(fullPath(key), { force: true });
        throw new FileTooLargeError(maxBytes);
      }
      return {
        key,
        sizeBytes: size,
        sha256: hash.digest('hex'),
        head: new Uint8Array(Buffer.concat(headChunks)),
      };
    },
    open: (key) => createReadStream(fullPath(key)),
    remove: (key) => rm(fullPath(key), { force: true }),
  };
}
