// The SARIF formatter against the official SARIF 2.1.0 schema and GitHub code scanning's extra requirements.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/formatters/index.js';
import { SARIF_RESULT_LIMIT, sarif } from '../../src/formatters/sarif.js';
import { reportPath } from '../../src/formatters/shared.js';
import { RULES } from '../../src/rules/index.js';
import { APOSTROPHE_SHEET, batch, CHINESE, context, repeated, withDiagnostics, type Batch } from './results.js';

const SCHEMA_FILE = new URL('./sarif-schema-2.1.0.json', import.meta.url);
const SCHEMA_SHA256 = '10666d46649b52e262001e70d43e6c52f7c0279ca3dbdfe9a7dc2e4071556454';

const ajv = new Ajv({ allErrors: true });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);

// SARIF is walked here as the plain JSON a consumer would read.
type Json = any;

function run(log: Json): Json {
  expect(log.runs).toHaveLength(1);
  return log.runs[0];
}

function valid(text: string): Json {
  const log = JSON.parse(text) as Json;
  const ok = validate(log);
  expect(ok ? [] : validate.errors).toEqual([]);
  return log;
}

let b: Batch;
let log: Json;
beforeAll(async () => {
  b = await batch();
  log = valid(sarif.format(b.all, context({ cwd: b.dir, toolVersion: '1.2.3' })));
});

describe('the schema file', () => {
  it('is the vendored official file, unchanged (see README.md for where it came from)', () => {
    expect(createHash('sha256').update(readFileSync(SCHEMA_FILE)).digest('hex')).toBe(SCHEMA_SHA256);
  });

  it('rejects what SARIF 2.1.0 forbids, so passing it means something', () => {
    const good = JSON.parse(sarif.format([b.seeded], context())) as Json;
    expect(validate(good)).toBe(true);
    const noText = structuredClone(good);
    delete noText.runs[0].results[0].message.text;
    expect(validate(noText)).toBe(false);
    const rawUri = structuredClone(good);
    rawUri.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = '年报/某某局 2022.xlsx';
    expect(validate(rawUri)).toBe(false);
    const badLevel = structuredClone(good);
    badLevel.runs[0].results[0].level = 'fatal';
    expect(validate(badLevel)).toBe(false);
  });
});

