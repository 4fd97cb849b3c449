/**
 * Reads the one .xlsx file of an Excel import (multipart field `file`). Import files are small (limit
 * given by the route) and parsed whole by exceljs, so they are read into memory, unlike materials.
 * Text fields sent before the file (e.g. the source of an imported list) come back in `fields`.
 */
import type { FastifyRequest } from 'fastify';
import { invalid } from '@skillcert/domain';
import { refuseHostileFileName, refuseHostileText } from './input-guard';

export async function readImportFile(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ buffer: Buffer; fileName: string; fields: Record<string, string> }> {
  if (!request.isMultipart())
    throw invalid('MULTIPART_REQUIRED', '请以 multipart/form-data 上传 .xlsx 文件（字段 file）');
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part) throw invalid('IMPORT_FILE_MISSING', '请选择要导入的 .xlsx 文件');
  if (part.fieldname !== 'file') {
    part.file.resume();
    throw invalid('UNKNOWN_FIELD', `不允许的附件字段：${part.fieldname}`);
  }
  refuseHostileFileName(part);
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    if (value && !Array.isArray(value) && value.type === 'field') fields[name] = String(value.value);
  }
  for (const [name, value] of Object.entries(fields)) {
    refuseHostileText(name, '');
    refuseHostileText(value, name);
  }
  try {
    return { buffer: await part.toBuffer(), fileName: part.filename || '未命名.xlsx', fields };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw invalid('IMPORT_FILE_TOO_LARGE', `导入文件不能超过${Math.round(maxBytes / 1024 / 1024)}MB`);
    throw error;
  }
}
