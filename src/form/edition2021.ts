// The 2021 edition: 国办公开办函〔2021〕30号, for report years 2021 and later.

import { T3_COLUMNS, T3_GROUPS, T3_ROWS_AFTER_OTHER, T3_ROWS_BEFORE_OTHER, T4_COLUMNS, T4_GROUPS } from './common.js';
import type { ColumnDef, Edition } from './types.js';

const decisions: ColumnDef = { key: 'decisions', label: '本年处理决定数量', short: '本年处理决定数量', en: 'decisions this year', aliases: ['本年处理决定数量', '处理决定数量'], kind: 'count' };

export const EDITION_2021: Edition = {
  id: '2021',
  source: '国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》',
  years: { from: 2021, to: null },
  t2: {
    blocks: [
      {
        caption: '第二十条第（一）项',
        columns: [
          { key: 'issued', label: '本年制发件数', short: '本年制发件数', en: 'issued this year', aliases: ['本年制发件数', '制发件数'], kind: 'count' },
          { key: 'repealed', label: '本年废止件数', short: '本年废止件数', en: 'repealed this year', aliases: ['本年废止件数', '废止件数'], kind: 'count' },
          { key: 'inForce', label: '现行有效件数', short: '现行有效件数', en: 'in force', aliases: ['现行有效件数', '现行有效'], kind: 'count' },
        ],
        rows: [
          { key: 'regulations', label: '规章', short: '规章', en: 'rules', aliases: ['规章'] },
          { key: 'normativeDocuments', label: '行政规范性文件', short: '行政规范性文件', en: 'administrative normative documents', aliases: ['行政规范性文件', '规范性文件'] },
        ],
      },
      {
        caption: '第二十条第（五）项',
        columns: [decisions],
        rows: [{ key: 'licensing', label: '行政许可', short: '行政许可', en: 'administrative licensing', aliases: ['行政许可'] }],
      },
      {
        caption: '第二十条第（六）项',
        columns: [decisions],
        rows: [
          { key: 'penalties', label: '行政处罚', short: '行政处罚', en: 'administrative penalties', aliases: ['行政处罚'] },
          { key: 'coercion', label: '行政强制', short: '行政强制', en: 'administrative coercion', aliases: ['行政强制'] },
        ],
      },
      {
        caption: '第二十条第（八）项',
        columns: [{ key: 'amount', label: '本年收费金额（单位：万元）', short: '本年收费金额', en: 'fees charged this year', aliases: ['本年收费金额', '收费金额'], kind: 'amount' }],
        rows: [{ key: 'fees', label: '行政事业性收费', short: '行政事业性收费', en: 'administrative fees', aliases: ['行政事业性收费'] }],
      },
    ],
  },
  t3: {
    rows: [
      ...T3_ROWS_BEFORE_OTHER,
      {
        key: 'otherHandling.overdueCorrection',
        level: 3,
        label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        short: '（六）1.逾期不补正',
        en: '(6) 1. not corrected in time',
        aliases: ['申请人无正当理由逾期不补正', '逾期不补正'],
        group: 'otherHandling',
        result: true,
      },
      {
        key: 'otherHandling.unpaidFee',
        level: 3,
        label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        short: '（六）2.逾期未缴纳费用',
        en: '(6) 2. fee not paid in time',
        aliases: ['申请人逾期未按收费通知要求缴纳费用', '未按收费通知要求缴纳费用', '逾期未按收费通知', '缴纳费用'],
        group: 'otherHandling',
        result: true,
      },
      { key: 'otherHandling.other', level: 3, label: '其他', short: '（六）3.其他', en: '(6) 3. other', aliases: ['其他'], group: 'otherHandling', result: true },
      ...T3_ROWS_AFTER_OTHER,
    ],
    groups: T3_GROUPS,
    columns: T3_COLUMNS,
  },
  t4: { groups: T4_GROUPS, columns: T4_COLUMNS },
  markers: ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额'],
};
