// rule-power: 规章 reported by a county-level or township-level body, or a department of one. Only
// the governments of provinces, of prefecture-level cities (设区的市, and 东莞, 中山, 嘉峪关, 三沙)
// and of autonomous prefectures make 规章 (立法法 第九十三条), and State Council departments make
// 部门规章; a county cannot. The level comes from the body's name and the bundled list of
// administrative divisions (model/divisions.ts), never from its last character (昆山市 is
// county-level, 苏州市 is not); a name it cannot place gets no finding.

import { bodyLevel } from '../model/divisions.js';
import { cellFinding } from './findings.js';
import { LEVEL_NAMES } from './places.js';
import { defineRule } from './types.js';

/**
 * The 规章 counts that say the body has rules of its own: made or in force (2021), made (2019; its
 * 本年新公开 and 对外公开总数量 count what the body published, which may be rules it did not make).
 */
const COUNTS = new Set(['issued', 'inForce', 'made']);

export default defineRule({
  meta: {
    id: 'rule-power',
    category: 'plausibility',
    severity: 'warning',
    description: {
      zh: '县级、乡镇级机关（及其部门）填报了规章：它们没有规章制定权',
      en: 'A county-level or township-level body (or a department of one) reports 规章, which it has no power to make',
    },
    rationale: {
      zh: '按《立法法》，只有省、自治区、直辖市和设区的市、自治州的人民政府（以及东莞、中山、嘉峪关、三沙）可以制定地方政府规章，国务院部门制定部门规章；县、县级市、区、乡镇、街道及其部门没有规章制定权，表二“规章”一行应为 0。常见原因是把上级的规章或本机关的规范性文件填进了规章一行。层级按单位名称和附带的行政区划名单判断，不看名称的最后一个字（昆山市是县级市，苏州市是设区的市）；判断不了的名称不提示。',
      en: 'Under the Legislation Law only the governments of provinces, autonomous regions, municipalities, cities divided into districts and autonomous prefectures (and 东莞, 中山, 嘉峪关, 三沙) make local government rules, and State Council departments make departmental rules; counties, county-level cities, districts, townships, streets and their departments make none, so table 2’s 规章 row is 0 for them. Most often a higher government’s rules or the body’s own normative documents were counted. The level is read from the body’s name with a bundled list of administrative divisions, never from its last character (昆山市 is county-level, 苏州市 is a city with districts); a name it cannot place is left alone.',
    },
    fix: {
      zh: '规章一行只填本机关制定的规章（县级、乡镇级填 0）；本机关的规范性文件填在“行政规范性文件”一行。',
      en: 'Count in the 规章 row only rules the body made (0 for a county or township); its normative documents go in the 行政规范性文件 row.',
    },
    messages: {
      power: {
        zh: '{where} 为 {value}，但{body}是{level}（名称中的“{decidedBy}”），没有规章制定权，应为 0',
        en: '{where} is {value}, but {body} is {level} ({decidedBy} in its name) and makes no 规章: it should be 0',
      },
    },
  },
  check(report, { cells, flag }) {
    if (!report.agency) return;
    const found = cells.filter((c) => c.table === 't2' && c.row === 'regulations' && COUNTS.has(c.column.key) && c.value?.status === 'ok' && c.value.value !== null && c.value.value > 0);
    if (found.length === 0) return;
    const body = bodyLevel(report.agency.value);
    if (!body || (body.level !== 'county' && body.level !== 'township')) return;
    for (const at of found) {
      const value = at.value!;
      const data = { value: value.value!, body: report.agency.value, level: LEVEL_NAMES[body.level], decidedBy: body.decidedBy };
      flag({ ...cellFinding('power', at, value, data), expected: 0, actual: value.value! });
    }
  },
});
