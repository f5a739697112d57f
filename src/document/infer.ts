/**
 * What the text alone says about a document (product.md §2.3): the issuer and its type and level,
 * whether it is a trial text, and its kind. Never from folder names: an archive's folders lie.
 */
import type { DocKind, DocNumber, IssuerType, Level, SignOff } from '../types.js';
import { organMarksNormative } from './doc-number.js';
import { blankTitles, decreeOrgan, innerTitleOf, stripTrailingParen } from './header.js';

// ---------------------------------------------------------------------------
// Organ names
// ---------------------------------------------------------------------------

/** Endings of the names of public bodies (administrative, judicial, legislative). */
const ORGAN_END =
  /(?:人民政府|政府|办公室|办公厅|事务所|办事处|公署|行署|委员会|管委会|总局|总署|局|厅|委|部|署|院|办|中心|处|所|站|队|行|组|会|司|科|社|馆|台)$/;

/** True when `name` reads as the name of a public body (夹江县人民政府, 四川省财政厅, 中央军委). */
export function isOrganName(name: string): boolean {
  const n = name.trim();
  if (n.length < 2 || n.length > 40) return false;
  if (!/^[\u4e00-\u9fa5·（）()]+$/.test(n)) return false;
  // 主送机关 and generic references are not names: 各乡镇人民政府, 有关部门, 本局.
  if (/^(?:各|有关|相关|本|该|上级|下级|其他)/.test(n)) return false;
  return ORGAN_END.test(n);
}

/** A character that can be neither in an organ name nor between names (a quick no for a line of prose). */
const NOT_IN_ORGAN_LINE = /[^\u4e00-\u9fa5·（）()\s、，,]/;

/** Split a line of organ names (四川省财政厅  四川省民政厅, 国务院、中央军委); null unless all are organs. */
export function splitOrgans(text: string): string[] | null {
  // Every character of an organ name passes isOrganName's test; prose (。：“ digits …) never does.
  if (NOT_IN_ORGAN_LINE.test(text)) return null;
  const parts = text
    .split(/[\s、，,]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !/^[（(]?(?:盖章|印章|章)[）)]?$/.test(p));
  if (parts.length === 0) return null;
  return parts.every(isOrganName) ? parts : null;
}

/** Bodies that are not administrative organs: courts, procuratorates, congresses, Party organs. */
const NOT_ADMINISTRATIVE =
  /(?:法院|检察院|人民代表大会|常务委员会|人大常委会|人大|政治协商会议|政协|纪律检查委员会|纪委|监察委员会|监委)$|^(?:中共|中国共产党)|党委$|党组$/;

/**
 * government: a people's government or its general office (…人民政府, …人民政府办公室/办公厅, also
 * 国务院 and 国务院办公厅, the Central People's Government); department: any other administrative organ.
 */
export function issuerTypeOf(name: string | null | undefined): IssuerType | null {
  if (!name) return null;
  const n = name.trim().replace(/^中华人民共和国/, '');
  if (!isOrganName(n) && n !== '国务院') return null;
  if (NOT_ADMINISTRATIVE.test(n)) return null;
  if (/^(?:国务院|国务院办公厅|中央人民政府)$/.test(n)) return 'government';
  if (/(?:人民政府|人民政府办公室|人民政府办公厅|政府|政府办公室|政府办公厅|政府办|行政公署|行署)$/.test(n)) return 'government';
  return 'department';
}

// ---------------------------------------------------------------------------
// Level
// ---------------------------------------------------------------------------

const PROVINCES =
  '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门';
const PROVINCE = new RegExp(
  `^(?:(?:北京|天津|上海|重庆)市|(?:${PROVINCES})(?:省|[\\u4e00-\\u9fa5]{0,4}?自治区|特别行政区))`,
);
/**
 * One place segment: a short name and an administrative unit. Name characters exclude organ words,
 * and the unit may not start a common word (市场, 市政, 县级, 区域), so 夹江县市场监督管理局 is
 * 夹江县 + an organ, not two places.
 */
