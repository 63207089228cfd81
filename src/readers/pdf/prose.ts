// The text of a PDF outside its tables, as paragraphs in reading order, without the page's
// furniture: page numbers (-3-, 第 3 页, 3/12) and running headers or footers (the same words at
// the same place on several pages). A PDF has lines, not paragraphs: a line starts a new paragraph
// when the one before stopped short of the right margin, when it is indented (a first line), when
// space or a table stands between them, when its font size differs (a heading), or when it starts
// with a heading's number (六、, （二）, 第三部分) after a line that ended a sentence. A paragraph runs on
// over a page break when nothing says it ends.

import { joinLines, PAGE_NUMBER } from '../wrap.js';
import type { TextLine } from './lattice.js';

/** A page's lines outside its tables, top to bottom, and how far down the page each table runs (y up: top > bottom). */
export interface PageLines {
  page: number;
  lines: TextLine[];
  /** Tables drawn without rules (`stream`) come into a page's blocks after its ruled ones. */
  blocks: Array<{ top: number; bottom: number; stream?: boolean }>;
}

export interface PdfParagraph {
  text: string;
  page: number;
}

/** A line that ends a sentence, and one that starts a numbered heading: a heading after a full line. */
const SENTENCE_END = /[。；;：:！!？?]$/;
const HEADING_START = /^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分|[（(][一二三四五六七八九十]+[）)])/;

/** How many lines at each end of a page may be furniture. */
const EDGE_LINES = 2;

/** The lines at the top and bottom of a page that are furniture. */
export function furnitureOf(pages: readonly PageLines[]): Set<TextLine> {
  const out = new Set<TextLine>();
  const ends = pages.map((p) => [...p.lines.slice(0, EDGE_LINES), ...p.lines.slice(-EDGE_LINES)]);
  // Running headers and footers: the same words (page numbers aside) at the same height on more than one page.
  const seen = new Map<string, number>();
  const key = (line: TextLine) => `${Math.round(line.y / 2)}|${line.text.replace(/[0-9０-９]+/g, '#')}`;
  for (const lines of ends) for (const line of new Set(lines)) seen.set(key(line), (seen.get(key(line)) ?? 0) + 1);
  for (const lines of ends) for (const line of lines) if (PAGE_NUMBER.test(line.text) || (seen.get(key(line)) ?? 0) > 1) out.add(line);
  return out;
}

/** The paragraphs of the pages' lines (the caller leaves the furniture out), in reading order. */
export function paragraphsOf(pages: readonly PageLines[]): PdfParagraph[] {
  const out: PdfParagraph[] = [];
  let open: { lines: string[]; page: number; last: TextLine; right: number } | null = null;
  const close = () => {
    if (open) out.push({ text: joinLines(open.lines), page: open.page });
    open = null;
  };
  for (const { page, lines: body, blocks } of pages) {
    if (body.length === 0) continue;
    const left = Math.min(...body.map((l) => l.x));
    const right = Math.max(...body.map((l) => l.end));
    // A table above the page's first line ends the paragraph the last page left open.
    if (blocks.some((t) => t.bottom >= body[0]!.y)) close();
    let previous: TextLine | null = null;
    for (const line of body) {
      const indented = line.x > left + line.size;
      const sizeChanged = open !== null && Math.abs(open.last.size - line.size) > 0.5;
      const stoppedShort = open !== null && open.last.end < open.right - 1.5 * open.last.size;
      // Space between them: a blank line, or a table (which is never less).
      const apart = previous !== null && previous.y - line.y > 2 * Math.max(previous.size, line.size);
      const heading = open !== null && SENTENCE_END.test(open.last.text) && HEADING_START.test(line.text);
      // A new page: the paragraph runs on unless a table closed it (below) or this line says it starts.
      if (!open || indented || sizeChanged || stoppedShort || apart || heading) {
        close();
        open = { lines: [line.text], page, last: line, right };
      } else {
        open.lines.push(line.text);
        open.last = line;
        open.right = right;
      }
      previous = line;
    }
    // A table after the page's last line ends its paragraph.
    if (previous && blocks.some((t) => t.top <= previous!.y)) close();
  }
  close();
  return out;
}
