// text-repeated: section 五 copied, or nearly, from the same body's report of the year before.

import { describe, expect, it } from 'vitest';
import { yearFacts } from '../../src/model/facts.js';
import { comparable, similarity, sketchOf } from '../../src/model/sketch.js';
import type { Report } from '../../src/model/report.js';
import { historyFindings } from '../helpers/history.js';
import { narrativeReport, SECTIONS } from '../helpers/narrative.js';

const ID = 'text-repeated';

const PROBLEMS_2022 =
  '一是政务公开工作人员业务能力有待提高，对条例的理解还不够深入；二是政策解读形式较为单一，图解、音视频解读较少；三是基层政务公开标准化建设推进不平衡。下一步，我们将加强业务培训，丰富解读形式，推动标准目录在乡镇全面落地。';
const PROBLEMS_2023 =
  '一是依申请公开答复文书的规范性还需加强，个别答复说理不够充分；二是政府网站部分栏目更新不及时；三是政务新媒体与网站的联动不够。下一步，我们将完善答复文书模板，建立栏目更新提醒机制，推动网站与新媒体信息同步发布。';

/** This body's report of `year` whose section 五 says `problems`. */
function reportOf(year: number, problems: string): Report {
  const texts = SECTIONS.map((t) => (t.startsWith('一是政策解读') ? problems : t));
  const report = narrativeReport(texts, '2021', year);
  report.file = `${year}.docx`;
  report.source = { kind: 'docx' };
  return report;
}

describe('text-repeated', () => {
  it('a section 五 written anew: nothing', () => {
    expect(historyFindings(ID, [reportOf(2022, PROBLEMS_2022), reportOf(2023, PROBLEMS_2023)])).toEqual([[], []]);
  });

  it('copied word for word, the years changed: a warning on this year’s heading, naming last year’s file', () => {
    const now = reportOf(2023, PROBLEMS_2022.replace('2022', '2023'));
    const [, found] = historyFindings(ID, [reportOf(2022, PROBLEMS_2022), now]);
    expect(found).toHaveLength(1);
    expect(found![0]).toMatchObject({ severity: 'warning', paragraph: now.sections!.find((s) => s.number === 5)!.heading });
    expect(found![0]!.message).toContain('2022.docx');
    expect(found![0]!.message).toContain('100%');
  });

  it('nearly copied (one clause changed): still found, with how similar', () => {
    const edited = PROBLEMS_2022.replace('图解、音视频解读较少', '图解解读较少');
    const [, found] = historyFindings(ID, [reportOf(2022, PROBLEMS_2022), reportOf(2023, edited)]);
    expect(found).toHaveLength(1);
    expect(found![0]!.message).toMatch(/相似度为 9\d%/);
  });

  it('a short section 五 (无) is no copy', () => {
    expect(historyFindings(ID, [reportOf(2022, '无。'), reportOf(2023, '无。')])).toEqual([[], []]);
    expect(yearFacts(reportOf(2023, '无。')).problems).toBeNull();
  });

  it('the facts keep a fingerprint, not the text', () => {
    const facts = yearFacts(reportOf(2023, PROBLEMS_2023));
    expect(JSON.stringify(facts)).not.toContain('答复文书');
    expect(facts.problems!.length).toBeGreaterThanOrEqual(60);
  });
});

describe('sketches', () => {
  it('estimate Jaccard similarity of 4-grams: 1 for equal texts, low for different ones', () => {
    const a = sketchOf(comparable(PROBLEMS_2022));
    expect(similarity(a, a)).toBe(1);
    expect(similarity(a, sketchOf(comparable(PROBLEMS_2023)))).toBeLessThan(0.2);
  });

  it('close to the exact value on long texts (more 4-grams than the sketch holds)', () => {
    const long = (s: string) => comparable(s) + comparable(PROBLEMS_2023);
    const x = long(PROBLEMS_2022);
    const y = long(PROBLEMS_2022.slice(0, 60));
    const grams = (t: string) => new Set(Array.from({ length: t.length - 3 }, (_, i) => t.slice(i, i + 4)));
    const [gx, gy] = [grams(x), grams(y)];
    const exact = [...gx].filter((g) => gy.has(g)).length / new Set([...gx, ...gy]).size;
    expect(Math.abs(similarity(sketchOf(x), sketchOf(y)) - exact)).toBeLessThan(0.12);
  });
});
