// MHT reader: the page of a multipart/related message (Word's 单个文件网页, IE's and Chrome's
// saved pages), its transfer encoding and charset, and the fixture in fixtures/pages/.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { a1 } from '../../src/model/grid.js';
import { mhtPage, readMht } from '../../src/readers/mht.js';
import { failure } from '../helpers/grid.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A message from lines joined with CRLF (a MIME message's line ending). */
const message = (...lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');
/** GB2312 bytes of 总计 and 自然人, as quoted-printable. */
const QP_GB = { 总计: '=D7=DC=BC=C6', 自然人: '=D7=D4=C8=BB=C8=CB' };

const texts = (bytes: Uint8Array) => readMht('page.mht', bytes).then((grid) => grid.paragraphs!.map((p) => p.text));


describe('readMht', () => {
  it("reads Word's quoted-printable GB2312 page in the part's charset, soft line breaks joined", async () => {
    const mht = message(
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="----=_NextPart_01D7.0"',
      '',
      'This is a multi-part message in MIME format.',
      '',
      '------=_NextPart_01D7.0',
      'Content-Location: file:///C:/x/report.htm',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Type: text/html; charset="gb2312"',
      '',
      `<html><body><p class=3DMsoNormal>${QP_GB.总计}=`,
      `${QP_GB.自然人}</p><table><tr><td>${QP_GB.总计}</td><td>=3D3</td></tr></table></body></html>`,
      '',
      '------=_NextPart_01D7.0',
      'Content-Location: file:///C:/x/report.files/image001.png',
      'Content-Transfer-Encoding: base64',
      'Content-Type: image/png',
      '',
      'iVBORw0KGgo=',
      '',
      '------=_NextPart_01D7.0--',
      '',
    );
    const grid = await readMht('report.mht', mht);
    expect(grid).toMatchObject({ file: 'report.mht', kind: 'html', encoding: 'gb18030' });
    expect(grid.paragraphs!.map((p) => p.text)).toEqual(['总计自然人']);
    expect([...grid.sheets[0]!.rows.values()].flat().map((c) => `${a1(c.row, c.col)}=${c.text}`)).toEqual(['A1=总计', 'B1==3']);
  });

  it('reads a base64 page, LF line endings and an unquoted boundary', async () => {
    const html = Buffer.from('<meta charset="utf-8"><p>自然人</p>', 'utf8').toString('base64');
    const mht = Buffer.from(
      ['Content-Type: multipart/related; boundary=b1; type="text/html"', '', '--b1', 'Content-Type: text/html', 'Content-Transfer-Encoding: base64', '', html.slice(0, 20), html.slice(20), '--b1--', ''].join('\n'),
      'latin1',
    );
    expect(await texts(mht)).toEqual(['自然人']);
    expect((await readMht('p.mht', mht)).encoding).toBe('utf-8');
  });

  it('takes the root part the message names (start, or the Content-Location of the saved page) over the first HTML part', async () => {
    const parts = (top: string) =>
      message(
        top,
        '',
        '--b',
        'Content-Type: text/html; charset=utf-8',
        'Content-ID: <frame@x>',
        'Content-Location: https://example.gov.cn/frame.html',
        '',
        '<p>frame</p>',
        '--b',
        'Content-Type: text/html; charset=utf-8',
        'Content-ID: <main@x>',
        'Content-Location: https://example.gov.cn/nb.html',
        '',
        '<p>main</p>',
        '--b--',
      );
    expect(await texts(parts('Content-Type: multipart/related; boundary=b; start="<main@x>"'))).toEqual(['main']);
    expect(await texts(parts('Snapshot-Content-Location: https://example.gov.cn/nb.html\r\nContent-Type: multipart/related;\r\n\tboundary="b"'))).toEqual(['main']);
    expect(await texts(parts('Content-Type: multipart/related; boundary=b'))).toEqual(['frame']);
  });

  it('finds the page inside a nested multipart (a saved e-mail) and in a message that is only a page', async () => {
    const mail = message(
      'Content-Type: multipart/mixed; boundary=outer',
      '',
      '--outer',
      'Content-Type: multipart/alternative; boundary=inner',
      '',
      '--inner',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'plain',
      '--inner',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      '<p>html</p>',
      '--inner--',
      '--outer--',
    );
    expect(await texts(mail)).toEqual(['html']);
    expect(await texts(message('Content-Type: text/html; charset=utf-8', '', '<p>only</p>'))).toEqual(['only']);
  });

  it('keeps the last part of a message cut short, does not take a longer word for the boundary, keeps a stray =', async () => {
    const cut = message('Content-Type: multipart/related; boundary=b', '', '--b', 'Content-Type: text/html', 'Content-Transfer-Encoding: quoted-printable', '', '<p>a=zz', '--bb', '<p>truncated');
    expect(await texts(cut)).toEqual(['a=zz --bb', 'truncated']);
  });

  it('says so when there is no HTML part, or no message at all', async () => {
    const images = message('Content-Type: multipart/related; boundary=b', '', '--b', 'Content-Type: image/png', 'Content-Transfer-Encoding: base64', '', 'iVBORw0KGgo=', '--b--');
    expect((await failure(readMht('p.mht', images))).reason).toBe('mht-no-html');
    expect((await failure(readMht('p.mht', Buffer.from('not a message at all')))).reason).toBe('mht-no-html');
    expect(mhtPage(new Uint8Array())).toBeNull();
  });

  it('reads fixtures/pages/word-2022.mht as expected.json says', async () => {
    const dir = join(ROOT, 'fixtures/pages');
    const want = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'))['word-2022.mht'] as {
      encoding: string;
      sheets: number;
      tables: Record<string, { cells: Array<[string, string]>; merges: string[] }>;
      paragraphs: string[];
    };
    const grid = await readMht('word-2022.mht', readFileSync(join(dir, 'word-2022.mht')));
    expect(grid.encoding).toBe(want.encoding);
    expect(grid.sheets).toHaveLength(want.sheets);
    for (const [name, table] of Object.entries(want.tables)) {
      const sheet = grid.sheets.find((s) => s.name === name)!;
      expect([...sheet.rows.values()].flat().map((c) => [a1(c.row, c.col), c.text]), name).toEqual(table.cells);
      expect(sheet.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`), name).toEqual(table.merges);
    }
    expect(grid.paragraphs!.map((p) => p.text)).toEqual(want.paragraphs);
  });
});
