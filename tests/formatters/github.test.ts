// The GitHub Actions formatter: workflow-command escaping, the 10/10 annotation cap, the notice and the step summary.

import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/index.js';
import { ANNOTATION_LIMIT, github, githubSummary, SUMMARY_LIMIT } from '../../src/formatters/github.js';
import { FORMATTERS } from '../../src/formatters/index.js';
import { batch, CELLS, CHINESE, context, repeated, withDiagnostics, type Batch } from './results.js';

function lines(out: string): string[] {
  expect(out.endsWith('\n')).toBe(true);
  return out.slice(0, -1).split('\n');
}

/** A workflow command line split into command, properties (unescaped) and message (unescaped). */
function command(line: string): { name: string; props: Record<string, string>; message: string } {
  const m = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
  expect(m, line).not.toBeNull();
  const unescape = (s: string) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const props = Object.fromEntries((m![2] ?? '').split(',').filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]));
  return { name: m![1]!, props, message: unescape(m![3]!) };
}

let b: Batch;
beforeAll(async () => {
  b = await batch();
});

describe('github', () => {
  it('is registered as a --format choice', () => {
    expect(FORMATTERS.get('github')).toBe(github);
  });

  it('annotates each finding at its file, line, column and rule, then gives the totals', () => {
    const out = lines(github.format([b.seeded, b.cells], context()));
    expect(out).toHaveLength(b.seeded.diagnostics.length + b.cells.diagnostics.length + 1);
    const first = command(out[0]!);
    const d = b.seeded.diagnostics[0]!;
    expect(first).toEqual({ name: 'error', props: { file: 'fixtures/seeded-errors-2022.xlsx', line: String(d.sheetRow), col: String(d.sheetColumn), title: `${d.rule} '年度报告'!${d.cell}` }, message: d.messages.zh });
    const csvWarning = out.map(command).find((c) => c.name === 'warning')!;
    const w = b.cells.diagnostics.find((x) => x.severity === 'warning')!;
    expect(csvWarning.props).toEqual({ file: CELLS, line: String(w.line), title: `${w.rule} ${w.cell}` });
    const notice = command(out.at(-1)!);
    expect(notice.name).toBe('notice');
    expect(notice.message).toBe('report：共检查 2 个文件：0 个无问题，2 个有错误，0 个只有警告；共 10 个错误，3 个警告。');
  });

  it('annotates a finding without a cell at the file alone', () => {
    const [line] = lines(github.format([b.unreadable], context()));
    expect(command(line!)).toEqual({ name: 'error', props: { file: 'fixtures/README.md', title: 'file-unreadable' }, message: b.unreadable.diagnostics[0]!.messages.zh });
  });

  it('uses paths relative to cwd, with forward slashes', () => {
    const [line] = lines(github.format([b.chinese], context({ cwd: b.dir })));
    expect(command(line!).props.file).toBe(CHINESE);
  });

  it('escapes % CR LF in messages and also : , in properties, so nothing breaks out of the command', async () => {
    const file = join(b.dir, '报告,第1:2%.csv');
    copyFileSync(CELLS, file);
    const real = await checkFile(file);
    const message = '100% 完成\r\n::error::injected, really: yes';
    const result = withDiagnostics(real, [{ ...real.diagnostics[0]!, messages: { zh: message, en: message } }]);
    const out = lines(github.format([result], context({ cwd: b.dir })));
    expect(out).toHaveLength(2);
    expect(out[0]).toContain('file=报告%2C第1%3A2%25.csv,');
    expect(out[0]).toContain('::100%25 完成%0D%0A::error::injected, really: yes');
    expect(command(out[0]!).props.file).toBe('报告,第1:2%.csv');
    expect(command(out[0]!).message).toBe(message);
  });

  it(`shows at most ${ANNOTATION_LIMIT} errors and ${ANNOTATION_LIMIT} warnings, worst first, then the full list and a notice`, () => {
    const warnings = repeated(b.cells, 'warning', 15, 'first.csv');
    const errorsA = repeated(b.seeded, 'error', 7, 'a.xlsx');
    const errorsB = repeated(b.seeded, 'error', 7, 'b.xlsx');
    const out = lines(github.format([warnings, errorsA, errorsB], context()));
    const commands = out.filter((l) => l.startsWith('::')).map(command);
    const errors = commands.filter((c) => c.name === 'error');
    expect(errors).toHaveLength(ANNOTATION_LIMIT);
    expect(errors.map((c) => c.props.file)).toEqual([...Array(7).fill('a.xlsx'), ...Array(3).fill('b.xlsx')]);
    expect(commands.filter((c) => c.name === 'warning')).toHaveLength(ANNOTATION_LIMIT);
    // errors come before warnings even though the warnings' file was given first
    expect(commands.findIndex((c) => c.name === 'warning')).toBe(ANNOTATION_LIMIT);
    const group = out.indexOf(out.find((l) => l.startsWith('::group::'))!);
    const end = out.indexOf('::endgroup::');
    expect(end - group - 1).toBe(29);
    expect(out.slice(group + 1, end).every((l) => !l.trimStart().startsWith('::'))).toBe(true);
    expect(commands.at(-1)!.name).toBe('notice');
    expect(commands.at(-1)!.message).toContain('共检查 3 个文件：0 个无问题，2 个有错误，1 个只有警告；共 14 个错误，15 个警告。GitHub 每一步');
    expect(commands.at(-1)!.message).toContain('-o');
    expect(out.filter((l) => l.startsWith('::notice::'))).toHaveLength(1);
  });

  it('keeps untrusted text in the full list on one line', () => {
    const bad = { ...b.seeded.diagnostics[0]!, messages: { zh: 'x\n::error::boom', en: 'x\n::error::boom' } };
    const result = withDiagnostics(b.seeded, Array.from({ length: 11 }, () => bad));
    const out = lines(github.format([result], context()));
    expect(out.filter((l) => l.startsWith('::error'))).toHaveLength(ANNOTATION_LIMIT);
    expect(out.some((l) => l.trimStart().startsWith('::error::boom'))).toBe(false);
  });

  it('writes the notice in English when asked', () => {
    const out = lines(github.format([b.clean], context({ lang: 'en' })));
    expect(out).toEqual(['::notice::report: 1 file checked, all clean.']);
  });
});

