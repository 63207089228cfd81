// Word reader: small documents built in memory for each feature of WordprocessingML it must read (or
// leave out), hostile nesting and sizes, Word 2003 XML, and the generated fixtures in fixtures/documents/.

import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { a1, type Grid } from '../../src/model/grid.js';
import { readDocx, readWordXml } from '../../src/readers/docx.js';
import { DEFAULT_LIMITS, limitsWith } from '../../src/readers/limits.js';
import { ZipArchive } from '../../src/readers/zip.js';
import { cells, failure, merges, texts } from '../helpers/grid.js';

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"';

const documentXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;

function archive(parts: Record<string, string>, maxInflated = DEFAULT_LIMITS.maxInflatedBytes): ZipArchive {
  const files: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(parts)) files[name] = strToU8(text);
  return new ZipArchive(zipSync(files), maxInflated);
}

const docx = (body: string) => archive({ 'word/document.xml': documentXml(body) });

const read = (body: string, limits = DEFAULT_LIMITS) => readDocx('t.docx', docx(body), limits);

const run = (text: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (...content: string[]) => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${content.map((c) => (c.startsWith('<') ? c : run(c))).join('')}</w:p>`;
const tc = (content: string, props = '') => `<w:tc>${props ? `<w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${props}</w:tcPr>` : ''}${content || '<w:p/>'}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid>${rows.join('')}</w:tbl>`;
const span = (n: number) => `<w:gridSpan w:val="${n}"/>`;
const RESTART = '<w:vMerge w:val="restart"/>';
const CONTINUE = '<w:vMerge/>';



describe('readDocx: paragraphs and tables', () => {
  it('gives each table as a sheet 表格N and the non-empty paragraphs outside them, numbered 1, 2 … among themselves', async () => {
    const grid = await read(p('标题') + p() + p('  ') + tbl(tr(tc(p('规章')), tc(p('3')))) + p('一、', '总体', '情况') + tbl(tr(tc(p('x')))));
    expect(grid).toMatchObject({ file: 't.docx', kind: 'docx' });
    expect(grid.paragraphs).toEqual([
      { text: '标题', index: 1 },
      { text: '一、总体情况', index: 2 },
    ]);
    expect(grid.sheets.map((s) => s.name)).toEqual(['表格1', '表格2']);
    expect(cells(grid.sheets[0]!)).toEqual(['A1=规章', 'B1=3']);
    expect(grid.sheets[0]!.rows.get(1)![1]).toEqual({ row: 1, col: 2, kind: 'text', number: undefined, text: '3', line: undefined });
  });

  it('reads paragraphs inside body-level content controls, and runs inside hyperlinks, smart tags and custom XML', async () => {
    const grid = await read(
      '<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>' + p('二、主动公开') + '</w:sdtContent></w:sdt>' +
        p('<w:hyperlink r:id="rId9" xmlns:r="urn:r">' + run('门户') + '</w:hyperlink>', '<w:smartTag w:element="x"><w:r><w:t>网站</w:t></w:r></w:smartTag>') +
        '<w:customXml w:element="sec">' + p('<w:customXml w:element="n">' + run('第三段') + '</w:customXml>') + '</w:customXml>',
    );
    expect(texts(grid)).toEqual(['二、主动公开', '门户网站', '第三段']);
  });

  it('leaves out a content control that still shows its placeholder', async () => {
    const grid = await read(
      '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>' + p('单击或点击此处输入文字。') + '</w:sdtContent></w:sdt>' +
        '<w:sdt><w:sdtPr><w:showingPlcHdr w:val="false"/></w:sdtPr><w:sdtContent>' + p('已填写') + '</w:sdtContent></w:sdt>' +
        tbl(tr('<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>' + tc(p('占位')) + '</w:sdtContent></w:sdt>', tc(p('5')))),
    );
    expect(texts(grid)).toEqual(['已填写']);
    expect(cells(grid.sheets[0]!)).toEqual(['A1=5']);
  });

  it('joins a cell’s paragraphs with line breaks; w:br and w:cr break lines, w:tab is a space; spaces collapse, lines are trimmed, blank ones dropped', async () => {
    const grid = await read(
      tbl(
        tr(
          tc(p('法律服务') + p() + p('机构')),
          tc(p('本年新收<w:br/>', '  政府信息 ', '<w:r><w:cr/><w:t>公开</w:t><w:tab/><w:t>申请</w:t></w:r>')),
          tc(p('\u3000\u3000前\u00a0 后 ')),
        ),
      ) + p('正文<w:r><w:br w:type="page"/></w:r>', '下一页'),
    );
    expect(cells(grid.sheets[0]!)).toEqual(['A1=法律服务\n机构', 'B1=本年新收\n政府信息\n公开 申请', 'C1=前 后']);
    expect(texts(grid)).toEqual(['正文\n下一页']);
  });

  it('ends text written outside a paragraph where the next paragraph starts', async () => {
    const grid = await read(tbl(tr(`<w:tc>${run('a')}${p('b')}${run('c')}</w:tc>`)) + run('d') + p('e'));
    expect(cells(grid.sheets[0]!)).toEqual(['A1=a\nb\nc']);
    expect(texts(grid)).toEqual(['d', 'e']);
  });

  it('keeps full-width digits and other characters as written', async () => {
    const grid = await read(tbl(tr(tc(p('１２')), tc(p('3.5万元')), tc(p('－')))));
    expect(cells(grid.sheets[0]!)).toEqual(['A1=１２', 'B1=3.5万元', 'C1=－']);
  });

  it('omits empty cells and rows: cells keep their grid column, rows their place', async () => {
    const grid = await read(tbl(tr(tc(''), tc(p(' ')), tc(p('c'))), tr(tc(''), tc('')), tr(tc(p('a')), tc(''), tc(p('c')))));
    const sheet = grid.sheets[0]!;
    expect(cells(sheet)).toEqual(['C1=c', 'A3=a', 'C3=c']);
    expect([...sheet.rows.keys()]).toEqual([1, 3]);
    expect(sheet.merges).toEqual([]);
  });

  it('reads an empty document (and one with no w:body) as no tables and no paragraphs', async () => {
    expect(await read('')).toEqual({ file: 't.docx', kind: 'docx', sheets: [], paragraphs: [] });
    const grid = await readDocx('t.docx', archive({ 'word/document.xml': `<w:document ${NS}/>` }));
    expect(grid).toEqual({ file: 't.docx', kind: 'docx', sheets: [], paragraphs: [] });
  });
});

describe('readDocx: the table grid', () => {
  it('places a cell after a w:gridSpan past the columns it spans, and keeps the span as a merge', async () => {
    const grid = await read(tbl(tr(tc(p('申请人情况'), span(3)), tc(p('总计'))), tr(tc(p('a')), tc(p('b')), tc(p('c')), tc(p('d')))));
    const sheet = grid.sheets[0]!;
    expect(cells(sheet)).toEqual(['A1=申请人情况', 'D1=总计', 'A2=a', 'B2=b', 'C2=c', 'D2=d']);
    expect(merges(sheet)).toEqual(['A1:C1']);
  });

  it('extends a w:vMerge restart down the rows that continue it; a continuing cell holds no value', async () => {
    const grid = await read(
      tbl(
        tr(tc(p('三、本年度办理结果'), RESTART), tc(p('（一）予以公开'), span(2)), tc(p('1'))),
        tr(tc(p('stray text'), CONTINUE), tc(p('（三）不予公开'), RESTART), tc(p('1.国家秘密')), tc(p('2'))),
        tr(tc('', '<w:vMerge w:val="continue"/>'), tc('', CONTINUE), tc(p('2.其他')), tc(p('3'))),
        tr(tc(p('四、结转')), tc(p('x'), span(2)), tc(p('4'))),
      ),
    );
    const sheet = grid.sheets[0]!;
    expect(cells(sheet)).toEqual(['A1=三、本年度办理结果', 'B1=（一）予以公开', 'D1=1', 'B2=（三）不予公开', 'C2=1.国家秘密', 'D2=2', 'C3=2.其他', 'D3=3', 'A4=四、结转', 'B4=x', 'D4=4']);
    expect(merges(sheet)).toEqual(['A1:A3', 'B1:C1', 'B2:B3', 'B4:C4']);
  });

  it('merges a vertical merge over the columns its first cell spans (勾稽 note over three columns and three rows)', async () => {
    const grid = await read(
      tbl(
        tr(tc(p('（本列数据的勾稽关系为…）'), span(3) + RESTART), tc(p('申请人情况'), span(2))),
        tr(tc('', span(3) + CONTINUE), tc(p('自然人'), RESTART), tc(p('法人或其他组织'))),
        tr(tc('', span(3) + CONTINUE), tc('', CONTINUE), tc(p('商业企业'))),
      ),
    );
    expect(merges(grid.sheets[0]!)).toEqual(['A1:C3', 'D1:E1', 'D2:D3']);
    expect(cells(grid.sheets[0]!)).toEqual(['A1=（本列数据的勾稽关系为…）', 'D1=申请人情况', 'D2=自然人', 'E2=法人或其他组织', 'E3=商业企业']);
  });

  it('reads a w:vMerge continue with nothing above to continue as a cell of its own', async () => {
    const grid = await read(tbl(tr(tc(p('a')), tc(p('b'))), tr(tc(p('c')), tc(p('d'), CONTINUE)), tr(tc(p('e')), tc(p('f'), CONTINUE))));
    expect(cells(grid.sheets[0]!)).toEqual(['A1=a', 'B1=b', 'A2=c', 'B2=d', 'A3=e']);
    expect(merges(grid.sheets[0]!)).toEqual(['B2:B3']);
  });

  it('continues a vertical merge only over the same grid columns, so no cell falls inside a merge', async () => {
    const grid = await read(tbl(tr(tc(p('a'), span(2) + RESTART)), tr(tc(p('b'), CONTINUE), tc(p('c')))));
    expect(cells(grid.sheets[0]!)).toEqual(['A1=a', 'A2=b', 'B2=c']);
    expect(merges(grid.sheets[0]!)).toEqual(['A1:B1']);
  });

  it('does not continue a vertical merge across a row that broke it', async () => {
    const grid = await read(tbl(tr(tc(p('a'), RESTART)), tr(tc(p('b'))), tr(tc(p('c'), CONTINUE))));
    expect(cells(grid.sheets[0]!)).toEqual(['A1=a', 'A2=b', 'A3=c']);
    expect(merges(grid.sheets[0]!)).toEqual([]);
  });

  it('skips the grid columns w:gridBefore leaves empty at the start of a row', async () => {
    const grid = await read(
      tbl(
        tr(tc(p('a')), tc(p('b')), tc(p('c'))),
        '<w:tr><w:trPr><w:gridBefore w:val="2"/><w:wBefore w:w="2000" w:type="dxa"/></w:trPr>' + tc(p('x')) + '</w:tr>',
        '<w:tr><w:tblPrEx><w:tblBorders/></w:tblPrEx><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + tc(p('y'), span(2)) + '</w:tr>',
      ),
    );
    expect(cells(grid.sheets[0]!)).toEqual(['A1=a', 'B1=b', 'C1=c', 'C2=x', 'B3=y']);
    expect(merges(grid.sheets[0]!)).toEqual(['B3:C3']);
  });

  it('reads rows and cells wrapped in content controls and custom XML', async () => {
    const grid = await read(
      '<w:tbl><w:tblGrid/><w:sdt><w:sdtContent>' + tr(tc(p('a')), '<w:customXml w:element="c">' + tc(p('b')) + '</w:customXml>') + '</w:sdtContent></w:sdt>' + tr(tc(p('c'))) + '</w:tbl>',
    );
    expect(cells(grid.sheets[0]!)).toEqual(['A1=a', 'B1=b', 'A2=c']);
  });

  it('makes a nested table a sheet of its own, numbered where it starts; the outer cell keeps only its own text', async () => {
    const inner = tbl(tr(tc(p('内1')), tc(tbl(tr(tc(p('最内')))))), tr(tc(p('内2'))));
    const grid = await read(tbl(tr(tc(p('前') + inner + p('后')), tc(p('右')))) + p('正文') + tbl(tr(tc(p('表格四')))));
    expect(grid.sheets.map((s) => s.name)).toEqual(['表格1', '表格2', '表格3', '表格4']);
    expect(cells(grid.sheets[0]!)).toEqual(['A1=前\n后', 'B1=右']);
    expect(cells(grid.sheets[1]!)).toEqual(['A1=内1', 'A2=内2']);
    expect(cells(grid.sheets[2]!)).toEqual(['A1=最内']);
    expect(cells(grid.sheets[3]!)).toEqual(['A1=表格四']);
    expect(texts(grid)).toEqual(['正文']);
  });

  it('keeps a table with no text as an empty sheet, so later tables keep their numbers', async () => {
    const grid = await read(tbl(tr(tc(''))) + '<w:tbl/>' + tbl(tr(tc(p('3')))));
    expect(grid.sheets.map((s) => [s.name, s.rows.size])).toEqual([
      ['表格1', 0],
      ['表格2', 0],
      ['表格3', 1],
    ]);
  });
});

describe('readDocx: what the page shows', () => {
  it('reads tracked insertions and moves to, not deletions or moves from; a deleted row is left out', async () => {
    const grid = await read(
      p('保留', '<w:ins w:id="1" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins>', '<w:del w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>') +
        p('<w:moveFrom w:id="3"><w:r><w:t>移走</w:t></w:r></w:moveFrom>', '<w:moveTo w:id="4"><w:r><w:t>移来</w:t></w:r></w:moveTo>') +
        tbl(
          tr(tc(p('a'))),
          '<w:tr><w:trPr><w:del w:id="5" w:author="a"/></w:trPr>' + tc(p('<w:del w:id="6"><w:r><w:delText>旧</w:delText></w:r></w:del>')) + '</w:tr>',
          tr(tc(p('b'))),
        ),
    );
    expect(texts(grid)).toEqual(['保留插入', '移来']);
    expect(cells(grid.sheets[0]!)).toEqual(['A1=a', 'A2=b']);
  });

  it('reads a field’s result, not its instruction: w:fldSimple, and w:fldChar begin … separate … end', async () => {
    const fld = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
    const instr = (text: string) => `<w:r><w:instrText xml:space="preserve">${text}</w:instrText></w:r>`;
    const grid = await read(
      p('第', '<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>', '页') +
        p('共', fld('begin'), instr(' NUMPAGES '), fld('separate'), '12', fld('end'), '页') +
        p('a', fld('begin'), instr(' IF '), fld('begin'), instr(' DATE '), fld('separate'), '2023', fld('end'), instr(' = 1 '), fld('separate'), '结果', fld('end'), 'b') +
        p('c', fld('begin'), '<w:r><w:fldChar w:fldCharType="end"><w:ffData><w:name w:val="x"/></w:ffData></w:fldChar></w:r>', 'd') +
        tbl(tr(tc(p(fld('begin'), instr(' =SUM(ABOVE) '), fld('separate'), '51', fld('end'))))),
    );
    expect(texts(grid)).toEqual(['第3页', '共12页', 'a结果b', 'cd']);
    expect(cells(grid.sheets[0]!)).toEqual(['A1=51']);
  });

  it('keeps a field left open inside a cell from hiding the text after the cell', async () => {
    const grid = await read(tbl(tr(tc(p('<w:r><w:fldChar w:fldCharType="begin"/></w:r>', 'hidden')), tc(p('shown')))) + p('after'));
    expect(cells(grid.sheets[0]!)).toEqual(['B1=shown']);
    expect(texts(grid)).toEqual(['after']);
  });

  it('reads mc:Fallback of an mc:AlternateContent, never mc:Choice', async () => {
    const grid = await read(
      p(
        '前',
        '<mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:t>新</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>旧</w:t></w:r></mc:Fallback></mc:AlternateContent>',
        '后',
      ) + '<mc:AlternateContent><mc:Choice Requires="w15">' + tbl(tr(tc(p('choice')))) + '</mc:Choice><mc:Fallback>' + tbl(tr(tc(p('fallback')))) + '</mc:Fallback></mc:AlternateContent>',
    );
    expect(texts(grid)).toEqual(['前旧后']);
    expect(grid.sheets.map((s) => cells(s))).toEqual([['A1=fallback']]);
  });

  it('leaves out text boxes, drawings, VML shapes and embedded objects, with the tables and text inside them', async () => {
    const box = `<w:txbxContent>${p('框内')}${tbl(tr(tc(p('框内表'))))}</w:txbxContent>`;
    const grid = await read(
      p(
        '正文',
        `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box}</wps:txbx><a:tbl xmlns:a="urn:a"><a:tr><a:tc><a:t>图中表</a:t></a:tc></a:tr></a:tbl></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
        '<w:r><w:object><v:shape/></w:object></w:r>',
        '继续',
      ),
    );
    expect(texts(grid)).toEqual(['正文继续']);
    expect(grid.sheets).toEqual([]);
  });

  it('reads equations and hyphens, leaves out ruby text and paragraph properties (tab stops)', async () => {
    const grid = await read(
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="840"/></w:tabs><w:rPr><w:del w:id="1"/></w:rPr></w:pPr>' +
        run('A') + '<w:r><w:noBreakHyphen/></w:r>' + run('B') + '<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>' +
        '<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>gōng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>公</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>',
    );
    expect(texts(grid)).toEqual(['A-Bx+1公']);
  });

  it('does not take a cell’s earlier properties (w:tcPrChange) for its merge', async () => {
    const grid = await read(
      tbl(tr(tc(p('a'), '<w:tcPrChange w:id="1"><w:tcPr><w:gridSpan w:val="3"/></w:tcPr></w:tcPrChange>'), tc(p('b')))),
    );
    expect(cells(grid.sheets[0]!)).toEqual(['A1=a', 'B1=b']);
  });

  it('reads attributes written with another prefix for the Word namespace', async () => {
    const xml = `<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:tbl><x:tr><x:tc><x:tcPr><x:gridSpan x:val="2"/></x:tcPr><x:p><x:r><x:t>a</x:t></x:r></x:p></x:tc><x:tc><x:p><x:r><x:t>b</x:t></x:r></x:p></x:tc></x:tr></x:tbl></x:body></x:document>`;
    const grid = await readDocx('t.docx', archive({ 'word/document.xml': xml }));
    expect(cells(grid.sheets[0]!)).toEqual(['A1=a', 'C1=b']);
    expect(merges(grid.sheets[0]!)).toEqual(['A1:B1']);
  });
});

