// Property: damaged copies of the real fixtures never crash or hang the reader. Each run takes a
// fixture (fixtures/*.xlsx, *.csv, *.tsv, *.txt; not fixtures/bad) and applies a few random
// mutations: flipped bits, ranges overwritten with random bytes, truncation, a duplicated range,
// inserted bytes, a zeroed range, structural tokens (quotes, delimiters, BOMs, tags, entities),
// and a number (or every occurrence of it) replaced by an odd one. Workbooks are damaged two ways:
// as zip bytes (also re-zipped uncompressed), and by mutating the inflated XML of one part and
// zipping it again, so that the XML parser sees damaged XML rather than only a zip that fails to
// open. loadReport(name, {}, bytes) and then checkReport(report) must give a result (never throw,
// reject or hang), and a file that cannot be read must say why with one of the file-unreadable
// rule's message ids. The reading happens in a child process (reader-process.ts): a fatal V8 error
// or an endless loop there fails the case instead of killing or stalling the test run. A failing
// input is saved under $TMPDIR/property-crashes/ (the bytes, and a .note with the fixture, the
// mutations and the error or stack). Known counterexamples run first, as plain tests.

import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES_BY_ID } from '../../src/rules/index.js';
import { options, runs, timeout } from './options.js';
import { ReaderProcess, type Outcome } from './reader-process.js';

const FIXTURES = 'fixtures';
const REASONS = Object.keys(RULES_BY_ID.get('file-unreadable')!.meta.messages);
const CRASHES = join(tmpdir(), 'property-crashes');

const fixtures = (...extensions: string[]) =>
  readdirSync(FIXTURES)
    .filter((f) => extensions.includes(extname(f).toLowerCase()))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) }));

const XLSX = fixtures('.xlsx');
const DELIMITED = fixtures('.csv', '.tsv');
const TEXT = fixtures('.txt');

// ---- Mutations ----

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Tokens that mean something to a CSV/text reader: quotes, delimiters, line ends, BOMs, bad encodings, labels. */
const TEXT_TOKENS: Uint8Array[] = [
  ...['"', '""', ',', '\t', ';', '\r', '\n', '\r\n', '\u0000', '\ufeff', '\u2028', '-', '无', '１２', '1,234', '5件', '+5', '=SUM(A1)'],
  ...['总计', '合计', '（七）总计', '其他', '（六）其他处理', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '二、主动公开政府信息情况'],
  ...['本年制发件数', '上一年项目数量', '示例县局2021年政府信息公开工作年度报告', '报告年度：', '填报单位：', '2019年', ','.repeat(300)],
].map(utf8);
const RAW_TOKENS: Uint8Array[] = [
  [0xef, 0xbb, 0xbf], // UTF-8 BOM
  [0xff, 0xfe], // UTF-16 LE BOM
  [0xfe, 0xff], // UTF-16 BE BOM
  [0xc3, 0x28], // broken UTF-8
  [0xed, 0xa0, 0x80], // an encoded lone surrogate
  [0xff],
  [0xb1, 0xed, 0xc8, 0xfd], // 表三 in GB18030
  [0x81, 0x30], // a truncated GB18030 four-byte sequence
].map((b) => new Uint8Array(b));
/** Tokens that mean something to the XML parser and the workbook reader. */
const XML_TOKENS: Uint8Array[] = [
  ...['<', '>', '</', '/>', '"', "'", '=', '&', '&amp;', '&lt', '&#0;', '&#x110000;', '&#xD800;', '&nbsp;', '&a;', '<![CDATA[', ']]>', '<!--', '-->', '<?x?>'],
  ...['<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>', '<?xml version="1.0"?>', '<x:c>', '</row>', '<row>', '<row r="0">', '<row r="1048577">', '<c>', '<c r="A1"><v>1</v></c>'],
  ...['<c r="XFD1048576" t="s"><v>0</v></c>', '<c t="s"><v>99999</v></c>', '<c t="inlineStr"><is><t>总计</t></is></c>', '<c t="e"><v>#REF!</v></c>', '<c t="b"><v>1</v></c>'],
  ...['<c s="9999"><v>45000</v></c>', '<f>SUM(A1:A2)</f>', '<v>', '</v>', '<si><t>合计</t></si>', '<si>', '<mergeCell ref="A1:XFD1048576"/>', '<mergeCell ref="B2:A1"/>', '<mergeCell ref="A1"/>'],
  ...['<sheet name="x" sheetId="9" r:id="rId99"/>', '<Relationship Id="rId1" Type="x/worksheet" Target="../../../x.xml"/>', 'Target="/xl/worksheets/sheet1.xml"', 'date1904="1"', ' r="A0"', ' t="s"', ' s="3"'],
  '\u0000',
  '\ufeff',
].map(utf8);
/** Numbers a cell, an index, an address or a count may be replaced by. */
const ODD_NUMBERS = ['', '0', '-1', '-0', '1.5', '1e309', '-1e309', '1e-400', 'NaN', 'Infinity', '0x10', '2147483648', '4294967296', '99999999999999999999', '9007199254740993', '1048577', '16385', ' 7 ', '１'];

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; from: number; length: number; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'zero'; at: number; length: number }
  | { kind: 'token'; at: number; token: number }
  | { kind: 'number'; which: number; number: number }
  | { kind: 'renumber'; which: number; number: number };

