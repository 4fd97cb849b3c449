/** Reads a multipart form: text fields into an object, the one file part streamed to storage. */
import type { FastifyRequest } from 'fastify';
import { invalid } from '@skillcert/domain';
import type { FileStorage } from '../adapters/file-storage';
import { refuseHostileFileName, refuseHostileText } from './input-guard';
import {
  discardUploads,
  receiveUpload,
  type UploadedFile,
  type UploadRule,
} from '../use-cases/files/uploaded-file';

export interface MultipartForm {
  fields: Record<string, string>;
  file: UploadedFile | null;
}

export async function readMultipartForm(
  request: FastifyRequest,
  storage: FileStorage,
  fileField: string,
  rule: UploadRule,
): Promise<MultipartForm> {
  if (!request.isMultipart())
    throw invalid('MULTIPART_REQUIRED', '请以 multipart/form-data 表单提交（含附件）');
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: rule.maxBytes + 1 } })) {
      refuseHostileText(part.fieldname, '');
      if (part.type === 'file') {
        if (part.fieldname !== fileField || file) {
          part.file.resume();
          throw invalid('UNKNOWN_FIELD', `不允许的附件字段：${part.fieldname}`);
        }
        refuseHostileFileName(part);
        file = await receiveUpload(storage, part.file, part.filename, rule);
      } else {
        fields[part.fieldname] = String(part.value);
        refuseHostileText(fields[part.fieldname]!, part.fieldname);
      }
    }
  } catch (error) {
    if (file) await discardUploads(storage, [file]);
    throw error;
  }
  return { fields, file };
}

/**
 * The form's file, which the route requires: a form sent without it is bad input (400 FILE_REQUIRED),
 * not a missing resource.
 */
export function requireUpload(file: UploadedFile | null, message: string): UploadedFile {
  if (!file) throw invalid('FILE_REQUIRED', message);
  return file;
}
