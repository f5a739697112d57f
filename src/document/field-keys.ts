/**
 * The key table of front matter and YAML records (product.md §2.2).
 *
 * Each field has a canonical Chinese key and may be written under:
 * - an English alias from the product table (`issuer`, `effectiveOn` …) — same weight as the Chinese key;
 * - another accepted Chinese key (`发文机关`, `合法性审核`, `集体审议`, `印发日期`);
 * - an archive key, as scraped law databases write them (`publish_date`, `implement_date`, `status` values
 *   such as 现行有效): accepted, but a field given only that way does not make a document "carry records";
 * - a fallback key (`date`): used only when nothing else gives the field, and never reported when unusable.
 *
 * When two keys give the same field the stronger wins (canonical = alias > other > archive > fallback;
 * on a tie the first written) and the other gets a `meta-unknown-key` info.
 *
 * Date paths (Fields.dates / Fields.pos): a top-level date field by its key (`施行日期`, `有效期至`,
 * `废止日期`); a record's date sub-field as `记录.子字段` (`公开征求意见.开始`, `合法性审查.意见日期`);
 * the publication date is always `公布.日期` (公布日期, 印发日期, publish_date … fill it);
 * a filing's date is `备案.<index>.报送日期` (index from 0).
 */
import { DOC_KINDS, LEVELS, STATUSES } from '../types.js';

export type FieldType =
  /** Free text; YAML numbers and booleans are converted to their written form. */
  | 'string'
  /** One of `values`, or a key of `valueMap`. */
  | 'enum'
  | 'date'
  /** `5年`, `3年`, `6个月`, `2年6个月`, `五年`; a bare number means years. */
  | 'duration'
  /** A record with sub-fields; procedure records also take true / false / {不适用: 理由} / a bare date. */
  | 'record'
  /** 备案: a list of {报送机关, 报送日期, 备案号}. */
  | 'filings'
  /** A list of strings; a single string is split at 、，,；; and spaces. */
  | 'list';

export type SubFieldType = 'string' | 'date' | 'count' | 'list';

export interface SubFieldSpec {
  /** Canonical Chinese name. */
  name: string;
  /** English aliases. */
  aliases: readonly string[];
  /** Other accepted Chinese names. */
  otherKeys: readonly string[];
  type: SubFieldType;
}

export interface FieldSpec {
  /** Canonical Chinese key. */
  key: string;
  /** English aliases of the product table. */
  aliases: readonly string[];
  /** Other accepted Chinese keys. */
  otherKeys: readonly string[];
  /** Keys of scraped archives: accepted, but do not count towards carrying records. */
  archiveKeys: readonly string[];
  /** Keys used only when nothing else gives the field (`date`). */
  fallbackKeys: readonly string[];
  type: FieldType;
  /** Allowed values of an enum. */
  values?: readonly string[];
  /** Other accepted values of an enum → canonical value. */
  valueMap?: Readonly<Record<string, string>>;
  /** Values of `valueMap` that come from scraped archives (现行有效 …): they do not count towards carrying records. */
  archiveValues?: readonly string[];
  /** Sub-fields of a record, in canonical order. */
  subFields?: readonly SubFieldSpec[];
  /** A procedure record (true / false / {不适用: 理由} allowed). */
  procedure?: boolean;
  /** The sub-field a bare date fills (`公开征求意见: 2023-03-01` → 开始). */
  primaryDate?: string;
  /** Declaring this field makes the document carry records (rules.md §1). */
  carriesRecords: boolean;
  /** A shorthand for a record's sub-field (公布日期 → 公布.日期). */
  shorthandFor?: { record: string; sub: string };
}

function sub(name: string, type: SubFieldType, aliases: string[], otherKeys: string[] = []): SubFieldSpec {
  return { name, type, aliases, otherKeys };
}

/** Sub-fields shared by several records. */
export const SUB_FIELDS = {
  日期: sub('日期', 'date', ['date'], ['时间']),
  开始: sub('开始', 'date', ['start'], ['开始日期']),
  结束: sub('结束', 'date', ['end'], ['结束日期']),
  渠道: sub('渠道', 'string', ['channel']),
  意见数: sub('意见数', 'count', ['count']),
  采纳情况: sub('采纳情况', 'string', ['adoption']),
  缩短理由: sub('缩短理由', 'string', ['shortenedReason']),
  材料送达日期: sub('材料送达日期', 'date', ['materialsDate']),
  专家: sub('专家', 'list', ['experts']),
  结论: sub('结论', 'string', ['conclusion']),
  送审日期: sub('送审日期', 'date', ['submittedOn']),
  意见日期: sub('意见日期', 'date', ['opinionOn']),
  审查机构: sub('审查机构', 'string', ['reviewer']),
  会议: sub('会议', 'string', ['meeting']),
} as const;