describe('githubSummary', () => {
  it('tables the files, those with errors first, and the most frequent rules', () => {
    const md = githubSummary([b.clean, b.cells, b.seeded, b.unreadable], context());
    const rows = md.split('\n').filter((l) => l.startsWith('| fixtures'));
    expect(rows).toEqual([
      '| fixtures/cell-errors-2023.csv | 示例县自然资源局 | 2023 | 5 | 3 |',
      '| fixtures/seeded-errors-2022.xlsx | 示例县卫生健康委员会 | 2022 | 5 | 0 |',
      '| fixtures/README.md |  |  | 1 | 0 |',
      '| fixtures/dunfangdian-2021.txt | 顿坊店乡人民政府 | 2021 | 0 | 0 |',
    ]);
    expect(md).toContain('\n共检查 4 个文件：1 个无问题，3 个有错误（其中 1 个无法读取），0 个只有警告；共 11 个错误，3 个警告\n');
    const rules = md.slice(md.indexOf('### 最常见的问题')).split('\n').slice(4, -1);
    const counted = new Map<string, number>();
    for (const d of [b.cells, b.seeded, b.unreadable].flatMap((r) => r.diagnostics)) counted.set(d.rule, (counted.get(d.rule) ?? 0) + 1);
    expect(counted.size).toBeGreaterThan(10);
    expect(rules).toHaveLength(10);
    expect(rules[0]).toMatch(/^\| cell-blank \| .* \| 2 \| 1 \|$/);
    expect(rules).toContain('| t3-balance | 表三每一列：本年新收 \\+ 上年结转 = （七）总计 \\+ 结转下年度继续办理 | 2 | 1 |');
    expect(rules.map((l) => Number(l.split(' | ')[2]))).toEqual([...counted.values()].sort((x, y) => y - x).slice(0, 10));
  });

  it('says what the roster and the baseline said, each line a paragraph of its own', () => {
    const md = githubSummary([b.seeded], {
      ...context(),
      roster: { file: '名单.csv', year: 2022, matched: [{ body: '示例县卫生健康委员会', year: 2022, line: 2, files: [b.seeded.file] }], missing: [{ body: '示例县民政局', year: 2022, line: 3 }], unmatched: [] },
      baseline: { file: '已知问题.json', known: 2, stale: [] },
    });
    expect(md).toContain('\n\n名单 名单.csv：2 个单位，1 个已提交，1 个未提交\n\n基线 已知问题.json：2 个已确认的问题未再列出\n');
  });

  it(`stays under ${SUMMARY_LIMIT} bytes for a huge batch and says how many files it left out`, () => {
    const long = `${'很长的文件夹名/'.repeat(20)}某某局`;
    const many = Array.from({ length: 20_000 }, (_, i) => withDiagnostics(b.seeded, b.seeded.diagnostics, `${long}${i}.xlsx`));
    const md = githubSummary(many, context());
    const size = Buffer.byteLength(md, 'utf8');
    expect(size).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(size).toBeGreaterThan(SUMMARY_LIMIT * 0.9);
    const listed = md.split('\n').filter((l) => l.startsWith('| 很长')).length;
    expect(md).toContain(`另有 ${many.length - listed} 个文件未列出`);
    expect(md).toContain('### 最常见的问题');
  });

  it('escapes table-breaking characters in file names', () => {
    const md = githubSummary([withDiagnostics(b.seeded, b.seeded.diagnostics, 'a|b\n<c>.xlsx')], context());
    expect(md).toContain('| a\\|b \\<c\\>.xlsx |');
  });
});
