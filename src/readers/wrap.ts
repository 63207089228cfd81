// Text that wrapped: a PDF keeps no difference between a line a cell's width broke and a line
// break, and text laid out by position wraps a label under its row. Joined again, Chinese takes no
// space and words one; an item's number says a line starts a new row rather than the rest of one.

/** Whether a character is wide (CJK), for joining pieces of one line: no space between wide characters. */
export const WIDE = /[\u2e80-\u303e\u3040-\ua4cf\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * A cell's lines as the one text they wrap: a narrow cell wraps a label (三、本 / 年度办 / 理结果)
 * and even a number, and a PDF keeps no difference between a wrap and a break. Lines join with no
 * space, except a space between two narrow characters that are not both digits (words).
 */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    const before = text.at(-1);
    const after = line[0];
    if (before !== undefined && after !== undefined && !WIDE.test(before) && !WIDE.test(after) && !(/\d/.test(before) && /\d/.test(after))) text += ' ';
    text += line;
  }
  return text;
}

/** An item's number starting a label (1. （一） 二、): a row of its own, never the rest of one. */
export const ITEM = /^(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])/;

/** A page number as a line of its own: 3, -3-, — 3 —, 第3页, 第 3 页 共 12 页, 3/12, Page 3 of 12. */
export const PAGE_NUMBER = /^[-—–－~·\s]*(?:(?:第\s*)?[0-9０-９]+\s*页?(?:\s*[,，/／]?\s*(?:共\s*)?[0-9０-９]+\s*页?)?|page\s*\d+(?:\s*of\s*\d+)?)[-—–－~·\s]*$/i;
