/**
 * S3-compatible object storage behind the FileStorage interface (selected by S3_BUCKET).
 *
 * Uploads stream through the same meter as the local adapter (size, SHA-256, first bytes on the fly).
 * The length of an upload is not known in advance (it arrives inside a multipart form), and
 * @aws-sdk/lib-storage is not installed, so the adapter does what its `Upload` does, by hand: parts of
 * PART_BYTES are collected one at a time and sent as a multipart upload, so memory stays at one part
 * whatever the file size; a file smaller than one part goes in one PutObject with its known length. A
 * failed or too large upload aborts the multipart upload, so no parts are left behind.
 * Downloads stream the object's body; a missing object is the same 404 as with the local adapter.
 */
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type CompletedPart,
} from '@aws-sdk/client-s3';
import type { FileStorage } from './file-storage';
import type { S3Settings } from './s3-settings';
import {
  deferredReadable,
  FileTooLargeError,
  newStorageKey,
  STORAGE_KEY_PATTERN,
  uploadMeter,
  wasTruncated,
} from './storage-streams';

/** [policy] 8 MiB parts: above S3's 5 MiB minimum, and the most an upload holds in memory at once. */
export const PART_BYTES = 8 * 1024 * 1024;

export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    ...(settings.accessKeyId && settings.secretAccessKey
      ? {
          credentials: {
            accessKeyId: settings.accessKeyId,
            secretAccessKey: settings.secretAccessKey,
          },
        }
      : {}),
    // Checksums only where S3 requires them: many S3-compatible servers reject the newer
    // aws-chunked checksum trailers; integrity is the SHA-256 the adapter computes itself.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

const isMissing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

export function createS3FileStorage(settings: S3Settings, client = createS3Client(settings)): FileStorage {
  const Bucket = settings.bucket;
  const objectKey = (key: string) => `${settings.prefix}${key}`;

  /** Sends the metered bytes; returns once the object exists. */
  async function upload(key: string, chunks: AsyncIterable<Buffer>): Promise<void> {
    let uploadId: string | undefined;
    const parts: CompletedPart[] = [];
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const sendPart = async () => {
      uploadId ??= (await client.send(new CreateMultipartUploadCommand({ Bucket, Key: objectKey(key) })))
        .UploadId!;
      const body = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      const PartNumber = parts.length + 1;
      const { ETag } = await client.send(
        new UploadPartCommand({ Bucket, Key: objectKey(key), UploadId: uploadId, PartNumber, Body: body }),
      );
      parts.push({ ETag: ETag!, PartNumber });
    };
    try {
      for await (const chunk of chunks) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= PART_BYTES) await sendPart();
      }
      if (uploadId === undefined) {
        const body = Buffer.concat(pending, pendingBytes);
        await client.send(
          new PutObjectCommand({ Bucket, Key: objectKey(key), Body: body, ContentLength: body.length }),
        );
        return;
      }
      if (pendingBytes > 0) await sendPart();
      await client.send(
        new CompleteMultipartUploadCommand({
          Bucket,
          Key: objectKey(key),
          UploadId: uploadId,
          MultipartUpload: { Parts: parts },
        }),
      );
    } catch (error) {
      if (uploadId !== undefined) {
        await client
          .send(new AbortMultipartUploadCommand({ Bucket, Key: objectKey(key), UploadId: uploadId }))
          .catch(() => undefined);
      }
      throw error;
    }
  }

  const remove = async (key: string) => {
    await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
  };

  return {
    async put(source, { maxBytes }) {
      const key = newStorageKey();
      const meter = uploadMeter(maxBytes);
      // Wait for both sides, so a failed upload has aborted its parts before put() answers.
      const [piped, sent] = await Promise.allSettled([
        pipeline(source, meter.stream),
        upload(key, meter.stream as AsyncIterable<Buffer>),
      ]);
      if (piped.status === 'rejected' && piped.reason instanceof FileTooLargeError) throw piped.reason;
      if (sent.status === 'rejected') throw sent.reason;
      if (piped.status === 'rejected') throw piped.reason;
      if (wasTruncated(source)) {
        await remove(key);
        throw new FileTooLargeError(maxBytes);
      }
      return meter.result(key);
    },
    open: (key) =>
      deferredReadable(async () => {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
        return object.Body as Readable;
      }, isMissing),
    remove,
    async *list() {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: settings.prefix, ContinuationToken }),
        );
        for (const object of page.Contents ?? []) {
          const key = object.Key?.slice(settings.prefix.length) ?? '';
          if (STORAGE_KEY_PATTERN.test(key)) yield key;
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
  };
}
