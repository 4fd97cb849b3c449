import { describe, expect, it } from 'vitest';
import { findZipEntry } from '../src/zip-entries';
import { detectFileType, officeTypeOfContentTypes } from '../src/file-type';
import { acceptedFileTypes } from '../src/filing/material-slots';

/** A STORED (uncompressed) ZIP of the given entries, laid out as APPNOTE 4.3 says; CRCs are not checked. */
function storedZip(entries: Record<string, string>): Uint8Array {
  const enc = new TextEncoder();
  const locals: number[] = [];
  const centrals: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];
  for (const [name, text] of Object.entries(entries)) {
    const n = [...enc.encode(name)];
    const d = [...enc.encode(text)];
    const offset = locals.length;
    locals.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(0));
    locals.push(...u32(d.length), ...u32(d.length), ...u16(n.length), ...u16(0), ...n, ...d);
    centrals.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(0));
    centrals.push(...u32(d.length), ...u32(d.length), ...u16(n.length), ...u16(0), ...u16(0), ...u16(0));
    centrals.push(...u16(0), ...u32(0), ...u32(offset), ...n);
  }
  const count = Object.keys(entries).length;
  const eocd = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count)];
  eocd.push(...u32(centrals.length), ...u32(locals.length), ...u16(0));
  return new Uint8Array([...locals, ...centrals, ...eocd]);
}

const types = (main: string) =>
  `<?xml version="1.0"?><Types><Override PartName="/x.xml" ContentType="application/vnd.openxmlformats-officedocument.${main}.main+xml"/></Types>`;
const text = (e: ReturnType<typeof findZipEntry>) => new TextDecoder().decode(e!.data);

describe('ZIP directory reader', () => {
  it('finds an entry by name through the central directory, after others', () => {
    const zip = storedZip({ 'a.txt': 'hello', '[Content_Types].xml': types('spreadsheetml.sheet') });
    expect(detectFileType(zip)).toBe('zip');
    const entry = findZipEntry(zip, '[Content_Types].xml');
    expect(entry?.method).toBe(0);
    expect(officeTypeOfContentTypes(text(entry))).toBe('xlsx');
  });

  it('answers null for a plain ZIP without the entry, and for bytes that are no ZIP', () => {
    expect(findZipEntry(storedZip({ 'notes.txt': '备忘' }), '[Content_Types].xml')).toBeNull();
    expect(findZipEntry(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), '[Content_Types].xml')).toBeNull();
    const cut = storedZip({ '[Content_Types].xml': types('spreadsheetml.sheet') });
    expect(findZipEntry(cut.subarray(0, cut.length - 30), '[Content_Types].xml')).toBeNull();
  });
});

describe('officeTypeOfContentTypes', () => {
  it('tells a workbook from a word-processing document', () => {
    expect(officeTypeOfContentTypes(types('spreadsheetml.sheet'))).toBe('xlsx');
    expect(officeTypeOfContentTypes(types('wordprocessingml.document'))).toBe('docx');
  });
  it('answers null for other OOXML (a presentation) or unrelated XML', () => {
    expect(officeTypeOfContentTypes(types('presentationml.presentation'))).toBeNull();
    expect(officeTypeOfContentTypes('<Types/>')).toBeNull();
  });
});

describe('acceptedFileTypes', () => {
  it("reads a stored slot's legacy 'zip' as XLSX and DOCX, never as a plain ZIP", () => {
    expect(acceptedFileTypes(['pdf', 'zip'])).toEqual(['pdf', 'xlsx', 'docx']);
    expect(acceptedFileTypes(['xlsx'])).toEqual(['xlsx']);
  });
});
