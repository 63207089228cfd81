// fee-unit (2021 edition): a fee amount (万元) too large for the body that reports it, by the level its
// name gives (model/divisions.ts): most often yuan typed into the 万元 cell, which makes it 10,000
// times too large.

import { bodyLevel, type Level } from '../model/divisions.js';
import { cellFinding } from './findings.js';
import { LEVEL_NAMES } from './places.js';
import { defineRule } from './types.js';

/**
 * The most a body of each level could collect in a year, in 万元, far above what any does: a
 * township 1,000 万元 (10 million yuan), a county 100,000, a prefecture 1,000,000; a province, a State
 * Council department, or a body whose level the name does not give, 10,000,000 (100 billion yuan,
 * about a fifth of what the whole country collects as 行政事业性收费 in a year).
 */
const CEILING: Record<Level | 'unknown', number> = { township: 1_000, county: 100_000, prefecture: 1_000_000, province: 10_000_000, national: 10_000_000, unknown: 10_000_000 };

export default defineRule({
  meta: {
    id: 'fee-unit',
    category: 'plausibility',
    severity: 'warning',
    description: {
      zh: '2021版：行政事业性收费金额（万元）对该机关的层级来说大得不合常理（常见原因是把元填进了万元格）',
      en: '2021 edition: the fee amount (万元) is implausibly large for the body’s level (most often yuan typed into the 万元 cell)',
    },
    rationale: {
      zh: '收费金额的单位是万元。按单位名称判断层级（附带的行政区划名单），乡镇一年超过 1000 万元、县级超过 10 亿元、地市级超过 100 亿元、其他超过 1000 亿元都不合常理，几乎总是把元当成万元填写，数字大了一万倍。',
      en: 'The amount is in 万元 (ten thousand yuan). By the level the body’s name gives (from a bundled list of administrative divisions), more than 10 million yuan a year for a township, 1 billion for a county, 10 billion for a prefecture or 100 billion for any body is implausible: almost always yuan typed as 万元, 10,000 times too large.',
    },
    fix: {
      zh: '核对收费金额的单位：若填的是元，除以 10000 换算成万元（保留 4 位小数）。',
      en: 'Check the amount’s unit: if it is in yuan, divide by 10,000 to get 万元 (four decimals).',
    },
    messages: {
      level: {
        zh: '{where} 为 {value} 万元，对{level}机关（名称中的“{decidedBy}”）来说过大；若填的是元，应为 {expected} 万元',
        en: '{where} is {value} 万元, too large for a {level} body ({decidedBy} in its name); if it is in yuan, it is {expected} 万元',
      },
      any: {
        zh: '{where} 为 {value} 万元，超过 1000 亿元，不合常理；若填的是元，应为 {expected} 万元',
        en: '{where} is {value} 万元, more than 100 billion yuan; if it is in yuan, it is {expected} 万元',
      },
    },
  },
  check(report, { cells, flag }) {
    if (report.edition !== '2021') return;
    const at = cells.find((c) => c.table === 't2' && c.row === 'fees' && c.column.key === 'amount');
    const value = at?.value;
    // Below the lowest ceiling (nearly every report), the body's level is not asked.
    if (!at || value?.status !== 'ok' || value.value === null || value.value < CEILING.township) return;
    const body = report.agency ? bodyLevel(report.agency.value) : undefined;
    const ceiling = CEILING[body?.level ?? 'unknown'];
    if (value.value < ceiling) return;
    const expected = Math.round(value.value) / 10_000;
    const finding = body && CEILING[body.level] < CEILING.unknown
      ? cellFinding('level', at, value, { value: value.value, level: LEVEL_NAMES[body.level], decidedBy: body.decidedBy, expected })
      : cellFinding('any', at, value, { value: value.value, expected });
    flag({ ...finding, expected, actual: value.value });
  },
});
