// A fingerprint of a passage of text that tells how alike two passages are without keeping either:
// the 128 smallest hashes of its character 4-grams (a bottom-k sketch). Two sketches estimate the
// Jaccard similarity of the passages' 4-gram sets, exactly when the two have fewer than 128 4-grams
// between them.

const K = 128;
const GRAM = 4;

/** Text as compared: NFKC, without white space and punctuation; digits as 0, so a changed year or count does not hide a copy. */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .replace(/\d/g, '0');
}

/** FNV-1a of `length` characters of `text` from `from`. */
function hash(text: string, from: number, length = GRAM): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A sentence's fingerprint, base 36: its text NFKC, without white space and punctuation, digits kept
 * (the same sentence with another figure is another statement). Names a place in the narrative
 * whatever paragraph it moves to (baselines match findings on the text by it).
 */
export function sentenceFingerprint(text: string): string {
  const kept = text.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '');
  return hash(kept, 0, kept.length).toString(36);
}

/** The sketch of comparable text: its smallest distinct 4-gram hashes, ascending, base 36, joined by '.'. */
export function sketchOf(text: string): string {
  const hashes = new Set<number>();
  for (let i = 0; i + GRAM <= text.length; i++) hashes.add(hash(text, i));
  return [...hashes]
    .sort((a, b) => a - b)
    .slice(0, K)
    .map((h) => h.toString(36))
    .join('.');
}

/** The estimated Jaccard similarity (0–1) of the passages two sketches are of. */
export function similarity(a: string, b: string): number {
  // A passage too short for one 4-gram is like no other.
  if (a === '' || b === '') return 0;
  const x = new Set(a.split('.').map((h) => parseInt(h, 36)));
  const y = new Set(b.split('.').map((h) => parseInt(h, 36)));
  // The K smallest of the union: how many of them both passages have.
  const union = [...new Set([...x, ...y])].sort((p, q) => p - q).slice(0, K);
  if (union.length === 0) return 0;
  let both = 0;
  for (const h of union) if (x.has(h) && y.has(h)) both++;
  return both / union.length;
}
