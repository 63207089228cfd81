// The test helper itself: its balanced reports really balance.

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { balancedReport } from './report.js';

describe('balancedReport', () => {
  it.each(['2019', '2021'] as const)('the %s edition report checks clean', (edition) => {
    expect(checkReport(balancedReport(edition)).diagnostics).toEqual([]);
  });
});
