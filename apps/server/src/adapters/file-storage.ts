/**
 * 文件存储 adapter. Uploads are streamed to a local folder (the default) or to an S3-compatible bucket
 * (s3-file-storage.ts) while their size and SHA-256 are computed on the fly; nothing is buffered whole
 * in memory. The first bytes are kept to decide the type by content. `list` and `remove` serve the
 * orphan sweep (scheduler/orphan-files.ts).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  deferredReadable,
  FileTooLargeError,
  newStorageKey,
  STORAGE_KEY_PATTERN,
  uploadMeter,
  wasTruncated,
  type StoredObject,
} from './storage-streams';

export { FileTooLargeError, type StoredObject } from './storage-streams';

export interface FileStorage {
  put(source: Readable, opts: { maxBytes: number }): Promise<StoredObject>;
  /** The content; a missing object errors the stream with 404 FILE_CONTENT_MISSING. */
  open(key: string): Readable;
  /** Removing a missing object is not an error. */
  remove(key: string): Promise<void>;
  /** Every key this storage holds (only keys of our own shape). */
  list(): AsyncIterable<string>;
}

export function createLocalFileStorage(root: string): FileStorage {
  const fullPath = (key: string) => path.join(root, key.slice(0, 2), key);
  const isMissing = (error: unknown) => (error as { code?: string }).code === 'ENOENT';
  return {
    async put(source, { maxBytes }) {
      const key = newStorageKey();
      await mkdir(path.dirname(fullPath(key)), { recursive: true });
      const meter = uploadMeter(maxBytes);
      try {
        await pipeline(source, meter.stream, createWriteStream(fullPath(key)));
      } catch (error) {
        await rm(fullPath(key), { force: true });
        throw error;
      }
      if (wasTruncated(source)) {
        await rm(fullPath(key), { force: true });
        throw new FileTooLargeError(maxBytes);
      }
      return meter.result(key);
    },
    open: (key) =>
      deferredReadable(async () => {
        const stream = createReadStream(fullPath(key));
        // Wait for the file to open so a missing one is reported before any byte.
        await new Promise<void>((resolve, reject) => {
          stream.once('open', () => resolve());
          stream.once('error', reject);
        });
        return stream;
      }, isMissing),
    remove: (key) => rm(fullPath(key), { force: true }),
    async *list() {
      const shards = await readdir(root, { withFileTypes: true }).catch((error: unknown) => {
        if (isMissing(error)) return [];
        throw error;
      });
      for (const shard of shards) {
        if (!shard.isDirectory() || !/^[0-9a-f]{2}$/.test(shard.name)) continue;
        for (const name of await readdir(path.join(root, shard.name))) {
          if (STORAGE_KEY_PATTERN.test(name) && name.startsWith(shard.name)) yield name;
        }
      }
    },
  };
}
