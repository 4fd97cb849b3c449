/**
 * 文件类型识别: an upload's type is decided by its first bytes (magic numbers), never by its name, so an
 * executable renamed to `.pdf` is refused (issue: bad input). Office files are ZIP containers; which
 * one it is comes from the declared extension only after the container check passes.
 */
export type DetectedFileType = 'pdf' | 'png' | 'jpg' | 'zip' | 'mp4' | 'unknown';

export const FILE_TYPE_LABELS: Record<DetectedFileType, string> = {
  pdf: 'PDF',
  png: 'PNG 图片',
  jpg: 'JPG 图片',
  zip: 'Office 文档（XLSX/DOCX）',
  mp4: 'MP4 视频',
  unknown: '未知类型',
};

const startsWith = (head: Uint8Array, bytes: number[], offset = 0) =>
  head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);

/** Needs at least the first 12 bytes of the file. */
export function detectFileType(head: Uint8Array): DetectedFileType {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(head, [0x66, 0x74, 0x79, 0x70], 4)) return 'mp4'; // ....ftyp
  return 'unknown';
}

export const MIME_OF_TYPE: Record<DetectedFileType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  zip: 'application/zip',
  mp4: 'video/mp4',
  unknown: 'application/octet-stream',
};
