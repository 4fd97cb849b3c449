/**
 * PDF documents (回执, 书面评估意见, 决定书, 公示, 备案确认通知书): one small adapter over pdfkit. A document
 * is described as plain data — title, subtitle lines, blocks (headings, paragraphs, key-value sections,
 * tables, a signature/seal block) and a footer — and rendered to a Buffer. Noto Sans SC (Simplified
 * Chinese, OFL-1.1, from @embedpdf/fonts-sc) is embedded as a subset, so Chinese renders on a machine
 * without system fonts and text stays extractable (CID font with a ToUnicode map).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { formatDocumentDate } from './format';

export type TextAlign = 'left' | 'center' | 'right' | 'justify';

export interface KeyValueRow {
  label: string;
  value: string;
}

export interface TableColumn {
  header: string;
  /** Relative width (default 1): widths are shared out in proportion. */
  width?: number;
  align?: TextAlign;
}

export type DocumentBlock =
  /** A section heading (bold); never left alone at the bottom of a page. */
  | { kind: 'heading'; text: string }
  | {
      kind: 'paragraph';
      text: string;
      align?: TextAlign;
      /** Indent the first line by two characters (公文 style). */
      indent?: boolean;
      size?: number;
      bold?: boolean;
      /** Grey, smaller print for notes. */
      note?: boolean;
    }
  /** A bordered two-column section: label | value, values wrap. */
  | { kind: 'keyValues'; title?: string; rows: KeyValueRow[]; labelWidth?: number }
  /** A bordered table; cells wrap, rows never split across pages, the header repeats on each page. */
  | {
      kind: 'table';
      title?: string;
      columns: TableColumn[];
      rows: string[][];
      /** Shown in one row spanning the table when there are no rows. */
      emptyText?: string;
      fontSize?: number;
    }
  /**
   * Signature block at the right: the signing unit(s), the seal mark ('（盖章）' by default when
   * `seal` is true, or the given text) and the date (a Date is shown as its Beijing-time day,
   * 'YYYY-MM-DD' as 2026年11月26日).
   */
  | { kind: 'signature'; signer: string | string[]; seal?: boolean | string; date?: Date | string }
  | { kind: 'spacer'; height?: number }
  | { kind: 'pageBreak' };

export interface DocumentSpec {
  title: string;
  subtitle?: string[];
  /** A small line at the top right of the first page, e.g. 文号 or an application number. */
  reference?: string;
  blocks: DocumentBlock[];
  /** Footer on every page: optional text above '第 N 页 共 M 页' (page numbers default on). */
  footer?: { text?: string; pageNumbers?: boolean };
  /** Document properties; `createdAt` (the document's own date, from the injected clock) makes the output reproducible. */
  info: { author?: string; subject?: string; keywords?: string; createdAt: Date };
}

const FONT = 'NotoSansSC';
const FONT_BOLD = 'NotoSansSC-Bold';
const BASE_SIZE = 10.5; // 五号
const LINE_GAP = 3;
const CELL_PAD = 5;
const BLOCK_GAP = 10;
const TEXT = '#000000';
const GREY = '#555555';
const BORDER = '#808080';
const FILL = '#EEEEEE';
const MARGINS = { top: 64, bottom: 64, left: 60, right: 60 };

/** Where the embedded fonts are read from (the package exports no package.json: go via its entry). */
export function documentFontPaths(): { regular: string; bold: string } {
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  const dir = path.join(path.dirname(entry), '..', 'fonts');
  return {
    regular: path.join(dir, 'NotoSansHans-Regular.otf'),
    bold: path.join(dir, 'NotoSansHans-Bold.otf'),
  };
}

let fontData: { regular: Buffer; bold: Buffer } | null = null;
/** The two OTF files (≈8 MB each), read once per process. */
function fonts(): { regular: Buffer; bold: Buffer } {
  if (!fontData) {
    const paths = documentFontPaths();
    fontData = { regular: readFileSync(paths.regular), bold: readFileSync(paths.bold) };
  }
  return fontData;
}

type Doc = PDFKit.PDFDocument;

/** Renders a document description to PDF bytes (A4, portrait). */
export function renderPdf(spec: DocumentSpec): Promise<Buffer> {
  const { regular, bold } = fonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    info: {
      Title: spec.title,
      Author: spec.info.author ?? '湖南省职业技能等级认定监管系统',
      Subject: spec.info.subject ?? spec.title,
      Keywords: spec.info.keywords ?? '',
      Creator: '湖南省职业技能等级认定监管系统',
      Producer: 'skillcert (pdfkit)',
      CreationDate: spec.info.createdAt,
    },
  });
  doc.registerFont(FONT, regular);
  doc.registerFont(FONT_BOLD, bold);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  try {
    drawTitle(doc, spec);
    for (const block of spec.blocks) drawBlock(doc, block);
    drawFooters(doc, spec.footer);
    doc.end();
  } catch (error) {
    doc.end();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return done;
}

