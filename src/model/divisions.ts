// The administrative level of a government body, read from its name: the chain of divisions the name
// starts with (province, prefecture, county, then a township by its own suffix), or the words that
// make it a body of the State Council. For the rules that ask what a body's level allows (规章 only
// from provinces, prefecture-level divisions and State Council departments; fees plausible for the
// level). Precision comes before recall: a name this cannot place for certain gets undefined, and
// never a level guessed from its last character (昆山市 is county-level, 苏州市 prefecture-level).

import { CITIES, COUNTIES, PROVINCES } from './divisions-data.js';

export type Level = 'national' | 'province' | 'prefecture' | 'county' | 'township';

export interface BodyLevel {
  level: Level;
  /** the division's own kind: 省/自治区/直辖市/市/自治州/地区/盟/县/区/县级市/旗/... as a short Chinese word */
  kind: string;
  /** true for the government itself or its general office (人民政府, 政府, 人民政府办公室/办公厅, 行政公署, 办事处 of a 街道); false for a department (局, 委员会, 厅, 所 …) */
  government: boolean;
  /** the part of the name that decided the level, as written in the name (after NFKC, white space removed), e.g. '昆山市' in '昆山市人民政府' */
  decidedBy: string;
  /** the division path matched, e.g. '江苏省苏州市昆山市'; the name as written when it names several divisions of one level (朝阳区) */
  division: string;
}

type DivisionLevel = 'province' | 'prefecture' | 'county';

interface Division {
  name: string;
  level: DivisionLevel;
  kind: string;
  parent: Division | undefined;
  children: Division[];
  path: string;
  /** The name without its suffix and the peoples of an autonomous division: 苏州, 延边, 石柱, 新乡. */
  stem: string;
}

interface Index {
  byName: Map<string, Division[]>;
  longest: number;
  names: string[];
  /** Every division's stem: a township's name equal to one is that division's name without its suffix (新乡, 景德镇). */
  stems: Set<string>;
  /** Stems of provinces and prefecture-level divisions, of two characters or more: the place of a national body's local branch. */
  places: string[];
}

// The 55 peoples an autonomous division may be named for; longer first, so 土家 goes before 土.
const PEOPLES = ('蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 ' +
  '仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺')
  .split(' ')
  .sort((a, b) => b.length - a.length);

const SUFFIXES: Record<DivisionLevel, RegExp> = {
  province: /(自治区|省|市)$/,
  prefecture: /(自治州|地区|盟|市)$/,
  county: /(自治县|自治旗|行政委员会|特区|林区|县|区|市|旗)$/,
};

function kindOf(name: string, level: DivisionLevel, parent: Division | undefined): { kind: string; suffix: string } {
  const suffix = SUFFIXES[level].exec(name)?.[1] ?? '';
  if (level === 'province' && suffix === '市') return { kind: '直辖市', suffix };
  if (level === 'county' && suffix === '市') return { kind: '县级市', suffix };
  if (suffix === '行政委员会') return { kind: '行委', suffix };
  // The one 林区 (神农架) is governed by its province; 新林区, 碑林区 … are districts of a city.
  if (suffix === '林区' && parent?.level !== 'province') return { kind: '区', suffix: '区' };
  return { kind: suffix, suffix };
}

function stemOf(name: string, suffix: string): string {
  let stem = name.slice(0, name.length - suffix.length);
  if (!suffix.startsWith('自治')) return stem;
  for (let again = true; again; ) {
    again = false;
    for (const people of PEOPLES) {
      // 伊犁哈萨克自治州 names its people without 族; a one-character people always has it.
      const written = stem.endsWith(`${people}族`) ? `${people}族` : people.length > 1 && stem.endsWith(people) ? people : '';
      if (written && stem.length - written.length >= 2) {
        stem = stem.slice(0, stem.length - written.length);
        again = true;
        break;
      }
    }
  }
  return stem;
}

let built: Index | undefined;