const SEGMENT =
  /^([^\s、，和与及的局厅委部办府院会署处所站队政]{1,7}?)(自治州|自治县|自治旗|林区|特区|新区|地区|街道|苏木|民族乡|州|盟|市|县|区|旗|乡|镇)(?![场政容域级内外直属])/;

type Unit = 'province' | 'city' | 'county' | 'township';

function unitOf(unit: string, previous: Unit | null): Unit {
  if (/^(?:自治州|州|盟|地区)$/.test(unit)) return 'city';
  if (unit === '市') return previous === 'city' ? 'county' : 'city';
  if (/^(?:自治县|县|区|旗|自治旗|林区|特区|新区)$/.test(unit)) return 'county';
  return 'township';
}

const LEVEL_OF_UNIT: Record<Unit, Level> = { province: '省', city: '市', county: '县', township: '乡' };

/**
 * The level of an issuer from its name: 国务院 and ministries → 国家; 四川省…, 北京市… → 省;
 * 乐山市…, 凉山彝族自治州… → 市; 夹江县…, 成都市武侯区… → 县; …镇, …街道 → 乡. A county-level city
 * (峨眉山市) cannot be told from a prefecture-level one by its name alone: it reads as 市.
 */
export function levelOf(name: string | null | undefined): Level | null {
  if (!name) return null;
  let n = name.trim().replace(/^(?:中共|中国共产党)/, '');
  if (/^(?:中华人民共和国|中国|国务院|国家|全国|中央|最高人民)/.test(n)) return '国家';
  let last: Unit | null = null;
  const p = PROVINCE.exec(n);
  if (p) {
    last = 'province';
    n = n.slice(p[0].length);
  }
  for (let guard = 0; guard < 5; guard++) {
    const m = SEGMENT.exec(n);
    if (!m) break;
    // 城乡, 城市 are words, not a town called 城.
    if (/城$/.test(m[1]!) && /^[乡市]$/.test(m[2]!)) break;
    last = unitOf(m[2]!, last);
    n = n.slice(m[0].length);
  }
  if (last) return LEVEL_OF_UNIT[last];
  // Names without a place: 省财政厅, 县人民政府, 公安部.
  const bare = /^(省|自治区|市|州|县|区|旗|乡|镇|街道)/.exec(n);
  if (bare) return ({ 省: '省', 自治区: '省', 市: '市', 州: '市', 县: '县', 区: '县', 旗: '县', 乡: '乡', 镇: '乡', 街道: '乡' } as const)[bare[1] as '省'];
  // A ministry or one of its offices, named without a place (生态环境部办公厅, 海关总署).
  if (isOrganName(n) && /(?:部|总局|总署|署)/.test(n)) return '国家';
  return null;
}

// ---------------------------------------------------------------------------
// Issuer
// ---------------------------------------------------------------------------

/** The organs named before 关于 (or 印发/转发/批转) in a title: 夹江县人民政府关于… → [夹江县人民政府]. */
export function organsFromTitle(title: string | null | undefined): string[] {
  if (!title) return [];
  const m = /^(.+?)(?:关于|印发|转发|批转)/.exec(blankTitles(title.trim()));
  if (!m) return [];
  return splitOrgans(title.trim().slice(0, m[1]!.length)) ?? [];
}

/** The first organ of a title's prefix, or null. */
export function issuerFromTitle(title: string | null | undefined): string | null {
  return organsFromTitle(title)[0] ?? null;
}

/**
 * The issuer: the first organ in the sign-off, else the title's prefix (a 文号's 代字 names no
 * organ); joint documents list the others as co-issuers.
 */
export function inferIssuer(input: { signOff: SignOff | null; title: string | null }): {
  issuer: string | null;
  coIssuers: string[];
} {
  const organs = input.signOff && input.signOff.issuers.length > 0 ? input.signOff.issuers : organsFromTitle(input.title);
  return { issuer: organs[0] ?? null, coIssuers: organs.slice(1) };
}

