// Submissions in zip archives (issue 19, part 4): a .zip given or found in a folder is opened and
// its reports checked as `archive.zip!path/inside.xlsx`, within the limits of any file; names in
// GBK (as Windows zip tools write them), names with `..`, a zip inside the zip, a member that
// inflates past the limit and a damaged archive each get what they should, and nothing is unpacked.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';
import { handZip } from '../helpers/zip.js';

const fixture = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'fixtures', name)));


/** 年报.xlsx in GBK: 年 C4EA, 报 B1A8. */
const GBK_NAME = new Uint8Array([0xc4, 0xea, 0xb1, 0xa8, ...Buffer.from('.xlsx')]);

interface Json {
  results: Array<{ file: string; errorCount: number; diagnostics: Array<{ rule: string; messageId: string }> }>;
  skipped: Array<{ file: string; kind: string }>;
}

describe('zip archives of submissions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'archives-'));
  const folder = join(dir, '提交');
  mkdirSync(folder);
  writeFileSync(join(folder, 'loose-2022.xlsx'), fixture('official-2022.xlsx'));
  writeFileSync(
    join(folder, '乡镇.zip'),
    zipSync({
      '乡镇/seeded-errors-2022.xlsx': fixture('seeded-errors-2022.xlsx'),
      '乡镇/说明.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      '乡镇/inner.zip': zipSync({ 'a.csv': fixture('cell-errors-2023.csv') }),
      '__MACOSX/乡镇/._seeded-errors-2022.xlsx': new Uint8Array(10),
      '../../escape-2023.csv': fixture('utf8-bom-2023.csv'),
      // 20 MB of zeros, a few KB deflated: past a --max-inflated-size of 10MB.
      'bomb.csv': new Uint8Array(20 * 1024 * 1024),
    }),
  );
  writeFileSync(join(folder, 'windows.zip'), handZip([{ name: GBK_NAME, data: fixture('per-sheet-2023.xlsx') }]));
  writeFileSync(join(folder, 'damaged.zip'), Buffer.from('PK\x03\x04 this archive ends here'));
  // A workbook saved under .zip is a workbook: read as one, not opened as an archive.
  writeFileSync(join(folder, 'renamed-2022.zip'), fixture('official-2022.xlsx'));

  it('checks every report in the archives and the folder, names them archive.zip!member, and lists what it did not check', async () => {
    const r = await cli(['check', '--format', 'json', '--max-inflated-size', '10MB', folder]);
    const out = JSON.parse(r.stdout) as Json;
    const byName = new Map(out.results.map((x) => [x.file.slice(folder.length + 1), x]));
    expect([...byName.keys()].sort()).toEqual(
      ['damaged.zip', 'loose-2022.xlsx', 'renamed-2022.zip', 'windows.zip!年报.xlsx', '乡镇.zip!../../escape-2023.csv', '乡镇.zip!bomb.csv', '乡镇.zip!乡镇/seeded-errors-2022.xlsx'].sort(),
    );
    // Read like the same file outside an archive.
    const seeded = await cli(['check', '--format', 'json', join(ROOT, 'fixtures/seeded-errors-2022.xlsx')]);
    const rules = (x: Json['results'][number]) => x.diagnostics.map((d) => d.rule);
    expect(rules(byName.get('乡镇.zip!乡镇/seeded-errors-2022.xlsx')!)).toEqual(rules((JSON.parse(seeded.stdout) as Json).results[0]!));
    expect(byName.get('windows.zip!年报.xlsx')!.errorCount).toBe(0);
    expect(byName.get('乡镇.zip!../../escape-2023.csv')!.errorCount).toBe(0);
    // The bomb: refused at the limit; the damaged archive: a result saying so.
    expect(byName.get('乡镇.zip!bomb.csv')!.diagnostics.map((d) => `${d.rule} ${d.messageId}`)).toEqual(['file-unreadable inflated-too-large']);
    expect(byName.get('damaged.zip')!.diagnostics.map((d) => `${d.rule} ${d.messageId}`)).toEqual(['file-unreadable corrupt-zip']);
    expect(byName.get('renamed-2022.zip')!.errorCount).toBe(0);
    // Not checked, and named: the picture, the zip inside the zip.
    expect(out.skipped.map((s) => [s.file.slice(folder.length + 1), s.kind])).toEqual([
      ['乡镇.zip!乡镇/inner.zip', '.zip'],
      ['乡镇.zip!乡镇/说明.png', '.png'],
    ]);
    expect(r.code).toBe(1);
    // Nothing was unpacked, inside the folder or above it.
    expect(readdirSync(folder).sort()).toEqual(['damaged.zip', 'loose-2022.xlsx', 'renamed-2022.zip', 'windows.zip', '乡镇.zip']);
    expect(existsSync(join(dir, '..', 'escape-2023.csv'))).toBe(false);
  });

  it('an archive given by name is opened too, and its findings name the member in the text output', async () => {
    const r = await cli(['check', join(folder, '乡镇.zip'), '--max-inflated-size', '10MB']);
    expect(r.stdout).toContain(`${folder}/乡镇.zip!乡镇/seeded-errors-2022.xlsx  示例县卫生健康委员会`);
    expect(r.stdout).toContain('共检查 3 个文件');
    expect(r.stderr).toBe('');
    expect(r.stderr).toBe('');
  });

  it('a name listed twice is named as not checked; a password-protected member gets a result saying so', async () => {
    const odd = join(dir, 'odd');
    mkdirSync(odd);
    const csv = fixture('utf8-bom-2023.csv');
    const name = new Uint8Array(Buffer.from('r-2023.csv'));
    writeFileSync(join(odd, 'twice.zip'), handZip([{ name, data: csv }, { name, data: csv }, { name: new Uint8Array(Buffer.from('locked-2023.csv')), data: csv, flags: 1 }]));
    const out = JSON.parse((await cli(['check', '--format', 'json', odd])).stdout) as Json;
    expect(out.results.map((x) => [x.file.slice(odd.length + 1), x.diagnostics.map((d) => d.messageId)])).toEqual([
      ['twice.zip!locked-2023.csv', ['encrypted-zip']],
      ['twice.zip!r-2023.csv', []],
    ]);
    expect(out.skipped.map((x) => [x.file.slice(odd.length + 1), x.kind])).toEqual([['twice.zip!r-2023.csv', 'duplicate']]);
  });

  it('-o never writes over an archive whose members were read', async () => {
    const target = join(folder, 'windows.zip');
    const before = readFileSync(target);
    const r = await cli(['check', target, '-o', target]);
    expect(r.code).toBe(2);
    expect(readFileSync(target)).toEqual(before);
  });

  it('one member named as a result names it is checked; a member not there gets a result saying so', async () => {
    const one = await cli(['check', '--format', 'json', `${join(folder, 'windows.zip')}!年报.xlsx`]);
    expect((JSON.parse(one.stdout) as Json).results.map((x) => x.errorCount)).toEqual([0]);
    expect(one.code).toBe(0);
    const gone = await cli(['check', '--format', 'json', `${join(folder, 'windows.zip')}!missing.xlsx`]);
    expect((JSON.parse(gone.stdout) as Json).results[0]!.diagnostics.map((d) => `${d.rule} ${d.messageId}`)).toEqual(['file-unreadable not-found']);
    expect(gone.code).toBe(1);
  });
});
