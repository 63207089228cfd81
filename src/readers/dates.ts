// Spreadsheet dates: how a date cell shows and the serial number behind it, the same for every reader.

const DAY = 86_400_000;

/**
 * A date cell as Excel shows it, and the serial number behind it (what the clerk typed, often a
 * count in a cell formatted as a date). exceljs counts from 1899-12-30; Excel shows serials below
 * 61 one day later because it counts a 1900-02-29 that never was.
 */
export function dateCell(d: Date): { text: string; number?: number } {
  if (Number.isNaN(d.getTime())) return { text: '' };
  const serial = Math.round(((d.getTime() - Date.UTC(1899, 11, 30)) / DAY) * 1e6) / 1e6;
  const shown = serial > 0 && serial < 61 ? new Date(d.getTime() + DAY) : d;
  const text = shown.toISOString().replace(/T00:00:00\.000Z$/, '').replace(/\.000Z$/, 'Z');
  return { text, number: serial };
}
