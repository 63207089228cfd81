// rule-power: 规章 reported by a county-level or township-level body (or a department of one), which
// makes none; the level read from the name with the bundled list of divisions. Bodies of every
// level, with 规章 reported: a finding only where the rule applies.

import { describe, expect, it } from 'vitest';
import type { EditionId } from '../../src/form/types.js';
import type { Report } from '../../src/model/report.js';
import { RULES_BY_ID } from '../../src/rules/index.js';
import { balancedReport, findingsOf, type } from '../helpers/report.js';

const ID = 'rule-power';
const findings = findingsOf(ID);

/** A balanced report of `body` (its 规章 row 3, 4, 5 as the helper fills it). */
function of(body: string, edition: EditionId = '2021'): Report {
  const report = balancedReport(edition);
  report.agency = { value: body, from: 'title', loc: null };
  return report;
}

/** Bodies that may make 规章, or report their government's: provinces, prefecture-level cities and prefectures, State Council departments, and their departments. */
const MAY = [
  '江苏省人民政府',
  '江苏省人民政府办公厅',
  '广西壮族自治区人民政府',
  '北京市人民政府',
  '上海市人民政府办公厅',
  '苏州市人民政府',
  '苏州市人民政府办公室',
  '苏州市司法局',
  '东莞市人民政府',
  '中山市人民政府',
  '嘉峪关市人民政府',
  '三沙市人民政府',
  '延边朝鲜族自治州人民政府',
  '吉林市人民政府',
  '镇江市人民政府',
  '国家发展和改革委员会',
  '海关总署',
  '国务院办公厅',
];
/** County-level and township-level bodies, and what in the name decides it. */
const MAY_NOT: Array<[string, string]> = [
  ['昆山市人民政府', '昆山市'],
  ['江苏省昆山市人民政府办公室', '昆山市'],
  ['北京市海淀区人民政府', '海淀区'],
  ['海淀区教育委员会', '海淀区'],
  ['上海市浦东新区人民政府', '浦东新区'],
  ['重庆市城口县人民政府', '城口县'],
  ['神农架林区人民政府', '神农架林区'],
  ['仙桃市人民政府', '仙桃市'],
  ['鄂尔多斯市达拉特旗人民政府', '达拉特旗'],
  ['昆山市周市镇人民政府', '周市镇'],
  ['顿坊店乡人民政府', '顿坊店乡'],
];
/** Names the list cannot place: no finding, whatever they report. */
const UNKNOWN = ['测试县人民政府', '示例县人民政府办公室', '苏州工业园区管理委员会', '中共昆山市委办公室', ''];

describe('rule-power', () => {
  it('is a warning by default', () => {
    expect(RULES_BY_ID.get(ID)!.meta.severity).toBe('warning');
  });

  it('gives nothing for a body that may make 规章, on either edition', () => {
    for (const body of MAY) for (const edition of ['2021', '2019'] as const) expect(findings(of(body, edition)), body).toEqual([]);
  });

  it('gives nothing for a body whose level the name does not give', () => {
    for (const body of UNKNOWN) expect(findings(of(body)), body).toEqual([]);
  });

  it('flags each 规章 count of a county-level or township-level body, naming what in its name decided', () => {
    for (const [body, decidedBy] of MAY_NOT) {
      const found = findings(of(body));
      // 本年制发 3 and 现行有效 5 (本年废止 4 is no rule of its own).
      expect(found.map((d) => [d.row, d.column, d.expected, d.actual]), body).toEqual([
        ['regulations', 'issued', 0, 3],
        ['regulations', 'inForce', 0, 5],
      ]);
      expect(found[0]!.message).toContain(`名称中的“${decidedBy}”`);
      expect(found[0]!.message).toMatch(/县级|乡镇级/);
    }
  });

  it('reads the 2019 edition’s 本年新制作 too, not what the body published', () => {
    expect(findings(of('昆山市人民政府', '2019')).map((d) => d.column)).toEqual(['made']);
  });

  it('gives nothing when the 规章 row is 0, or only 行政规范性文件 are reported', () => {
    const report = of('昆山市人民政府');
    for (const column of ['issued', 'repealed', 'inForce']) type(report, 't2', 'regulations', column, '0');
    expect(findings(report)).toEqual([]);
    expect(report.tables.t2!.rows.normativeDocuments!.cells.inForce!.value).toBeGreaterThan(0);
  });

  it('speaks English', () => {
    expect(findings(of('昆山市人民政府'), 'en')[0]!.message).toBe('Table 2 rules · issued this year is 3, but 昆山市人民政府 is county-level (昆山市 in its name) and makes no 规章: it should be 0');
  });
});
