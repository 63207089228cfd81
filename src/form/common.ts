// Parts of the format that both editions share: the columns of table 3 and the whole of table 4,
// and the table-3 rows apart from （六）其他处理.

import type { ColumnDef, T3Group, T3Row, T4Group } from './types.js';

export const T3_COLUMNS: ColumnDef[] = [
  { key: 'natural', label: '自然人', short: '自然人', en: 'natural persons', aliases: ['自然人'], kind: 'count' },
  { key: 'commercial', label: '商业企业', short: '商业企业', en: 'commercial enterprises', aliases: ['商业企业'], kind: 'count' },
  { key: 'research', label: '科研机构', short: '科研机构', en: 'research institutions', aliases: ['科研机构'], kind: 'count' },
  { key: 'nonprofit', label: '社会公益组织', short: '社会公益组织', en: 'non-profit organisations', aliases: ['社会公益组织', '公益组织'], kind: 'count' },
  { key: 'legal', label: '法律服务机构', short: '法律服务机构', en: 'legal service institutions', aliases: ['法律服务机构'], kind: 'count' },
  { key: 'other', label: '其他', short: '其他', en: 'others', aliases: ['其他'], kind: 'count' },
  { key: 'total', label: '总计', short: '总计', en: 'total', aliases: ['总计'], kind: 'count' },
];

export const T3_GROUPS: T3Group[] = [
  { key: 'results', label: '本年度办理结果', short: '三、本年度办理结果', en: 'III. results this year', aliases: ['本年度办理结果', '办理结果'] },
  { key: 'denied', label: '不予公开', short: '（三）不予公开', en: '(3) withheld', aliases: ['不予公开'] },
  { key: 'unavailable', label: '无法提供', short: '（四）无法提供', en: '(4) cannot be provided', aliases: ['无法提供'] },
  { key: 'notProcessed', label: '不予处理', short: '（五）不予处理', en: '(5) not processed', aliases: ['不予处理'] },
  { key: 'otherHandling', label: '其他处理', short: '（六）其他处理', en: '(6) other handling', aliases: ['其他处理'] },
];

const row = (key: string, level: 1 | 2 | 3, label: string, short: string, en: string, aliases: string[], group?: string): T3Row => ({
  key,
  level,
  label,
  short,
  en,
  aliases,
  result: !['received', 'carriedOver', 'resultTotal', 'carriedForward'].includes(key),
  ...(group ? { group } : {}),
});