const position = fc.nat();
/** Any bytes: what a damaged disk or transfer writes. */
const ANY_BYTES = fc.uint8Array({ minLength: 1, maxLength: 16 });
/**
 * Bytes a text file could hold: mostly characters in UTF-8 (ASCII, CJK, full-width), else any. A
 * UTF-8 file with more than a few undecodable bytes is rightly undecodable, which random bytes
 * would make of nearly every run; text lets the parser and the extractor see the damage.
 */
const TEXT_BYTES = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.oneof(fc.constantFrom(...'0123456789,.-+"\t\r\n ;'), fc.constantFrom(...'总计合其他表三四年局（）一二、')), minLength: 1, maxLength: 12 }).map(utf8) },
  { weight: 1, arbitrary: ANY_BYTES },
);

function mutation(tokens: Uint8Array[], randomBytes: fc.Arbitrary<Uint8Array> = ANY_BYTES): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant('overwrite' as const), at: position, bytes: randomBytes }),
    fc.record({ kind: fc.constant('truncate' as const), at: position }),
    fc.record({ kind: fc.constant('duplicate' as const), from: position, length: fc.integer({ min: 1, max: 4096 }), at: position }),
    fc.record({ kind: fc.constant('insert' as const), at: position, bytes: randomBytes }),
    fc.record({ kind: fc.constant('zero' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('token' as const), at: position, token: fc.nat({ max: tokens.length - 1 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('number' as const), which: position, number: fc.nat({ max: ODD_NUMBERS.length - 1 }) }) },
    fc.record({ kind: fc.constant('renumber' as const), which: position, number: fc.nat({ max: ODD_NUMBERS.length - 1 }) }),
  );
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Runs of ASCII digits in the bytes: [start, end). */
function digitRuns(bytes: Uint8Array): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x30 || bytes[i]! > 0x39) continue;
    const start = i;
    while (i < bytes.length && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) i++;
    spans.push([start, i]);
  }
  return spans;
}

function apply(bytes: Uint8Array, m: Mutation, tokens: Uint8Array[]): Uint8Array {
  const n = bytes.length;
  const at = (p: number) => (n === 0 ? 0 : p % (n + 1));
  switch (m.kind) {
    case 'flip': {
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[m.at % n]! ^= 1 << m.bit;
      return out;
    }
    case 'overwrite': {
      const i = at(m.at);
      return concat(bytes.subarray(0, i), m.bytes, bytes.subarray(Math.min(n, i + m.bytes.length)));
    }
    case 'truncate':
      return bytes.subarray(0, at(m.at));
    case 'duplicate': {
      const from = at(m.from);
      const i = at(m.at);
      return concat(bytes.subarray(0, i), bytes.subarray(from, from + m.length), bytes.subarray(i));
    }
    case 'insert': {
      const i = at(m.at);
      return concat(bytes.subarray(0, i), m.bytes, bytes.subarray(i));
    }
    case 'zero': {
      const out = bytes.slice();
      out.fill(0, at(m.at), at(m.at) + m.length);
      return out;
    }
    case 'token': {
      const i = at(m.at);
      return concat(bytes.subarray(0, i), tokens[m.token]!, bytes.subarray(i));
    }
    case 'number': {
      const spans = digitRuns(bytes);
      if (spans.length === 0) return bytes;
      const [start, end] = spans[m.which % spans.length]!;
      return concat(bytes.subarray(0, start), utf8(ODD_NUMBERS[m.number]!), bytes.subarray(end));
    }
    case 'renumber': {
      // Every run of the same digits at once: a row number in its <row>, its cells' addresses and
      // the merges ending there change together, as when a file is edited rather than damaged.
      const spans = digitRuns(bytes);
      if (spans.length === 0) return bytes;
      const [s0, e0] = spans[m.which % spans.length]!;
      const digits = Buffer.from(bytes.subarray(s0, e0)).toString('latin1');
      const parts: Uint8Array[] = [];
      let last = 0;
      for (const [start, end] of spans) {
        if (Buffer.from(bytes.subarray(start, end)).toString('latin1') !== digits) continue;
        parts.push(bytes.subarray(last, start), utf8(ODD_NUMBERS[m.number]!));
        last = end;
      }
      return concat(...parts, bytes.subarray(last));
    }
  }
}

