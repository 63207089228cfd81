// The roster (--expect): its lines read from CSV or text, matched with a batch's reports by name and year.

import { describe, expect, it } from 'vitest';
import { matchRoster, rosterKey } from '../../src/model/roster.js';
import { parseRoster } from '../../src/readers/roster.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseRoster', () => {
  it('reads one body a line, with or without a header, a 序号 column or a year column', () => {
    expect(parseRoster(bytes('示例县人民政府\n示例县教育局\n'))).toEqual([
      { body: '示例县人民政府', year: null, line: 1 },
      { body: '示例县教育局', year: null, line: 2 },
    ]);
    expect(parseRoster(bytes('序号,单位名称,年度\r\n1,示例县人民政府,2023\r\n2,示例县教育局,2022年\r\n'))).toEqual([
      { body: '示例县人民政府', year: 2023, line: 2 },
      { body: '示例县教育局', year: 2022, line: 3 },
    ]);
    expect(parseRoster(bytes('单位\t年份\n示例县水利局\t2023\n\n# 新设单位\n示例县数据局\t2023\n'))).toEqual([
      { body: '示例县水利局', year: 2023, line: 2 },
      { body: '示例县数据局', year: 2023, line: 5 },
    ]);
  });

  it('a first line naming a body that holds a header word (机关, 部门) is a body, not a header', () => {
    expect(parseRoster(bytes('县机关事务管理局\n县委组织部\n')).map((e) => e.body)).toEqual(['县机关事务管理局', '县委组织部']);
  });

  it('takes the body’s and the year’s columns from the header, whatever other columns there are', () => {
    expect(parseRoster(bytes('序号,所属区县,单位名称（盖章）,联系人,报送年度\n1,示例县,示例县财政局,张三,2023\n(2),示例县,示例县审计局,李四,\n'))).toEqual([
      { body: '示例县财政局', year: 2023, line: 2 },
      { body: '示例县审计局', year: null, line: 3 },
    ]);
  });

  it('reads quoted CSV fields, and a text line ending in its year', () => {
    expect(parseRoster(bytes('"示例县人民政府办公室,政务公开科",2023\n"示例县""数据""局"\n'))).toEqual([
      { body: '示例县人民政府办公室,政务公开科', year: 2023, line: 1 },
      { body: '示例县"数据"局', year: null, line: 2 },
    ]);
    expect(parseRoster(bytes('示例县财政局 2023\n示例县 审计局\n'))).toEqual([
      { body: '示例县财政局', year: 2023, line: 1 },
      { body: '示例县 审计局', year: null, line: 2 },
    ]);
  });

  it('reads GB18030, as Excel saves a CSV on Chinese Windows', () => {
    // 示例县 in GB18030: CA BE C0 FD CF D8.
    const gbk = new Uint8Array([0xca, 0xbe, 0xc0, 0xfd, 0xcf, 0xd8, 0x2c, 0x32, 0x30, 0x32, 0x33, 0x0a]);
    expect(parseRoster(gbk)).toEqual([{ body: '示例县', year: 2023, line: 1 }]);
  });
});

describe('matchRoster', () => {
  const reports = [
    { file: 'a.xlsx', agency: '示例县人民政府', year: 2023 },
    { file: 'b.docx', agency: '示例县人民政府办公室', year: 2023 },
    { file: 'c.pdf', agency: '示 例 县 教育局', year: 2023 },
    { file: 'd.html', agency: '示例县卫生健康委员会', year: 2022 },
    { file: 'e.csv', agency: null, year: null },
  ];

  it('matches by normalised name and year; 人民政府 and 政府 are one name, 政府 and 政府办公室 two bodies', () => {
    const outcome = matchRoster(
      [
        { body: '示例县政府', year: null, line: 1 },
        { body: '示例县教育局', year: null, line: 2 },
        { body: '示例县卫生健康委员会', year: 2023, line: 3 },
        { body: '示例县水利局', year: null, line: 4 },
      ],
      reports,
    );
    expect(outcome.year).toBe(2023);
    expect(outcome.matched.map((m) => [m.body, m.files])).toEqual([
      ['示例县政府', ['a.xlsx']],
      ['示例县教育局', ['c.pdf']],
    ]);
    expect(outcome.missing.map((m) => [m.body, m.year, m.line])).toEqual([
      ['示例县卫生健康委员会', 2023, 3],
      ['示例县水利局', 2023, 4],
    ]);
    // The office is not the government; last year's report is not this year's; a file without a body matches nothing.
    expect(outcome.unmatched.sort()).toEqual(['b.docx', 'd.html', 'e.csv']);
  });

  it('no report with a year to expect: every line without one is missing (nobody has submitted)', () => {
    const outcome = matchRoster([{ body: '示例县教育局', year: null, line: 1 }], [{ file: 'x.csv', agency: null, year: null }]);
    expect(outcome.missing).toEqual([{ body: '示例县教育局', year: null, line: 1 }]);
  });

  it('a body listed twice for a year is one body, at its first line; for two years, two', () => {
    const entries = [
      { body: '示例县民政局', year: 2023, line: 1 },
      { body: '示例县 民政局', year: 2023, line: 4 },
      { body: '示例县民政局', year: 2022, line: 5 },
    ];
    const outcome = matchRoster(entries, [{ file: 'a.csv', agency: '示例县教育局', year: 2023 }]);
    expect(outcome.missing).toEqual([entries[0], entries[2]]);
  });

  it('--year sets the year of lines without one', () => {
    const outcome = matchRoster([{ body: '示例县卫生健康委员会', year: null, line: 1 }], reports, 2022);
    expect(outcome.matched.map((m) => m.files)).toEqual([['d.html']]);
  });

  it('keys: full-width and spaces fold, bodies stay apart', () => {
    expect(rosterKey('（示例县）人民政府')).toBe(rosterKey('示例县政府'));
    expect(rosterKey('示例县人民政府')).not.toBe(rosterKey('示例县人民政府办公室'));
  });
});
