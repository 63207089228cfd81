// fee-note-missing (2021 edition): section 六 says nothing about 信息处理费.

import { describe, expect, it } from 'vitest';
import { balancedReport, findingsOf } from '../helpers/report.js';
import { narrativeReport, SECTIONS } from '../helpers/narrative.js';

const ID = 'fee-note-missing';
const findings = findingsOf(ID);

/** The sections with section 六's text replaced (none when null). */
function sixSays(text: string | null): string[] {
  const texts = SECTIONS.slice(0, -1);
  return text === null ? texts : [...texts, text];
}

describe('fee-note-missing, 2021 edition', () => {
  it.each([
    '本年度未收取信息处理费。',
    '本机关2023年度未收取政府信息公开信息处理费。',
    '依据《政府信息公开信息处理费管理办法》，本年度共收取信息处理费0元。',
    '本年度没有发生收费情况。',
  ])('“%s”: nothing', (text) => {
    expect(findings(narrativeReport(sixSays(text)))).toEqual([]);
  });

  it('a section 六 that says nothing of the fee: a warning on its heading', () => {
    const report = narrativeReport(sixSays('无其他需要报告的事项。'));
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ severity: 'warning', paragraph: report.sections!.find((s) => s.number === 6)!.heading });
  });

  it('an empty section 六 too', () => {
    expect(findings(narrativeReport(sixSays(null)))).toHaveLength(1);
  });

  it('the fee stated in another section is a note, if misplaced: nothing', () => {
    const texts = sixSays('无。');
    texts.splice(2, 0, '本年度未收取信息处理费。');
    expect(findings(narrativeReport(texts))).toEqual([]);
  });
});

describe('fee-note-missing: not asked', () => {
  it('the 2019 edition asks no fee note', () => {
    expect(findings(narrativeReport(sixSays('无。'), '2019'))).toEqual([]);
  });

  it('a workbook carries no narrative', () => {
    expect(findings(balancedReport('2021'))).toEqual([]);
  });
});