describe('readDocx: hostile and broken documents', () => {
  it('reads 10,000 nested tables without overflowing the stack', async () => {
    const depth = 10_000;
    const body = '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(depth) + '</w:tc></w:tr></w:tbl>'.repeat(depth);
    const grid = await read(body);
    expect(grid.sheets).toHaveLength(depth);
    expect(grid.sheets[depth - 1]!.name).toBe(`表格${depth}`);
    expect(cells(grid.sheets[0]!)).toEqual(['A1=x']);
    expect(cells(grid.sheets[depth - 1]!)).toEqual(['A1=x']);
  });

  it('reads 100,000 nested read-through elements and 10,000 directly nested tables', async () => {
    const n = 100_000;
    const grid = await read('<w:p>' + '<w:customXml>'.repeat(n) + run('deep') + '</w:customXml>'.repeat(n) + '</w:p>' + '<w:tbl>'.repeat(10_000) + '</w:tbl>'.repeat(10_000));
    expect(texts(grid)).toEqual(['deep']);
    expect(grid.sheets).toHaveLength(10_000);
  });

  it('stops a table with more filled cells than the limit: too-many-cells naming the table', async () => {
    const row = tr(tc(p('1')), tc(p('2')), tc(p('3')));
    const limits = limitsWith({ maxCells: 10 });
    expect((await read(tbl(row, row, row) + tbl(row, row, row), limits)).sheets).toHaveLength(2);
    const err = await failure(read(tbl(row) + tbl(row, row, row, row), limits));
    expect(err.reason).toBe('too-many-cells');
    expect(err.data).toEqual({ sheet: '表格2', limit: 10 });
  });

  it('bounds the work of empty cells, tables and paragraphs too', async () => {
    const limits = limitsWith({ maxCells: 10 });
    expect((await failure(read(tbl(tr(tc('').repeat(101))), limits))).data).toEqual({ sheet: '表格1', limit: 10 });
    expect((await failure(read('<w:tbl/>'.repeat(11), limits))).reason).toBe('too-many-cells');
    expect((await failure(read(p('x').repeat(101), limits))).data).toEqual({ sheet: '正文', limit: 10 });
  });

  it('refuses a row wider than a sheet can be', async () => {
    const err = await failure(read(tbl(tr(tc(p('a'), span(16_000)), tc(p('b'), span(1000))))));
    expect(err.reason).toBe('corrupt-docx');
    expect(err.data.detail).toMatch(/表格1/);
  });

  it('reports XML that is not well-formed as a corrupt Word document', async () => {
    const err = await failure(readDocx('t.docx', archive({ 'word/document.xml': documentXml('<w:p><w:r><w:t>a</w:r></w:p>') })));
    expect(err.reason).toBe('corrupt-docx');
    expect(err.data.detail).toMatch(/closes/);
    expect((await failure(readDocx('t.docx', archive({ 'word/document.xml': documentXml(p('&bogus;')) })))).reason).toBe('corrupt-docx');
  });

  it('reports a package without its main document as a corrupt Word document', async () => {
    const err = await failure(readDocx('t.docx', archive({ 'word/styles.xml': '<w:styles/>', '[Content_Types].xml': '<Types/>' })));
    expect(err).toMatchObject({ reason: 'corrupt-docx', data: { detail: 'word/document.xml is missing' } });
  });

  it('finds the main document where _rels/.rels points when it is not word/document.xml', async () => {
    const rels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>';
    const grid = await readDocx('t.docx', archive({ '_rels/.rels': rels, 'word/document2.xml': documentXml(p('找到了')) }));
    expect(texts(grid)).toEqual(['找到了']);
  });

  it('refuses a document.xml larger than the inflated-size budget', async () => {
    const zip = archive({ 'word/document.xml': documentXml(p('x'.repeat(5000))) }, 1000);
    expect((await failure(readDocx('t.docx', zip))).reason).toBe('inflated-too-large');
  });
});

