// Web page reader: encodings, tables as sheets (the HTML table model), cell text, narrative,
// layout tables, broken and hostile markup, and the pages in fixtures/pages/.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, serialize } from 'parse5';
import { decodePage, parsePage, prescanCharset, quickTree, readHtml } from '../../src/readers/html.js';
import { DEFAULT_LIMITS } from '../../src/readers/limits.js';
import { cells, failure, merges, texts } from '../helpers/grid.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const utf8 = (s: string) => new TextEncoder().encode(s);

/** GBK bytes of a text, from the platform's GB18030 decoder run backwards (TextEncoder writes only UTF-8). */
const GBK = new Map<string, number[]>();
function gbk(text: string): Uint8Array {
  if (GBK.size === 0) {
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (trail !== 0x7f && ch.length === 1 && ch !== '\ufffd' && !GBK.has(ch)) GBK.set(ch, [lead, trail]);
      }
    }
  }
  return Uint8Array.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : GBK.get(ch)!)));
}

const read = (html: string, limits = DEFAULT_LIMITS) => readHtml('page.html', utf8(html), limits);




/** The lines parsePage gives td and th elements and text nodes, or parse5's own location info, in document order. */
function lines(document: unknown, own: boolean): string[] {
  type Node = { nodeName: string; tagName?: string; value?: string; childNodes?: Node[]; content?: Node; line?: number; sourceCodeLocation?: { startLine: number } | null };
  const out: string[] = [];
  const stack: Node[] = [document as Node];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const line = own ? node.line : node.sourceCodeLocation?.startLine;
    if (node.nodeName === '#text') out.push(`${JSON.stringify(node.value!.slice(0, 12))}@${line}`);
    else if (node.tagName === 'td' || node.tagName === 'th') out.push(`${node.tagName}@${line}`);
    const children = [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

/** decodePage's pieces joined: the page's text. */
function decoded(bytes: Uint8Array, label?: string): { text: string; encoding: string } {
  const { pieces, encoding } = decodePage(bytes, label);
  return { text: pieces.join(''), encoding };
}

describe('encoding', () => {
  it.each([
    ['<meta charset="gb2312">', 'gbk'],
    ['<meta charset=GBK>', 'gbk'],
    ["<META http-equiv=Content-Type content='text/html; charset=gb2312'>", 'gbk'],
    ['<meta content="text/html; charset=utf-8" http-equiv="Content-Type" />', 'utf-8'],
    ['<meta http-equiv="content-type" content="text/html;charset = \'big5\'">', 'big5'],
    ['<?xml version="1.0" encoding="gb2312"?><html><head><meta charset=utf-8>', 'utf-8'],
    ['<meta charset="utf-16">', 'utf-8'],
    ['<link title=">"><meta charset=gb18030>', 'gb18030'],
  ])('finds the declaration in %s', (html, expected) => {
    expect(prescanCharset(utf8(`<html><head>${html}</head>`))).toBe(expected);
  });

  it.each([
    ['in a comment', '<!-- <meta charset=gbk> --><p>'],
    ['as content= without http-equiv', '<meta content="text/html; charset=gbk">'],
    ['of a label no decoder knows', '<meta charset="x-klingon">'],
    ['past the first 1024 bytes', `${' '.repeat(1024)}<meta charset=gbk>`],
    ['in an attribute of another tag', '<div title="<meta charset=gbk>">'],
  ])('ignores a declaration %s', (_, html) => {
    expect(prescanCharset(utf8(html))).toBeNull();
  });

  it('reads a page that declares GB2312 as GB18030', () => {
    const bytes = gbk('<meta charset="gb2312"><p>自然人</p>');
    expect(decoded(bytes)).toEqual({ text: '<meta charset="gb2312"><p>自然人</p>', encoding: 'gb18030' });
  });

  it('detects UTF-8 and GBK when a page declares nothing', () => {
    expect(decoded(utf8('<p>总计</p>')).encoding).toBe('utf-8');
    expect(decoded(gbk('<p>总计</p>'))).toEqual({ text: '<p>总计</p>', encoding: 'gb18030' });
  });

  it('reads by the byte-order mark, whatever the page or the caller says', () => {
    const body = '<meta charset=gbk><p>总计</p>';
    expect(decoded(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(body)]))).toEqual({ text: body, encoding: 'utf-8-bom' });
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(body, 'utf16le')]);
    expect(decoded(le, 'gb2312')).toEqual({ text: body, encoding: 'utf-16le' });
    const be = Buffer.from(body, 'utf16le').swap16();
    expect(decoded(new Uint8Array([0xfe, 0xff, ...be]))).toEqual({ text: body, encoding: 'utf-16be' });
  });

  it("takes the caller's label (an MHT part's charset) over the page's own", () => {
    expect(decoded(gbk('<meta charset=utf-8><p>总计</p>'), 'gb2312')).toMatchObject({ encoding: 'gb18030', text: '<meta charset=utf-8><p>总计</p>' });
    expect(decoded(utf8('<p>é</p>'), 'windows-1252')).toEqual({ text: '<p>Ã©</p>', encoding: 'windows-1252' });
  });

  it('reads a page labelled GB2312 whose bytes are UTF-8 as UTF-8, and the reverse as GB18030', () => {
    expect(decoded(utf8('<meta charset=gb2312><p>自然人</p>'))).toMatchObject({ encoding: 'utf-8', text: '<meta charset=gb2312><p>自然人</p>' });
    expect(decoded(gbk('<meta charset=utf-8><p>自然人</p>'))).toMatchObject({ encoding: 'gb18030', text: '<meta charset=utf-8><p>自然人</p>' });
  });

  it('keeps a page with a few bad bytes (replacement characters) and refuses one that is mostly bad bytes', async () => {
    const damaged = new Uint8Array([...utf8('<meta charset=utf-8><p>总计'), 0xff, ...utf8('</p><p>自然人</p>'.repeat(20))]);
    expect((await readHtml('p.html', damaged)).paragraphs![0]!.text).toBe('总计\ufffd');
    const junk = new Uint8Array([...utf8('<meta charset=utf-8>'), ...new Array<number>(200).fill(0xff)]);
    expect((await failure(readHtml('p.html', junk))).reason).toBe('undecodable');
  });

  it('records the encoding used in the grid, and refuses a page of nothing but blanks as empty', async () => {
    expect((await readHtml('p.html', gbk('<p>总计</p>'))).encoding).toBe('gb18030');
    expect((await readHtml('p.html', utf8('<p>总计</p>'))).kind).toBe('html');
    expect((await failure(read(' \n\t'))).reason).toBe('empty');
  });
});