// ---------------------------------------------------------------- layout helpers

const left = (doc: Doc) => doc.page.margins.left;
const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

function setFont(doc: Doc, size = BASE_SIZE, isBold = false, color = TEXT): void {
  doc
    .font(isBold ? FONT_BOLD : FONT)
    .fontSize(size)
    .fillColor(color);
}

/** Starts a new page when less than `height` is left on this one. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.maxY()) {
    doc.addPage();
    doc.y = doc.page.margins.top;
  }
  doc.x = left(doc);
}

const lineHeight = (doc: Doc) => doc.currentLineHeight(true) + LINE_GAP;

function drawTitle(doc: Doc, spec: DocumentSpec): void {
  const width = contentWidth(doc);
  if (spec.reference) {
    setFont(doc, 9, false, GREY);
    doc.text(spec.reference, left(doc), MARGINS.top - 28, { width, align: 'right' });
  }
  doc.y = MARGINS.top;
  setFont(doc, 18, true);
  doc.text(spec.title, left(doc), doc.y, { width, align: 'center', lineGap: LINE_GAP });
  if (spec.subtitle?.length) {
    doc.moveDown(0.3);
    setFont(doc, 11, false, GREY);
    for (const line of spec.subtitle)
      doc.text(line, left(doc), doc.y, { width, align: 'center', lineGap: LINE_GAP });
  }
  doc.y += BLOCK_GAP * 1.5;
}

function drawBlock(doc: Doc, block: DocumentBlock): void {
  const width = contentWidth(doc);
  switch (block.kind) {
    case 'heading': {
      setFont(doc, 12.5, true);
      // Keep the heading with at least two lines of what follows.
      ensureSpace(doc, doc.heightOfString(block.text, { width }) + 3 * lineHeight(doc));
      doc.text(block.text, left(doc), doc.y, { width, lineGap: LINE_GAP });
      doc.y += 4;
      return;
    }
    case 'paragraph': {
      const size = block.size ?? (block.note ? 9 : BASE_SIZE);
      setFont(doc, size, block.bold ?? false, block.note ? GREY : TEXT);
      ensureSpace(doc, lineHeight(doc));
      doc.text(block.text, left(doc), doc.y, {
        width,
        align: block.align ?? 'left',
        indent: block.indent ? size * 2 : 0,
        lineGap: LINE_GAP,
      });
      doc.y += BLOCK_GAP / 2;
      return;
    }
    case 'keyValues': {
      if (block.title) drawBlock(doc, { kind: 'heading', text: block.title });
      const labelWidth = block.labelWidth ?? 120;
      drawGrid(doc, {
        widths: [labelWidth, width - labelWidth],
        aligns: ['left', 'left'],
        header: null,
        rows: block.rows.map((r) => [r.label, r.value]),
        fontSize: BASE_SIZE,
        labelColumn: true,
      });
      doc.y += BLOCK_GAP;
      return;
    }
    case 'table': {
      if (block.title) drawBlock(doc, { kind: 'heading', text: block.title });
      const weights = block.columns.map((c) => c.width ?? 1);
      const total = weights.reduce((a, b) => a + b, 0);
      const widths = weights.map((w) => (width * w) / total);
      const rows = block.rows.length > 0 || !block.emptyText ? block.rows : null;
      drawGrid(doc, {
        widths,
        aligns: block.columns.map((c) => c.align ?? 'left'),
        header: block.columns.map((c) => c.header),
        rows: rows ?? [],
        fontSize: block.fontSize ?? 9.5,
        emptyText: rows ? undefined : block.emptyText,
      });
      doc.y += BLOCK_GAP;
      return;
    }
    case 'signature': {
      drawSignature(doc, block);
      return;
    }
    case 'spacer': {
      doc.y += block.height ?? BLOCK_GAP;
      return;
    }
    case 'pageBreak': {
      doc.addPage();
      doc.y = doc.page.margins.top;
      doc.x = left(doc);
      return;
    }
  }
}

interface Grid {
  widths: number[];
  aligns: TextAlign[];
  header: string[] | null;
  rows: string[][];
  fontSize: number;
  /** The first column holds labels: shaded, bold. */
  labelColumn?: boolean;
  emptyText?: string | undefined;
}

