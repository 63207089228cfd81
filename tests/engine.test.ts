// The engine: severities, both languages, sorting, and fingerprints that survive moved rows.

import { describe, expect, it } from 'vitest';
import { checkReport } from '../src/engine/index.js';
import { balancedReport, bump } from './helpers/report.js';

describe('checkReport', () => {
  it('carries the message in both languages and the cells taking part', () => {
    const [d] = checkReport(bump(balancedReport('2021'), 't4', 'review', 'total', 1)).diagnostics;
    expect(d!.messages.zh).toContain('表四');
    expect(d!.messages.en).toContain('Table 4');
    expect(d!.message).toBe(d!.messages.zh);
    expect(d!.cells).toHaveLength(5);
    expect([d!.sheetRow, d!.sheetColumn]).toEqual([60, 5]);
  });

  it('fingerprints name the finding, not its row: moving the table keeps them', () => {
    const a = bump(balancedReport('2021'), 't4', 'review', 'total', 1);
    const b = bump(balancedReport('2021'), 't4', 'review', 'total', 3);
    for (const row of Object.values(b.tables.t4!.rows)) for (const v of Object.values(row.cells)) v.loc = { ...v.loc!, row: v.loc!.row + 7, cell: v.loc!.cell.replace(/\d+$/, (n) => String(Number(n) + 7)) };
    const fa = checkReport(a).diagnostics[0]!.fingerprint;
    const fb = checkReport(b).diagnostics[0]!.fingerprint;
    expect(fa).toBe(fb);
    expect(fa).toMatch(/^[0-9a-f]{32}$/);
    const other = bump(balancedReport('2021'), 't4', 'suitDirect', 'total', 1);
    expect(checkReport(other).diagnostics[0]!.fingerprint).not.toBe(fa);
  });
});
