// Accepting known findings (issue 19, part 3): `--write-baseline` writes a run's findings, and
// `--baseline` leaves them out of the next run's results and exit code, matched by the report's
// body and year, rule and logical place (a renamed file keeps its baseline); entries no longer
// found are listed as stale; SARIF marks results new, unchanged or absent; a baseline of another
// format or version is refused.

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';

interface Json {
  results: Array<{ file: string; errorCount: number; warningCount: number; diagnostics: Array<{ rule: string }> }>;
  summary: { errors: number; baseline?: { known: number; stale: Array<{ rule: string; file: string }> } };
}

describe('--baseline and --write-baseline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baseline-'));
  const folder = join(dir, '提交');
  mkdirSync(folder);
  copyFileSync(join(ROOT, 'fixtures/seeded-errors-2022.xlsx'), join(folder, 'seeded.xlsx'));
  copyFileSync(join(ROOT, 'fixtures/narrative/slips-2023.txt'), join(folder, 'slips.txt'));
  const baseline = join(dir, '已知问题.json');

  it('writes the findings, and a run against them reports none of them and exits 0', async () => {
    const first = await cli(['check', '--format', 'json', folder, '--write-baseline', baseline]);
    expect(first.code).toBe(1);
    const written = JSON.parse(readFileSync(baseline, 'utf8')) as { format: string; version: number; findings: unknown[] };
    expect(written).toMatchObject({ format: 'nianbao-baseline', version: 2 });
    const total = (JSON.parse(first.stdout) as Json).results.reduce((n, r) => n + r.diagnostics.length, 0);
    expect(written.findings).toHaveLength(total);

    const again = await cli(['check', '--format', 'json', folder, '--baseline', baseline]);
    const out = JSON.parse(again.stdout) as Json;
    expect(out.results.map((r) => r.diagnostics.length)).toEqual([0, 0]);
    expect(out.summary.baseline).toEqual({ file: baseline, known: total, stale: [] });
    expect(again.code).toBe(0);
  });

  it('a renamed file keeps its baseline (matched by body and year, not by name); a finding mended is stale', async () => {
    renameSync(join(folder, 'seeded.xlsx'), join(folder, '示例县卫健委-2022.xlsx'));
    // The narrative's slips mended: the copied report has its period and figures right.
    const slips = readFileSync(join(folder, 'slips.txt'), 'utf8').replace('统计期限自2022年1月1日起至2022年12月31日止', '统计期限自2023年1月1日起至2023年12月31日止');
    writeFileSync(join(folder, 'slips.txt'), slips);
    const r = await cli(['check', '--format', 'json', folder, '--baseline', baseline]);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.results.flatMap((x) => x.diagnostics)).toEqual([]);
    expect(out.summary.baseline!.stale.map((e) => e.rule)).toEqual(['period-year-mismatch']);
    expect(r.code).toBe(0);
    const text = await cli(['check', folder, '--baseline', baseline]);
    expect(text.stdout).toContain('1 个条目已不存在，可从基线中删去');
  });

  it('a finding on the text is known by its section and sentence: not by its paragraph’s number or first words', async () => {
    // A paragraph put before it, and its paragraph's first sentence reworded: the slips in its other sentences are still the ones accepted.
    const slips = readFileSync(join(folder, 'slips.txt'), 'utf8')
      .replace('（二）依申请公开情况。全年共收到', '（二）依申请公开。全年共收到')
      .replace('（二）依申请公开', '本年度依申请公开工作总体平稳，办理流程进一步规范，答复质量持续提高，群众满意度较上年有所上升。\n（二）依申请公开');
    writeFileSync(join(folder, 'slips.txt'), slips);
    const r = await cli(['check', '--format', 'json', folder, '--baseline', baseline]);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.results.flatMap((x) => x.diagnostics)).toEqual([]);
    expect(out.summary.baseline!.stale.map((e) => e.rule)).toEqual(['period-year-mismatch']);
  });

  it('a new finding is reported, and SARIF marks new, unchanged and absent', async () => {
    // A fresh slip: the period named wrong again, by another year: another sentence, so a new finding.
    const slips = readFileSync(join(folder, 'slips.txt'), 'utf8').replace('统计期限自2023年1月1日起至2023年12月31日止', '统计期限自2021年1月1日起至2021年12月31日止');
    writeFileSync(join(folder, 'slips.txt'), slips);
    const sarif = JSON.parse((await cli(['check', '--format', 'sarif', folder, '--baseline', baseline])).stdout) as { runs: Array<{ results: Array<{ ruleId: string; baselineState: string }> }> };
    const states = sarif.runs[0]!.results.map((x) => `${x.ruleId} ${x.baselineState}`);
    expect(states.filter((x) => x.endsWith(' new'))).toEqual(['period-year-mismatch new']);
    // The 2022 period accepted before is gone: absent.
    expect(states.filter((x) => x.endsWith(' absent'))).toEqual(['period-year-mismatch absent']);
    expect(states.filter((x) => x.endsWith(' unchanged')).length).toBeGreaterThan(5);
    copyFileSync(join(ROOT, 'fixtures/cell-errors-2023.csv'), join(folder, 'extra.csv'));
    const r = await cli(['check', '--format', 'sarif', folder, '--baseline', baseline]);
    const fresh = JSON.parse(r.stdout) as typeof sarif;
    expect(fresh.runs[0]!.results.filter((x) => x.baselineState === 'new').length).toBeGreaterThan(0);
    expect(r.code).toBe(1);
  });

  it('--quiet leaves no accepted warning stale; a baseline is renewed in place', async () => {
    const quiet = JSON.parse((await cli(['check', '--format', 'json', '--quiet', folder, '--baseline', baseline])).stdout) as Json;
    expect(quiet.summary.baseline!.stale.map((e) => e.rule)).not.toContain('text-table-mismatch');
    const renewed = await cli(['check', folder, '--baseline', baseline, '--write-baseline', baseline]);
    expect(renewed.stderr).toContain(baseline);
    const after = JSON.parse((await cli(['check', '--format', 'json', folder, '--baseline', baseline])).stdout) as Json;
    expect(after.summary.baseline!.stale).toEqual([]);
  });

  it('accepts a body known not to report: the roster’s finding is matched by body and year, not by line', async () => {
    const roster = join(dir, '名单.csv');
    const known = join(dir, '已知未报.json');
    writeFileSync(roster, '单位名称\n示例县卫生健康委员会\n示例县已撤并局\n');
    const first = await cli(['check', '--format', 'json', '--quiet', join(ROOT, 'fixtures/dunfangdian-2021.txt'), '--expect', roster, '--year', '2021', '--write-baseline', known]);
    expect(first.code).toBe(1);
    // The roster rewritten, the same bodies on other lines.
    writeFileSync(roster, '单位名称\n示例县已撤并局\n示例县卫生健康委员会\n');
    const again = await cli(['check', '--format', 'json', '--quiet', join(ROOT, 'fixtures/dunfangdian-2021.txt'), '--expect', roster, '--year', '2021', '--baseline', known]);
    const out = JSON.parse(again.stdout) as Json;
    expect(out.results.flatMap((r) => r.diagnostics)).toEqual([]);
    expect(out.summary.baseline).toMatchObject({ known: 2, stale: [] });
    expect(again.code).toBe(0);
  });

  it('refuses a baseline of another version or format, naming it', async () => {
    const old = join(dir, 'old.json');
    writeFileSync(old, JSON.stringify({ format: 'nianbao-baseline', version: 1, findings: [] }));
    const r = await cli(['check', folder, '--baseline', old]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`基线文件 ${old} 的格式版本是 1，本工具只认第 2 版`);
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"version": 1, "results": []}');
    expect((await cli(['check', folder, '--baseline', other])).stderr).toContain('不是本工具写出的基线文件');
    expect((await cli(['check', folder, '--baseline', join(dir, 'none.json')])).code).toBe(2);
  });
});
