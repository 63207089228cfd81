// The 2019 edition: 国办公开办函〔2019〕60号 (试行), for report years 2019 and 2020.

import { T3_COLUMNS, T3_GROUPS, T3_ROWS_AFTER_OTHER, T3_ROWS_BEFORE_OTHER, T4_COLUMNS, T4_GROUPS } from './common.js';
import type { ColumnDef, Edition } from './types.js';

const previousItems: ColumnDef = { key: 'previousItems', label: '上一年项目数量', short: '上一年项目数量', en: 'items last year', aliases: ['上一年项目数量', '上年项目数量'], kind: 'count' };
const change: ColumnDef = { key: 'change', label: '本年增/减', short: '本年增/减', en: 'change this year', aliases: ['本年增/减', '本年增减', '增/减', '增减'], kind: 'signed' };
const decisions: ColumnDef = { key: 'decisions', label: '处理决定数量', short: '处理决定数量', en: 'decisions', aliases: ['处理决定数量', '本年处理决定数量'], kind: 'count' };

export const EDITION_2019: Edition = {
  id: '2019',
  source: '国办公开办函〔2019〕60号《中华人民共和国政府信息公开工作年度报告格式（试行）》',
  years: { from: 2019, to: 2020 },
  t2: {
    blocks: [
      {
        caption: '第二十条第（一）项',
        columns: [
          { key: 'made', label: '本年新制作数量', short: '本年新制作数量', en: 'made this year', aliases: ['本年新制作数量', '新制作数量'], kind: 'count' },
          { key: 'published', label: '本年新公开数量', short: '本年新公开数量', en: 'published this year', aliases: ['本年新公开数量', '新公开数量'], kind: 'count' },
          { key: 'totalPublished', label: '对外公开总数量', short: '对外公开总数量', en: 'total published', aliases: ['对外公开总数量', '公开总数量'], kind: 'count' },
        ],
        rows: [
          { key: 'regulations', label: '规章', short: '规章', en: 'rules', aliases: ['规章'] },
          { key: 'normativeDocuments', label: '规范性文件', short: '规范性文件', en: 'normative documents', aliases: ['规范性文件', '行政规范性文件'] },
        ],
      },
      {
        caption: '第二十条第（五）项',
        columns: [previousItems, change, decisions],
        rows: [
          { key: 'licensing', label: '行政许可', short: '行政许可', en: 'administrative licensing', aliases: ['行政许可'] },
          { key: 'otherServices', label: '其他对外管理服务事项', short: '其他对外管理服务事项', en: 'other external services', aliases: ['其他对外管理服务事项', '对外管理服务事项'] },
        ],
      },
      {
        caption: '第二十条第（六）项',
        columns: [previousItems, change, decisions],
        rows: [
          { key: 'penalties', label: '行政处罚', short: '行政处罚', en: 'administrative penalties', aliases: ['行政处罚'] },
          { key: 'coercion', label: '行政强制', short: '行政强制', en: 'administrative coercion', aliases: ['行政强制'] },
        ],
      },
      {
        caption: '第二十条第（八）项',
        columns: [previousItems, change],
        rows: [{ key: 'fees', label: '行政事业性收费', short: '行政事业性收费', en: 'administrative fees', aliases: ['行政事业性收费'] }],
      },
      {
        caption: '第二十条第（九）项',
        columns: [
          { key: 'projects', label: '采购项目数量', short: '采购项目数量', en: 'procurement projects', aliases: ['采购项目数量'], kind: 'count' },
          { key: 'amount', label: '采购总金额', short: '采购总金额', en: 'total procurement amount', aliases: ['采购总金额'], kind: 'amount' },
        ],
        rows: [{ key: 'procurement', label: '政府集中采购', short: '政府集中采购', en: 'centralised government procurement', aliases: ['政府集中采购'] }],
      },
    ],
  },
  t3: {
    rows: [
      ...T3_ROWS_BEFORE_OTHER,
      { key: 'otherHandling', level: 2, label: '其他处理', short: '（六）其他处理', en: '(6) other handling', aliases: ['其他处理'], result: true },
      ...T3_ROWS_AFTER_OTHER,
    ],
    groups: T3_GROUPS.filter((g) => g.key !== 'otherHandling'),
    columns: T3_COLUMNS,
  },
  t4: { groups: T4_GROUPS, columns: T4_COLUMNS },
  markers: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '政府集中采购', '采购项目数量'],
};
