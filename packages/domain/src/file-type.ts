/**
 * 文件类型识别: an upload's type is decided by its content (magic numbers), never by its name, so an
 * executable renamed to `.pdf` is refused. XLSX and DOCX are both ZIP containers: which one a ZIP is comes
 * from its `[Content_Types].xml` entry (see ./zip-entries.ts), and a ZIP that is neither stays a plain
 * 'zip', which no material slot accepts.
 */
export type DetectedFileType = 'pdf' | 'png' | 'jpg' | 'xlsx' | 'docx' | 'zip' | 'mp4' | 'unknown';

export const FILE_TYPE_LABELS: Record<DetectedFileType, string> = {
  pdf: 'PDF',
  png: 'PNG 图片',
  jpg: 'JPG 图片',
  xlsx: 'Excel 表格（XLSX）',
  docx: 'Word 文档（DOCX）',
  zip: 'ZIP 压缩包',
  mp4: 'MP4 视频',
  unknown: '未知类型',
};

const startsWith = (head: Uint8Array, bytes: number[], offset = 0) =>
  head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);

/**
 * Needs at least the first 12 bytes of the file. Any ZIP answers 'zip' here: whether it is XLSX or DOCX
 * takes the whole file ({@link officeTypeOfContentTypes}).
 */
export function detectFileType(head: Uint8Array): DetectedFileType {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(head, [0x66, 0x74, 0x79, 0x70], 4)) return 'mp4'; // ....ftyp
  return 'unknown';
}

/** The OOXML main-part content types (ECMA-376 Part 1): a workbook or a word-processing document. */
const OFFICE_MAIN_PARTS: [Exclude<DetectedFileType, 'zip'>, string][] = [
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
  ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'],
];

/** Which Office document a `[Content_Types].xml` declares; null when it declares neither. */
export function officeTypeOfContentTypes(xml: string): 'xlsx' | 'docx' | null {
  for (const [type, contentType] of OFFICE_MAIN_PARTS) {
    if (xml.includes(`ContentType="${contentType}"`) || xml.includes(`ContentType='${contentType}'`)) {
      return type as 'xlsx' | 'docx';
    }
  }
  return null;
}

export const MIME_OF_TYPE: Record<DetectedFileType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
  mp4: 'video/mp4',
  unknown: 'application/octet-stream',
};