describe('tables', () => {
  it('makes each table a sheet named 表格N in the order the tables start, nested ones where they start', async () => {
    const grid = await read(`
      <table><tr><td>外一</td><td>
        <table><tr><td>内</td></tr></table>
        外二</td></tr></table>
      <table><tr><td>后</td></tr></table>`);
    expect(grid.sheets.map((s) => s.name)).toEqual(['表格1', '表格2', '表格3']);
    // The nested table is not part of the outer cell's text.
    expect(cells(grid.sheets[0])).toEqual(['A1=外一', 'B1=外二']);
    expect(cells(grid.sheets[1])).toEqual(['A1=内']);
    expect(cells(grid.sheets[2])).toEqual(['A1=后']);
  });

  it('places cells by the table model: colspan, rowspan and the slots earlier rows cover', async () => {
    const grid = await read(`<table>
      <tr><td rowspan=3 colspan=2>说明</td><td colspan=2>申请人情况</td></tr>
      <tr><td rowspan=2>自然人</td><td>商业企业</td></tr>
      <tr><td>科研机构</td></tr>
      <tr><td>一</td><td>二</td><td>3</td><td>4</td></tr>
    </table>`);
    expect(cells(grid.sheets[0])).toEqual(['A1=说明', 'C1=申请人情况', 'C2=自然人', 'D2=商业企业', 'D3=科研机构', 'A4=一', 'B4=二', 'C4=3', 'D4=4']);
    expect(merges(grid.sheets[0])).toEqual(['A1:B3', 'C1:D1', 'C2:C3']);
  });

  it('reads colspan and rowspan as a browser does: leading digits, 1 when absent, zero or negative, colspan at most 1000', async () => {
    const grid = await read(`<table>
      <tr><td colspan="2px">a</td><td colspan=0>b</td><td colspan=-3>c</td><td colspan=" +2">d</td><td colspan=x>e</td></tr>
      <tr><td colspan=5000>f</td><td>g</td></tr>
    </table>`);
    expect(cells(grid.sheets[0])).toEqual(['A1=a', 'C1=b', 'D1=c', 'E1=d', 'G1=e', 'A2=f', 'ALM2=g']);
    expect(merges(grid.sheets[0])).toEqual(['A1:B1', 'E1:F1', 'A2:ALL2']);
  });

  it('takes rowspan=0 to the end of its row group, and no rowspan past it', async () => {
    const grid = await read(`<table>
      <thead><tr><td rowspan=0>头</td><td>h</td></tr><tr><td>h2</td></tr></thead>
      <tbody><tr><td rowspan=9>体</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody>
      <tfoot><tr><td>脚</td><td>f</td></tr></tfoot>
    </table>`);
    expect(cells(grid.sheets[0])).toEqual(['A1=头', 'B1=h', 'B2=h2', 'A3=体', 'B3=1', 'B4=2', 'B5=3', 'A6=脚', 'B6=f']);
    expect(merges(grid.sheets[0])).toEqual(['A1:A2', 'A3:A5']);
  });

  it('reads rows in document order, header and footer groups where they stand', async () => {
    const grid = await read('<table><tfoot><tr><th>脚</th></tr></tfoot><tbody><tr><td>体</td></tr></tbody><thead><tr><th>头</th></tr></thead></table>');
    expect(cells(grid.sheets[0])).toEqual(['A1=脚', 'A2=体', 'A3=头']);
  });

  it('gives each cell the line of its start tag, and rows only the cells that hold something', async () => {
    const grid = await read('<table>\n<tr><td>a</td>\n<td> </td><td>\nb</td></tr>\n<tr><td></td></tr>\n</table>');
    const rows = [...grid.sheets[0]!.rows];
    expect(rows.map(([r, row]) => [r, row.map((c) => [c.col, c.text, c.line, c.kind])])).toEqual([
      [1, [[1, 'a', 2, 'text'], [3, 'b', 3, 'text']]],
    ]);
  });

  it('reads broken markup as a browser does: end tags left out, upper case, rows straight in the table, stray text moved out', async () => {
    const grid = await read('<TABLE><TR><TD>一<TD>二<TR><TD COLSPAN=2>三</TABLE><table>漏出<tr><td>四</table><td>五');
    expect(cells(grid.sheets[0])).toEqual(['A1=一', 'B1=二', 'A2=三']);
    expect(merges(grid.sheets[0])).toEqual(['A2:B2']);
    expect(cells(grid.sheets[1])).toEqual(['A1=四']);
    // Text inside <table> but outside a cell is put before the table; a <td> outside a table is no cell.
    expect(texts(grid)).toEqual(['漏出', '五']);
  });

  it('keeps huge spans cheap: colspan=100000 and rowspan=65535 cover what the table has', async () => {
    const started = performance.now();
    const grid = await read(`<table><tr><td colspan="100000" rowspan="65535">a</td><td>b</td></tr>${'<tr><td>c</td></tr>'.repeat(3)}</table>`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(merges(grid.sheets[0])).toEqual(['A1:ALL4']);
    expect(cells(grid.sheets[0])).toEqual(['A1=a', 'ALM1=b', 'ALM2=c', 'ALM3=c', 'ALM4=c']);
  });

  it('stops a table with more cells than the limit, or spans covering ten times as many slots, naming the sheet', async () => {
    const limits = { ...DEFAULT_LIMITS, maxCells: 10 };
    const many = await failure(read(`<table><tr><td>x</td></tr></table><table>${'<tr><td>1</td><td>2</td></tr>'.repeat(6)}</table>`, limits));
    expect([many.reason, many.data]).toEqual(['too-many-cells', { sheet: '表格2', limit: 10 }]);
    const wide = await failure(read(`<table>${'<tr><td colspan=1000 rowspan=0></td></tr>'.repeat(3)}</table>`, limits));
    expect([wide.reason, wide.data]).toEqual(['too-many-cells', { sheet: '表格1', limit: 10 }]);
  });

  it('refuses, before parsing, a page with more than ten times the cell limit of tags', async () => {
    const err = await failure(readHtml('dir/big.html', utf8('<p>x</p>'.repeat(60)), { ...DEFAULT_LIMITS, maxCells: 5 }));
    expect([err.reason, err.data]).toEqual(['too-many-cells', { sheet: 'big', limit: 5 }]);
  });
});

describe('cell text', () => {
  it('breaks lines at <br> and blocks, collapses blanks (&nbsp; and U+3000 too), trims lines, drops empty ones', async () => {
    const grid = await read(`<table><tr>
      <td>本年新收政府信息<br>公开申请数量</td>
      <td><p>商业</p><p></p><div>  企业 </div></td>
      <td>&nbsp;12&nbsp;</td>
      <td>　　自然人　</td>
      <td>a \t  b<br><br><br>c</td>
      <td><ul><li>一</li><li>二</li></ul></td>
    </tr></table>`);
    expect(cells(grid.sheets[0])).toEqual(['A1=本年新收政府信息\n公开申请数量', 'B1=商业\n企业', 'C1=12', 'D1=自然人', 'E1=a b\nc', 'F1=一\n二']);
  });

  it("reads Word's markup through: spans, <o:p>, conditional comments, styles and scripts are no text", async () => {
    const grid = await read(`<table><tr>
      <td><p class=MsoNormal align=center><span lang=EN-US style='font-size:10.0pt'>22<o:p></o:p></span></p></td>
      <td><!--[if gte mso 9]><xml><o:x>隐藏</o:x></xml><![endif]--><![if !supportLists]>1.<![endif]>属于国家秘密</td>
      <td><script>document.write("<td>x</td>")</script><style>td{}</style><noscript>请启用</noscript><template><b>t</b></template>予以公开</td>
      <td><st1:chsdate Year="2021">2021年</st1:chsdate>度</td>
    </tr></table>`);
    expect(cells(grid.sheets[0])).toEqual(['A1=22', 'B1=1.属于国家秘密', 'C1=予以公开', 'D1=2021年度']);
  });

  it('drops a source line break between two Chinese characters (editors wrap long lines) and keeps it as a space elsewhere', async () => {
    const grid = await read('<table><tr><td>本年新收政府\n    信息公开申请</td><td>Word\nWPS</td><td>2021年\n1月</td><td>自然人&nbsp;\n总计</td></tr></table>');
    expect(cells(grid.sheets[0])).toEqual(['A1=本年新收政府信息公开申请', 'B1=Word WPS', 'C1=2021年 1月', 'D1=自然人 总计']);
  });

  it('keeps the line breaks of <pre>', async () => {
    const grid = await read('<table><tr><td><pre>一\n  二</pre></td></tr></table><pre>\n甲\n乙</pre>');
    expect(cells(grid.sheets[0])).toEqual(['A1=一\n二']);
    expect(texts(grid)).toEqual(['甲', '乙']);
  });
});

describe('paragraphs', () => {
  it('makes each block and each <br> line outside the tables a paragraph, in order, with index and line', async () => {
    const grid = await read(
      '<h1>标题</h1>\n<p>第一段</p>\n<div>直接的文字<p>里面的段落</p>后面的文字</div>\n<p>一行<br>\n二行</p>\n<ul><li>条目</li></ul>\n<blockquote>引文</blockquote>\n<p> &nbsp; </p>',
    );
    expect(grid.paragraphs).toEqual([
      { text: '标题', index: 1, line: 1 },
      { text: '第一段', index: 2, line: 2 },
      { text: '直接的文字', index: 3, line: 3 },
      { text: '里面的段落', index: 4, line: 3 },
      { text: '后面的文字', index: 5, line: 3 },
      { text: '一行', index: 6, line: 4 },
      { text: '二行', index: 7, line: 5 },
      { text: '条目', index: 8, line: 6 },
      { text: '引文', index: 9, line: 7 },
    ]);
  });

  it("skips the page's navigation, asides, forms, header and footer, but reads an article's own header", async () => {
    const grid = await read(`
      <header><p>网站名称</p></header><nav><a href="/">首页</a></nav>
      <article><header><h1>年度报告</h1></header><p>正文</p><footer>文章脚注</footer></article>
      <aside>相关链接</aside><form><label>搜索</label><select><option>全部</option></select></form>
      <footer><p>版权所有</p><table><tr><td>主办单位</td></tr></table></footer>`);
    expect(texts(grid)).toEqual(['年度报告', '正文', '文章脚注']);
    // A table in the chrome is still a sheet.
    expect(cells(grid.sheets[0])).toEqual(['A1=主办单位']);
  });

  it("keeps a data table's text out of the narrative and reads its caption as narrative where the table stands", async () => {
    const grid = await read('<p>前</p><table><caption>表一</caption><tr><td><p>规章</p></td><td><p>0</p></td></tr></table><p>后</p>');
    expect(texts(grid)).toEqual(['前', '表一', '后']);
    expect(cells(grid.sheets[0])).toEqual(['A1=规章', 'B1=0']);
  });

  it('ignores scripts, styles and comments in the narrative', async () => {
    const grid = await read('<p>甲<script>var s = "<p>乙</p>";</script><!-- 丙 --><style>p{}</style>丁</p><noscript><p>戊</p></noscript>');
    expect(texts(grid)).toEqual(['甲丁']);
  });
});

describe('layout tables', () => {
  /** An old site: the page a table, the navigation in a nested table, the article in a cell with the report's table nested in it. */
  const framed = `<HTML><BODY>
<TABLE width=980><TR><TD><IMG src=banner.jpg>
<TR><TD><TABLE><TR><TD><A href=/>网站首页</A><TD>信息公开</TABLE>
<TR><TD align=center><B>示例乡2021年政府信息公开工作年度报告</B>
<TR><TD>
<P>本报告根据条例编制。
<P><B>二、主动公开政府信息情况</B>
<TABLE border=1><TR><TD><P>规章<TD><P>0</TABLE>
<P>五、存在的主要问题
<TR><TD>版权所有</TABLE>`;

  it("reads a table framing the article as narrative around its nested tables, and keeps every table a sheet", async () => {
    const grid = await read(framed);
    expect(texts(grid)).toEqual(['示例乡2021年政府信息公开工作年度报告', '本报告根据条例编制。', '二、主动公开政府信息情况', '五、存在的主要问题', '版权所有']);
    expect(grid.sheets.map((s) => s.name)).toEqual(['表格1', '表格2', '表格3']);
    expect(cells(grid.sheets[1])).toEqual(['A1=网站首页', 'B1=信息公开']);
    expect(cells(grid.sheets[2])).toEqual(['A1=规章', 'B1=0']);
    expect(cells(grid.sheets[0])).toEqual([
      'A3=示例乡2021年政府信息公开工作年度报告',
      'A4=本报告根据条例编制。\n二、主动公开政府信息情况\n五、存在的主要问题',
      'A5=版权所有',
    ]);
    expect(grid.paragraphs!.map((p) => p.line)).toEqual([4, 6, 7, 9, 10]);
  });

  it('takes a table for a frame when a cell holds a heading or prose, and not when its cells hold a few short paragraphs', async () => {
    const prose = '坚持以公开为常态、不公开为例外，不断提升政务公开质量。'.repeat(5);
    const heading = await read('<table><tr><td><h2>一、总体情况</h2>正文</td></tr></table>');
    expect(texts(heading)).toEqual(['一、总体情况', '正文']);
    const article = await read(`<table><tr><td><p>${prose}</p><p>${prose}</p></td></tr></table>`);
    expect(texts(article)).toEqual([prose, prose]);
    const data = await read('<table><tr><td><p>（二）部分公开</p><p>（区分处理的）</p></td><td><p>3</p></td></tr></table>');
    expect(texts(data)).toEqual([]);
  });

  it("reads a layout table's narrative only where the narrative is read (not inside chrome or a data table)", async () => {
    const inNav = await read('<nav><table><tr><td><table><tr><td>x</td></tr></table>菜单</td></tr></table></nav>');
    expect(texts(inNav)).toEqual([]);
    const inData = await read('<table><tr><td>数据</td><td><table><tr><td><h3>小标题</h3></td></tr></table></td></tr></table><p>后</p>');
    // The outer table holds a nested table, so it is a frame; the inner one holds a heading.
    expect(texts(inData)).toEqual(['数据', '小标题', '后']);
  });
});

describe('deep and large pages', () => {
  it('reads a page nested 100,000 elements deep without overflowing the stack', async () => {
    const deep = await read(`${'<div>'.repeat(100_000)}正文${'</div>'.repeat(100_000)}<p>后</p>`);
    expect(texts(deep)).toEqual(['正文', '后']);
    const spans = await read(`<p>${'<span>'.repeat(100_000)}正文`);
    expect(texts(spans)).toEqual(['正文']);
  });

  it('reads 25,000 tables nested in each other, each its own sheet', async () => {
    const grid = await read(`${'<table><tr><td>格'.repeat(25_000)}`);
    expect(grid.sheets).toHaveLength(25_000);
    expect(cells(grid.sheets[24_999])).toEqual(['A1=格']);
    expect(cells(grid.sheets[0])).toEqual(['A1=格']);
  });
});

describe('source lines', () => {
  /** Each cell's address, text and line, in sheet order. */
  const placed = (grid: Awaited<ReturnType<typeof read>>) =>
    grid.sheets.map((sheet) => [...sheet.rows.values()].flat().map((c) => `${c.row},${c.col}=${c.text}@${c.line}`));

  it('gives cells and paragraphs the lines of their own tags and text, past what would confuse a tag-by-tag matcher', async () => {
    const page = [
        /* 1 */ '<!DOCTYPE html>',
        /* 2 */ '<!--[if gte mso 9]><table><tr><td>注释</td></tr></table><![endif]-->',
        /* 3 */ '<table>',
        /* 4 */ '<td>甲</td>',
        /* 5 */ '<body class="second"><td>乙</td>',
        /* 6 */ '<script>document.write("<td>丙</td>"); var s = "<td";</script>',
        /* 7 */ '<template><td>模板</td></template><td',
        /* 8 */ '  colspan=2>丁</td></tr>',
        /* 9 */ '<tr><!-- <td>注释</td> --><th>',
        /* 10 */ '戊</th></table>',
        /* 11 */ '<p><b>加粗<p>',
        /* 12 */ '段落</b><td>游离</td><textarea><td>文本框</textarea>',
        /* 13 */ '<table><tr><td><b>一</table>',
        /* 14 */ '<p>后</p>',
      ].join('\n');
    const grid = await read(page);
    // <td>甲</td> makes an implied tbody and tr (no tags of their own), the second <body> is ignored,
    // the <td> in the script, the comments and the template are no cells, the cell on line 7 is
    // a start tag running onto line 8.
    expect(placed(grid)).toEqual([['1,1=甲@4', '1,2=乙@5', '1,3=丁@7', '2,1=戊@9'], ['1,1=一@13']]);
    expect(grid.paragraphs!.map((p) => `${p.text}@${p.line}`)).toEqual(['加粗@11', '段落游离@12', '后@14']);
    // Every cell and text node on the line parse5's own location info gives it.
    expect(lines(await parsePage(page), true)).toEqual(lines(parse(page, { sourceCodeLocationInfo: true }), false));
  });

  it('counts CR, CRLF and LF line breaks as parse5 does, and places text held back in a table where it stands', async () => {
    const page = '<p>一</p>\r<p>二</p>\r\n<table>\r\n挪出\r\n<tr><td>\r\n格</td></tr></table>\n<p>三</p>';
    const grid = await read(page);
    expect(placed(grid)).toEqual([['1,1=格@5']]);
    expect(grid.paragraphs!.map((p) => `${p.text}@${p.line}`)).toEqual(['一@1', '二@2', '挪出@4', '三@7']);
    expect(lines(await parsePage(page), true)).toEqual(lines(parse(page, { sourceCodeLocationInfo: true }), false));
  });

  it("counts a line once after a bare '&' at its end (parse5's location info counts it twice)", async () => {
    const page = '<p>甲&\n乙</p>\n<table><tr><td>1</td></tr></table>';
    // Read without parse5 (html-tree.ts), and by parse5: the same, right, line.
    expect(await quickTree([page])).not.toBeNull();
    expect(placed(await read(page))).toEqual([['1,1=1@3']]);
    expect(lines(await parsePage(page), true)).toContain('td@3');
    expect(lines(parse(page, { sourceCodeLocationInfo: true }), false)).toContain('td@4');
  });

  const dir = join(ROOT, 'fixtures/pages');
  const pages = readdirSync(dir).filter((name) => /\.html?$/.test(name));

  it.each(pages)('%s: every cell and text has the line parse5 locates it on', async (name) => {
    const { text } = decoded(readFileSync(join(dir, name)));
    const want = lines(parse(text, { sourceCodeLocationInfo: true }), false);
    expect(want.some((l) => l.startsWith('td@'))).toBe(true);
    expect(lines(await parsePage(text), true)).toEqual(want);
  });
});

describe('the parse, in pieces and with runs of plain characters taken at once, is parse5’s own', () => {
  /** The page cut into pieces of `size` characters. */
  const cut = (text: string, size: number) => Array.from({ length: Math.ceil(text.length / size) || 1 }, (_, i) => text.slice(i * size, (i + 1) * size));
  /** What the tree is: parse5's serialization (every element, attribute value, comment and text). */
  const tree = (document: Awaited<ReturnType<typeof parsePage>>) => serialize(document);

  // Each character a run of an attribute value or a comment must stop at, or go past.
  const tricky = [
    '<!DOCTYPE html><title>t</title>',
    '<p title="a&amp;b&lt;c &notin; &#x4e00;&#19968; &bogus; d\r\ne\rf\ng\u0000h 😀 \ud800 end">一</p>',
    "<p title='single &quot;\r\n quoted&amp;' data-x=unquoted&amp;y class = \"spaced\">二</p>",
    '<!-- a comment -- with - dashes <!-- nested? <b> \r\n --!> after',
    '<!----><!--->x<!-- ok --->',
    '<table><tr><td style="border:0.5pt solid windowtext;&#10;padding:0">三</td><td title="unterminated',
  ].join('\n');

  it.each([1, 2, 3, 7, 64, 100_000])('tricky markup in pieces of %i characters', async (size) => {
    const want = parse(tricky, { sourceCodeLocationInfo: true });
    const got = await parsePage(cut(tricky, size));
    expect(tree(got)).toBe(tree(want));
    expect(lines(got, true)).toEqual(lines(want, false));
  });

  const dir = join(ROOT, 'fixtures/pages');
  const pages = readdirSync(dir).filter((name) => /\.html?$/.test(name));

  it.each(pages)('%s, in the pieces decodePage gives and in pieces of 1,000', async (name) => {
    const { pieces } = decodePage(readFileSync(join(dir, name)));
    const text = pieces.join('');
    expect(pieces.length, 'the fixture is read in several pieces').toBeGreaterThan(1);
    const want = parse(text, { sourceCodeLocationInfo: true });
    for (const got of [await parsePage(pieces), await parsePage(cut(text, 1000))]) {
      expect(tree(got)).toBe(tree(want));
      expect(lines(got, true)).toEqual(lines(want, false));
    }
  });
});

describe('fixtures/pages', () => {
  const dir = join(ROOT, 'fixtures/pages');
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
    string,
    { encoding: string; sheets: number; tables: Record<string, { cells: Array<[string, string]>; merges: string[] }>; paragraphs: string[] }
  >;
  const pages = Object.keys(expected).filter((name) => !name.endsWith('.mht'));

  it('has the pages expected.json describes', () => {
    expect(pages.length).toBeGreaterThanOrEqual(4);
  });

  it.each(pages)('%s: encoding, every table, merges and narrative as expected.json says', async (name) => {
    const want = expected[name]!;
    const grid = await readHtml(name, readFileSync(join(dir, name)));
    expect(grid.encoding).toBe(want.encoding);
    expect(grid.sheets).toHaveLength(want.sheets);
    for (const [sheet, table] of Object.entries(want.tables)) {
      const found = grid.sheets.find((s) => s.name === sheet);
      expect(cells(found), sheet).toEqual(table.cells.map(([ref, text]) => `${ref}=${text}`));
      expect(merges(found), sheet).toEqual(table.merges);
    }
    expect(texts(grid)).toEqual(want.paragraphs);
  });
});
