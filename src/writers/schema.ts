// The JSON Schema of the normalized report, generated from the format data so it cannot drift.

import { EDITIONS, EDITION_IDS, t2Rows, t3RowKeys } from '../form/index.js';
import type { Edition } from '../form/types.js';

const NUMBER_OR_NULL = { type: ['number', 'null'] };

function rowsObject(rows: Array<{ key: string; columns: string[] }>, required: string[]) {
  return {
    type: 'object',
    additionalProperties: false,
    required,
    properties: Object.fromEntries(
      rows.map(({ key, columns }) => [
        key,
        { type: 'object', additionalProperties: false, required: columns, properties: Object.fromEntries(columns.map((c) => [c, NUMBER_OR_NULL])) },
      ]),
    ),
  };
}

/** Table schemas for one edition: its rows required; the other shape of （六） allowed instead. */
function tablesFor(edition: Edition) {
  const t3Columns = edition.t3.columns.map((c) => c.key);
  const own = t3RowKeys(edition);
  const other = EDITIONS[edition.id === '2021' ? '2019' : '2021'].t3.rows.filter((r) => r.key.startsWith('otherHandling')).map((r) => r.key);
  const t3Required = own.filter((k) => !k.startsWith('otherHandling'));
  return {
    type: 'object',
    additionalProperties: false,
    required: ['t2', 't3', 't4'],
    properties: {
      t2: rowsObject(
        t2Rows(edition).map(({ row, columns }) => ({ key: row.key, columns: columns.map((c) => c.key) })),
        t2Rows(edition).map(({ row }) => row.key),
      ),
      t3: {
        ...rowsObject([...own, ...other].map((key) => ({ key, columns: t3Columns })), t3Required),
        oneOf: [{ required: own.filter((k) => k.startsWith('otherHandling')) }, { required: other }],
      },
      t4: rowsObject(
        edition.t4.groups.map((g) => ({ key: g.key, columns: edition.t4.columns.map((c) => c.key) })),
        edition.t4.groups.map((g) => g.key),
      ),
    },
  };
}

export function reportSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:nianbao:report:v1',
    title: '政府信息公开工作年度报告 (normalized)',
    description: 'A report as `report convert --to json` writes it: the tables under the canonical keys of docs/format.md; blank or unreadable cells are null.',
    type: 'object',
    additionalProperties: false,
    required: ['version', 'edition', 'agency', 'year', 'tables', 'source'],
    properties: {
      version: { const: 1 },
      edition: { enum: [...EDITION_IDS, null] },
      agency: { type: ['string', 'null'] },
      year: { type: ['integer', 'null'] },
      tables: { type: 'object' },
      source: {
        type: 'object',
        additionalProperties: false,
        required: ['file', 'sha256'],
        properties: { file: { type: 'string' }, sha256: { type: ['string', 'null'], pattern: '^[0-9a-f]{64}$' } },
      },
      paragraphs: {
        description:
          'A document’s paragraphs outside its tables (title, section headings, narrative), in reading order: for Word documents, web pages and PDFs, and for text files that carry narrative (their lines of one field); absent for spreadsheets and CSV.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['text', 'index'],
          properties: {
            text: { type: 'string' },
            index: { type: 'integer', minimum: 1, description: '1-based place among the paragraphs' },
            line: { type: 'integer', minimum: 1, description: 'the line of a web page or text file where it starts' },
            page: { type: 'integer', minimum: 1, description: 'the page of a PDF where it starts' },
          },
        },
      },
    },
    allOf: EDITION_IDS.map((id) => ({
      if: { properties: { edition: { const: id } } },
      then: { properties: { tables: tablesFor(EDITIONS[id]) } },
    })),
  };
}
