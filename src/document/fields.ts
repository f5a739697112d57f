/**
 * Fields of a document, from its front matter or YAML record (product.md §2.2, rules.md §1–§2).
 *
 * YAML is parsed with the YAML 1.2 core schema (no implicit timestamps, no custom or 1.1 tags, no merge
 * keys); every key and value keeps its position in the whole file. Broken YAML is a `parse-error` and the
 * fields are then empty, so the document is read as text only. Tags are never executed: any tag outside the
 * core schema (`!!js/function`, `!!python/object`, `!!timestamp`, `!foo`) is a `parse-error`.
 *
 * Decisions (see field-keys.ts for the key table and date paths):
 * - A bad value of 类型, 层级 or 状态, a bad 有效期, or a value of the wrong shape (a list for 文号, a string
 *   that is neither a date nor yes/no for a procedure record) is a `parse-error` (error) at the value; only that
 *   field is dropped, the rest of the fields stand.
 * - Unknown keys are ignored; a near miss of a known key is a `meta-unknown-key` info. Two keys giving one
 *   field (制定机关 and 发文机关): the stronger wins, the other gets a `meta-unknown-key` info.
 * - A key with an empty value (`听证:`) counts as absent.
 * - carriesRecords: a field in values whose spec says so (类型, 状态, every procedure record, 公布日期,
 *   施行日期, 备案), except when given only by an archive or fallback key (`publish_date`, `implement_date`,
 *   `date`) or, for 状态, when its value is an archive value mapped to a status (现行有效, 废止或失效 …).
 *   A scraped `status: "现行有效"` + `publish_date` or a blog `title`/`date`/`author` carries no records.
 * - Archive and fallback date keys may carry a time (`2021-05-03 10:00`, `2021-05-03T10:00:00+08:00`):
 *   the time is dropped. An unusable fallback `date` is ignored silently (blogs write dates freely).
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type {
  Alias,
  Document as YamlDocument,
  DocumentOptions,
  ErrorCode,
  ParseOptions,
  Scalar,
  SchemaOptions,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import type { Fields, FilingRecord, Finding, Pos, StepRecord } from '../types.js';
import { parseDate } from '../cn/dates.js';
import { parseChineseNumber, toHalfWidthDigits } from '../cn/numerals.js';
import type { LineIndex } from './positions.js';
import { diagnostic } from './diagnostics.js';
import {
  ALL_TOP_KEYS,
  BODY_FILE_KEYS,
  BODY_KEYS,
  FILING_SUB_FIELDS,
  KEY_RANK,
  NOT_APPLICABLE_KEYS,
  lookupKey,
  lookupSubField,
  nearMiss,
  subFieldKeys,
  type FieldSpec,
  type KeyEntry,
  type SubFieldSpec,
} from './field-keys.js';

/** The text of a YAML record: inline (`正文`) or in another file (`正文文件`). */
export type BodyRef =
  /** `line`/`column` (1-based, in the whole file) of the text's first character; a block scalar's text starts on the line after `|`. */
  | { text: string; line: number; column: number }
  /** The path as written (relative to the record), and the place of `正文文件: path`. */
  | { file: string; pos: Pos };

export interface ReadFieldsResult {
  fields: Fields;
  diagnostics: Finding[];
  /** Only for a YAML record (`opts.record`); null when the record has no text. */
  body: BodyRef | null;
}

export interface ReadFieldsOptions {
  /** The YAML is a whole record file (`.yaml`/`.yml`), not front matter: read `正文` / `正文文件`. */
  record?: boolean;
}

/** Alias expansions allowed before YAML is taken for an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  customTags: [],
  resolveKnownTags: false,
  merge: false,
  uniqueKeys: true,
  prettyErrors: false,
  strict: true,
};

/** Fields of a document without front matter (or with a broken one). */
export function emptyFields(present = false): Fields {
  return { values: {}, pos: {}, dates: {}, steps: {}, filings: null, concerns: [], carriesRecords: false, present };
}

// ---------------------------------------------------------------------------
// YAML errors in Chinese
// ---------------------------------------------------------------------------