const mutations = (tokens: Uint8Array[], randomBytes?: fc.Arbitrary<Uint8Array>) => fc.array(mutation(tokens, randomBytes), { minLength: 1, maxLength: 4 });
const mutate = (bytes: Uint8Array, list: Mutation[], tokens: Uint8Array[]) => list.reduce((b, m) => apply(b, m, tokens), bytes);

/** A compact, printable form of a case (fast-check prints the case; the bytes are saved on failure). */
const describeCase = (fixture: string, extra: string, list: Mutation[]) =>
  `${fixture}${extra} ${JSON.stringify(list, (_, v: unknown) => (v instanceof Uint8Array ? `bytes:${Buffer.from(v).toString('hex')}` : v))}`;

// ---- The property ----

/**
 * A hang detector, not a speed limit: a read takes milliseconds, a child that has not answered
 * after this long is killed and the case fails, with the stack the child wrote at STACK_AFTER_MS.
 */
const KILL_AFTER_MS = 20_000;
const STACK_AFTER_MS = 10_000;
const reader = new ReaderProcess(STACK_AFTER_MS);
const RUNS = 100;
/**
 * Each failing try of a hanging input costs KILL_AFTER_MS; past this budget fast-check stops
 * shrinking and reports the smallest counterexample so far (a passing run needs a few ms a try).
 */
const ASSERT_OPTIONS = { ...options(RUNS), skipAllAfterTimeLimit: 20_000 + runs(RUNS) * 20 };
const TIMEOUT = timeout(RUNS, 20) + 20_000;

/** What came of reading the bytes, as one line for a failure message. */
function summary(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'result':
      return `read in ${outcome.ms.toFixed(0)} ms${outcome.reason ? ` (unreadable: ${outcome.reason})` : ''}`;
    case 'threw':
      return `threw after ${outcome.ms.toFixed(0)} ms:\n${outcome.stack}`;
    case 'crashed':
      return `crashed the process (exit code ${outcome.code}, signal ${outcome.signal})${outcome.stderr ? `:\n${outcome.stderr}` : ''}`;
    case 'timeout':
      return `no answer after ${outcome.ms.toFixed(0)} ms (killed)${outcome.stderr ? `:\n${outcome.stderr}` : ''}`;
  }
}

/**
 * Read and check the bytes in the child process; anything but a result (a crash, a throw, a hang)
 * is saved. Files are named after the family, so that while fast-check shrinks, each failure
 * overwrites the last: what stays is the smallest counterexample.
 */
async function readAndCheck(family: string, name: string, bytes: Uint8Array, what: string): Promise<void> {
  const outcome = await reader.read(name, bytes, KILL_AFTER_MS);
  if (outcome.kind !== 'result') {
    mkdirSync(CRASHES, { recursive: true });
    writeFileSync(join(CRASHES, `${family}${extname(name)}`), bytes);
    writeFileSync(join(CRASHES, `${family}.note`), `${what}\nread as: ${name} (${bytes.length} bytes)\n\n${summary(outcome)}\n`);
  }
  expect(outcome.kind, `${what}: ${summary(outcome)}`).toBe('result');
  if (outcome.kind !== 'result') return;
  if (outcome.reason !== null) {
    expect(REASONS, `${what}: failure.reason`).toContain(outcome.reason);
    expect(outcome.unreadable?.messageId, `${what}: the file-unreadable diagnostic`).toBe(outcome.reason);
    expect(outcome.unreadable!.message, `${what}: every placeholder of the message filled`).not.toMatch(/\{\w+\}/);
  }
}

/**
 * Inputs that broke the property, as plain edits of one part, run first so that they fail (or
 * pass) the same way every time; random runs hit them only now and then. The first two were found
 * by the XML property (one mutation each: a number, and every occurrence of a number, replaced);
 * the third by reading the loop the second pointed to.
 */
