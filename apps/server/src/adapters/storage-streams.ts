/**
 * Pieces both storage adapters share: the meter that counts, hashes and keeps the first bytes of an
 * upload on its way through (nothing is buffered whole), the size limit, the shape of storage keys, and
 * the one error a missing object becomes, whichever adapter is configured.
 */
import { createHash, randomUUID } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { notFound } from '@skillcert/domain';

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

/** 32 lower-case hex characters; anything else found in storage is not ours and never swept. */
export const STORAGE_KEY_PATTERN = /^[0-9a-f]{32}$/;
export const newStorageKey = () => randomUUID().replace(/-/g, '');

/** Bytes to keep from the start of a file to decide its type by content. */
const HEAD_BYTES = 16;

export interface UploadMeter {
  stream: Transform;
  /** Size, SHA-256 and first bytes once the stream has ended. */
  result(key: string): StoredObject;
}

export function uploadMeter(maxBytes: number): UploadMeter {
  const hash = createHash('sha256');
  let size = 0;
  const headChunks: Buffer[] = [];
  let headLength = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new FileTooLargeError(maxBytes));
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        headChunks.push(chunk.subarray(0, HEAD_BYTES - headLength));
        headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
      }
      done(null, chunk);
    },
  });
  return {
    stream,
    result: (key) => ({
      key,
      sizeBytes: size,
      sha256: hash.digest('hex'),
      head: new Uint8Array(Buffer.concat(headChunks)),
    }),
  };
}

/** The multipart reader reports its own limit by truncating the part: treat it as too large. */
export const wasTruncated = (source: Readable) => (source as Readable & { truncated?: boolean }).truncated;

/** A stored file whose content is gone (removed, or never stored): 404 with this code on every adapter. */
export const missingContent = () =>
  notFound('FILE_CONTENT_MISSING', '文件内容不存在（可能已被清理），请联系管理员或重新上传');

/**
 * A readable handed out at once while the content is opened asynchronously: `start` pipes the content
 * into it; its failure, or a missing object, surfaces as an error of the returned stream (before any
 * byte, so the HTTP layer still answers with a status code).
 */
export function deferredReadable(
  start: () => Promise<Readable>,
  isMissing: (error: unknown) => boolean,
): Readable {
  const out = new PassThrough();
  start()
    .then((content) => {
      content.once('error', (error) => out.destroy(isMissing(error) ? missingContent() : error));
      out.once('close', () => content.destroy());
      content.pipe(out);
    })
    .catch((error: unknown) => out.destroy(isMissing(error) ? missingContent() : (error as Error)));
  return out;
}
