/**
 * Whether a stored ZIP is really an XLSX or a DOCX: reads its `[Content_Types].xml` entry (the domain's
 * ZIP directory reader finds it; deflated entries are inflated here, capped so a ZIP bomb cannot blow up
 * memory) and asks the domain which Office main part it declares.
 */
import { inflateRawSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import { findZipEntry, officeTypeOfContentTypes } from '@skillcert/domain';

/** `[Content_Types].xml` lists a few dozen parts; anything larger is not a document we accept. */
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

export async function officeTypeOfZip(stream: Readable): Promise<'xlsx' | 'docx' | null> {
  const entry = findZipEntry(await readAll(stream), '[Content_Types].xml');
  if (!entry || entry.uncompressedSize > MAX_CONTENT_TYPES_BYTES) return null;
  let xml: Buffer;
  try {
    if (entry.method === 0) xml = Buffer.from(entry.data);
    else if (entry.method === 8)
      xml = inflateRawSync(entry.data, { maxOutputLength: MAX_CONTENT_TYPES_BYTES });
    else return null;
  } catch {
    return null; // corrupt or oversized entry: not an Office document
  }
  return officeTypeOfContentTypes(xml.toString('utf8'));
}
