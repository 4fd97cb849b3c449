/**
 * Receiving one uploaded file: stream it to storage with a size limit, then decide its type from its
 * content. Zero bytes, over the limit, or a type the slot does not accept → a specific Chinese error and
 * the stored bytes are removed again. A ZIP counts as XLSX or DOCX only when its `[Content_Types].xml` says
 * so; a plain ZIP archive is refused wherever it is sent.
 */
import type { Readable } from 'node:stream';
import {
  detectFileType,
  FILE_TYPE_LABELS,
  invalid,
  MIME_OF_TYPE,
  type DetectedFileType,
} from '@skillcert/domain';
import { FileTooLargeError, type FileStorage } from '../../adapters/file-storage';
import { officeTypeOfZip } from './office-type';

export interface UploadedFile {
  key: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  type: DetectedFileType;
}

export interface UploadRule {
  accept: DetectedFileType[];
  maxBytes: number;
  label: string;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export async function receiveUpload(
  storage: FileStorage,
  source: Readable,
  originalName: string,
  rule: UploadRule,
): Promise<UploadedFile> {
  let stored;
  try {
    stored = await storage.put(source, { maxBytes: rule.maxBytes });
  } catch (error) {
    if (
      error instanceof FileTooLargeError ||
      (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE'
    ) {
      throw invalid('FILE_TOO_LARGE', `${rule.label}超过大小限制（最大 ${mb(rule.maxBytes)}）`);
    }
    throw error;
  }
  if (stored.sizeBytes === 0) {
    await storage.remove(stored.key);
    throw invalid('FILE_EMPTY', `${rule.label}是空文件（0 字节），请重新选择`);
  }
  let type = detectFileType(stored.head);
  if (type === 'zip') type = (await officeTypeOfZip(storage.open(stored.key))) ?? 'zip';
  if (!rule.accept.includes(type)) {
    await storage.remove(stored.key);
    const accepted = rule.accept.map((t) => FILE_TYPE_LABELS[t]).join('、');
    throw invalid(
      'FILE_TYPE_NOT_ALLOWED',
      `${rule.label}的实际内容不是允许的类型（允许：${accepted}），文件名后缀不作为判断依据`,
    );
  }
  return {
    key: stored.key,
    originalName: originalName.slice(0, 200),
    mimeType: MIME_OF_TYPE[type],
    sizeBytes: stored.sizeBytes,
    sha256: stored.sha256,
    type,
  };
}

/**
 * Removes stored content that no record will reference (the recording transaction failed). A removal
 * that fails itself is not reported over the original error: the orphan sweep removes the content later.
 */
export async function discardUploads(storage: FileStorage, files: readonly { key: string }[]): Promise<void> {
  for (const file of files) await storage.remove(file.key).catch(() => undefined);
}

/**
 * Upload and cleanup, written once: content is stored before the transaction that records it, so when
 * `record` fails (its transaction rolled back) the stored content is removed before the error goes on.
 */
export async function recordUploads<T>(
  storage: FileStorage,
  files: readonly { key: string }[],
  record: () => Promise<T>,
): Promise<T> {
  try {
    return await record();
  } catch (error) {
    await discardUploads(storage, files);
    throw error;
  }
}
