// Tolerant label normalisation and matching: how clerks really write the template's labels.

/** Numbering found in front of a label: 一、 (level 1), （一） (level 2), 1. (level 3). */
export interface Numbering {
  level: 1 | 2 | 3;
  n: number;
}

export interface NormalizedLabel {
  text: string;
  numbering: Numbering | null;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cnNumber(s: string): number {
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (CN_DIGITS[s[1]!] ?? 0);
  if (s.length === 2 && s.endsWith('十')) return (CN_DIGITS[s[0]!] ?? 0) * 10;
  return CN_DIGITS[s] ?? 0;
}

/**
 * NFKC, no whitespace anywhere (labels wrap mid-word), no quotes, 合计 read as 总计,
 * brackets and punctuation in their half-width forms.
 */
export function normalizeText(raw: string): string {
  return remember(textCache, raw, normalizeTextOnce);
}

/**
 * Every label is normalised several times per file and the same few hundred labels recur in
 * every file of a batch: remember them (bounded, so a hostile file cannot grow the cache).
 */
export function remember<T>(cache: Map<string, T>, key: string, compute: (key: string) => T, limit = 2_000): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= limit) cache.clear();
    value = compute(key);
    cache.set(key, value);
  }
  return value;
}

const textCache = new Map<string, string>();
const labelCache = new Map<string, NormalizedLabel>();

function normalizeTextOnce(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/["'“”‘’「」『』〝〞＂]/g, '')
    .replace(/合计/g, '总计')
    .replace(/其它/g, '其他')
    .replace(/[【〔［]/g, '(')
    .replace(/[】〕］]/g, ')')
    .replace(/[。;；]+$/g, '');
}

const NUMBERING: Array<[RegExp, 1 | 2 | 3, (m: RegExpExecArray) => number]> = [
  [/^([一二三四五六七八九十]{1,3})[、.,，]/, 1, (m) => cnNumber(m[1]!)],
  [/^\(([一二三四五六七八九十]{1,3})\)[、.,]?/, 2, (m) => cnNumber(m[1]!)],
  [/^(\d{1,2})(?:[、.,)]|(?=[^\d.,]))/, 3, (m) => Number(m[1])],
];

/** Punctuation inside a label that clerks add or drop: 其他法律、行政法规 / 三安全、一稳定. */
const INNER_PUNCTUATION = /[、,，;；:：.·•]/g;

/** Normalise a label, split off its numbering, and drop the punctuation inside it. */
export function normalizeLabel(raw: string): NormalizedLabel {
  return remember(labelCache, raw, normalizeLabelOnce);
}

function normalizeLabelOnce(raw: string): NormalizedLabel {
  const text = normalizeText(raw);
  for (const [re, level, num] of NUMBERING) {
    const m = re.exec(text);
    if (m) return { text: text.slice(m[0].length).replace(INNER_PUNCTUATION, ''), numbering: { level, n: num(m) } };
  }
  return { text: text.replace(INNER_PUNCTUATION, ''), numbering: null };
}

/**
 * The score from which a label names its item outright: it is the alias, or starts with it (a
 * local note follows, 现行有效件数（历史累计）). Below it, a text only contains the alias, which is
 * enough for a row among rows but not for a header cell or a table-2 row.
 */
export const NAMES_ITEM = 2000;

/**
 * How well a normalised text matches one alias: the text is the alias (3000), starts with it
 * (NAMES_ITEM, 2000), or contains it (1000), plus the alias's length, since longer aliases are
 * more specific. 0 = no match.
 */
export function matchScore(text: string, alias: string): number {
  if (!text || !alias) return 0;
  if (text === alias) return 3000 + alias.length;
  if (text.startsWith(alias)) return NAMES_ITEM + alias.length;
  if (alias.length >= 4 && text.includes(alias)) return 1000 + alias.length;
  return 0;
}

export interface Match<T> {
  item: T;
  score: number;
  alias: string;
}

/** Per candidate list, the best match of each text seen: labels recur in every file of a batch. */
const matches = new WeakMap<readonly object[], Map<string, Match<never> | null>>();

/**
 * The best-matching candidate for a text, or null. Ties go to the first candidate. Remembered per
 * candidate list (pass the same array each time); the match returned is shared, not to be changed.
 */
export function bestMatch<T extends { aliases: string[] }>(text: string, candidates: readonly T[]): Match<T> | null {
  let cache = matches.get(candidates) as Map<string, Match<T> | null> | undefined;
  if (!cache) matches.set(candidates, (cache = new Map()));
  // Looked up before anything is made for a miss: nearly every lookup is a hit.
  const known = cache.get(text);
  return known !== undefined ? known : remember(cache, text, (t) => bestMatchOnce(t, candidates));
}

function bestMatchOnce<T extends { aliases: string[] }>(text: string, candidates: readonly T[]): Match<T> | null {
  let best: Match<T> | null = null;
  for (const item of candidates) {
    for (const alias of item.aliases) {
      const score = matchScore(text, alias);
      if (score > 0 && (!best || score > best.score)) best = { item, score, alias };
    }
  }
  return best;
}
