// The JUnit formatter, read back with a real XML parser: counts, attributes, bodies, escaping.

import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/formatters/index.js';
import { junit } from '../../src/formatters/junit.js';
import { isRosterRule, RULES as ALL_RULES } from '../../src/rules/index.js';

/** The rules a report's suite has a case for (the roster's, --expect, have a suite of their own). */
const RULES = ALL_RULES.filter((r) => !isRosterRule(r));
import { batch, CHINESE, context, withDiagnostics, type Batch } from './results.js';

interface Node {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  text: string;
}

/** Parses with saxes (well-formedness errors throw) into a small element tree. */
function parse(xml: string): Node {
  const parser = new SaxesParser();
  const root: Node = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: Node[] = [root];
  parser.on('error', (err) => {
    throw err;
  });
  parser.on('opentag', (tag) => {
    const node: Node = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => {
    stack.at(-1)!.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

const num = (n: Node, attr: string) => Number(n.attributes[attr]);

let b: Batch;
let doc: Node;
beforeAll(async () => {
  b = await batch();
  doc = parse(junit.format(b.all, context({ cwd: b.dir })));
});

describe('junit', () => {
  it('is registered as a --format choice', () => {
    expect(FORMATTERS.get('junit')).toBe(junit);
  });

  it('has one suite per file and one case per rule, so counts mean rules checked', () => {
    expect(doc.name).toBe('testsuites');
    expect(doc.children.map((s) => s.attributes.name)).toEqual(['fixtures/seeded-errors-2022.xlsx', 'fixtures/cell-errors-2023.csv', 'fixtures/dunfangdian-2021.txt', 'fixtures/README.md', CHINESE, 'apostrophe.xlsx']);
    for (const suite of doc.children) {
      expect(suite.name).toBe('testsuite');
      expect(suite.children.map((c) => c.attributes.name)).toEqual(RULES.map((r) => r.meta.id));
      expect(num(suite, 'tests')).toBe(RULES.length);
      expect(suite.attributes.time).toBe('0');
      for (const c of suite.children) {
        expect(c.name).toBe('testcase');
        expect(c.attributes).toMatchObject({ classname: suite.attributes.name, time: '0', file: suite.attributes.name });
        expect(c.children.length).toBeLessThanOrEqual(1);
      }
    }
    expect(num(doc, 'tests')).toBe(RULES.length * b.all.length);
    for (const key of ['failures', 'errors']) expect(num(doc, key)).toBe(doc.children.reduce((n, s) => n + num(s, key), 0));
  });

  it('fails each rule with findings once, listing every finding with its cell and values', () => {
    const suite = doc.children[0]!;
    const failing = new Set(b.seeded.diagnostics.map((d) => d.rule));
    expect(num(suite, 'failures')).toBe(failing.size);
    expect(num(suite, 'errors')).toBe(0);
    expect(num(suite, 'skipped')).toBe(0);
    for (const c of suite.children) {
      const found = b.seeded.diagnostics.filter((d) => d.rule === c.attributes.name);
      if (found.length === 0) {
        expect(c.children).toEqual([]);
        continue;
      }
      const [failure] = c.children;
      expect(failure!.name).toBe('failure');
      expect(failure!.attributes.type).toBe(c.attributes.name);
      expect([...failure!.attributes.message!].length).toBeLessThanOrEqual(160);
      const lines = failure!.text.split('\n');
      expect(lines).toHaveLength(found.length);
      found.forEach((d, i) => {
        expect(lines[i]).toContain(`'年度报告'!${d.cell}`);
        expect(lines[i]).toContain(d.messages.zh);
        expect(lines[i]).toContain(`应为 ${d.expected}`);
        for (const cell of d.cells) expect(lines[i]).toContain(cell);
      });
    }
    const twice = suite.children.find((c) => c.attributes.name === 't3-balance')!;
    expect(twice.children[0]!.attributes.message).toMatch(/^2 处问题：/);
  });

  it('counts warnings as failures too, naming them as warnings', () => {
    const suite = doc.children[1]!;
    const precision = suite.children.find((c) => c.attributes.name === 'cell-precision')!;
    expect(precision.children[0]!.name).toBe('failure');
    expect(precision.children[0]!.text).toMatch(/^警告 {2}B24 第24行/);
  });

  it('passes every rule of a clean file', () => {
    const suite = doc.children[2]!;
    expect([num(suite, 'failures'), num(suite, 'errors'), num(suite, 'skipped')]).toEqual([0, 0, 0]);
    expect(suite.children.every((c) => c.children.length === 0)).toBe(true);
  });

  it('reports an unreadable file as an error and the rules it could not run as skipped', () => {
    const suite = doc.children[3]!;
    expect([num(suite, 'failures'), num(suite, 'errors'), num(suite, 'skipped')]).toEqual([0, 1, RULES.length - 1]);
    const unreadable = suite.children.find((c) => c.attributes.name === 'file-unreadable')!;
    expect(unreadable.children[0]).toMatchObject({ name: 'error', attributes: { type: 'file-unreadable', message: b.unreadable.diagnostics[0]!.messages.zh } });
    expect(unreadable.children[0]!.text).toContain(b.unreadable.diagnostics[0]!.messages.zh);
    expect(suite.children.filter((c) => c.children[0]?.name === 'skipped')).toHaveLength(RULES.length - 1);
  });

  it('escapes markup and drops characters XML 1.0 cannot hold, in attributes and bodies', () => {
    const nasty = `a & b < c > d "e" 'f' \u0001\u0008\uFFFE\uD800 line\nnext\r\ttab 𠀀 ]]>`;
    const kept = `a & b < c > d "e" 'f'  line\nnext\r\ttab 𠀀 ]]>`;
    const d = { ...b.seeded.diagnostics[0]!, messages: { zh: nasty, en: nasty }, message: nasty };
    const result = withDiagnostics(b.seeded, [d], `a&b<"'>.xlsx`);
    const xml = junit.format([result], context());
    const suite = parse(xml).children[0]!;
    expect(suite.attributes.name).toBe(`a&b<"'>.xlsx`);
    const failure = suite.children.find((c) => c.attributes.name === d.rule)!.children[0]!;
    expect(failure.attributes.message).toBe(kept.replace(/\s+/g, ' '));
    expect(failure.text).toContain(kept);
  });

  it('stays lean for a big batch: a few elements per file', () => {
    const many = Array.from({ length: 2000 }, (_, i) => withDiagnostics(b.cells, b.cells.diagnostics, `batch/${i}.csv`));
    const xml = junit.format(many, context());
    const elements = (xml.match(/<[a-z]/g) ?? []).length;
    const failingRules = new Set(b.cells.diagnostics.map((d) => d.rule)).size;
    expect(elements).toBe(1 + many.length * (1 + RULES.length + failingRules));
    expect(parse(xml).children).toHaveLength(2000);
  });
});