describe('sarif', () => {
  it('is registered as a --format choice', () => {
    expect(FORMATTERS.get('sarif')).toBe(sarif);
  });

  it('names the tool and describes every rule, in Chinese, with the fix', () => {
    const driver = run(log).tool.driver;
    expect(driver.name).toBe('report');
    expect(driver.version).toBe('1.2.3');
    expect(driver).not.toHaveProperty('informationUri');
    expect(driver.rules.map((r: Json) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    for (const [i, rule] of driver.rules.entries()) {
      const meta = RULES[i]!.meta;
      expect(rule.shortDescription.text).toBe(meta.description.zh);
      expect(rule.fullDescription.text).toContain(meta.rationale.zh);
      expect(rule.help.text).toContain(meta.fix.zh);
      expect(rule.help.markdown).toContain(meta.fix.zh);
      expect(rule.help.markdown).toContain(meta.fix.en);
      expect(rule.defaultConfiguration.level).toBe(meta.severity);
    }
  });

  it('defaults the version and adds automationDetails only when given an id', () => {
    const plain = run(valid(sarif.format([b.seeded], context())));
    expect(plain.tool.driver.version).toBe('0.0.0');
    expect(plain).not.toHaveProperty('automationDetails');
    const shard = run(valid(sarif.format([b.seeded], context({ automationId: 'report/shard-2/' }))));
    expect(shard.automationDetails).toEqual({ id: 'report/shard-2/' });
  });

  it('declares code-point columns and the %SRCROOT% base', () => {
    const r = run(log);
    expect(r.columnKind).toBe('unicodeCodePoints');
    expect(r.originalUriBaseIds).toHaveProperty(['%SRCROOT%']);
  });

  it('gives every result what GitHub code scanning requires', () => {
    const results = run(log).results as Json[];
    const total = b.all.reduce((n, r) => n + r.diagnostics.length, 0);
    expect(results).toHaveLength(total);
    for (const result of results) {
      expect(typeof result.ruleId).toBe('string');
      expect(run(log).tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning']).toContain(result.level);
      expect(result.message.text.length).toBeGreaterThan(0);
      const physical = result.locations[0].physicalLocation;
      expect(physical.artifactLocation.uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]+$/);
      expect(physical.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(Number.isInteger(physical.region.startLine) && physical.region.startLine >= 1).toBe(true);
      expect(result.partialFingerprints['reportFinding/v1']).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('points at the worksheet cell of an xlsx finding', () => {
    const d = b.seeded.diagnostics[0]!;
    const result = (run(log).results as Json[]).find((r) => r.partialFingerprints['reportFinding/v1'] === d.fingerprint && r.locations[0].physicalLocation.artifactLocation.uri === 'fixtures/seeded-errors-2022.xlsx');
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: d.sheetRow, startColumn: d.sheetColumn, properties: { sheet: d.sheet, cell: d.cell } });
    expect(result.locations[0].logicalLocations).toEqual([{ fullyQualifiedName: `'${d.sheet}'!${d.cell}`, name: d.cell, kind: 'value' }]);
    expect(result.message.text).toBe(d.messages.zh);
    expect(result.message.properties.en).toBe(d.messages.en);
    expect(result.properties).toMatchObject({ table: d.table, column: d.column, expected: d.expected, actual: d.actual, difference: d.difference, edition: b.seeded.edition, year: b.seeded.year, cells: d.cells });
  });

  it('points at the physical line of a CSV finding, without pretending a field number is a character column', () => {
    const d = b.cells.diagnostics[0]!;
    const result = (run(log).results as Json[]).find((r) => r.partialFingerprints['reportFinding/v1'] === d.fingerprint);
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: d.line, properties: { sheet: d.sheet, cell: d.cell } });
    expect(result.properties).not.toHaveProperty('expected');
  });

  it('gives a finding without a cell line 1 and no logical location', () => {
    const result = (run(log).results as Json[]).find((r) => r.ruleId === 'file-unreadable');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('fixtures/README.md');
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 1 });
    expect(result.locations[0]).not.toHaveProperty('logicalLocations');
  });

  it('percent-encodes a Chinese path as UTF-8, relative to cwd, keeping the slashes', () => {
    const expected = CHINESE.split('/')
      .map((segment) => [...Buffer.from(segment, 'utf8')].map((byte) => (/[A-Za-z0-9.\-_]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join(''))
      .join('/');
    expect(expected).toMatch(/^%E5%B9%B4%E6%8A%A5\/%E6%9F%90/);
    const uris = (run(log).results as Json[]).map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris.filter((u) => u === expected)).toHaveLength(b.chinese.diagnostics.length);
    expect(run(log).artifacts.map((a: Json) => a.location.uri)).toContain(expected);
    expect(decodeURIComponent(expected)).toBe(CHINESE);
  });

  it("quotes a sheet name with an apostrophe as spreadsheets do: 'O''Brien 年报'!J32", () => {
    const d = b.apostrophe.diagnostics[0]!;
    expect(d.sheet).toBe(APOSTROPHE_SHEET);
    const result = (run(log).results as Json[]).find((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'apostrophe.xlsx');
    expect(result.locations[0].logicalLocations[0]).toEqual({ fullyQualifiedName: `'O''Brien 年报'!${d.cell}`, name: d.cell, kind: 'value' });
  });

  it('writes the message in the language asked for and keeps the other one', () => {
    const en = run(valid(sarif.format([b.seeded], context({ lang: 'en' }))));
    expect(en.results[0].message.text).toBe(b.seeded.diagnostics[0]!.messages.en);
    expect(en.results[0].message.properties.zh).toBe(b.seeded.diagnostics[0]!.messages.zh);
  });

  it('writes an empty run for no findings', () => {
    expect(run(valid(sarif.format([b.clean], context()))).results).toEqual([]);
  });

  it(`keeps at most ${SARIF_RESULT_LIMIT} results, errors first, and says how many it dropped`, () => {
    const warnings = repeated(b.cells, 'warning', SARIF_RESULT_LIMIT - 100);
    const errors = repeated(b.seeded, 'error', 600);
    const r = run(valid(sarif.format([warnings, errors], context())));
    expect(r.results).toHaveLength(SARIF_RESULT_LIMIT);
    expect(r.results.filter((x: Json) => x.level === 'error')).toHaveLength(600);
    expect(r.results.slice(0, 600).every((x: Json) => x.level === 'error')).toBe(true);
    expect(r.properties).toMatchObject({ resultCount: SARIF_RESULT_LIMIT + 500, droppedResults: 500, resultLimit: SARIF_RESULT_LIMIT });
  });

  it('lists each file once among the artifacts even when given twice', () => {
    const r = run(valid(sarif.format([b.seeded, b.seeded], context())));
    expect(r.artifacts).toHaveLength(1);
    expect(r.results.every((x: Json) => x.locations[0].physicalLocation.artifactLocation.index === 0)).toBe(true);
  });
});

describe('reportPath', () => {
  it('makes an absolute path relative to cwd, and only then', () => {
    expect(reportPath(join('/srv/reports', '2022', 'a.xlsx'), { cwd: '/srv/reports' })).toBe('2022/a.xlsx');
    expect(reportPath('/srv/reports/a.xlsx', {})).toBe('/srv/reports/a.xlsx');
    expect(reportPath('2022/a.xlsx', { cwd: '/elsewhere' })).toBe('2022/a.xlsx');
  });

  it('uses forward slashes and drops a leading ./', () => {
    expect(reportPath('./2022\\a.xlsx', {})).toBe('2022/a.xlsx');
    expect(reportPath('././a.xlsx', {})).toBe('a.xlsx');
  });

  it('turns an absolute path it cannot make relative into a file: URI, not a %SRCROOT%-relative one', () => {
    const result = withDiagnostics(b.seeded, b.seeded.diagnostics.slice(0, 1), '/srv/年报/a b.xlsx');
    const location = run(valid(sarif.format([result], context()))).results[0].locations[0].physicalLocation.artifactLocation;
    expect(location.uri).toBe('file:///srv/%E5%B9%B4%E6%8A%A5/a%20b.xlsx');
    expect(location).not.toHaveProperty('uriBaseId');
  });
});