export const T3_ROWS_BEFORE_OTHER: T3Row[] = [
  row('received', 1, '本年新收政府信息公开申请数量', '一、本年新收', 'I. received this year', ['本年新收政府信息公开申请数量', '本年新收', '本年度新收', '新收政府信息公开申请']),
  row('carriedOver', 1, '上年结转政府信息公开申请数量', '二、上年结转', 'II. carried over from last year', ['上年结转政府信息公开申请数量', '上年结转', '上年度结转', '上一年度结转', '上一年结转']),
  row('granted', 2, '予以公开', '（一）予以公开', '(1) granted', ['予以公开']),
  row('partiallyGranted', 2, '部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开', '(2) partially granted', ['部分公开']),
  row('denied.stateSecret', 3, '属于国家秘密', '（三）1.属于国家秘密', '(3) 1. state secret', ['属于国家秘密', '国家秘密'], 'denied'),
  row('denied.lawProhibited', 3, '其他法律行政法规禁止公开', '（三）2.其他法律行政法规禁止公开', '(3) 2. barred by other laws or regulations', ['其他法律行政法规禁止公开', '法律行政法规禁止公开'], 'denied'),
  row('denied.threeSecurities', 3, '危及“三安全一稳定”', '（三）3.危及“三安全一稳定”', '(3) 3. endangers security or stability', ['危及三安全一稳定', '三安全一稳定'], 'denied'),
  row('denied.thirdParty', 3, '保护第三方合法权益', '（三）4.保护第三方合法权益', '(3) 4. protects third-party rights', ['保护第三方合法权益', '第三方合法权益'], 'denied'),
  row('denied.internalAffairs', 3, '属于三类内部事务信息', '（三）5.属于三类内部事务信息', '(3) 5. internal affairs information', ['属于三类内部事务信息', '三类内部事务'], 'denied'),
  row('denied.processInfo', 3, '属于四类过程性信息', '（三）6.属于四类过程性信息', '(3) 6. process information', ['属于四类过程性信息', '四类过程性信息', '过程性信息'], 'denied'),
  row('denied.enforcementCase', 3, '属于行政执法案卷', '（三）7.属于行政执法案卷', '(3) 7. enforcement case file', ['属于行政执法案卷', '行政执法案卷'], 'denied'),
  row('denied.queryMatter', 3, '属于行政查询事项', '（三）8.属于行政查询事项', '(3) 8. administrative inquiry matter', ['属于行政查询事项', '行政查询事项'], 'denied'),
  row('unavailable.notHeld', 3, '本机关不掌握相关政府信息', '（四）1.本机关不掌握相关政府信息', '(4) 1. not held by this agency', ['本机关不掌握相关政府信息', '不掌握相关政府信息', '本机关不掌握'], 'unavailable'),
  row('unavailable.needsCreation', 3, '没有现成信息需要另行制作', '（四）2.没有现成信息需要另行制作', '(4) 2. would have to be created', ['没有现成信息需要另行制作', '没有现成信息', '需要另行制作'], 'unavailable'),
  row('unavailable.unclear', 3, '补正后申请内容仍不明确', '（四）3.补正后申请内容仍不明确', '(4) 3. still unclear after correction', ['补正后申请内容仍不明确', '申请内容仍不明确', '补正后申请内容'], 'unavailable'),
  row('notProcessed.complaint', 3, '信访举报投诉类申请', '（五）1.信访举报投诉类申请', '(5) 1. petition or complaint', ['信访举报投诉类申请', '信访举报投诉'], 'notProcessed'),
  row('notProcessed.repeated', 3, '重复申请', '（五）2.重复申请', '(5) 2. repeated request', ['重复申请'], 'notProcessed'),
  row('notProcessed.publication', 3, '要求提供公开出版物', '（五）3.要求提供公开出版物', '(5) 3. asks for a publication', ['要求提供公开出版物', '公开出版物'], 'notProcessed'),
  row('notProcessed.excessive', 3, '无正当理由大量反复申请', '（五）4.无正当理由大量反复申请', '(5) 4. excessive repeated requests', ['无正当理由大量反复申请', '大量反复申请'], 'notProcessed'),
  row('notProcessed.reconfirm', 3, '要求行政机关确认或重新出具已获取信息', '（五）5.要求行政机关确认或重新出具已获取信息', '(5) 5. asks to confirm or reissue information', ['要求行政机关确认或重新出具已获取信息', '确认或重新出具'], 'notProcessed'),
];

export const T3_ROWS_AFTER_OTHER: T3Row[] = [
  row('resultTotal', 2, '总计', '（七）总计', '(7) total', ['总计', '总数']),
  row('carriedForward', 1, '结转下年度继续办理', '四、结转下年度继续办理', 'IV. carried forward to next year', ['结转下年度继续办理', '结转下年度', '结转下年', '结转下一年度', '结转下一年', '结转至下年度']),
];

const t4Column = (key: string, label: string, en: string): ColumnDef => ({ key, label, short: label, en, aliases: [label], kind: 'count' });

export const T4_COLUMNS: ColumnDef[] = [
  t4Column('upheld', '结果维持', 'upheld'),
  t4Column('corrected', '结果纠正', 'corrected'),
  t4Column('other', '其他结果', 'other result'),
  t4Column('pending', '尚未审结', 'not concluded'),
  t4Column('total', '总计', 'total'),
];

export const T4_GROUPS: T4Group[] = [
  { key: 'review', label: '行政复议', short: '行政复议', en: 'administrative review' },
  { key: 'suitDirect', label: '未经复议直接起诉', short: '行政诉讼·未经复议直接起诉', en: 'lawsuit without review' },
  { key: 'suitAfterReview', label: '复议后起诉', short: '行政诉讼·复议后起诉', en: 'lawsuit after review' },
];
