// Meta-tests: the rule registry, the rule files, their tests, docs/format.md, README and the
// workspace's FORMAT.md (when it is beside the checkout) stay in step.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../src/form/index.js';
import { alwaysShown, placeholders } from '../src/engine/messages.js';
import { RULES } from '../src/rules/index.js';
import type { Bilingual } from '../src/rules/types.js';
import { withGeneratedBlocks } from '../src/rules/docs.js';
import { ROOT } from './helpers/cli.js';
import { sharedPath } from './helpers/shared.js';


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
    for (const message of Object.values(rule.meta.messages) as Bilingual[]) {
      expect(message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(message.en).toMatch(/[a-z]/);
      // Well formed: no bracket left once the optional parts are taken out.
      for (const template of [message.zh, message.en]) expect(alwaysShown(template)).not.toMatch(/[[\]|]/);
      // Both languages always show the same placeholders (an optional part may differ: 等 N 份 / N more).
      const names = (s: string) => placeholders(alwaysShown(s)).sort();
      expect(names(message.en)).toEqual(names(message.zh));
    }
  });

  it('every rule file is registered', () => {
    const files = readdirSync(join(ROOT, 'src/rules'))
      .filter((f) => /^[a-z0-9]+-[a-z0-9-]+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  // One way: every id the workspace's contract names is implemented; the project may implement more.
  const format = sharedPath('FORMAT.md');
  it.skipIf(!format)('every rule id of ../shared/FORMAT.md is implemented', () => {
    const ids = [...readFileSync(format!, 'utf8').matchAll(/^\| `([a-z][a-z0-9-]+)` \|/gm)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(10);
    const implemented = new Set(RULES.map((r) => r.meta.id));
    expect(ids.filter((id) => !implemented.has(id))).toEqual([]);
  });

  it.each(['README.md', 'docs/format.md'])('the generated tables of %s are up to date (npm run docs)', (name) => {
    const text = readFileSync(join(ROOT, name), 'utf8');
    expect(withGeneratedBlocks(text)).toBe(text);
  });

  it('README and docs/format.md list every rule', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const format = readFileSync(join(ROOT, 'docs/format.md'), 'utf8');
    for (const rule of RULES) {
      expect(readme).toContain(`| \`${rule.meta.id}\` |`);
      expect(format).toContain(`| \`${rule.meta.id}\` |`);
    }
  });

  it('docs/format.md names every canonical key of both editions', () => {
    const format = readFileSync(join(ROOT, 'docs/format.md'), 'utf8');
    const keys = Object.values(EDITIONS).flatMap((e) => [
      ...e.t2.blocks.flatMap((b) => [...b.rows, ...b.columns].map((x) => x.key)),
      ...e.t3.rows.map((r) => r.key),
      ...e.t3.columns.map((c) => c.key),
      ...e.t4.groups.map((g) => g.key),
      ...e.t4.columns.map((c) => c.key),
    ]);
    expect(keys.filter((k) => !format.includes(`\`${k}\``))).toEqual([]);
  });

  it('a generated block with an unknown name is an error, not a stale table', () => {
    expect(() => withGeneratedBlocks('<!-- generated:nope -->\nx\n<!-- /generated:nope -->')).toThrow(/nope/);
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

describe('layers', () => {
  /**
   * The folders of src/ from the bottom up: each imports only from its own folder and from the
   * layers below it (the library root, src/index.ts, counts as a layer of its own). Formatters and
   * writers are peers: neither imports the other.
   */
  const LAYERS = [['form'], ['model'], ['readers'], ['extract'], ['rules'], ['engine'], ['formatters', 'writers'], ['batch'], ['index'], ['cli']];
  const layerOf = (folder: string) => LAYERS.findIndex((layer) => layer.includes(folder));
  const SRC = join(ROOT, 'src');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  /** The folder of src/ a file is in ('index' for the library root). */
  const folderOf = (file: string) => {
    const [first, ...rest] = relative(SRC, file).split(/[\\/]/);
    return rest.length === 0 ? 'index' : first!;
  };

  it('every folder of src/ has its layer', () => {
    const folders = new Set(sources(SRC).map(folderOf));
    expect([...folders].filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it('imports point down: no folder imports from a layer above it or from a peer', () => {
    const wrong: string[] = [];
    for (const file of sources(SRC)) {
      const from = folderOf(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
        const to = folderOf(resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
        if (to !== from && layerOf(to) >= layerOf(from)) wrong.push(`${relative(ROOT, file)} -> ${m[1]}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