/** Sub-fields of one 备案 entry. */
export const FILING_SUB_FIELDS: readonly SubFieldSpec[] = [
  sub('报送机关', 'string', ['body'], ['备案机关']),
  sub('报送日期', 'date', ['filedOn'], ['备案日期']),
  sub('备案号', 'string', ['number']),
];

/** Keys that mark a procedure record as not applicable: `{不适用: 理由}`. */
export const NOT_APPLICABLE_KEYS: readonly string[] = ['不适用', 'not_applicable', 'notApplicable'];

/** Record-only keys (YAML records): the text, or a file holding it. */
export const BODY_KEYS: readonly string[] = ['正文', 'body'];
export const BODY_FILE_KEYS: readonly string[] = ['正文文件', 'bodyFile'];

const S = SUB_FIELDS;

function field(spec: Partial<FieldSpec> & Pick<FieldSpec, 'key' | 'type'>): FieldSpec {
  return {
    aliases: [],
    otherKeys: [],
    archiveKeys: [],
    fallbackKeys: [],
    carriesRecords: false,
    ...spec,
  };
}

function procedure(key: string, alias: string, subFields: SubFieldSpec[], otherKeys: string[] = [], primaryDate = '日期'): FieldSpec {
  return field({ key, type: 'record', aliases: [alias], otherKeys, subFields, procedure: true, primaryDate, carriesRecords: true });
}

/** The status values scraped archives use, mapped to hefa's statuses. */
export const ARCHIVE_STATUS_MAP: Readonly<Record<string, string>> = {
  现行有效: '已公布',
  有效: '已公布',
  尚未生效: '已公布',
  试行: '已公布',
  废止: '已废止',
  废止或失效: '已废止',
  失效: '已失效',
};

/** Every field, in the order of product.md §2.2. */
export const FIELD_SPECS: readonly FieldSpec[] = [
  field({ key: '标题', type: 'string', aliases: ['title'] }),
  field({ key: '文号', type: 'string', aliases: ['docNumber'] }),
  field({ key: '制定机关', type: 'string', aliases: ['issuer'], otherKeys: ['发文机关'], archiveKeys: ['issuing_authority'] }),
  field({
    key: '类型', type: 'enum', aliases: ['kind'], values: DOC_KINDS,
    valueMap: { 规范性文件: '行政规范性文件' }, carriesRecords: true,
  }),
  field({
    key: '层级', type: 'enum', aliases: ['level'], values: LEVELS,
    valueMap: { 国家级: '国家', 中央: '国家', 省级: '省', 市级: '市', 县级: '县', 乡级: '乡', 乡镇: '乡' },
  }),
  field({
    key: '状态', type: 'enum', aliases: ['status'], values: STATUSES,
    valueMap: ARCHIVE_STATUS_MAP, archiveValues: Object.keys(ARCHIVE_STATUS_MAP), carriesRecords: true,
  }),
  field({ key: '起草单位', type: 'string', aliases: ['drafter'] }),
  procedure('评估论证', 'assessment', [S.日期, S.结论]),
  procedure('公开征求意见', 'publicComment', [S.开始, S.结束, S.渠道, S.意见数, S.采纳情况, S.缩短理由], [], '开始'),
  procedure('听证', 'hearing', [S.日期, S.材料送达日期]),
  procedure('专家论证', 'expertReview', [S.日期, S.专家]),
  procedure('风险评估', 'riskAssessment', [S.日期, S.结论]),
  procedure('公平竞争审查', 'fairCompetitionReview', [S.日期, S.结论]),
  procedure('合法性审查', 'legalityReview', [S.送审日期, S.意见日期, S.审查机构, S.结论], ['合法性审核'], '意见日期'),
  procedure('集体讨论', 'collectiveDiscussion', [S.会议, S.日期], ['集体审议']),
  procedure('党委请示报告', 'partyReport', [S.日期]),
  procedure('公布', 'publication', [S.日期, S.渠道]),
  field({
    key: '公布日期', type: 'date', aliases: ['publishedOn'], otherKeys: ['印发日期'],
    archiveKeys: ['publish_date', 'publishDate'], fallbackKeys: ['date'],
    shorthandFor: { record: '公布', sub: '日期' }, carriesRecords: true,
  }),
  field({
    key: '施行日期', type: 'date', aliases: ['effectiveOn'], archiveKeys: ['implement_date', 'effectiveDate'],
    carriesRecords: true,
  }),
  field({ key: '施行理由', type: 'string', aliases: ['effectiveReason'] }),
  field({ key: '有效期', type: 'duration', aliases: ['validity'] }),
  field({ key: '有效期至', type: 'date', aliases: ['validUntil'] }),
  field({ key: '废止日期', type: 'date', aliases: ['repealedOn'] }),
  field({ key: '备案', type: 'filings', aliases: ['filings'], carriesRecords: true }),
  procedure('归档', 'archive', [S.日期]),
  field({ key: '涉及', type: 'list', aliases: ['concerns'] }),
];