/** Short Chinese reasons of the yaml package's error codes. */
const REASONS: Record<ErrorCode, string> = {
  ALIAS_PROPS: '别名不能带锚点或标签',
  BAD_ALIAS: '别名有误',
  BAD_DIRECTIVE: '指令有误',
  BAD_DQ_ESCAPE: '双引号内的转义字符无效',
  BAD_INDENT: '缩进有误',
  BAD_PROP_ORDER: '锚点和标签的位置有误',
  BAD_SCALAR_START: '值不能以此字符开头，请加引号',
  BLOCK_AS_IMPLICIT_KEY: '此处不能嵌套映射，请检查缩进',
  BLOCK_IN_FLOW: '方括号或花括号内不能有块结构',
  DUPLICATE_KEY: '键重复',
  IMPOSSIBLE: '无法解析',
  KEY_OVER_1024_CHARS: '键超过 1024 个字符',
  MISSING_CHAR: '缺少字符',
  MULTILINE_IMPLICIT_KEY: '键不能跨行，是否缺少冒号',
  MULTIPLE_ANCHORS: '一个值有多个锚点',
  MULTIPLE_DOCS: '含有多个 YAML 文档',
  MULTIPLE_TAGS: '一个值有多个标签',
  NON_STRING_KEY: '键应为文字',
  RESOURCE_EXHAUSTION: '嵌套或别名过多',
  TAB_AS_INDENT: '不能用制表符缩进',
  TAG_RESOLVE_FAILED: '不支持标签',
  UNEXPECTED_TOKEN: '出现意外的内容',
  BAD_COLLECTION_TYPE: '标签与值的类型不符',
};

function missingCharReason(message: string): string {
  if (/quote/i.test(message)) return '缺少结束引号';
  if (/map keys need to be followed by map values/i.test(message)) return '键后缺少冒号';
  if (/Missing , or :/i.test(message)) return '括号内的项之间缺少逗号或冒号';
  if (/end with a [\]}]|Expected .*[\]}]/i.test(message)) return '缺少结束括号';
  return REASONS.MISSING_CHAR;
}

