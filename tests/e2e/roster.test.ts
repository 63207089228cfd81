// Who has not submitted (issue 19, part 2): `report check 提交/ --expect 名单.csv` on a folder of
// real fixtures under names a supervising office gives them, a roster with a body missing, a file
// renamed, a body whose name is written otherwise, and a file that is on no line.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';

interface Json {
  results: Array<{ file: string; diagnostics: Array<{ rule: string; line: number | null; message: string }> }>;
  summary: {
    files: number;
    errors: number;
    roster?: { file: string; year: number; matched: Array<{ body: string; line: number; files: string[] }>; missing: Array<{ body: string; year: number; line: number }>; unmatched: string[] };
  };
}

describe('--expect: who has not submitted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-'));
  const folder = join(dir, '提交');
  mkdirSync(folder);
  // Three 2022 reports, one under a name that says nothing of its body (renamed by the office).
  copyFileSync(join(ROOT, 'fixtures/official-2022.xlsx'), join(folder, '01.xlsx')); // 示例市生态环境局
  copyFileSync(join(ROOT, 'fixtures/documents/balanced-2022.docx'), join(folder, 'balanced-2022.docx')); // 示例市人力资源和社会保障局
  copyFileSync(join(ROOT, 'fixtures/pages/wps-2022.html'), join(folder, 'wps-2022.html')); // 示例县退役军人事务局
  const roster = join(dir, '名单.csv');
  writeFileSync(
    roster,
    ['序号,单位名称', '1,示例市生态环境局', '2,示例市人力资源和社会保障局', '3,示例市 教育局', '4,示例市人力资源和社会保障局办公室'].join('\r\n') + '\r\n',
  );

  it('lists the bodies with no report at their lines, each match for a person to confirm, and the files on no line', async () => {
    const r = await cli(['check', '--format', 'json', folder, '--expect', roster]);
    const out = JSON.parse(r.stdout) as Json;
    const last = out.results.at(-1)!;
    expect(last.file).toBe(roster);
    expect(last.diagnostics.map((d) => [d.rule, d.line, d.message])).toEqual([
      ['report-not-submitted', 4, '“示例市 教育局”没有 2022 年度的报告'],
      ['report-not-submitted', 5, '“示例市人力资源和社会保障局办公室”没有 2022 年度的报告'],
    ]);
    const list = out.summary.roster!;
    expect(list.year).toBe(2022);
    expect(list.matched.map((m) => [m.body, m.line, m.files.map((f) => f.slice(folder.length + 1))])).toEqual([
      ['示例市生态环境局', 2, ['01.xlsx']],
      ['示例市人力资源和社会保障局', 3, ['balanced-2022.docx']],
    ]);
    expect(list.unmatched.map((f) => f.slice(folder.length + 1))).toEqual(['wps-2022.html']);
    expect(r.code).toBe(1);
  });

  it('the text summary says how many submitted, and which files are on no line; --year changes the year expected', async () => {
    const r = await cli(['check', folder, '--expect', roster]);
    expect(r.stdout).toContain('“示例市 教育局”没有 2022 年度的报告');
    expect(r.stdout).toContain(`名单 ${roster}：4 个单位，2 个已提交，2 个未提交；另有 1 个文件不在名单上：${join(folder, 'wps-2022.html')}`);
    const later = JSON.parse((await cli(['check', '--format', 'json', folder, '--expect', roster, '--year', '2023'])).stdout) as Json;
    expect(later.summary.roster!.missing.map((m) => m.year)).toEqual([2023, 2023, 2023, 2023]);
  });

  it('SARIF points at the roster file’s lines', async () => {
    const sarif = JSON.parse((await cli(['check', '--format', 'sarif', folder, '--expect', roster])).stdout) as {
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }>;
    };
    const found = sarif.runs[0]!.results.filter((x) => x.ruleId === 'report-not-submitted');
    expect(found.map((x) => [decodeURIComponent(x.locations[0]!.physicalLocation.artifactLocation.uri).split('/').at(-1), x.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ['名单.csv', 4],
      ['名单.csv', 5],
    ]);
  });

  it('a roster inside the folder checked is not checked as a report; --shard and --year alone are refused', async () => {
    const inside = join(folder, '名单.txt');
    writeFileSync(inside, '示例市生态环境局\n');
    try {
      const out = JSON.parse((await cli(['check', '--format', 'json', folder, '--expect', inside])).stdout) as Json;
      expect(out.results.map((x) => x.file.slice(folder.length + 1))).toEqual(['01.xlsx', 'balanced-2022.docx', 'wps-2022.html', '名单.txt']);
      expect(out.results.at(-1)!.diagnostics).toEqual([]);
      expect(out.summary.files).toBe(3);
    } finally {
      rmSync(inside);
    }
    expect((await cli(['check', folder, '--expect', roster, '--shard', '1/2'])).code).toBe(2);
    expect((await cli(['check', folder, '--year', '2022'])).code).toBe(2);
  });

  it('a roster that cannot be read or lists no body: exit 2 and a message naming it', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '单位名称\n\n');
    const r = await cli(['check', folder, '--expect', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`名单 ${empty} 中没有单位`);
    const missing = await cli(['check', folder, '--expect', join(dir, 'nothing.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nothing.csv 无法读取');
    expect((await cli(['check', folder, '--expect', roster, '--year', '23'])).code).toBe(2);
  });
});