describe('readWordXml: Word 2003 XML', () => {
  const W2003 =
    'xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" ' +
    'xmlns:aml="http://schemas.microsoft.com/aml/2001/core" xmlns:o="urn:schemas-microsoft-com:office:office"';
  const word2003 = (body: string, encoding = 'UTF-8') =>
    `<?xml version="1.0" encoding="${encoding}" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n` +
    `<w:wordDocument ${W2003}><o:DocumentProperties><o:Title>不是正文</o:Title></o:DocumentProperties>` +
    `<w:fonts><w:font w:name="宋体"/></w:fonts><w:body><wx:sect>${body}` +
    `<w:sectPr><w:hdr w:type="odd"><w:p><w:r><w:t>页眉</w:t></w:r></w:p></w:hdr></w:sectPr></wx:sect></w:body></w:wordDocument>`;

  it('reads tables with w:vmerge and w:gridSpan, paragraphs in sub-sections, insertions but not deletions or comments', async () => {
    const xml = word2003(
      '<wx:sub-section>' + p('标题') +
        '<w:p><w:r><w:t>正文</w:t></w:r><aml:annotation w:type="Word.Insertion"><aml:content><w:r><w:t>新增</w:t></w:r></aml:content></aml:annotation>' +
        '<aml:annotation w:type="Word.Deletion"><aml:content><w:r><w:delText>删去</w:delText></w:r></aml:content></aml:annotation>' +
        '<aml:annotation w:type="Word.Comment"><aml:content><w:p><w:r><w:t>批注</w:t></w:r></w:p></aml:content></aml:annotation>' +
        '<w:r><w:footnote><w:p><w:r><w:t>脚注</w:t></w:r></w:p></w:footnote></w:r></w:p>' +
        '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="1"/></w:tblGrid>' +
        '<w:tr><w:tc><w:tcPr><w:vmerge w:val="restart"/></w:tcPr>' + p('总计') + '</w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + p('法人') + '</w:tc></w:tr>' +
        '<w:tr><w:tc><w:tcPr><w:vmerge/></w:tcPr><w:p/></w:tc><w:tc>' + p('商业企业') + '</w:tc><w:tc>' + p('１２') + '</w:tc></w:tr></w:tbl></wx:sub-section>',
    );
    const grid = await readWordXml('old.xml', strToU8(xml));
    expect(grid.kind).toBe('docx');
    expect(texts(grid)).toEqual(['标题', '正文新增']);
    expect(cells(grid.sheets[0]!)).toEqual(['A1=总计', 'B1=法人', 'B2=商业企业', 'C2=１２']);
    expect(merges(grid.sheets[0]!)).toEqual(['A1:A2', 'B1:C1']);
  });

  it('decodes the encoding the XML declaration names (GB2312 as GB18030), UTF-8 otherwise', async () => {
    const xml = word2003(p('政府信息公开') + tbl(tr(tc(p('自然人')))), 'GB2312');
    // GB2312 bytes for the characters the test reads (Node has no GB encoder); others as references.
    const gb: Record<string, number[]> = { 政: [0xd5, 0xfe], 府: [0xb8, 0xae], 信: [0xd0, 0xc5], 息: [0xcf, 0xa2], 公: [0xb9, 0xab], 开: [0xbf, 0xaa], 自: [0xd7, 0xd4], 然: [0xc8, 0xbb], 人: [0xc8, 0xcb] };
    const bytes: number[] = [];
    for (const c of xml) bytes.push(...(gb[c] ?? (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : [...Buffer.from(`&#${c.codePointAt(0)};`)])));
    const grid = await readWordXml('old.xml', new Uint8Array(bytes));
    expect(texts(grid)).toEqual(['政府信息公开']);
    expect(cells(grid.sheets[0]!)).toEqual(['A1=自然人']);
    expect(texts(await readWordXml('utf8.xml', strToU8(word2003(p('政府')))))).toEqual(['政府']);
    const bom = new Uint8Array([0xff, 0xfe, ...Buffer.from(word2003(p('政府'), 'UTF-16'), 'utf16le')]);
    expect(texts(await readWordXml('utf16.xml', bom))).toEqual(['政府']);
  });

  it('reads the body of Word’s flat XML package, not its headers or glossary', async () => {
    const xml =
      '<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>' +
      '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
      `<pkg:part pkg:name="/word/header1.xml"><pkg:xmlData><w:hdr ${NS}>${p('页眉')}</w:hdr></pkg:xmlData></pkg:part>` +
      `<pkg:part pkg:name="/word/document.xml"><pkg:xmlData>${documentXml(p('正文') + tbl(tr(tc(p('1')))))
        .replace(/^<\?xml[^>]*\?>\n/, '')}</pkg:xmlData></pkg:part>` +
      `<pkg:part pkg:name="/word/glossary/document.xml"><pkg:xmlData><w:glossaryDocument ${NS}><w:docParts><w:docPart><w:docPartBody>${p('词汇')}</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument></pkg:xmlData></pkg:part>` +
      '</pkg:package>';
    const grid = await readWordXml('flat.xml', strToU8(xml));
    expect(texts(grid)).toEqual(['正文']);
    expect(grid.sheets.map(cells)).toEqual([['A1=1']]);
  });

  it('reports a damaged Word 2003 XML file as a corrupt Word document', async () => {
    const err = await failure(readWordXml('old.xml', strToU8(word2003('<w:p><w:r><w:t>a</w:t></w:p>'))));
    expect(err.reason).toBe('corrupt-docx');
  });
});