/** Key-value lines written with a full-width colon (标题：…) or without a space after the colon (标题:…). */
function colonHint(line: string): string {
  if (/^\s*[^\s:：#-][^:：]*：/.test(line) && !/:(\s|$)/.test(line)) return '；键后应为半角冒号“:”加空格';
  if (/^\s*[^\s:#-][^:]*:\S/.test(line) && !/:(\s|$)/.test(line)) return '；冒号“:”后应有空格';
  return '';
}

function lineOf(src: string, offset: number): string {
  const start = src.lastIndexOf('\n', offset - 1) + 1;
  const end = src.indexOf('\n', offset);
  return src.slice(start, end < 0 ? src.length : end);
}

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

type YNode = Scalar | YAMLMap | YAMLSeq | Alias;

/** Years and months of a validity period (`5年`, `五年`, `6个月`, `2年6个月`; a bare number means years). */
export function parseValidity(value: unknown): { years?: number; months?: number } | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 && value < 100 ? { years: value } : null;
  if (typeof value !== 'string') return null;
  const s = toHalfWidthDigits(value.trim()).replace(/\s+/g, '');
  const n = '[\\d〇○零一二两三四五六七八九十]+';
  const m = new RegExp(`^(?:(${n})年)?(?:(${n})个?月)?$`).exec(s);
  if (!m || (!m[1] && !m[2])) return null;
  const out: { years?: number; months?: number } = {};
  if (m[1]) {
    const y = parseChineseNumber(m[1]);
    if (y === null) return null;
    out.years = y;
  }
  if (m[2]) {
    const mo = parseChineseNumber(m[2]);
    if (mo === null) return null;
    out.months = mo;
  }
  if (!out.years && !out.months) return null;
  return out;
}

const YES = new Set(['是', '已', '有', '完成', '已完成', '已开展', 'true', 'yes', 'y', 'done']);
const NO = new Set(['否', '未', '无', '没有', '未完成', '未开展', 'false', 'no', 'n']);
const NA = new Set(['不适用', 'n/a', 'na', 'not applicable', 'not_applicable', 'notapplicable']);

/** A string that starts like a date (a year followed by a separator or 年). */
const LOOKS_LIKE_DATE = /^[\d０-９〇○零一二三四五六七八九]{2,4}\s*[年\-/.．]/;

/** Time of day after a date, as archives and blogs write it. */
const TIME_SUFFIX = /(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

const DATE_HINT = '应为 2020-03-01、2020/3/1、2020.3.1、2020年3月1日、二〇二〇年三月一日 等形式';

interface Candidate {
  entry: KeyEntry;
  key: string;
  keyNode: Scalar;
  value: YNode;
  order: number;
}

class Reader {
  readonly diagnostics: Finding[] = [];
  readonly fields: Fields = emptyFields(true);
  /** Canonical keys whose field counts towards carrying records. */
  private recordKeys = new Set<string>();

  constructor(
    private readonly doc: YamlDocument.Parsed,
    private readonly src: string,
    private readonly yamlStart: number,
    private readonly lines: LineIndex,
  ) {}

  // -- positions and helpers ------------------------------------------------

  span(start: number, end: number): Pos {
    return this.lines.span(this.yamlStart + start, this.yamlStart + end);
  }

  pos(node: { range?: readonly number[] | null } | null | undefined): Pos {
    const r = node?.range;
    if (!r) return this.span(0, 0);
    return this.span(r[0]!, r[1]!);
  }

  deref(node: unknown): Scalar | YAMLMap | YAMLSeq | null {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return node.resolve(this.doc) ?? null;
    if (isScalar(node) || isMap(node) || isSeq(node)) return node;
    return null;
  }

  /** True when a node holds nothing (`key:` or `key: ~`). */
  isEmpty(node: unknown): boolean {
    const v = this.deref(node);
    return v === null || (isScalar(v) && (v.value === null || v.value === undefined));
  }

  toJS(node: unknown): unknown {
    const v = this.deref(node);
    if (!v) return null;
    return v.toJS(this.doc, { maxAliasCount: MAX_ALIAS_COUNT });
  }

  /** A value for messages: a scalar as a string, a collection as written (shortened). */
  shown(node: unknown): string {
    const v = this.deref(node);
    if (v && isScalar(v)) return this.text(node) ?? String(v.value);
    const r = (node as { range?: number[] } | null)?.range;
    const text = r ? this.src.slice(r[0], r[1]).replace(/\s+/g, ' ').trim() : '';
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
  }

  /** A scalar's text (numbers and booleans as written), or null for a collection. */
  text(node: unknown): string | null {
    const v = this.deref(node);
    if (!v || !isScalar(v) || v.value === null || v.value === undefined) return null;
    if (typeof v.value === 'string') return v.value.trim();
    if (typeof v.value === 'number' || typeof v.value === 'boolean') {
      // Keep the number as written (文号 007, 3.10): the source text, not the parsed value.
      const r = v.range;
      if (r && v.type === 'PLAIN') return this.src.slice(r[0], r[1]).trim();
      return String(v.value);
    }
    return String(v.value);
  }

  report(ruleId: string, severity: 'error' | 'warning' | 'info', message: string, pos: Pos): void {
    this.diagnostics.push(diagnostic(ruleId, severity, message, pos));
  }

  badValue(label: string, node: unknown, required: string): void {
    this.report('parse-error', 'error', `发现无效的“${label}”值“${this.shown(node)}”：${required}`, this.pos(node as YNode));
  }

  /**
   * Read a date value into `dates[path]`; reports `meta-bad-date` unless `quiet`.
   * Returns the value as written (a collection as its source text) and the ISO date (null when unreadable).
   */
  readDate(node: YNode, path: string, opts: { stripTime?: boolean; quiet?: boolean } = {}): { raw: string; iso: string | null } {
    const v = this.deref(node);
    const raw = this.text(node);
    let iso: string | null = null;
    if (raw !== null && v && isScalar(v) && typeof v.value === 'string') {
      iso = parseDate(raw) ?? (opts.stripTime ? parseDate(raw.replace(TIME_SUFFIX, '')) : null);
    }
    const pos = this.pos(node);
    if (iso) {
      this.fields.dates[path] = iso;
      this.fields.pos[path] = pos;
    } else if (!opts.quiet) {
      this.report('meta-bad-date', 'error', `发现无法识别的日期“${this.shown(node)}”：${DATE_HINT}`, pos);
    }
    return { raw: raw ?? this.shown(node), iso };
  }

  unknownKey(key: string, keyNode: Scalar, known: readonly string[]): void {
    const hint = nearMiss(key, known);
    if (hint) this.report('meta-unknown-key', 'info', `发现未知字段“${key}”：是否应为“${hint}”`, this.pos(keyNode));
  }

  duplicate(key: string, keyNode: Scalar, by: string): void {
    this.report('meta-unknown-key', 'info', `发现重复字段“${key}”：已由“${by}”给出，此处忽略`, this.pos(keyNode));
  }

  // -- the mapping ----------------------------------------------------------

  readMap(map: YAMLMap, record: boolean): BodyRef | null {
    const candidates = new Map<string, Candidate[]>();
    let order = 0;
    let bodyPair: { key: string; keyNode: Scalar; value: YNode } | null = null;
    let bodyFilePair: { key: string; keyNode: Scalar; value: YNode } | null = null;

    for (const pair of map.items) {
      const keyNode = pair.key;
      if (!isScalar(keyNode) || keyNode.value === null || keyNode.value === undefined) continue;
      const key = String(keyNode.value);
      const value = pair.value as YNode | null;
      const entry = lookupKey(key);
      if (!entry) {
        if (record && (BODY_KEYS.includes(key) || BODY_FILE_KEYS.includes(key))) {
          if (value && !this.isEmpty(value)) {
            if (BODY_KEYS.includes(key)) bodyPair ??= { key, keyNode, value };
            else bodyFilePair ??= { key, keyNode, value };
          }
          continue;
        }
        this.unknownKey(key, keyNode, record ? [...ALL_TOP_KEYS, ...BODY_KEYS, ...BODY_FILE_KEYS] : ALL_TOP_KEYS);
        continue;
      }
      if (!value || this.isEmpty(value)) continue;
      const list = candidates.get(entry.spec.key) ?? [];
      list.push({ entry, key, keyNode, value, order: order++ });
      candidates.set(entry.spec.key, list);
    }

    // The strongest key of each field; report the others.
    const chosen: Candidate[] = [];
    for (const list of candidates.values()) {
      const best = list.reduce((a, b) => (KEY_RANK[b.entry.kind] < KEY_RANK[a.entry.kind] ? b : a));
      chosen.push(best);
      for (const c of list) {
        if (c !== best && c.entry.kind !== 'fallback') this.duplicate(c.key, c.keyNode, best.key);
      }
    }
    chosen.sort((a, b) => a.order - b.order);

    let shorthand: Candidate | null = null;
    for (const c of chosen) {
      if (c.entry.spec.shorthandFor) shorthand = c;
      else this.readField(c);
    }
    if (shorthand) this.readShorthand(shorthand);

    for (const key of this.recordKeys) if (key in this.fields.values) this.fields.carriesRecords = true;

    if (!record) return null;
    return this.readBody(bodyPair, bodyFilePair);
  }

  private counts(c: Candidate): boolean {
    return c.entry.spec.carriesRecords && c.entry.kind !== 'archive' && c.entry.kind !== 'fallback';
  }

  readField(c: Candidate): void {
    const { spec } = c.entry;
    const { value } = c;
    const f = this.fields;
    const vpos = this.pos(value);
    switch (spec.type) {
      case 'string': {
        const s = this.text(value);
        if (s === null) return this.badValue(spec.key, value, '应为文字');
        if (s === '') return;
        f.values[spec.key] = s;
        break;
      }
      case 'enum': {
        const s = this.text(value);
        const allowed = spec.values ?? [];
        let v: string | undefined;
        let archive = false;
        if (s !== null && allowed.includes(s)) v = s;
        else if (s !== null && spec.valueMap && s in spec.valueMap) {
          v = spec.valueMap[s];
          archive = spec.archiveValues?.includes(s) ?? false;
        }
        if (v === undefined) return this.badValue(spec.key, value, `应为 ${allowed.join('、')} 之一`);
        f.values[spec.key] = v;
        if (archive) {
          f.pos[spec.key] = vpos;
          return;
        }
        break;
      }
      case 'date': {
        const archive = c.entry.kind === 'archive' || c.entry.kind === 'fallback';
        const { raw } = this.readDate(value, spec.key, { stripTime: archive });
        f.values[spec.key] = raw;
        break;
      }
      case 'duration': {
        const v = this.deref(value);
        const js = v && isScalar(v) ? v.value : null;
        if (parseValidity(typeof js === 'string' ? js.trim() : js) === null) {
          return this.badValue(spec.key, value, '应为 5年、3年、2年、6个月 等形式');
        }
        f.values[spec.key] = typeof js === 'string' ? js.trim() : js;
        break;
      }
      case 'record': {
        const step = this.readStep(spec, value);
        if (!step) return;
        f.steps[spec.key] = step;
        f.values[spec.key] = this.toJS(value);
        break;
      }
      case 'filings': {
        const filings = this.readFilings(value);
        if (!filings) return;
        f.filings = filings;
        f.values[spec.key] = this.toJS(value);
        break;
      }
      case 'list': {
        const list = this.readList(spec.key, value);
        if (!list) return;
        f.concerns = list;
        f.values[spec.key] = list;
        break;
      }
    }
    f.pos[spec.key] = vpos;
    if (this.counts(c)) this.recordKeys.add(spec.key);
  }

  /** 公布日期 / 印发日期 / publish_date / date → 公布.日期. */
  readShorthand(c: Candidate): void {
    const { record, sub } = c.entry.spec.shorthandFor!;
    const step = this.fields.steps[record];
    const fallback = c.entry.kind === 'fallback';
    if (step && sub in step.fields) {
      if (!fallback) this.duplicate(c.key, c.keyNode, `${record}.${sub}`);
      return;
    }
    const path = `${record}.${sub}`;
    const archive = c.entry.kind === 'archive' || fallback;
    const { raw, iso } = this.readDate(c.value, path, { stripTime: archive, quiet: fallback });
    if (fallback && !iso) return;
    const vpos = this.pos(c.value);
    const spec = c.entry.spec;
    this.fields.values[spec.key] = raw;
    this.fields.pos[spec.key] = vpos;
    const target: StepRecord = step ?? { state: 'done', fields: {}, fieldPos: {}, pos: vpos };
    target.fields[sub] = raw;
    target.fieldPos[sub] = vpos;
    this.fields.steps[record] = target;
    if (this.counts(c)) this.recordKeys.add(spec.key);
  }

  readStep(spec: FieldSpec, node: YNode): StepRecord | null {
    const v = this.deref(node);
    const pos = this.pos(node);
    const step: StepRecord = { state: 'done', fields: {}, fieldPos: {}, pos };
    const required = '应为 true、false、日期、{不适用: 理由} 或含子字段的记录';
    if (v && isScalar(v)) {
      const val = v.value;
      if (typeof val === 'boolean') {
        step.state = val ? 'done' : 'not-done';
        return step;
      }
      if (typeof val === 'string') {
        const s = val.trim();
        const lower = s.toLowerCase();
        if (NA.has(lower)) {
          step.state = 'not-applicable';
          step.reason = '';
          return step;
        }
        if (YES.has(lower)) return step;
        if (NO.has(lower)) {
          step.state = 'not-done';
          return step;
        }
        if (parseDate(s) || LOOKS_LIKE_DATE.test(toHalfWidthDigits(s))) {
          const sub = spec.primaryDate ?? '日期';
          const { raw } = this.readDate(node, `${spec.key}.${sub}`);
          step.fields[sub] = raw;
          step.fieldPos[sub] = pos;
          return step;
        }
      }
      this.badValue(spec.key, node, required);
      return null;
    }
    if (!v || !isMap(v)) {
      this.badValue(spec.key, node, required);
      return null;
    }
    const subs = spec.subFields ?? [];
    const givenBy: Record<string, string> = {};
    for (const pair of v.items) {
      const keyNode = pair.key;
      if (!isScalar(keyNode) || keyNode.value === null || keyNode.value === undefined) continue;
      const key = String(keyNode.value);
      const value = pair.value as YNode | null;
      if (NOT_APPLICABLE_KEYS.includes(key)) {
        step.state = 'not-applicable';
        const r = this.deref(value);
        step.reason = r && isScalar(r) ? (r.value === null || typeof r.value === 'boolean' ? '' : String(r.value).trim()) : this.shown(value);
        continue;
      }
      const sub = lookupSubField(subs, key);
      if (!sub) this.unknownKey(key, keyNode, [...subFieldKeys(subs), ...NOT_APPLICABLE_KEYS]);
      if (!value || this.isEmpty(value)) continue;
      const name = sub?.name ?? key;
      if (givenBy[name] !== undefined) {
        this.duplicate(key, keyNode, givenBy[name]!);
        continue;
      }
      givenBy[name] = key;
      const vpos = this.pos(value);
      step.fields[name] = this.readSubValue(sub, value, `${spec.key}.${name}`);
      step.fieldPos[name] = vpos;
      this.fields.pos[`${spec.key}.${name}`] = vpos;
    }
    return step;
  }

  /** A sub-field's value: dates and strings as written, lists as string lists, counts as numbers or text. */
  readSubValue(sub: SubFieldSpec | undefined, node: YNode, path: string): unknown {
    switch (sub?.type) {
      case 'date':
        return this.readDate(node, path).raw;
      case 'string':
        return this.text(node) ?? this.toJS(node);
      case 'list': {
        const v = this.deref(node);
        if (v && isScalar(v)) return splitList(String(v.value));
        const js = this.toJS(node);
        return Array.isArray(js) ? js.map((x) => String(x)) : js;
      }
      default:
        return this.toJS(node);
    }
  }

  readFilings(node: YNode): FilingRecord[] | null {
    const v = this.deref(node);
    const required = '应为 {报送机关, 报送日期, 备案号} 的列表';
    if (v && isScalar(v) && v.value === false) return [];
    if (!v || isScalar(v)) {
      this.badValue('备案', node, required);
      return null;
    }
    const items: unknown[] = isSeq(v) ? v.items : [node];
    const out: FilingRecord[] = [];
    items.forEach((item, i) => {
      if (this.isEmpty(item)) return;
      const it = this.deref(item)!;
      const ipos = this.pos(item as YNode);
      if (isScalar(it)) {
        out.push({ body: this.text(item) ?? '', filedOn: null, pos: ipos });
        return;
      }
      if (!isMap(it)) {
        this.badValue('备案', item, required);
        return;
      }
      const rec: FilingRecord = { body: '', filedOn: null, pos: ipos };
      const seen = new Set<string>();
      for (const pair of it.items) {
        const keyNode = pair.key;
        if (!isScalar(keyNode) || keyNode.value === null || keyNode.value === undefined) continue;
        const key = String(keyNode.value);
        const value = pair.value as YNode | null;
        const sub = lookupSubField(FILING_SUB_FIELDS, key);
        if (!sub) {
          this.unknownKey(key, keyNode, subFieldKeys(FILING_SUB_FIELDS));
          continue;
        }
        if (!value || this.isEmpty(value) || seen.has(sub.name)) continue;
        seen.add(sub.name);
        const path = `备案.${i}.${sub.name}`;
        this.fields.pos[path] = this.pos(value);
        if (sub.name === '报送日期') rec.filedOn = this.readDate(value, path).iso;
        else if (sub.name === '报送机关') rec.body = this.text(value) ?? this.shown(value);
        else rec.number = this.text(value) ?? this.shown(value);
      }
      out.push(rec);
    });
    return out;
  }

  readList(label: string, node: YNode): string[] | null {
    const v = this.deref(node);
    if (v && isScalar(v)) return splitList(this.text(node) ?? '');
    if (v && isSeq(v)) {
      const out: string[] = [];
      for (const item of v.items) {
        if (this.isEmpty(item)) continue;
        const s = this.text(item);
        if (s === null) {
          this.badValue(label, item, '应为文字或文字的列表');
          return null;
        }
        if (s !== '') out.push(s);
      }
      return out;
    }
    this.badValue(label, node, '应为文字或文字的列表');
    return null;
  }

  readBody(
    body: { key: string; keyNode: Scalar; value: YNode } | null,
    file: { key: string; keyNode: Scalar; value: YNode } | null,
  ): BodyRef | null {
    if (body && file) {
      this.report('meta-unknown-key', 'info', `发现同时给出“${body.key}”和“${file.key}”：只读取“${body.key}”`, this.pos(file.keyNode));
    }
    if (body) {
      const v = this.deref(body.value);
      if (!v || !isScalar(v)) {
        this.badValue(body.key, body.value, '应为文字');
        return null;
      }
      const text = typeof v.value === 'string' ? v.value : (this.text(body.value) ?? '');
      // The alias's target holds the text; positions come from where the text is written.
      const r = v.range ?? [0, 0, 0];
      let start = r[0];
      if (v.type === 'QUOTE_DOUBLE' || v.type === 'QUOTE_SINGLE') start += 1;
      if (v.type === 'BLOCK_LITERAL' || v.type === 'BLOCK_FOLDED') {
        const nl = this.src.indexOf('\n', start);
        const lineStart = nl < 0 ? this.src.length : nl + 1;
        // Indentation: from an explicit indicator (`|2`, relative to the key's line), else the first non-blank line.
        const header = /^[|>][+-]?(\d)?/.exec(this.src.slice(start, nl < 0 ? undefined : nl));
        const keyLine = lineOf(this.src, start);
        let indent = 0;
        if (header?.[1]) indent = /^ */.exec(keyLine)![0].length + Number(header[1]);
        else for (let p = lineStart; p < r[1]; ) {
          const end = this.src.indexOf('\n', p);
          const line = this.src.slice(p, end < 0 ? this.src.length : end);
          if (line.trim() !== '') {
            indent = /^ */.exec(line)![0].length;
            break;
          }
          if (end < 0) break;
          p = end + 1;
        }
        const lc = this.lines.lineCol(this.yamlStart + lineStart);
        return { text, line: lc.line, column: indent + 1 };
      }
      const lc = this.lines.lineCol(this.yamlStart + start);
      return { text, line: lc.line, column: lc.column };
    }
    if (file) {
      const path = this.text(file.value);
      if (path === null || path === '') {
        this.badValue(file.key, file.value, '应为文件路径');
        return null;
      }
      const kr = file.keyNode.range ?? [0, 0, 0];
      const vr = (file.value as { range?: number[] }).range ?? kr;
      return { file: path, pos: this.span(kr[0]!, vr[1]!) };
    }
    return null;
  }
}

/** Split a list written as one string: 市场主体、群众切身利益. */
function splitList(s: string): string[] {
  return s
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/**
 * Read the fields of front matter (`yamlText` starting at offset `yamlStart` of the file) or of a whole
 * YAML record (`opts.record`, `yamlStart` 0). `lines` indexes the whole file: every position is in the file.
 */
export function readFields(
  yamlText: string,
  yamlStart: number,
  lines: LineIndex,
  opts: ReadFieldsOptions = {},
): ReadFieldsResult {
  const what = opts.record ? 'YAML 记录有误' : '前置元数据 YAML 有误';
  // The yaml package does not take a lone CR for a line break; an LF in its place keeps every offset.
  const src = yamlText.replace(/\r(?!\n)/g, '\n');
  const at = (start: number, end: number): Pos => lines.span(yamlStart + start, yamlStart + end);
  const fail = (reason: string, pos: Pos): ReadFieldsResult => ({
    fields: emptyFields(false),
    diagnostics: [diagnostic('parse-error', 'error', `${what}：${reason}`, pos)],
    body: null,
  });

  let doc: YamlDocument.Parsed;
  try {
    doc = parseDocument(src, YAML_OPTIONS);
  } catch (e) {
    return fail(`无法解析（${e instanceof Error ? e.message : String(e)}）`, at(0, 0));
  }

  // Errors, and warnings that matter (unsupported tags), first in the text.
  const problems = [
    ...doc.errors,
    ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED' || w.code === 'BAD_COLLECTION_TYPE'),
  ].sort((a, b) => a.pos[0] - b.pos[0]);
  const first = problems[0];
  if (first) {
    const [start, end] = first.pos;
    let reason: string = REASONS[first.code] ?? '无法解析';
    if (first.code === 'MISSING_CHAR') reason = missingCharReason(first.message);
    const bracket = first.code === 'BAD_INDENT' ? /end with an? ([\]}])/.exec(first.message) : null;
    if (bracket) reason = `缺少结束括号“${bracket[1]}”，或后续行缩进不足`;
    if (first.code === 'TAG_RESOLVE_FAILED' || first.code === 'BAD_COLLECTION_TYPE') {
      const tag = src.slice(start, end).trim();
      reason = `${reason}“${tag}”（hefa 不执行标签，只接受普通的文字、数字、列表和映射）`;
    }
    if (first.code === 'DUPLICATE_KEY') {
      const key = duplicateKeyAt(doc, start);
      if (key !== null) reason = `键“${key}”重复`;
    }
    reason += colonHint(lineOf(src, start));
    return fail(`${reason}（${first.code}）`, at(start, Math.max(end, start)));
  }

  // Aliases: every one must have its anchor, and expanding them must stay small.
  let firstAlias: Alias | null = null;
  let unresolved: Alias | null = null;
  visit(doc, {
    Alias(_, node) {
      firstAlias ??= node;
      if (!unresolved && !node.resolve(doc)) unresolved = node;
    },
  });
  const aliasPos = (node: Alias | null): Pos => (node?.range ? at(node.range[0], node.range[1]) : at(0, 0));
  if (unresolved) {
    const u: Alias = unresolved;
    return fail(`别名“*${u.source}”没有对应的锚点（BAD_ALIAS）`, aliasPos(u));
  }
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/alias/i.test(message) && /resource exhaustion/i.test(message)) {
      return fail(`别名展开过多，疑似别名炸弹（RESOURCE_EXHAUSTION）`, aliasPos(firstAlias));
    }
    return fail(`无法解析（${message}）`, aliasPos(firstAlias));
  }

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === undefined))) {
    return { fields: emptyFields(true), diagnostics: [], body: null };
  }
  if (!isMap(contents)) {
    const r = contents.range;
    const pos = r ? at(r[0], r[1]) : at(0, 0);
    const shape = isSeq(contents) ? '列表' : '单个值';
    const hint = isScalar(contents) ? colonHint(lineOf(src, r ? r[0] : 0)) : '';
    return fail(`应为“键: 值”形式的映射，不能是${shape}${hint}`, pos);
  }

  const reader = new Reader(doc, src, yamlStart, lines);
  let body: BodyRef | null;
  try {
    body = reader.readMap(contents, opts.record === true);
  } catch (e) {
    return fail(`无法解析（${e instanceof Error ? e.message : String(e)}）`, at(0, 0));
  }
  const diagnostics = reader.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { fields: reader.fields, diagnostics, body };
}

/** The key of a duplicate-key error (the yaml package points at the repeated key's first character). */
function duplicateKeyAt(doc: YamlDocument.Parsed, offset: number): string | null {
  let found: string | null = null;
  visit(doc, {
    Pair(_, pair) {
      const k = pair.key;
      if (found === null && isScalar(k) && k.range && k.range[0] === offset) found = String(k.value);
    },
  });
  return found;
}