function index(): Index {
  if (built) return built;
  const byName = new Map<string, Division[]>();
  const all: Division[] = [];
  const add = (name: string, level: DivisionLevel, parent: Division | undefined): Division => {
    const { kind, suffix } = kindOf(name, level, parent);
    const d: Division = { name, level, kind, parent, children: [], path: (parent?.path ?? '') + name, stem: stemOf(name, suffix) };
    parent?.children.push(d);
    byName.set(name, [...(byName.get(name) ?? []), d]);
    all.push(d);
    return d;
  };
  const words = (group: string | undefined) => (group ? group.split(' ') : []);
  const provinces = PROVINCES.split(' ').map((name) => add(name, 'province', undefined));
  const cities = provinces.flatMap((province, i) => words(CITIES[i]).map((name) => add(name, 'prefecture', province)));
  [...provinces, ...cities].forEach((parent, i) => words(COUNTIES[i]).forEach((name) => add(name, 'county', parent)));
  built = {
    byName,
    longest: Math.max(...all.map((d) => d.name.length)),
    names: all.map((d) => d.name),
    stems: new Set(all.map((d) => d.stem)),
    places: all.filter((d) => d.level !== 'county' && d.stem.length >= 2).map((d) => d.stem),
  };
  return built;
}

// The State Council's departments and bodies whose names do not start with 国务院 or 国家 (which
// make a body national by themselves), and, for decidedBy, the common ones that do; with the former
// names of bodies that have reported since 2008.
const NATIONAL_BODIES = [
  '外交部', '国防部', '教育部', '科学技术部', '工业和信息化部', '公安部', '国家安全部', '民政部', '司法部', '财政部',
  '人力资源和社会保障部', '自然资源部', '生态环境部', '住房和城乡建设部', '交通运输部', '水利部', '农业农村部', '商务部',
  '文化和旅游部', '退役军人事务部', '应急管理部', '审计署', '海关总署', '中国人民银行', '中国证券监督管理委员会',
  '中国民用航空局', '中国气象局', '中国地震局', '中国科学院', '中国社会科学院', '中国工程院', '新华通讯社', '中央广播电视总台',
  '国土资源部', '环境保护部', '农业部', '文化部', '卫生部', '监察部', '中国银行业监督管理委员会', '中国保险监督管理委员会',
  '中国银行保险监督管理委员会',
  '国务院办公厅', '国务院国有资产监督管理委员会', '国务院研究室', '国务院参事室', '国务院港澳事务办公室', '国务院台湾事务办公室',
  '国务院发展研究中心', '国家发展和改革委员会', '国家民族事务委员会', '国家卫生健康委员会', '国家税务总局', '国家市场监督管理总局',
  '国家金融监督管理总局', '国家广播电视总局', '国家体育总局', '国家统计局', '国家医疗保障局', '国家知识产权局',
  '国家国际发展合作署', '国家机关事务管理局', '国家信访局', '国家粮食和物资储备局', '国家能源局', '国家数据局',
  '国家国防科技工业局', '国家烟草专卖局', '国家移民管理局', '国家林业和草原局', '国家铁路局', '国家邮政局', '国家文物局',
  '国家中医药管理局', '国家疾病预防控制局', '国家矿山安全监察局', '国家消防救援局', '国家外汇管理局', '国家药品监督管理局',
  '国家新闻出版署', '国家电影局', '国家宗教事务局', '国家档案局', '国家保密局', '国家密码管理局', '国家航天局', '国家原子能机构',
  '国家核安全局', '国家公务员局',
].sort((a, b) => b.length - a.length);

const COUNTRY = '中华人民共和国';
// After a national body's name: the marks of a local branch (国家税务总局苏州工业园区税务局, 审计署驻南京特派员办事处).
const BRANCH = /分局|分行|支行|分署|监管局|监管办|调查队|特派|派出|驻/;

/** The words that make a body national, or undefined. */
function nationalHead(s: string): string | undefined {
  // 国家级 names a zone's rank (国家级经济技术开发区), not a national body.
  if (s.startsWith('国家级')) return undefined;
  const country = s.startsWith(COUNTRY) ? COUNTRY : '';
  // 财政部门, 民政部门 are a kind of department, not the ministry.
  const body = NATIONAL_BODIES.find((b) => s.startsWith(b, country.length) && s[country.length + b.length] !== '门');
  if (body) return country + body;
  if (country) return country;
  return ['国务院', '国家'].find((w) => s.startsWith(w));
}

const GOVERNMENT = new Set(['', '人民政府', '政府', '人民政府办公室', '人民政府办公厅', '政府办公室', '政府办公厅', '行政公署', '行政公署办公室']);
const isGovernment = (rest: string) => GOVERNMENT.has(rest) || /^人民政府.+办公室$/.test(rest);