// ---------------------------------------------------------------------------
// Trial and kind
// ---------------------------------------------------------------------------

/** 试行/暂行 in the document's own title (for a wrapper, in X), not in a 《》 of another title. */
export function isTrial(title: string | null | undefined): boolean {
  if (!title) return false;
  const own = innerTitleOf(title) ?? title;
  return /试行|暂行/.test(blankTitles(own));
}

export interface KindInput {
  title: string | null;
  innerTitle: string | null;
  /** Header lines (text before the first chapter, article or numbered heading). */
  headerLines: string[];
  docNumber: DocNumber | null;
  /** The header's 令号 as written, e.g. 中华人民共和国国务院令第706号. */
  decree: string | null;
  issuer: string | null;
  congressAdopted: boolean;
}

const KIND_WORD = /(?:规定|办法|细则|规则|意见|决定|通告|公告|通知|方案)(?:[（(](?:试行|暂行)[）)])?$/;
/** Forms of judicial interpretation (最高人民法院关于司法解释工作的规定 第六条: 解释、规定、规则、批复、决定). */
const JUDICIAL_FORM = /(?:解释|规定|规则|批复|决定)$/;

/**
 * The kind from the text alone; first match wins, in product.md §2.3's order. Two readings the
 * list leaves open are settled here: a 主席令 promulgates a 法律 (宪法 第八十条), so it is not taken
 * for a 规章's 令; and a text the 全国人民代表大会 or its standing committee adopted is a 法律
 * (中华人民共和国民法典, 反分裂国家法, 全国人大常委会关于…的决定), not a 地方性法规.
 */
export function inferKind(input: KindInput): DocKind {
  const title = (input.title ?? '').trim();
  const decree = input.decree ? decreeOrgan(input.decree) : null;
  if (decree !== null) {
    if (/国务院/.test(decree)) return '行政法规';
    if (/主席$/.test(decree)) return '法律';
    // A Central Military Commission order alone makes a military regulation: none of our kinds.
    if (!/^(?:中华人民共和国)?中央军事委员会$|^中央军委$/.test(decree)) return '规章';
  }

  const bareTitle = stripTrailingParen(title);
  if (/^中华人民共和国/.test(bareTitle) && /法$/.test(bareTitle) && !/办法$/.test(bareTitle)) return '法律';

  // Older State Council regulations carry no 令号, only a header line `1987年6月15日 国务院发布`;
  // a 条例 so promulgated is a 行政法规 (行政法规制定程序条例 第五条: 行政法规的名称一般称“条例”).
  if (/条例$/.test(bareTitle) && input.headerLines.some((l) => /^[^《]*?(?:^|\s|日)国务院(?:批准)?(?:发布|公布)/.test(blankTitles(l)))) {
    return '行政法规';
  }

  if (input.congressAdopted) {
    const national = input.headerLines.some((l) => /全国人民代表大会[^。；]*?(?:通过|批准)/.test(blankTitles(l)));
    return national ? '法律' : '地方性法规';
  }

  const ownTitle = input.innerTitle ?? title;
  const supreme =
    /^最高人民(?:法院|检察院)/.test(input.issuer ?? '') ||
    organsFromTitle(title).some((o) => /^最高人民(?:法院|检察院)$/.test(o)) ||
    input.headerLines.some((l) => /最高人民(?:法院|检察院)[^。；]*?(?:通过|公布|发布)/.test(blankTitles(l)));
  if (supreme && JUDICIAL_FORM.test(stripTrailingParen(ownTitle))) return '司法解释';

  if (input.docNumber && organMarksNormative(input.docNumber.organ)) return '行政规范性文件';

  const issuer = input.issuer ?? issuerFromTitle(title);
  if (KIND_WORD.test(ownTitle.trim()) && issuerTypeOf(issuer) !== null) return '行政规范性文件';
  return '其他';
}
