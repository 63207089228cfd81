// Every seeded error in fixtures/ is found at its cell, and the clean fixtures raise no error,
// written out here by hand from fixtures/README.md, so regenerated goldens cannot hide a regression.

import { describe, expect, it } from 'vitest';
import { checkFile, checkFiles } from '../../src/index.js';

const CLEAN = [
  'dunfangdian-2021.txt',
  'official-2022.xlsx',
  'per-sheet-2023.xlsx',
  'gb18030-2022.csv',
  'utf8-bom-2023.csv',
  'libreoffice-2021.xlsx',
  'label-variants-2022.xlsx',
  'edition2019-2020.xlsx',
  'edition2019-2019.csv',
  'pasted-variants-2021.txt',
  'utf16-2022.txt',
  'pipes-2023.txt',
  'documents/balanced-2022.docx',
  'documents/edition2019-2020.docx',
  'documents/layout-table-2023.docx',
  'pages/word-2021.htm',
  'pages/wps-2022.html',
  'pages/cms-split-2023.html',
  'pages/layout-2022.htm',
  'pages/word-2022.mht',
  'narrative/consistent-2023.txt',
  'narrative/edition2019-2020.txt',
  'narrative/slips-2022.txt',
];

/** rule table row column cell, for every error-severity finding. */
const SEEDED: Record<string, string[]> = {
  'seeded-errors-2022.xlsx': [
    't3-row-total t3 granted total J32',
    't3-result-total t3 resultTotal legal H53',
    't3-balance t3 - natural D54',
    't3-balance t3 - commercial E54',
    't4-total t4 review total E60',
  ],
  'cell-errors-2023.csv': [
    'cell-not-integer t2 licensing decisions B17',
    'cell-blank t3 carriedOver nonprofit G31',
    'cell-blank t3 denied.stateSecret research F34',
    'cell-not-number t3 unavailable.unclear legal H44',
    'cell-negative t3 notProcessed.excessive commercial E48',
  ],
  'gbk-seeded-2021.tsv': ['t3-row-total t3 unavailable.notHeld total J42', 't3-result-total t3 resultTotal total J53'],
  'six-as-one-2022.xlsx': ['row-missing t3 otherHandling - B50'],
  'missing-t4-2022.csv': ['table-missing t4 - - -'],
  'markdown-2022.txt': ['t4-total t4 suitDirect total J66'],
  // A document's cells are named with their table.
  'documents/seeded-errors-2022.docx': [
    't3-row-total t3 denied.thirdParty total 表格2!J11',
    't3-result-total t3 resultTotal commercial 表格2!E27',
    't4-total t4 suitAfterReview total 表格3!O4',
  ],
  'pages/seeded-errors-2021.html': ['t3-row-total t3 unavailable.needsCreation total 表格6!J17', 't3-result-total t3 resultTotal research 表格6!F27'],
};

const errors = async (file: string) =>
  (await checkFile(`fixtures/${file}`)).diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => [d.rule, d.table, d.row ?? '-', d.column ?? '-', d.cell === null ? '-' : d.sheet?.startsWith('表格') ? `${d.sheet}!${d.cell}` : d.cell].join(' '));

describe('fixtures', () => {
  it.each(CLEAN)('%s has no error', async (file) => {
    const result = await checkFile(`fixtures/${file}`);
    expect(await errors(file)).toEqual([]);
    expect(result.agency).toBeTruthy();
    expect(result.year).toBeGreaterThan(2018);
  });

  it.each(Object.entries(SEEDED))('%s: every seeded error at its cell, nothing else', async (file, expected) => {
    expect(await errors(file)).toEqual(expected);
  });

  it('cell-errors-2023.csv: the precision and number-writing warnings', async () => {
    const warnings = (await checkFile('fixtures/cell-errors-2023.csv')).diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.rule} ${d.cell}`);
    expect(warnings).toEqual(['cell-precision B24', 'cell-number-text D32', 'cell-number-text D33']);
  });

  it('narrative/slips-2023.txt: every slip of its text at its paragraph and line, with last year’s report beside it', async () => {
    const results = [...(await checkFiles(['fixtures/narrative/slips-2022.txt', 'fixtures/narrative/slips-2023.txt'], { jobs: 1 }).results())];
    expect(results[0]!.diagnostics).toEqual([]);
    const found = results[1]!.diagnostics.map((d) => `${d.rule} ${d.messageId} ${d.paragraph} ${d.line}`);
    expect(found.sort()).toEqual(
      [
        'period-year-mismatch mismatch 2 2',
        'text-table-mismatch count 5 5',
        'text-table-mismatch share 5 5',
        'section-missing missing 17 65',
        'fee-note-missing missing 17 65',
        'text-repeated copied 16 64',
      ].sort(),
    );
  });

  it('the edition and year of each 2019 fixture', async () => {
    for (const [file, year] of [['edition2019-2019.csv', 2019], ['edition2019-2020.xlsx', 2020]] as const) {
      expect(await checkFile(`fixtures/${file}`)).toMatchObject({ edition: '2019', year });
    }
  });
});
