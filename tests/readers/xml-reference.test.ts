// The fast XML scanner (src/readers/xml.ts), the range parser and the sheet reader against a plain
// reference: tests/helpers/reference-xml.ts, the regex-based reader the scanner replaced. Every
// input, well-formed or not, gives the same events, values and errors; hostile shapes stay linear
// (counted in comparisons and characters searched, not timed).
// (Cases found by a review of the rewrite, each of which once differed.)

import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseRange } from '../../src/model/grid.js';
import { readXlsx } from '../../src/readers/xlsx.js';
import { parseXml, XmlScanner, type XmlHandlers } from '../../src/readers/xml.js';
import { referenceParseRange, referenceParseXml } from '../helpers/reference-xml.js';
import { prng } from '../helpers/prng.js';
import { callsOf, charactersSearched } from '../helpers/work.js';

/** Every event and the error (name and message) as one list, so two parsers can be compared. */
function trace(parse: (xml: string, on: XmlHandlers) => void, xml: string): string[] {
  const out: string[] = [];
  try {
    parse(xml, {
      open: (name, a) => out.push(`<${JSON.stringify(name)} ${JSON.stringify(Object.entries(a))}>`),
      text: (t) => out.push(JSON.stringify(t)),
      close: (name) => out.push(`</${JSON.stringify(name)}>`),
    });
  } catch (err) {
    out.push(`${(err as Error).name}: ${(err as Error).message}`);
  }
  return out;
}

const referenceTrace = (xml: string) => trace(referenceParseXml, xml);
const newTrace = (xml: string) => trace(parseXml, xml);