// A party body: 市委, 县委办公室, 镇党委, 党工委, 纪委 ….
const PARTY = /^(?:委|党)|党委|党工委|党组|纪委|纪律检查委员会/;

const TOWNSHIP_SUFFIXES = ['街道', '苏木', '镇', '乡'];
// The longest township name in the statistical codes, its suffix left out.
const TOWNSHIP_NAME_MAX = 14;
// Townships of a development zone are written after the zone's name (苏州工业园区娄葑街道).
const ZONE = /开发区|园区|示范区|实验区|试验区|保税区|管理区|新区/g;

interface Township {
  /** A development zone's name written before the township, if any. */
  zone: string;
  segment: string;
  kind: string;
  government: boolean;
}

/**
 * A township named at the start of rest: a head ending in a township suffix, with the suffix
 * repeated when the name itself ends in one (古镇镇, 三乡镇); the shortest that reads as a
 * township's government, else the shortest that reads as a township (腰站子东乡族镇人民政府 is no
 * 腰站子东乡). alone: nothing before it was a county or a prefecture-level division, so only a
 * government (顿坊店乡人民政府) is taken.
 */
function township(rest: string, alone: boolean): Township | undefined {
  let found: Township | undefined;
  for (let end = 2; end <= rest.length; end++) {
    const head = rest.slice(0, end);
    if (!TOWNSHIP_SUFFIXES.some((x) => head.endsWith(x) && head.length > x.length)) continue;
    let stop = end;
    for (let more = TOWNSHIP_SUFFIXES.find((x) => rest.startsWith(x, stop)); more; more = TOWNSHIP_SUFFIXES.find((x) => rest.startsWith(x, stop))) {
      stop += more.length;
    }
    const t = townshipOf(rest.slice(0, stop), rest.slice(stop), alone);
    if (t?.government) return t;
    found ??= t;
  }
  return found;
}

function townshipOf(head: string, after: string, alone: boolean): Township | undefined {
  const suffix = TOWNSHIP_SUFFIXES.find((x) => head.endsWith(x)) ?? '';
  // The last zone's name that leaves the township a name of its own (not 新区街道, 园区街道).
  const cut = [...head.matchAll(ZONE)].map((m) => m.index + m[0].length).filter((i) => i < head.length - suffix.length).pop() ?? 0;
  const zone = head.slice(0, cut);
  const segment = head.slice(cut);
  const own = segment.slice(0, segment.length - suffix.length);
  const kind = suffix === '乡' && own.endsWith('族') ? '民族乡' : suffix === '苏木' && own.endsWith('族') ? '民族苏木' : suffix;
  const government = isGovernment(after) || (suffix === '街道' && after === '办事处');
  if (own.length === 0 || own.length > TOWNSHIP_NAME_MAX) return undefined;
  // 新乡, 景德镇: a city's name without its 市. 人民政府乡镇工作办公室, 新型城镇化办公室: words.
  if (index().stems.has(segment) || /政府|委员会/.test(own) || after.startsWith('化')) return undefined;
  if (alone && (after === '' || !government)) return undefined;
  // Before a department's name, 住房和城乡建设局, 住房城乡建设局, 乡镇企业局, 美丽乡村办公室 name no
  // township; a township's name has two characters or more and, unlike 和平街道 before 人民政府, no 和.
  if (!government && (own.length < 2 || /[和与及、]/.test(own) || /(?:城乡|城镇|乡镇)$/.test(segment) || after.startsWith('村'))) return undefined;
  return { zone, segment, kind, government };
}

interface Chain {
  divisions: Division[];
  end: number;
}

const isAncestor = (a: Division, d: Division): boolean => d.parent !== undefined && (d.parent === a || isAncestor(a, d.parent));

/** The longest chains of divisions at s[from…], each a descendant of the one before. */
function longestChains(s: string, from: number): Chain[] {
  const { byName, longest } = index();
  const found: Chain[] = [];
  const walk = (pos: number, path: Division[]) => {
    let grew = false;
    for (let len = 2; len <= Math.min(longest, s.length - pos); len++) {
      for (const d of byName.get(s.slice(pos, pos + len)) ?? []) {
        const last = path[path.length - 1];
        if (last && !isAncestor(last, d)) continue;
        grew = true;
        walk(pos + len, [...path, d]);
      }
    }
    if (!grew && path.length > 0) found.push({ divisions: path, end: pos });
  };
  walk(from, []);
  const end = Math.max(...found.map((c) => c.end));
  return found.filter((c) => c.end === end);
}

