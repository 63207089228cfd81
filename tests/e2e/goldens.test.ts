// End-to-end: `report check` on every fixture, text and JSON compared with reviewed goldens in
// tests/e2e/goldens/. After a deliberate change, regenerate with UPDATE_GOLDENS=1 and review the diff.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';

const GOLDENS = join(ROOT, 'tests/e2e/goldens');
const UPDATE = process.env.UPDATE_GOLDENS === '1';
/** Every fixture a user could check: the spreadsheets and texts, the Word documents, the web pages. */
const INPUTS = [
  ...readdirSync(join(ROOT, 'fixtures')).filter((f) => /\.(xlsx|csv|tsv|txt)$/.test(f)),
  ...readdirSync(join(ROOT, 'fixtures/documents')).filter((f) => f.endsWith('.docx')).map((f) => `documents/${f}`),
  ...readdirSync(join(ROOT, 'fixtures/pages')).filter((f) => /\.(html|htm|mht)$/.test(f)).map((f) => `pages/${f}`),
  ...readdirSync(join(ROOT, 'fixtures/narrative')).filter((f) => f.endsWith('.txt')).map((f) => `narrative/${f}`),
].sort();

function compare(name: string, actual: string) {
  const path = join(GOLDENS, name);
  if (UPDATE) {
    mkdirSync(GOLDENS, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(existsSync(path), `missing golden ${name}: run UPDATE_GOLDENS=1 npx vitest run tests/e2e/goldens.test.ts`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('goldens', () => {
  it('there are fixtures of every input kind', () => {
    for (const ext of ['xlsx', 'csv', 'tsv', 'txt', 'docx', 'html', 'htm', 'mht']) expect(INPUTS.some((f) => f.endsWith(`.${ext}`))).toBe(true);
  });

  it.each(INPUTS)('%s', async (input) => {
    const file = `fixtures/${input}`;
    const text = await cli(['check', file]);
    const golden = input.replace('/', '-');
    compare(`${golden}.txt`, `${text.stdout}exit ${text.code}\n`);
    const json = await cli(['check', '--format', 'json', file]);
    compare(`${golden}.json`, json.stdout);
    expect(json.code).toBe(text.code);
    expect(text.stderr + json.stderr).toBe('');
  });

  it('English messages', async () => {
    const r = await cli(['check', '--lang', 'en', 'fixtures/seeded-errors-2022.xlsx', 'fixtures/cell-errors-2023.csv']);
    compare('english.txt', `${r.stdout}exit ${r.code}\n`);
  });
});