function drawGrid(doc: Doc, grid: Grid): void {
  const x0 = left(doc);
  const totalWidth = grid.widths.reduce((a, b) => a + b, 0);
  const textOpts = (w: number, align: TextAlign) => ({ width: w - 2 * CELL_PAD, align, lineGap: LINE_GAP });

  const measure = (cells: string[], boldCols: (i: number) => boolean): number => {
    let h = 0;
    cells.forEach((text, i) => {
      setFont(doc, grid.fontSize, boldCols(i));
      const w = grid.widths[i] ?? 0;
      h = Math.max(h, doc.heightOfString(text || ' ', textOpts(w, grid.aligns[i] ?? 'left')));
    });
    return h + 2 * CELL_PAD;
  };

  const drawRow = (cells: string[], height: number, kind: 'header' | 'body' | 'span'): void => {
    const y = doc.y;
    let x = x0;
    const widths = kind === 'span' ? [totalWidth] : grid.widths;
    widths.forEach((w, i) => {
      const shaded = kind === 'header' || (kind === 'body' && grid.labelColumn && i === 0);
      if (shaded) doc.rect(x, y, w, height).fill(FILL);
      doc.lineWidth(0.5).rect(x, y, w, height).stroke(BORDER);
      setFont(doc, grid.fontSize, shaded, kind === 'span' ? GREY : TEXT);
      const align: TextAlign =
        kind === 'header' ? 'center' : kind === 'span' ? 'center' : (grid.aligns[i] ?? 'left');
      doc.text(cells[i] ?? '', x + CELL_PAD, y + CELL_PAD, {
        ...textOpts(w, align),
        height: height - 2 * CELL_PAD + LINE_GAP,
        ellipsis: true,
      });
      x += w;
    });
    doc.y = y + height;
    doc.x = x0;
  };

  const pageRoom = () => doc.page.maxY() - doc.page.margins.top;
  const headerHeight = grid.header ? measure(grid.header, () => true) : 0;
  const drawHeader = () => {
    if (grid.header) drawRow(grid.header, headerHeight, 'header');
  };

  const bodyRows: { cells: string[]; kind: 'body' | 'span' }[] = grid.emptyText
    ? [{ cells: [grid.emptyText], kind: 'span' }]
    : grid.rows.map((cells) => ({ cells, kind: 'body' }));
  const firstHeight = bodyRows[0] ? Math.min(measureRow(bodyRows[0]), pageRoom() - headerHeight) : 0;
  ensureSpace(doc, headerHeight + firstHeight);
  drawHeader();
  for (const row of bodyRows) {
    // A row taller than a whole page is cut (with an ellipsis) rather than split.
    const height = Math.min(measureRow(row), pageRoom() - headerHeight);
    if (doc.y + height > doc.page.maxY()) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      drawHeader();
    }
    drawRow(row.cells, height, row.kind);
  }

  function measureRow(row: { cells: string[]; kind: 'body' | 'span' }): number {
    if (row.kind === 'span') {
      setFont(doc, grid.fontSize);
      return doc.heightOfString(row.cells[0] ?? ' ', textOpts(totalWidth, 'center')) + 2 * CELL_PAD;
    }
    return measure(row.cells, (i) => Boolean(grid.labelColumn && i === 0));
  }
}

function drawSignature(doc: Doc, block: Extract<DocumentBlock, { kind: 'signature' }>): void {
  const signers = [block.signer].flat();
  const seal = block.seal === true ? '（盖章）' : block.seal || null;
  const lines = [
    ...signers,
    ...(seal ? [seal] : []),
    ...(block.date ? [formatDocumentDate(block.date)] : []),
  ];
  setFont(doc, 11.5);
  const lh = lineHeight(doc) + 4;
  const blockWidth = Math.min(260, contentWidth(doc));
  doc.y += BLOCK_GAP * 1.5;
  ensureSpace(doc, lines.length * lh + (seal ? lh : 0));
  const x = left(doc) + contentWidth(doc) - blockWidth;
  for (const line of lines) {
    // Leave room for the seal impression above the date.
    if (line === seal) doc.y += lh / 2;
    doc.text(line, x, doc.y, { width: blockWidth, align: 'center', lineGap: LINE_GAP + 4 });
    if (line === seal) doc.y += lh / 2;
  }
  doc.x = left(doc);
  doc.y += BLOCK_GAP;
}

function drawFooters(doc: Doc, footer: DocumentSpec['footer']): void {
  const pageNumbers = footer?.pageNumbers ?? true;
  if (!pageNumbers && !footer?.text) return;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const savedBottom = doc.page.margins.bottom;
    // Writing inside the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    const width = contentWidth(doc);
    let y = doc.page.height - savedBottom + 18;
    if (footer?.text) {
      setFont(doc, 8.5, false, GREY);
      doc.text(footer.text, left(doc), y, { width, align: 'center', lineBreak: false });
      y += 14;
    }
    if (pageNumbers) {
      setFont(doc, 9, false, GREY);
      doc.text(`第 ${i - range.start + 1} 页 共 ${range.count} 页`, left(doc), y, {
        width,
        align: 'center',
        lineBreak: false,
      });
    }
    doc.page.margins.bottom = savedBottom;
  }
}
