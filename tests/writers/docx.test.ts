// The annotated Word document (--annotate 标注.docx): the seeded fixture marked where its findings
// are and otherwise unchanged, and small documents for each place a shading or a comment must go
// (cell properties absent, empty, with a shading of their own, with children after w:shd; an empty
// paragraph; a nested table; no prefix), a document's own comments kept, findings with no cell on
// the title. LibreOffice opening the result is in tests/libreoffice.test.ts.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/index.js';
import { checkFile } from '../../src/index.js';
import { locateDocx, readDocx } from '../../src/readers/docx.js';
import { DEFAULT_LIMITS } from '../../src/readers/limits.js';
import { END, XmlScanner } from '../../src/readers/xml.js';
import { ZipArchive } from '../../src/readers/zip.js';
import { annotateDocx, wordExtension } from '../../src/writers/docx.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const SEEDED = 'fixtures/documents/seeded-errors-2022.docx';
const open = (bytes: Uint8Array) => new ZipArchive(bytes, DEFAULT_LIMITS.maxInflatedBytes);
const parts = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));

/** Well-formed XML, or a thrown XmlError. */
function wellFormed(xml: string): void {
  const scan = new XmlScanner(xml);
  while (scan.next() !== END);
}

/** The comments of a comments part by id: their paragraphs' text, one line each. */
function comments(xml: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of xml.matchAll(/<w:comment\b[^>]*\bw:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/g)) {
    const lines = [...m[2]!.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((p) => [...p[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    out.set(Number(m[1]), lines.join('\n'));
  }
  return out;
}

/** A finding on a cell of a document table (or on none), with what the writer reads of it. */
function finding(rule: string, message: string, at?: { sheet: string; row: number; col: number }, severity: 'error' | 'warning' = 'error'): Diagnostic {
  return {
    rule,
    severity,
    message,
    messages: { zh: message, en: message },
    messageId: rule,
    table: null,
    row: null,
    column: null,
    sheet: at?.sheet ?? null,
    cell: null,
    line: null,
    page: null,
    paragraph: null,
    excerpt: null,
    anchor: null,
    expected: null,
    actual: null,
    difference: null,
    sheetRow: at?.row ?? null,
    sheetColumn: at?.col ?? null,
    cells: [],
    fingerprint: '',
  };
}

describe('the seeded Word fixture, annotated', async () => {
  const bytes = readFileSync(SEEDED);
  const result = await checkFile(SEEDED);
  const marked = annotateDocx(open(bytes), result.diagnostics);
  const before = parts(bytes);
  const after = parts(marked);

  it('has findings to mark (the fixture is seeded with them)', () => {
    expect(result.diagnostics.map((d) => `${d.sheet}!${d.cell}`)).toEqual(['表格2!J11', '表格2!E27', '表格3!O4']);
  });

  it('keeps every other part as it was, and adds the comments part with its relationship and content type', () => {
    const changed = ['word/document.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml'];
    for (const name of Object.keys(before)) if (!changed.includes(name)) expect(after[name], name).toBe(before[name]);
    expect(Object.keys(after).sort()).toEqual([...Object.keys(before), 'word/comments.xml'].sort());
    expect(after['word/_rels/document.xml.rels']).toMatch(/Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/comments" Target="comments.xml"/);
    expect(after['[Content_Types].xml']).toContain('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>');
    for (const name of changed.concat('word/comments.xml')) wellFormed(after[name]!);
  });

  it('shades each cell a finding names and puts a comment on it with the finding in the terminal’s words', () => {
    const { xml, places } = locateDocx(open(marked));
    const notes = comments(after['word/comments.xml']!);
    expect(notes.size).toBe(3);
    for (const d of result.diagnostics) {
      const place = places.cells.find((p) => p.sheet === d.sheet && p.row === d.sheetRow && p.col === d.sheetColumn)!;
      const cell = xml.slice(place.start, place.end);
      expect(cell).toMatch(/<w:tcPr>.*<w:shd w:val="clear" w:color="auto" w:fill="FFC7CE"\/>.*<\/w:tcPr>/);
      const id = Number(/<w:commentRangeStart w:id="(\d+)"\/>/.exec(cell)![1]);
      expect(cell).toContain(`<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r></w:p>`);
      expect(notes.get(id)).toBe(`${d.rule}: ${d.message}`);
    }
    // Nothing else is shaded.
    expect(xml.match(/w:fill="FFC7CE"/g)).toHaveLength(3);
  });

  it('reads back as the same report with the same findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-docx-'));
    writeFileSync(join(dir, 'marked.docx'), marked);
    const again = await checkFile(join(dir, 'marked.docx'));
    expect(again.diagnostics.map((d) => [d.rule, d.sheet, d.cell, d.message])).toEqual(result.diagnostics.map((d) => [d.rule, d.sheet, d.cell, d.message]));
  });
});

const documentXml = (body: string, root = 'w:document', ns = `xmlns:w="${W}"`) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${root} ${ns}><w:body>${body}<w:sectPr/></w:body></${root}>`;
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

function docx(document: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries({ '[Content_Types].xml': CONTENT_TYPES, 'word/_rels/document.xml.rels': RELS, 'word/document.xml': document, ...extra })) files[name] = strToU8(text);
  return zipSync(files);
}

const cell = (props: string, content = '<w:p><w:r><w:t>1</w:t></w:r></w:p>') => `<w:tc>${props}${content}</w:tc>`;
const title = '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>示例县 2022 年报告</w:t></w:r></w:p>';

describe('where a shading and a comment go', () => {
  const body =
    title +
    '<w:tbl><w:tr>' +
    [
      cell(''), // A1: no properties
      cell('<w:tcPr/>'), // B1: empty properties
      cell('<w:tcPr><w:tcW w:w="900" w:type="dxa"/><w:shd w:val="clear" w:fill="D9D9D9"/><w:vAlign w:val="center"/></w:tcPr>'), // C1: a shading of its own
      cell('<w:tcPr><w:tcW w:w="900" w:type="dxa"/><w:tcBorders/><w:noWrap/><w:vAlign w:val="center"/></w:tcPr>'), // D1: w:shd goes before w:noWrap
      cell('<w:tcPr><w:tcW w:w="900" w:type="dxa"/></w:tcPr>', '<w:p w:rsidR="00AB"/>'), // E1: an empty paragraph
      cell('', '<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>2</w:t></w:r></w:p><w:p><w:r><w:t>3</w:t></w:r></w:p>'), // F1: two paragraphs, the first with properties
      cell('', '<w:tbl><w:tr>' + cell('', '<w:p><w:r><w:t>inner</w:t></w:r></w:p>') + '</w:tr></w:tbl><w:p><w:r><w:t>outer</w:t></w:r></w:p>'), // G1: a table in the cell
    ].join('') +
    '</w:tr></w:tbl>';
  const at = (col: number, sheet = '表格1') => ({ sheet, row: 1, col });
  const findings = [
    finding('a', 'on A1', at(1)),
    finding('b', 'on B1', at(2), 'warning'),
    finding('c', 'on C1', at(3)),
    finding('d', 'on D1', at(4), 'warning'),
    finding('d2', 'on D1 too', at(4)),
    finding('e', 'on E1', at(5)),
    finding('f', 'on F1', at(6)),
    finding('g', 'on G1', at(7)),
    finding('h', 'in the nested table', at(1, '表格2')),
    finding('m', 'no cell: on the title'),
    finding('n', 'a cell that is not there: on the title', at(9)),
  ];
  const marked = parts(annotateDocx(open(docx(documentXml(body))), findings));
  const xml = marked['word/document.xml']!;
  const { places } = locateDocx(open(zipSync({ 'word/document.xml': strToU8(xml) })));
  const tc = (sheet: string, col: number) => {
    const p = places.cells.find((c) => c.sheet === sheet && c.row === 1 && c.col === col)!;
    return xml.slice(p.start, p.end);
  };
  const notes = comments(marked['word/comments.xml']!);
  const noteOn = (text: string) => notes.get(Number(/<w:commentRangeStart w:id="(\d+)"\/>/.exec(text)![1]));

  it('writes well-formed parts', () => {
    for (const name of ['word/document.xml', 'word/comments.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml']) wellFormed(marked[name]!);
  });

  it('makes cell properties, fills empty ones, replaces a shading, and keeps the schema’s order', () => {
    expect(tc('表格1', 1)).toMatch(/^<w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="FFC7CE"\/><\/w:tcPr><w:p>/);
    expect(tc('表格1', 2)).toMatch(/^<w:tc><w:tcPr><w:shd [^>]*w:fill="FFEB9C"\/><\/w:tcPr><w:p>/);
    expect(tc('表格1', 3)).toContain('<w:tcW w:w="900" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="FFC7CE"/><w:vAlign w:val="center"/>');
    expect(tc('表格1', 3)).not.toContain('D9D9D9');
    // The worst of a cell's findings gives its colour; w:shd comes after w:tcBorders and before w:noWrap.
    expect(tc('表格1', 4)).toContain('<w:tcBorders/><w:shd w:val="clear" w:color="auto" w:fill="FFC7CE"/><w:noWrap/>');
  });

  it('puts the comment round the first paragraph’s content, after its properties', () => {
    expect(tc('表格1', 1)).toMatch(/<w:p><w:commentRangeStart w:id="\d+"\/><w:r><w:t>1<\/w:t><\/w:r><w:commentRangeEnd w:id="\d+"\/><w:r><w:commentReference w:id="\d+"\/><\/w:r><\/w:p>/);
    expect(tc('表格1', 5)).toMatch(/<w:p w:rsidR="00AB"><w:commentRangeStart w:id="\d+"\/><w:commentRangeEnd w:id="\d+"\/><w:r><w:commentReference w:id="\d+"\/><\/w:r><\/w:p>/);
    expect(tc('表格1', 6)).toMatch(/<w:pPr><w:jc w:val="right"\/><\/w:pPr><w:commentRangeStart w:id="\d+"\/><w:r><w:t>2<\/w:t><\/w:r><w:commentRangeEnd/);
    expect(noteOn(tc('表格1', 4))).toBe('d: on D1\nd2: on D1 too');
  });

  it('marks a cell holding a table on its own paragraph, and the nested table’s cell on its own', () => {
    const outer = tc('表格1', 7);
    const inner = tc('表格2', 1);
    expect(noteOn(outer.replace(inner, ''))).toBe('g: on G1');
    expect(outer.replace(inner, '')).toMatch(/<w:p><w:commentRangeStart w:id="\d+"\/><w:r><w:t>outer/);
    expect(noteOn(inner)).toBe('h: in the nested table');
    expect(inner).toContain('w:fill="FFC7CE"');
  });

  it('puts findings with no cell in the document on the title', () => {
    const first = xml.slice(xml.indexOf('<w:body>') + 8, xml.indexOf('<w:tbl>'));
    expect(first).toMatch(/^<w:p><w:pPr><w:jc w:val="center"\/><\/w:pPr><w:commentRangeStart w:id="\d+"\/><w:r><w:t>示例县/);
    expect(noteOn(first)).toBe('m: no cell: on the title\nn: a cell that is not there: on the title');
    expect(notes.size).toBe(9);
  });

  it('leaves the text the Word reader reads as it was', async () => {
    const original = await readDocx('a.docx', open(docx(documentXml(body))));
    const again = await readDocx('b.docx', open(docx(xml)));
    expect(again.sheets).toEqual(original.sheets);
    expect(again.paragraphs).toEqual(original.paragraphs);
  });
});

describe('a document that has comments of its own', () => {
  const own = `<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="${W}"><w:comment w:id="7" w:author="科员"><w:p><w:r><w:t>请核对</w:t></w:r></w:p></w:comment></w:comments>`;
  const rels = RELS.replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>');
  const types = CONTENT_TYPES.replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>');
  const body = `<w:p><w:commentRangeStart w:id="7"/><w:r><w:t>标题</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r></w:p><w:bookmarkStart w:id="12" w:name="b"/><w:bookmarkEnd w:id="12"/><w:tbl><w:tr>${cell('')}</w:tr></w:tbl>`;
  const marked = parts(annotateDocx(open(docx(documentXml(body), { 'word/comments.xml': own, 'word/_rels/document.xml.rels': rels, '[Content_Types].xml': types })), [finding('a', 'on A1', { sheet: '表格1', row: 1, col: 1 })]));

  it('keeps them, numbers its own after every id the document uses, and adds no second comments part', () => {
    const notes = comments(marked['word/comments.xml']!);
    expect([...notes]).toEqual([
      [7, '请核对'],
      [13, 'a: on A1'],
    ]);
    expect(marked['word/_rels/document.xml.rels']).toBe(rels);
    expect(marked['[Content_Types].xml']).toBe(types);
    expect(Object.keys(marked).filter((n) => n.includes('comments'))).toEqual(['word/comments.xml']);
    wellFormed(marked['word/comments.xml']!);
  });
});

describe('a document written without a prefix for Word’s namespace', () => {
  const body = `<p><r><t>标题</t></r></p><tbl><tr><tc><p><r><t>1</t></r></p></tc></tr></tbl>`;
  const document = `<?xml version="1.0" encoding="UTF-8"?><document xmlns="${W}"><body>${body}</body></document>`;
  const marked = parts(annotateDocx(open(docx(document)), [finding('a', 'on A1', { sheet: '表格1', row: 1, col: 1 })]));

  it('declares the namespace on what it writes', () => {
    const xml = marked['word/document.xml']!;
    wellFormed(xml);
    expect(xml).toContain(`<tc><w:tcPr xmlns:w="${W}"><w:shd w:val="clear" w:color="auto" w:fill="FFC7CE"/></w:tcPr><p><w:commentRangeStart xmlns:w="${W}" w:id="0"/>`);
  });
});

describe('a document with no paragraph of text outside its tables', () => {
  const body = `<w:tbl><w:tr>${cell('')}</w:tr></w:tbl>`;
  const marked = parts(annotateDocx(open(docx(documentXml(body))), [finding('t', 'table 3 not found')]));

  it('puts the findings with no cell on an empty paragraph of its own at the start', () => {
    const xml = marked['word/document.xml']!;
    wellFormed(xml);
    expect(xml).toContain('<w:body><w:p><w:commentRangeStart w:id="0"/><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p><w:tbl>');
    expect([...comments(marked['word/comments.xml']!)]).toEqual([[0, 't: table 3 not found']]);
  });
});

describe('found in review', () => {
  it('makes an empty cell (<w:tc/>) a cell with properties and a paragraph holding the comment', () => {
    const body = `${title}<w:tbl><w:tr><w:tc w:x="1"/>${cell('')}</w:tr></w:tbl>`;
    const xml = parts(annotateDocx(open(docx(documentXml(body))), [finding('a', 'on A1', { sheet: '表格1', row: 1, col: 1 })]))['word/document.xml']!;
    wellFormed(xml);
    expect(xml).toContain('<w:tr><w:tc w:x="1"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="FFC7CE"/></w:tcPr><w:p><w:commentRangeStart w:id="0"/><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p></w:tc><w:tc>');
  });

  it("numbers its comments after ids written in single quotes too", () => {
    const body = `<w:p><w:bookmarkStart w:id='41' w:name='b'/><w:r><w:t>标题</w:t></w:r><w:bookmarkEnd w:id = '41'/></w:p>`;
    const marked = parts(annotateDocx(open(docx(documentXml(body))), [finding('t', 'table 3 not found')]));
    expect([...comments(marked['word/comments.xml']!).keys()]).toEqual([42]);
  });

  it('takes for the title the first paragraph with text to see, not one of spaces or breaks', () => {
    const body = `<w:p><w:r><w:t xml:space="preserve">   </w:t><w:br/></w:r></w:p>${title}`;
    const xml = parts(annotateDocx(open(docx(documentXml(body))), [finding('t', 'table 3 not found')]))['word/document.xml']!;
    expect(xml).toContain('<w:p><w:r><w:t xml:space="preserve">   </w:t><w:br/></w:r></w:p><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:commentRangeStart w:id="0"/>');
  });

  it('tells a macro-enabled document or a template by its content type, for the copy’s name', () => {
    const types = (type: string) => CONTENT_TYPES.replace('</Types>', `<Override PartName="/word/document.xml" ContentType="${type}"/></Types>`);
    const kind = (type?: string) => wordExtension(open(docx(documentXml(title), type ? { '[Content_Types].xml': types(type) } : {})));
    expect(kind()).toBe('.docx');
    expect(kind('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')).toBe('.docx');
    expect(kind('application/vnd.ms-word.document.macroEnabled.main+xml')).toBe('.docm');
    expect(kind('application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml')).toBe('.dotx');
    expect(kind('application/vnd.ms-word.template.macroEnabledTemplate.main+xml')).toBe('.dotm');
  });

  it('refuses, as a damaged document (ReadError), a package whose own comments part is not XML', () => {
    const rels = RELS.replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>');
    const zip = open(docx(documentXml(`${title}<w:tbl><w:tr>${cell('')}</w:tr></w:tbl>`), { 'word/_rels/document.xml.rels': rels, 'word/comments.xml': '<w:comments><w:comment' }));
    expect(() => annotateDocx(zip, [finding('a', 'on A1', { sheet: '表格1', row: 1, col: 1 })])).toThrow(expect.objectContaining({ name: 'ReadError', reason: 'corrupt-docx' }));
  });
});

describe('findings on the text, annotated', async () => {
  // The balanced fixture with two slips in its text: a figure 3 too high, a heading reworded.
  const parts0 = unzipSync(readFileSync('fixtures/documents/balanced-2022.docx'));
  const xml0 = strFromU8(parts0['word/document.xml']!);
  const slipped = xml0.replace(/(收到政府信息公开申请)(\d+)/, (_, a: string, n: string) => `${a}${Number(n) + 3}`).replace('五、存在的主要问题及改进情况', '五、工作亮点');
  expect(slipped).not.toBe(xml0);
  const dir = mkdtempSync(join(tmpdir(), 'report-docx-text-'));
  const file = join(dir, 'slipped.docx');
  writeFileSync(file, zipSync({ ...parts0, 'word/document.xml': strToU8(slipped) }));
  const result = await checkFile(file);
  const marked = annotateDocx(open(readFileSync(file)), result.diagnostics);
  const after = parts(marked);

  it('puts each finding on the text in a comment round its paragraph, unshaded', () => {
    const onText = result.diagnostics.filter((d) => d.paragraph !== null);
    expect(onText.map((d) => d.rule).sort()).toEqual(['section-missing', 'text-table-mismatch']);
    const { xml, places } = locateDocx(open(marked));
    const notes = comments(after['word/comments.xml']!);
    for (const d of onText) {
      const at = places.paragraphs.get(d.paragraph!)!;
      const paragraph = xml.slice(at.start, at.end);
      const id = Number(/<w:commentRangeStart w:id="(\d+)"\/>/.exec(paragraph)![1]);
      expect(notes.get(id)).toBe(`${d.rule}: ${d.message}`);
    }
    // The paragraph it names is the one the reader numbered so.
    const figure = onText.find((d) => d.rule === 'text-table-mismatch')!;
    const at = places.paragraphs.get(figure.paragraph!)!;
    expect(xml.slice(at.start, at.end)).toContain('收到政府信息公开申请');
    expect(xml).not.toMatch(/w:fill="FFC7CE"|w:fill="FFEB9C"/);
    wellFormed(after['word/document.xml']!);
  });

  it('reads back with the same findings', async () => {
    writeFileSync(join(dir, 'marked.docx'), marked);
    const again = await checkFile(join(dir, 'marked.docx'));
    expect(again.diagnostics.map((d) => [d.rule, d.paragraph, d.message])).toEqual(result.diagnostics.map((d) => [d.rule, d.paragraph, d.message]));
  });
});