const descendants = (d: Division): Division[] => d.children.flatMap((c) => [c, ...descendants(c)]);

/**
 * A township's government, or undefined for a department after a township's name: a township's
 * own (周市镇财政所) cannot be told for certain from a department whose name holds 镇 or 乡
 * (特色小镇建设办公室).
 */
function townshipLevel(t: Township, parent: string): BodyLevel | undefined {
  if (!t.government) return undefined;
  return { level: 'township', kind: t.kind, government: t.government, decidedBy: t.segment, division: parent + t.zone + t.segment };
}

/** The level of the body named at s[from…] by its divisions, or undefined. */
function local(s: string, from: number): BodyLevel | undefined {
  const chains = longestChains(s, from);
  const first = chains[0];
  if (!first) {
    const t = township(s.slice(from), true);
    return t && townshipLevel(t, '');
  }
  // Chains of equal length name the same words (no division's name starts with another's), so
  // they differ only in which of the divisions of one name they took (朝阳区 of 北京 or of 长春).
  const depth = first.divisions.length;
  const end = (n: number) => from + first.divisions.slice(0, n).reduce((k, d) => k + d.name.length, 0);
  /** The path of the chain's first n divisions; as written when the chains do not agree on it. */
  const pathTo = (n: number) => {
    const d = first.divisions[n - 1];
    if (d === undefined) return '';
    return chains.every((c) => c.divisions[n - 1] === d) ? d.path : s.slice(from, end(n));
  };
  const rest = s.slice(first.end);

  // 东区街道办事处 (中山市, not 攀枝花市东区): a district's name followed by a township's suffix
  // can be that township's own name.
  if (TOWNSHIP_SUFFIXES.some((x) => rest.startsWith(x))) {
    const parent = first.divisions[depth - 2];
    const t = township(s.slice(end(depth - 1)), parent === undefined || parent.level === 'province');
    if (t?.government) return townshipLevel(t, pathTo(depth - 1));
  }

  const last = first.divisions[depth - 1] as Division;
  // A name at two levels with no parent to tell them apart: no level is certain. (The 2023 codes
  // have none; tests/model/divisions.test.ts lists them.)
  if (chains.some((c) => c.divisions[depth - 1]?.level !== last.level)) return undefined;
  const t = township(rest, last.level === 'province');
  if (t) return townshipLevel(t, pathTo(depth));
  if (PARTY.test(rest)) return undefined;
  // 江苏省苏州工业园区管理委员会, 河南省新乡人民政府: a place below the division, written without
  // its suffix; the body is not the division's own. But 荆州市公安局 is no body of 公安县.
  const below = (d: Division) => d.stem.length >= 2 && rest.startsWith(d.stem) && !/^(?:[局厅委办处所院站队]|分局)/.test(rest.slice(d.stem.length));
  if (descendants(last).some(below)) return undefined;
  return { level: last.level, kind: last.kind, government: isGovernment(rest), decidedBy: last.name, division: pathTo(depth) };
}

/** The administrative level of a government body, from its name as written in a report's title; undefined when not certain. */
export function bodyLevel(name: string): BodyLevel | undefined {
  const s = name.normalize('NFKC').replace(/\s+/gu, '');
  if (s === '' || s.startsWith('中共') || s.startsWith('中国共产党')) return undefined;
  const head = nationalHead(s);
  if (head === undefined) return local(s, 0);
  const rest = s.slice(head.length);
  const { names, places } = index();
  // 国家税务总局昆山市税务局, 中国人民银行苏州市中心支行: a local branch, at the level of its place.
  if (BRANCH.test(rest) || places.some((p) => rest.includes(p)) || names.some((n) => rest.includes(n))) return local(s, head.length);
  const council = rest === '' && ['国务院', '国务院办公厅'].includes(head.replace(COUNTRY, ''));
  return { level: 'national', kind: '国家', government: council, decidedBy: head, division: COUNTRY };
}