describe('parseXml agrees with the reference', () => {
  it.each([
    '<a>&amp;&lt;&gt;&quot;&apos;</a>',
    '<a>&</a>',
    '<a>&;</a>',
    '<a>&#;</a>',
    '<a>&#x;</a>',
    '<a>&#X41;</a>',
    '<a>&#x10FFFF;</a>',
    '<a>&#1114112;</a>',
    '<a>&#x110000;</a>',
    '<a>&#0;</a>',
    '<a>&#xD800;</a>',
    '<a>&#00000000065;</a>', // 12 characters
    '<a>&#x000000041;</a>',
    '<a>&#x0000000041;</a>',
    '<a>&abcdefghijkl;</a>', // a 12-character unknown name
    '<a>&abcdefghijklm;</a>', // 13 characters: the message quotes 12
    '<a>&abcdefghijklm</a>',
    '<a>&hasOwnProperty;</a>',
    '<a b="&#x00000000000041;"/>',
    '<a>&abcdefghijk</a>',
    '<a>&amp&lt;</a>',
    '<a>&#65 ;</a>',
    '<a>&#65\t;</a>',
    '<a>&amp\u00a0;</a>', // a Unicode space ends a reference
    '<a>&#65\u2028;</a>',
    '<a>&lt\u3000;</a>',
    '<a>&lt</a>',
    '<a>&constructor;&valueOf;&__proto__;</a>', // both read these as Object.prototype members
    '<a b="&amp;&#x41;&#66;"/>',
    '<a b="\r\n&#9;x\ty\rz\n"/>',
    '<a b="&#13;&#10;"/>',
    '<a>x\r\ny\rz&#x41;</a>',
    '<a>x&#13;&#10;y</a>', // CR written as a reference is a line end too
    '<a>&#xD;</a>',
    '<a><![CDATA[&amp;\r\n&bogus;]]></a>',
    '<x:a x:b="1" y:b="2"/>',
    '<a:b:c/>', // the name after the first colon
    '<a:/>',
    '<p:q:/>',
    '<a b="1" b="2"/>',
    '<a b="1"c="2"/>',
    "<a b='1\"'/>",
    '<a b="x<y"/>',
    `<a b="${'x'.repeat(5000)}<c/>"/>`,
    '<a b="&x;"/>', // where an entity error is reported
    '<a b="&x;" c>', // a bad entity is reported before a later error in the same tag
    '<a b="&x;" b="1"/>',
    '<a b="&x;"c="1"/>',
    '<a b="&x;" ',
    '<a b="&x;" c="<"/>',
    '<a b="1"></a>',
    '<a  b = "1" / >',
    '<a b=1/>',
    '<a b/>',
    '<a b="1',
    '<a',
    '<',
    '< a/>',
    '<a></b>',
    '</a>',
    '<a/><b/>',
    '<a/>tail',
    'head<a/>',
    ' \t\r\n<a/> \t\r\n',
    '\ufeff<a/>', // Unicode whitespace outside the root (a second BOM, no-break and ideographic spaces)
    '<a/>\u00a0',
    '\u3000<a/>',
    '<?xml version="1.0"?>\u2028<a/>',
    '',
    '   ',
    '<?xml version="1.0"?><!DOCTYPE a><a/>',
    '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
    '<a><!DOCTYPE a></a>',
    '<a><!-- x</a>',
    '<a><?pi</a>',
    '<a><![CDATA[x</a>',
    '<![CDATA[x]]><a/>',
    '<a><!x></a>',
    '<a:>x</a:>',
    `${'<d>'.repeat(5000)}${'</d>'.repeat(5000)}`,
    `<r ${Array.from({ length: 300 }, (_, i) => `a${i}="${i}"`).join(' ')}/>`,
  ])('%j', (xml) => {
    expect(newTrace(xml)).toEqual(referenceTrace(xml));
  });

  it('agrees on random documents: the same events and the same errors', () => {
    const alphabet = ['<', '>', '/', '=', '"', "'", '&', ';', '#', 'x', 'X', 'a', 'b', ':', ' ', '\t', '\r', '\n', '\u00a0', '\ufeff', '1', '0', 'F', '!', '?', '-', '[', ']', 'amp;', 'lt', '<a>', '</a>', '<b ', '<![CDATA[', ']]>', '&#x41;', '&#66;', '&#13;', '<!--', '-->'];
    const rnd = prng(20240601);
    const bad: string[] = [];
    for (let t = 0; t < 100_000 && bad.length < 5; t++) {
      let xml = rnd(3) ? '<r>' : '';
      for (let k = rnd(10); k > 0; k--) xml += alphabet[rnd(alphabet.length)];
      if (rnd(3)) xml += '</r>';
      const a = referenceTrace(xml);
      const b = newTrace(xml);
      if (JSON.stringify(a) !== JSON.stringify(b)) bad.push(`${JSON.stringify(xml)}\n reference ${a.join(' ')}\n scanner   ${b.join(' ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('refuses an attribute given twice, even __proto__ (which the reference let an object swallow)', () => {
    const xml = '<a __proto__="1" __proto__="2"/>';
    expect(referenceTrace(xml)).toEqual(['<"a" []>', '</"a">']);
    expect(newTrace(xml)).toEqual(['XmlError: attribute __proto__ given twice in <a (at character 27)']);
  });

  it('stays linear in the number of attributes of one element (a hostile tag of 40,000): names are not compared pairwise', () => {
    const tag = (n: number) => `<r${Array.from({ length: n }, (_, i) => ` a${String(i).padStart(6, '0')}="1"`).join('')}/>`;
    const xml = tag(40_000);
    // Pairwise, 40,000 names would take 800 million comparisons; past a few, they go into a set.
    expect(callsOf(XmlScanner.prototype, 'same', () => parseXml(xml, { open() {} }))).toBeLessThan(200);
    // Each attribute's value must end before the next '<': found once for the tag, not once per attribute.
    expect(charactersSearched('<', () => parseXml(xml, { open() {} }))).toBeLessThanOrEqual(2 * xml.length);
    // With nothing after the tag to stop the search for '<'.
    expect(() => parseXml(`<r${xml.slice(2, -2)} `, { open() {} })).toThrow(/unterminated start tag/);
  });

  it('looks for "&" once through a document, however many texts and values it has', () => {
    const xml = `<r>${'<a b="x">text</a>'.repeat(20_000)}<a>&amp;</a></r>`;
    expect(charactersSearched('&', () => parseXml(xml, { open() {}, text() {} }))).toBeLessThanOrEqual(2 * xml.length);
  });
});

describe('parseRange agrees with the reference', () => {
  it('on random references, with $ anywhere and letters that upper-case oddly', () => {
    const alphabet = ['A', 'b', 'Z', 'z', 'X', 'FD', ':', '1', '0', '9', '48', ' ', '-', '$', '$A', '$1', 'ſ', 'ı', 'ß', 'ﬀ'];
    const rnd = prng(7);
    const bad: string[] = [];
    for (let t = 0; t < 100_000 && bad.length < 5; t++) {
      let ref = '';
      for (let k = rnd(8); k > 0; k--) ref += alphabet[rnd(alphabet.length)];
      if (JSON.stringify(parseRange(ref)) !== JSON.stringify(referenceParseRange(ref))) bad.push(ref);
    }
    expect(bad).toEqual([]);
  });

  it.each(['A1$', 'A1:B2$', 'A1$:B2', '$$A1', 'A$B1', 'A1$0', 'ſ1', 'A1:ı2', 'ß1', 'ﬀ1'])('on %j', (ref) => {
    expect(referenceParseRange(ref)).not.toBeNull();
    expect(parseRange(ref)).toEqual(referenceParseRange(ref));
  });
});

// The sheet and shared-string readers: the Grid the reader gave before the scanner (checked by
// running it on the same bytes).

function workbook(sheet: string, strings?: string): Uint8Array {
  const rels =
    '<Relationships><Relationship Id="rId1" Type="http://x/worksheet" Target="worksheets/sheet1.xml"/>' +
    (strings === undefined ? '' : '<Relationship Id="rId2" Type="http://x/sharedStrings" Target="sharedStrings.xml"/>') +
    '</Relationships>';
  const files: Record<string, Uint8Array> = {
    'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8(rels),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  };
  if (strings !== undefined) files['xl/sharedStrings.xml'] = strToU8(strings);
  return zipSync(files);
}

/** The first sheet as [row, [col, kind, text]...] and its merges, or the ReadError's reason. */
async function sheetOf(sheet: string, strings?: string): Promise<unknown> {
  try {
    const grid = await readXlsx('x.xlsx', workbook(sheet, strings));
    const s = grid.sheets[0]!;
    return { rows: [...s.rows].map(([r, cells]) => [r, cells.map((c) => [c.col, c.kind, c.text])]), merges: s.merges };
  } catch (err) {
    return (err as { reason?: string }).reason ?? String(err);
  }
}

const W = (rows: string, extra = '') => `<worksheet><sheetData>${rows}</sheetData>${extra}</worksheet>`;

describe('the xlsx reader gives what it gave before the scanner', () => {
  it.each([
    ['an attribute the reader does not use (<row spans>)', W('<row r="1" spans="&bogus;"><c r="A1"><v>1</v></c></row>')],
    ['an attribute of a self-closing <c/>', W('<row r="1"><c r="A1" t="&bogus;"/><c r="B1"><v>1</v></c></row>')],
    ['the text of <f>', W('<row r="1"><c r="A1"><f>&bogus;</f><v>1</v></c></row>')],
    ['text outside any cell', W('<row r="1">&bogus;<c r="A1"><v>1</v></c></row>')],
  ])('a bad entity in %s: the part is damaged (corrupt-xlsx), even where nothing is read', async (_what, sheet) => {
    expect(await sheetOf(sheet)).toBe('corrupt-xlsx');
  });

  it('a bad entity in a phonetic run (<rPh>) of sharedStrings.xml: damaged too', async () => {
    expect(await sheetOf(W('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), '<sst><si><t>a</t><rPh><t>&bogus;</t></rPh></si></sst>')).toBe('corrupt-xlsx');
  });

  it.each([
    ['a shared string', W('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), '<sst><si><t>a&#13;&#10;b</t></si></sst>'],
    ['an inline string', W('<row r="1"><c r="A1" t="inlineStr"><is><t>a&#xD;\nb</t></is></c></row>'), undefined],
  ])('CR written as a character reference in %s (lxml and excelize write it so) is a line end', async (_what, sheet, strings) => {
    expect(await sheetOf(sheet, strings)).toEqual({ rows: [[1, [[1, 'text', 'a\nb']]]], merges: [] });
  });

  it.each([
    ['<v>', W('<row r="1"><c r="A1"><v>1<c r="B1"/></v></c><c r="C1" t="inlineStr"><is><t>hi</t></is></c></row>')],
    ['<f>', W('<row r="1"><c r="A1"><f>x<c r="B1"></c></f></c><c r="C1" t="inlineStr"><is><t>hi</t></is></c></row>')],
  ])('a <c> nested in %s does not swallow a later inline string', async (_what, sheet) => {
    expect(await sheetOf(sheet)).toEqual({ rows: [[1, [[3, 'text', 'hi']]]], merges: [] });
  });

  it.each(['A1:B1$', 'A1:ſ1'])('mergeCell ref=%j still merges (B1 hidden)', async (ref) => {
    const right = ref === 'A1:B1$' ? 2 : 19;
    expect(await sheetOf(W('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>', `<mergeCells><mergeCell ref="${ref}"/></mergeCells>`))).toEqual({
      rows: [[1, [[1, 'number', '1']]]],
      merges: [{ top: 1, left: 1, bottom: 1, right }],
    });
  });

  it('a sheet part starting with two BOMs (TextDecoder strips one) is read', async () => {
    expect(await sheetOf(`\ufeff\ufeff${W('<row r="1"><c r="A1"><v>1</v></c></row>')}`)).toEqual({ rows: [[1, [[1, 'number', '1']]]], merges: [] });
  });
});
