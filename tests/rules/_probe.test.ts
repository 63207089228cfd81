import { it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { loadReport } from '../../src/index.js';
import { readFileSync } from 'node:fs';
it('probe', async () => {
  for (const f of ['/work/shared/seed/dunfangdian-2021.txt', '/tmp/probe/t4short.txt']) {
  const rep = await loadReport(f, {}, readFileSync(f));
  console.log(JSON.stringify(rep.tables.t4?.rows.suitAfterReview?.cells), rep.tables.t4?.missingColumns);
  console.log(JSON.stringify(checkReport(rep).diagnostics.map(d=>[d.rule,d.message])));
  }
});