describe('readDocx: fixtures/documents (python-docx)', () => {
  const open = (name: string) => readDocx(name, new ZipArchive(readFileSync(`fixtures/documents/${name}`), DEFAULT_LIMITS.maxInflatedBytes));
  const at = (grid: Grid, sheet: string, ref: string) => {
    const s = grid.sheets.find((x) => x.name === sheet)!;
    return [...s.rows.values()].flat().find((c) => a1(c.row, c.col) === ref)?.text;
  };

  it('balanced-2022.docx: three tables in the national layout, the narrative around them', async () => {
    const grid = await open('balanced-2022.docx');
    expect(grid.sheets.map((s) => s.name)).toEqual(['表格1', '表格2', '表格3']);
    expect(texts(grid).slice(0, 3)).toEqual(['示例市人力资源和社会保障局2022年政府信息公开工作年度报告', expect.stringMatching(/^本报告根据/), '一、总体情况']);
    expect(texts(grid)).toContain('（二）依申请公开情况。全年共收到政府信息公开申请298件，均在法定期限内予以答复。');
    expect(texts(grid).at(-1)).toBe('2022年度本机关未收取信息处理费。');
    expect(grid.paragraphs!.map((x) => x.index)).toEqual(texts(grid).map((_, i) => i + 1));
    // Table 3 (表格2): labels, figures where fixtures/documents/README.md says, the template's merges.
    expect(at(grid, '表格2', 'A4')).toBe('一、本年新收政府信息公开申请数量');
    expect(at(grid, '表格2', 'D4')).toBe('134');
    expect(at(grid, '表格2', 'J27')).toBe('297');
    expect(at(grid, '表格2', 'J28')).toBe('12');
    expect(at(grid, '表格2', 'A6')).toBe('三、本年度办理结果');
    expect(merges(grid.sheets[1]!)).toEqual(expect.arrayContaining(['A1:C3', 'D1:J1', 'D2:D3', 'E2:I2', 'J2:J3', 'A6:A27', 'B8:B15']));
    expect(at(grid, '表格3', 'E4')).toBe('6');
    expect(at(grid, '表格1', 'B7')).toBe('268');
  });

  it('edition2019-2020.docx: the 2019 table 2 and one （六）其他处理 row', async () => {
    const grid = await open('edition2019-2020.docx');
    expect(at(grid, '表格1', 'A18')).toBe('政府集中采购');
    expect(at(grid, '表格1', 'C8')).toBe('-1');
    expect(at(grid, '表格2', 'B24')).toBe('（六）其他处理');
    expect(at(grid, '表格2', 'J25')).toBe('415');
  });

  it('layout-table-2023.docx: the report tables nested in a layout table become 表格2–表格4', async () => {
    const grid = await open('layout-table-2023.docx');
    expect(grid.sheets.map((s) => s.name)).toEqual(['表格1', '表格2', '表格3', '表格4']);
    expect(texts(grid)).toEqual(['示例县退役军人事务局2023年政府信息公开工作年度报告']);
    const layout = at(grid, '表格1', 'A1')!;
    expect(layout.split('\n')).toContain('三、收到和处理政府信息公开申请情况');
    expect(layout).not.toMatch(/自然人|第二十条/);
    expect(at(grid, '表格2', 'B7')).toBe('４１');
    expect(at(grid, '表格3', 'H3')).toBe('法律服务\n机构');
    expect(at(grid, '表格3', 'D4')).toBe('136');
    expect(at(grid, '表格4', 'E4')).toBe('3');
  });
});
