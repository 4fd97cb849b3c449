/**
 * A tiny text extractor for the PDFs this server writes (pdfkit: Flate streams, CID fonts with a
 * ToUnicode CMap, text shown with hex strings in TJ/Tj). Not a general PDF parser: enough to assert
 * that the Chinese really is in a document, page by page.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

export interface PdfInfo {
  pages: string[];
  /** All pages' text joined with form feeds. */
  text: string;
  pageCount: number;
  /** Dictionaries of the objects, for structural assertions (FontFile3 present, …). */
  dictionaries: string[];
}

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const source = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = header.exec(source))) {
    const start = m.index + m[0].length;
    const end = source.indexOf('endobj', start);
    const streamAt = source.indexOf('stream', start);
    if (streamAt >= 0 && streamAt < end) {
      const dict = source.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      let dataStart = streamAt + 'stream'.length;
      if (source[dataStart] === '\r') dataStart += 1;
      if (source[dataStart] === '\n') dataStart += 1;
      let data = pdf.subarray(dataStart, dataStart + length);
      if (dict.includes('/FlateDecode')) data = inflateSync(data);
      objects.set(Number(m[1]), { dict, stream: data });
      header.lastIndex = dataStart + length;
    } else {
      objects.set(Number(m[1]), { dict: source.slice(start, end), stream: null });
      header.lastIndex = end;
    }
  }
  return objects;
}

const utf16 = (hex: string) => {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
};

function parseCMap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const section of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const body = section[1] ?? '';
    for (const r of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(r[1]!, 16);
      const hi = parseInt(r[2]!, 16);
      const target = r[3]!;
      if (target.startsWith('[')) {
        const items = [...target.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => utf16(x[1]!));
        items.forEach((s, i) => map.set(lo + i, s));
      } else {
        const base = parseInt(target.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
      }
    }
  }
  for (const section of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const r of (section[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(parseInt(r[1]!, 16), utf16(r[2]!));
  }
  return map;
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

export function extractPdf(pdf: Buffer): PdfInfo {
  const objects = parseObjects(pdf);
  const cmaps = new Map<number, Map<number, string>>();
  const cmapOf = (fontObj: number): Map<number, string> => {
    let cmap = cmaps.get(fontObj);
    if (!cmap) {
      const toUnicode = ref(objects.get(fontObj)?.dict ?? '', 'ToUnicode');
      const stream = toUnicode === null ? null : objects.get(toUnicode)?.stream;
      cmap = stream ? parseCMap(stream.toString('latin1')) : new Map();
      cmaps.set(fontObj, cmap);
    }
    return cmap;
  };

  // Pages in the order of the page tree's Kids.
  const root = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict) && !/\/Parent/.test(o.dict));
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(root?.dict ?? '')?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map(
    (k) => Number(k[1]),
  );

  const pages = kids.map((pageNo) => {
    const page = objects.get(pageNo)!.dict;
    const resourcesRef = ref(page, 'Resources');
    const resources = resourcesRef === null ? page : (objects.get(resourcesRef)?.dict ?? '');
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const fonts = new Map<string, number>();
    for (const f of fontDict.matchAll(/\/([A-Za-z0-9_]+) (\d+) 0 R/g)) fonts.set(f[1]!, Number(f[2]));
    const contents = objects.get(ref(page, 'Contents') ?? -1)?.stream?.toString('latin1') ?? '';
    let current = new Map<number, string>();
    let out = '';
    const decode = (hex: string) => {
      for (let i = 0; i + 4 <= hex.length; i += 4)
        out += current.get(parseInt(hex.slice(i, i + 4), 16)) ?? '';
    };
    const ops = /\/([A-Za-z0-9_]+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bET\b/g;
    for (const op of contents.matchAll(ops)) {
      if (op[1]) current = cmapOf(fonts.get(op[1]) ?? -1);
      else if (op[2] !== undefined) for (const s of op[2].matchAll(/<([0-9a-fA-F]*)>/g)) decode(s[1]!);
      else if (op[3] !== undefined) decode(op[3]);
      else out += '\n';
    }
    return out;
  });

  return {
    pages,
    text: pages.join('\f'),
    pageCount: kids.length,
    dictionaries: [...objects.values()].map((o) => o.dict),
  };
}