const KNOWN: Array<{ slug: string; title: string; fixture: string; part: string; edits: Array<[string, string]> }> = [
  {
    slug: 'known-column-past-xfd',
    title: 'a cell address of letters only (r="EInfinity": column 1.1e12, Excel stops at XFD = 16384)',
    fixture: 'edition2019-2020.xlsx',
    part: 'xl/worksheets/sheet1.xml',
    edits: [['<c r="E50"', '<c r="EInfinity"']],
  },
  {
    slug: 'known-row-past-2-53',
    title: 'row 1 renumbered 99999999999999999999 with its merged title (a row past 2^53: r++ stands still)',
    fixture: 'official-2022.xlsx',
    part: 'xl/worksheets/sheet1.xml',
    edits: [
      ['<row r="1">', '<row r="99999999999999999999">'],
      ['ref="A1:O1"', 'ref="A99999999999999999999:O99999999999999999999"'],
    ],
  },
  {
    slug: 'known-row-merge-span',
    title: 'a row numbered 99999999999 and a merged range reaching down to it (Excel stops at row 1048576)',
    fixture: 'official-2022.xlsx',
    part: 'xl/worksheets/sheet1.xml',
    edits: [
      ['<row r="53">', '<row r="99999999999">'],
      ['ref="A32:A53"', 'ref="A32:A99999999999"'],
    ],
  },
];

describe('damaged fixtures never crash or hang the reader', () => {
  beforeAll(() => reader.start());
  afterAll(() => reader.stop());

  it('fixtures exist for every family', () => {
    expect([XLSX.length, DELIMITED.length, TEXT.length].every((n) => n > 0)).toBe(true);
  });

  it.each(KNOWN)('known counterexample: $title', async ({ slug, fixture, part, edits }) => {
    const files = unzipSync(XLSX.find((f) => f.name === fixture)!.bytes);
    let xml = new TextDecoder().decode(files[part]);
    for (const [from, to] of edits) {
      expect(xml, `${fixture}:${part} has ${from}`).toContain(from);
      xml = xml.replace(from, to);
    }
    files[part] = utf8(xml);
    await readAndCheck(slug, fixture, zipSync(files), `${fixture}:${part} ${JSON.stringify(edits)}`);
  });

  it('workbooks damaged as zip bytes', async () => {
    // Half the time the workbook zipped again without compression: the reader checks no CRC, so
    // damage to a stored part reaches the XML parser, and headers and directory are easier to hit.
    const tokens = [...RAW_TOKENS, ...XML_TOKENS];
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: XLSX.length - 1 }), fc.boolean(), mutations(tokens), async (i, stored, list) => {
        const { name, bytes } = XLSX[i]!;
        const zip = stored ? zipSync(unzipSync(bytes), { level: 0 }) : bytes;
        await readAndCheck('xlsx-bytes', name, mutate(zip, list, tokens), describeCase(name, stored ? ' (stored)' : '', list));
      }),
      ASSERT_OPTIONS,
    );
  }, TIMEOUT);

  it('workbooks with damaged XML in one part, zipped again', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: XLSX.length - 1 }), fc.nat(), fc.boolean(), mutations(XML_TOKENS, TEXT_BYTES), async (i, part, sheetsOnly, list) => {
        const { name, bytes } = XLSX[i]!;
        const files = unzipSync(bytes);
        // Half the time a part the reader always parses: a worksheet or the shared strings.
        const all = Object.keys(files).sort();
        const preferred = all.filter((p) => /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/.test(p));
        const names = sheetsOnly && preferred.length ? preferred : all;
        const target = names[part % names.length]!;
        files[target] = new Uint8Array(mutate(files[target]!, list, XML_TOKENS));
        await readAndCheck('xlsx-xml', name, zipSync(files), describeCase(name, `:${target}`, list));
      }),
      ASSERT_OPTIONS,
    );
  }, TIMEOUT);

  it.each([
    ['CSV and TSV files', 'csv', DELIMITED],
    ['pasted text files', 'text', TEXT],
  ] as const)('%s', async (_what, family, inputs) => {
    const tokens = [...TEXT_TOKENS, ...RAW_TOKENS];
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: inputs.length - 1 }), mutations(tokens, TEXT_BYTES), async (i, list) => {
        const { name, bytes } = inputs[i]!;
        await readAndCheck(family, name, mutate(bytes, list, tokens), describeCase(name, '', list));
      }),
      ASSERT_OPTIONS,
    );
  }, TIMEOUT);
});
