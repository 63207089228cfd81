// Numbers as reports write them in their text: Arabic digits (after NFKC) or Chinese numerals
// (五十一, 两千零五, 二〇二三). The rules about the text read counts with them, the metadata a year.

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A number written in Chinese numerals (一百二十三, 两千零五, 十二), or digit by digit (二〇二三); null if malformed. */
export function chineseNumber(text: string): number | null {
  if (text.length === 0) return null;
  if (![...text].some((c) => c in UNITS || c === '万')) {
    // 二〇二三: digits in a row (a year); a single digit.
    let n = 0;
    for (const c of text) {
      const d = DIGITS[c];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return n;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of text) {
    if (c in DIGITS) {
      if (digit !== null && DIGITS[c] !== 0 && digit !== 0) return null;
      digit = DIGITS[c]!;
    } else if (c in UNITS) {
      section += (digit ?? 1) * UNITS[c]!;
      digit = null;
    } else if (c === '万') {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

/** A number as written in a sentence: Arabic digits (NFKC) or Chinese numerals. */
export const NUMBER = '\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万]+';

export function numberOf(text: string): number | null {
  return /^\d/.test(text) ? Number(text) : chineseNumber(text);
}
