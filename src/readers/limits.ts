// How much one input may cost: bounds that keep a hostile or broken file from exhausting memory
// or time. A real report is a workbook of tens of kilobytes with a few hundred cells; the defaults
// are far above that and far below what would hurt. Each can be changed on the command line.

export interface Limits {
  /** Largest file read, in bytes. */
  maxFileBytes: number;
  /** Most bytes the parts read from one .xlsx or .docx, or the streams of one PDF, may inflate to. */
  maxInflatedBytes: number;
  /** Most non-empty cells in one sheet (or one CSV/text file). */
  maxCells: number;
  /** Longest one file may take in a folder run, in milliseconds (0: no limit). */
  timeoutMs: number;
  /** Most pages of a PDF read (a real report has 5 to 20). */
  maxPages: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxFileBytes: 50 * MB,
  maxInflatedBytes: 100 * MB,
  maxCells: 200_000,
  timeoutMs: 30_000,
  maxPages: 1000,
};

export function limitsWith(overrides: Partial<Limits> | undefined): Limits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: MB, mb: MB, g: 1024 * MB, gb: 1024 * MB };

/** '50MB', '512k', '1.5g', '1000000' as bytes; null when it is not a size. */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  return m && unit !== undefined ? Math.round(Number(m[1]) * unit) : null;
}

/** '30s', '2m', '500ms', '30' (seconds) as milliseconds; null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min)?\s*$/i.exec(text);
  if (!m) return null;
  const unit = (m[2] ?? 's').toLowerCase();
  return Math.round(Number(m[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000));
}

/** A byte count for people: 52428800 -> '50 MB'; exact bytes when rounding would hide the difference from `other`. */
export function formatSize(bytes: number, other?: number): string {
  const shown = (n: number) => (n >= MB ? `${+(n / MB).toFixed(1)} MB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KB` : `${n} B`);
  return other !== undefined && other !== bytes && shown(other) === shown(bytes) ? `${bytes} B` : shown(bytes);
}
