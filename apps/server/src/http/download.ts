/**
 * File downloads: the headers every download answers with, written once. The name is sent twice, as
 * RFC 6266 asks: `filename*` carries the real (Chinese) name in UTF-8 per RFC 5987, and `filename` an
 * ASCII fallback for clients that do not read `filename*`. Stored files also carry their SHA-256, so a
 * downloader can check what it received against what was uploaded.
 */
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * RFC 5987 `value-chars`: encodeURIComponent leaves ' ( ) * unescaped, which `attr-char` does not allow
 * (a quote would end the charset part of the value), so they are escaped too.
 */
export const rfc5987 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * An ASCII stand-in for a name: printable ASCII kept (quotes, backslashes and separators replaced), each
 * run of other characters one `_`; a name with nothing left becomes `download` with its extension.
 */
export function asciiFileName(fileName: string): string {
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(fileName)?.[0] ?? '';
  const stem = fileName
    .slice(0, fileName.length - extension.length)
    .replace(/[^\x20-\x7e]+/g, '_')
    .replace(/["\\;%]/g, '_')
    .replace(/^[_\-\s.]+|[_\-\s.]+$/g, '');
  return `${stem || 'download'}${extension}`;
}

/** The Content-Disposition of a download named `fileName` (optionally with a chosen ASCII name). */
export const attachment = (fileName: string, asciiName = asciiFileName(fileName)): string =>
  `attachment; filename="${asciiFileName(asciiName)}"; filename*=UTF-8''${rfc5987(fileName)}`;

export interface Download {
  /** Content-Type of the body. */
  type: string;
  fileName: string;
  /** A readable ASCII name for old clients; derived from `fileName` when not given. */
  asciiName?: string;
  /** SHA-256 of a stored file's content (hex), sent as `x-content-sha256`. */
  sha256?: string;
}

/** Sets a download's headers on the reply; the caller sends the body (a buffer or a stream). */
export function downloadHeaders(reply: FastifyReply, download: Download): FastifyReply {
  reply
    .header('content-type', download.type)
    .header('content-disposition', attachment(download.fileName, download.asciiName));
  if (download.sha256) reply.header('x-content-sha256', download.sha256);
  return reply;
}

/** The download of a stored file (material, photo, evidence, attachment) as recorded at upload. */
export const storedFileDownload = (file: {
  mimeType: string;
  originalName: string;
  sha256: string;
}): Download => ({ type: file.mimeType, fileName: file.originalName, sha256: file.sha256 });
