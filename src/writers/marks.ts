// How an annotated copy marks a cell, the same in the official-layout workbook and in the clerk's
// own Word document: the cell shaded in the colour of its worst finding (Excel's own "bad" and
// "neutral" cell styles), and a note or comment holding every finding on it as the terminal words it.

import type { Diagnostic } from '../engine/index.js';
import type { Severity } from '../rules/types.js';

/** The shading of a marked cell, as RRGGBB. */
export const MARK_COLORS: Record<Severity, string> = { error: 'FFC7CE', warning: 'FFEB9C' };

/** The worst severity among the findings on one cell. */
export const worstSeverity = (list: readonly Diagnostic[]): Severity => (list.some((d) => d.severity === 'error') ? 'error' : 'warning');

/** What the note on a cell says: one line per finding, its rule and its message. */
export const noteLines = (list: readonly Diagnostic[]): string[] => list.map((d) => `${d.rule}: ${d.message}`);
