// Meta-tests: the rule registry, the rule files, their tests, FORMAT.md and README stay in step.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';
import { withRulesTables } from '../src/rules/docs.js';
import { ROOT, SHARED } from './helpers/cli.js';


describe('rules registry', () => {
  it('ids are unique', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s: file name, test file and bilingual docs', (id, rule) => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(existsSync(join(ROOT, 'src/rules', `${id}.ts`))).toBe(true);
    expect(existsSync(join(ROOT, 'tests/rules', `${id}.test.ts`))).toBe(true);
    for (const field of [rule.meta.description, rule.meta.rationale, rule.meta.fix]) {
      expect(field.zh.length).toBeGreaterThan(3);
      expect(field.en.length).toBeGreaterThan(3);
    }
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    for (const message of Object.values(rule.meta.messages)) {
      expect(message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(message.en).toMatch(/[a-z]/);
      // Both languages use the same placeholders.
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(message.en)).toEqual(names(message.zh));
    }
  });

  it('every rule file is registered', () => {
    const files = readdirSync(join(ROOT, 'src/rules'))
      .filter((f) => /^[a-z0-9]+-[a-z0-9-]+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  it('every rule id of FORMAT.md is implemented', () => {
    const format = readFileSync(join(SHARED, 'FORMAT.md'), 'utf8');
    const ids = [...format.matchAll(/^\| `([a-z][a-z0-9-]+)` \|/gm)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(10);
    const implemented = new Set(RULES.map((r) => r.meta.id));
    expect(ids.filter((id) => !implemented.has(id))).toEqual([]);
  });

  it('README rules tables are generated from the code (npm run docs)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(withRulesTables(readme)).toBe(readme);
    for (const rule of RULES) expect(readme).toContain(`| \`${rule.meta.id}\` |`);
  });
});

describe('README', () => {
  it('shows the real output of the seeded-errors fixture', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const golden = readFileSync(join(ROOT, 'tests/e2e/goldens/seeded-errors-2022.xlsx.txt'), 'utf8').replace(/exit \d+\n$/, '').trimEnd();
    expect(readme).toContain(`$ report check fixtures/seeded-errors-2022.xlsx\n${golden}\n`);
  });

  it('starts with the two commands, and the bundled report exists', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(block).toMatch(/^npm ci && node bin\/report\.js check fixtures\/dunfangdian-2021\.txt/m);
    expect(block).toMatch(/^npm ci && npm test/m);
    expect(existsSync(join(ROOT, 'fixtures/dunfangdian-2021.txt'))).toBe(true);
  });
});

describe('README pictures', () => {
  it('every picture the README shows is in the repository', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(pictures.length).toBeGreaterThanOrEqual(2);
    for (const p of pictures) expect(existsSync(join(ROOT, p)), p).toBe(true);
  });
});

describe('bundle', () => {
  it('starts its workers from the CommonJS worker bundle beside it (scripts/bundle.mjs)', () => {
    // Without it the pool falls back to the unbundled build, and every test would still pass.
    expect(existsSync(join(ROOT, 'dist/bundle/worker.cjs'))).toBe(true);
    const cli = readdirSync(join(ROOT, 'dist/bundle')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(ROOT, 'dist/bundle', f), 'utf8'));
    expect(cli.some((code) => code.includes('"./worker.cjs"'))).toBe(true);
  });
});
