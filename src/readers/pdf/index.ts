// PDF reports: the tables drawn with rules (lattice.ts), joined over page breaks (join.ts), tables
// without rules (stream.ts), and the text around them as paragraphs (prose.ts), from what pdf.js
// gives of each page: its text items with their positions, and its drawing operations. Each table
// becomes a sheet named for where it starts and its place in the document (第2页 表格3), cells
// where its grid puts them; each row knows its page. A PDF without any text is a scan (or blank);
// one that needs a password cannot be opened; streams that inflate beyond the limit are refused
// before pdf.js sees them (bombs.ts).

import { makeCell, pdfSheetName, type Cell, type Grid, type Paragraph, type Range, type Sheet } from '../../model/grid.js';
import { ReadError } from '../errors.js';
import type { Limits } from '../limits.js';
import { checkInflation } from './bombs.js';
import { joinTables, type JoinedTable, type PageTables } from './join.js';
import { findTables, readLines, type TextPiece } from './lattice.js';
import { cmapFolder, loadPdfJs, standardFontFolder, type PdfJs } from './pdfjs.js';
import { furnitureOf, paragraphsOf, type PageLines } from './prose.js';
import { multiply, pageGeometry, type Box, type Matrix } from './rules.js';
import { streamTables } from './stream.js';

type Document = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type Page = Awaited<ReturnType<Document['getPage']>>;

/** An image at least this share of the page's width, and this tall (points), can hold a table. */
const IMAGE_WIDTH = 0.4;
const IMAGE_HEIGHT = 60;

/** What one page gives: its tables' parts, its lines outside them, its images large enough to be a table. */
type PageRead = PageTables & PageLines & { pictures: Box[]; hasText: boolean };

/** The first line of an error's message, for a reason's detail. */
const detail = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 120);

/**
 * The matrix from a page's user space to the page as shown (its /Rotate and crop applied), y up
 * from the bottom: what lattice.ts and prose.ts read in.
 */
function shownSpace(page: Page): { matrix: Matrix; width: number } {
  const viewport = page.getViewport({ scale: 1 });
  const flip: Matrix = [1, 0, 0, -1, 0, viewport.height];
  return { matrix: multiply(viewport.transform as Matrix, flip), width: viewport.width };
}

async function readPage(lib: PdfJs, page: Page): Promise<PageRead> {
  const { matrix, width } = shownSpace(page);
  const content = await page.getTextContent({ disableNormalization: true });
  const pieces: TextPiece[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const m = multiply(item.transform as Matrix, matrix);
    pieces.push({ text: item.str, x: m[4], y: m[5], width: item.width, size: Math.hypot(m[2], m[3]) });
  }
  // The drawing operations, only of a page with text: a page without is blank or a scan, and its image need not be decoded.
  const geometry = pieces.length > 0 ? pageGeometry(await page.getOperatorList({ annotationMode: lib.AnnotationMode.DISABLE }), lib.OPS, matrix) : { rules: [], images: [] };
  const { tables, outside } = findTables(geometry.rules, pieces);
  tables.sort((a, b) => b.ys[0]! - a.ys[0]!);
  page.cleanup();
  return {
    page: page.pageNumber,
    tables,
    lines: readLines(outside),
    blocks: tables.map((t) => ({ top: t.ys[0]!, bottom: t.ys.at(-1)! })),
    // Known once the furniture of the whole document is (readPdf).
    textAbove: false,
    textBelow: false,
    pictures: geometry.images.filter((b) => b.right - b.left >= width * IMAGE_WIDTH && b.top - b.bottom >= IMAGE_HEIGHT),
    hasText: pieces.length > 0,
  };
}

/** A joined table as a sheet: its cells, its merges, the page of each row. */
function sheetOf(table: JoinedTable, index: number): Sheet {
  const rows = new Map<number, Cell[]>();
  const merges: Range[] = [];
  for (const c of table.cells) {
    if (c.rows > 1 || c.cols > 1) merges.push({ top: c.row, left: c.col, bottom: c.row + c.rows - 1, right: c.col + c.cols - 1 });
    if (c.text === '') continue;
    const cell = makeCell(c.row, c.col, 'text', c.text);
    const row = rows.get(c.row);
    if (row) row.push(cell);
    else rows.set(c.row, [cell]);
  }
  return { name: pdfSheetName(table.page, index), rows, merges, rowPages: table.rowPages };
}

/**
 * Pages read this many at a time: pdf.js inflates a stream on Node's thread pool and waits for it,
 * and a page read meanwhile fills the wait (a tenth of the time of reading pages one by one).
 */
const PAGES_AT_ONCE = 4;

