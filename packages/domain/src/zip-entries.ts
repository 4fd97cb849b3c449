/**
 * A minimal reader of a ZIP's directory (PKWARE APPNOTE 4.3): finds one entry by name through the end of
 * central directory record and the central directory, then its local file header. Pure over bytes; the
 * caller inflates the data when `method` is 8 (deflate). Malformed or ZIP64 archives answer null, which
 * the upload check treats as "not an Office document".
 */
export interface ZipEntryData {
  /** 0 = stored, 8 = deflate. */
  method: number;
  uncompressedSize: number;
  /** The entry's bytes as stored in the archive (compressed when method is 8). */
  data: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

export function findZipEntry(zip: Uint8Array, name: string): ZipEntryData | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const u16 = (at: number) => (at + 2 <= zip.length ? view.getUint16(at, true) : -1);
  const u32 = (at: number) => (at + 4 <= zip.length ? view.getUint32(at, true) : -1);

  let eocd = -1;
  for (let at = zip.length - EOCD_MIN; at >= 0 && at >= zip.length - EOCD_MIN - MAX_COMMENT; at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(eocd + 10);
  let at = u32(eocd + 16);
  const wanted = new TextEncoder().encode(name);

  for (let i = 0; i < count; i++) {
    if (at < 0 || u32(at) !== CENTRAL) return null;
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const uncompressedSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    const nameBytes = zip.subarray(at + 46, at + 46 + nameLength);
    if (nameBytes.length === wanted.length && nameBytes.every((b, k) => b === wanted[k])) {
      const local = u32(at + 42);
      if (local < 0 || u32(local) !== LOCAL) return null;
      const start = local + 30 + u16(local + 26) + u16(local + 28);
      if (compressedSize === 0xffffffff || start + compressedSize > zip.length) return null;
      return { method, uncompressedSize, data: zip.subarray(start, start + compressedSize) };
    }
    at = next;
  }
  return null;
}