/** The procedure records (rules.md §3: requires-step picks one of these). */
export const PROCEDURE_KEYS: readonly string[] = FIELD_SPECS.filter((f) => f.procedure).map((f) => f.key);

/** How a key was written. */
export type KeyKind = 'canonical' | 'alias' | 'other' | 'archive' | 'fallback';

/** Strength of a key kind: the lower wins when two keys give one field. */
export const KEY_RANK: Readonly<Record<KeyKind, number>> = { canonical: 0, alias: 0, other: 1, archive: 2, fallback: 3 };

export interface KeyEntry {
  spec: FieldSpec;
  kind: KeyKind;
}

const KEY_MAP = new Map<string, KeyEntry>();
for (const spec of FIELD_SPECS) {
  KEY_MAP.set(spec.key, { spec, kind: 'canonical' });
  for (const k of spec.aliases) KEY_MAP.set(k, { spec, kind: 'alias' });
  for (const k of spec.otherKeys) KEY_MAP.set(k, { spec, kind: 'other' });
  for (const k of spec.archiveKeys) KEY_MAP.set(k, { spec, kind: 'archive' });
  for (const k of spec.fallbackKeys) KEY_MAP.set(k, { spec, kind: 'fallback' });
}

/** The field a top-level key gives, if any (exact match). */
export function lookupKey(key: string): KeyEntry | undefined {
  return KEY_MAP.get(key);
}

/** Spec of a field by canonical key. */
export function fieldSpec(canonical: string): FieldSpec | undefined {
  const e = KEY_MAP.get(canonical);
  return e && e.spec.key === canonical ? e.spec : undefined;
}

/** Every key written form of a field. */
export function keysOf(spec: FieldSpec): string[] {
  return [spec.key, ...spec.aliases, ...spec.otherKeys, ...spec.archiveKeys, ...spec.fallbackKeys];
}

/** Sub-field of a list by any of its names (exact match). */
export function lookupSubField(subFields: readonly SubFieldSpec[], key: string): SubFieldSpec | undefined {
  return subFields.find((s) => s.name === key || s.aliases.includes(key) || s.otherKeys.includes(key));
}

/** Every written form of a list of sub-fields. */
export function subFieldKeys(subFields: readonly SubFieldSpec[]): string[] {
  return subFields.flatMap((s) => [s.name, ...s.aliases, ...s.otherKeys]);
}

// ---------------------------------------------------------------------------
// Near misses (meta-unknown-key)
// ---------------------------------------------------------------------------

/** Words written for one another in key names; an unknown key is compared after replacing them. */
const SYNONYMS: readonly [RegExp, string][] = [
  [/时间/g, '日期'],
  [/生效/g, '施行'],
  [/实施/g, '施行'],
];

/** Keys that are near misses of a known key only by meaning (suggestion by explicit table). */
const KNOWN_MISSES: Readonly<Record<string, string>> = {
  失效日期: '有效期至',
  终止日期: '有效期至',
  截止日期: '有效期至',
  发文日期: '公布日期',
};

const HAN = /\p{Script=Han}/u;

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), on code points. */
export function editDistance(a: string, b: string): number {
  const s = [...a], t = [...b];
  const m = s.length, n = t.length;
  if (Math.abs(m - n) > 2) return Math.abs(m - n);
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => {
    const row = new Array<number>(n + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= n; j++) d[0]![j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

function normalizeEnglish(key: string): string {
  return key.toLowerCase().replace(/[\s_\-.]/g, '');
}

/**
 * The known key an unknown key probably meant, or null.
 * Chinese keys: equal after trimming and synonyms (施行时间 → 施行日期), or edit distance ≤ 1 when both are at
 * least three characters long (公布日起 → 公布日期; 标签 is not taken for 标题). English keys: equal after
 * ignoring case, `_`, `-` and spaces (`Publish_Date` → publishDate, `doc_number` → docNumber).
 */
export function nearMiss(key: string, known: readonly string[]): string | null {
  const trimmed = key.trim().replace(/\u3000/g, '');
  if (HAN.test(trimmed)) {
    if (KNOWN_MISSES[trimmed] && known.includes(KNOWN_MISSES[trimmed]!)) return KNOWN_MISSES[trimmed]!;
    let norm = trimmed;
    for (const [re, to] of SYNONYMS) norm = norm.replace(re, to);
    const han = known.filter((k) => HAN.test(k));
    const exact = han.find((k) => k === norm);
    if (exact && exact !== key) return exact;
    if ([...norm].length < 3) return null;
    for (const k of han) {
      if ([...k].length >= 3 && editDistance(norm, k) <= 1) return k;
    }
    return null;
  }
  const norm = normalizeEnglish(trimmed);
  if (norm === '') return null;
  for (const k of known) {
    if (!HAN.test(k) && k !== key && normalizeEnglish(k) === norm) return k;
  }
  return null;
}

/** Every top-level key written form (for near-miss suggestions). */
export const ALL_TOP_KEYS: readonly string[] = [...KEY_MAP.keys()];