/** Every page of the document, in order. */
async function readPages(lib: PdfJs, doc: Document): Promise<PageRead[]> {
  const pages = new Array<PageRead>(doc.numPages);
  let next = 1;
  const reader = async () => {
    for (let n = next++; n <= doc.numPages; n = next++) {
      try {
        pages[n - 1] = await readPage(lib, await doc.getPage(n));
      } catch (err) {
        if (err instanceof ReadError) throw err;
        throw new ReadError('corrupt-pdf', { detail: `page ${n}: ${detail(err)}` });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PAGES_AT_ONCE, doc.numPages) }, reader));
  return pages;
}

/**
 * Why a PDF without any text cannot be read: a scan (its first page shows an image; decoded only
 * now, for this), or nothing to read at all (blank pages, or content pdf.js could not parse).
 */
async function withoutText(lib: PdfJs, doc: Document): Promise<ReadError> {
  const page = await doc.getPage(1);
  const { images } = pageGeometry(await page.getOperatorList({ annotationMode: lib.AnnotationMode.DISABLE }), lib.OPS);
  return new ReadError(images.length > 0 ? 'scanned-pdf' : 'no-text-pdf', { pages: doc.numPages });
}

async function open(lib: PdfJs, bytes: Uint8Array): Promise<{ task: ReturnType<PdfJs['getDocument']>; doc: Document }> {
  const task = lib.getDocument({
    // A copy, and a plain Uint8Array (pdf.js refuses a Buffer): pdf.js hands its data to its worker,
    // which detaches the buffer, and the caller's may be Node's shared pool.
    data: new Uint8Array(bytes),
    verbosity: lib.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useSystemFonts: false,
    cMapUrl: cmapFolder(),
    cMapPacked: true,
    standardFontDataUrl: standardFontFolder(),
    stopAtErrors: false,
  });
  try {
    return { task, doc: await task.promise };
  } catch (err) {
    await task.destroy();
    const name = (err as { name?: string } | null)?.name;
    if (name === 'PasswordException') throw new ReadError('encrypted', { type: 'PDF' });
    throw new ReadError('corrupt-pdf', { detail: detail(err) });
  }
}

/**
 * Read a PDF into a Grid: its tables as sheets, its other text as paragraphs. Throws ReadError:
 * 'inflated-too-large', 'encrypted' (a password to open), 'corrupt-pdf', 'too-many-pages',
 * 'scanned-pdf', 'no-text-pdf'.
 */
export async function readPdf(file: string, bytes: Uint8Array, limits: Limits): Promise<Grid> {
  await checkInflation(bytes, limits.maxInflatedBytes);
  const lib = await loadPdfJs();
  const { task, doc } = await open(lib, bytes);
  try {
    if (doc.numPages === 0) throw new ReadError('corrupt-pdf', { detail: 'no pages' });
    if (doc.numPages > limits.maxPages) throw new ReadError('too-many-pages', { pages: doc.numPages, limit: limits.maxPages });
    const pages = await readPages(lib, doc);
    if (!pages.some((p) => p.hasText)) throw await withoutText(lib, doc);
    const furniture = furnitureOf(pages);
    for (const p of pages) p.lines = p.lines.filter((l) => !furniture.has(l));
    // Tables without rules, among the lines outside the ruled ones, in document order; a page's
    // lines are then its text, and each such table a block of it.
    const lines = pages.flatMap((p) => p.lines);
    const stream = streamTables(lines, pages.flatMap((p) => p.lines.map(() => p.page)));
    let at = 0;
    for (const p of pages) {
      const from = at;
      at += p.lines.length;
      p.lines = p.lines.filter((_, i) => !stream.taken.has(from + i));
    }
    for (const { page, top, bottom } of stream.blocks) pages[page - 1]!.blocks.push({ top, bottom, stream: true });
    // What stands above a page's first ruled table and below its last: text of the body, or a table without rules.
    for (const p of pages) {
      if (p.tables.length === 0) continue;
      const [top, bottom] = [p.tables[0]!.ys[0]!, p.tables.at(-1)!.ys.at(-1)!];
      const marks = [...p.lines.map((l) => l.y), ...p.blocks.filter((b) => b.stream).map((b) => b.top)];
      p.textAbove = marks.some((y) => y > top);
      p.textBelow = marks.some((y) => y < bottom);
    }
    // Ruled and unruled tables in the order the document shows them.
    const tables = [...joinTables(pages), ...stream.tables].sort((a, b) => a.page - b.page || b.top - a.top);
    const sheets = tables.map(sheetOf);
    const paragraphs: Paragraph[] = paragraphsOf(pages).map((p, i) => ({ text: p.text, index: i + 1, page: p.page }));
    const images = pages.filter((p) => p.pictures.length > 0).map((p) => p.page);
    return { file, kind: 'pdf', sheets, paragraphs, ...(images.length > 0 ? { images } : {}) };
  } finally {
    await task.destroy();
  }
}
