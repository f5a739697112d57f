/**
 * Filing obligations (product.md §4.3, §5.4): for each document, whom it must be filed with, by
 * when, and whether its records show that it was. Pure functions shared by the `deadline` check
 * kind and `hefa filing`, so a finding and a ledger row never disagree.
 *
 * - A published (已公布/已修改) 行政规范性文件 of a people's government (or its office) is filed with
 *   the 人大常委会 of its level (npc) and the government one level up (superior); a department's with
 *   its own government (government). A 乡镇 government has no 人大常委会 (its people's congress has a
 *   主席团), so it files with the government above only; national documents are outside local filing.
 *   `filing.targets` in config replaces the mapping for the issuers it matches.
 * - Target names come from config `jurisdiction` when the issuer belongs to it, else they are generic
 *   (本级人大常委会, 上一级人民政府, 本级人民政府), and a generic target is met by any entry naming a body
 *   of its sort.
 * - The deadline is publication + `filing.days` (product.md §5.2: due on event + N, met by anything
 *   on or before that day), in calendar days or, with unit `workdays`, working days.
 */
import picomatch from 'picomatch';
import type {
  Document,
  FilingRecord,
  FilingTargetRule,
  FilingTargetType,
  IssuerType,
  Jurisdiction,
  Level,
  RunSettings,
  WorkCalendar,
} from '../../types.js';
import { FILING_TARGET_TYPES } from '../../types.js';
import { addDays, addWorkdays, daysBetween } from '../../cn/periods.js';

/** The parameter holding the deadline (days after publication). */
export const FILING_DAYS_PARAM = 'filing.days';

export type FilingStatus = '已按期备案' | '逾期备案' | '未备案已逾期' | '未备案未到期' | '备案未记录' | '无需备案';

/** Every status, in the order summaries list them. */
export const FILING_STATUSES: readonly FilingStatus[] = ['已按期备案', '逾期备案', '未备案已逾期', '未备案未到期', '备案未记录', '无需备案'];

/** What a filing computation needs from the run: the date, the deadline, the calendar and config. */
export interface FilingEnv {
  asOf: string;
  /** Deadline length (params `filing.days`). */
  days: number;
  unit: 'days' | 'workdays';
  calendar: WorkCalendar;
  jurisdiction: Jurisdiction | null;
  /** Config `filing.targets`: the first entry whose issuer pattern matches replaces the default mapping. */
  targets: FilingTargetRule[];
}

/** Build a FilingEnv from what a run resolved (the check kind and the command both call this). */
export function filingEnv(input: {
  asOf: string;
  params: Record<string, number>;
  calendar: WorkCalendar;
  settings: RunSettings;
  unit?: 'days' | 'workdays';
}): FilingEnv {
  return {
    asOf: input.asOf,
    days: input.params[FILING_DAYS_PARAM] ?? 30,
    unit: input.unit ?? input.settings.filing.unit,
    calendar: input.calendar,
    jurisdiction: input.settings.jurisdiction,
    targets: input.settings.filing.targets,
  };
}

/** One body a document must be filed with. */
export interface FilingTarget {
  type: FilingTargetType;
  name: string;
  /** Named generically (no jurisdiction, or an issuer outside it): any entry naming a body of its sort matches. */
  generic: boolean;
}

/** One row of the filing ledger: a document and one target (or the document alone when no target applies). */
export interface Obligation {
  path: string;
  title: string;
  docNumber: string | null;
  /** The target body; null when the document has no target (无需备案, or targets unknown). */
  target: string | null;
  targetType: FilingTargetType | null;
  publishedOn: string | null;
  due: string | null;
  filedOn: string | null;
  status: FilingStatus;
  /** Calendar days after the due date: filed that late (逾期备案), or overdue as of the date (未备案已逾期). */
  daysLate: number | null;
  /** Calendar days from the date to the due date (未备案未到期); 0 on the due day itself. */
  daysLeft: number | null;
  reason: string | null;
  /** The 备案 entry that met the target (not in JSON; findings point at it). */
  entry: FilingRecord | null;
  /** A working-day deadline passed days outside the calendar's official years (weekends only). */
  uncovered: boolean;
}

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

export const GENERIC_NAMES: Readonly<Record<FilingTargetType, string>> = {
  npc: '本级人大常委会',
  superior: '上一级人民政府',
  government: '本级人民政府',
};

/** Administrative units a place name ends in, longest first. */
const UNIT = '(?:自治区|自治州|自治县|自治旗|地区|省|州|盟|市|县|区|旗|乡|镇)';
const BODY = '(?:人大常委会|人民政府)';
const ENDS_IN_PLACED_BODY = new RegExp(`${UNIT}${BODY}$`);
const STARTS_WITH_UNIT = new RegExp(`^${UNIT}`);
const ENDS_WITH_UNIT = new RegExp(`${UNIT}$`);

/**
 * A body's name normalised for comparison: spaces out; 人民代表大会常务委员会, 人大常务委员会 and
 * 人大常委 → 人大常委会; 政府 → 人民政府 (县政府 ⇔ 县人民政府).
 */
export function normaliseBody(name: string): string {
  return name
    .replace(/[\s\u3000]+/g, '')
    .replace(/人民代表大会常务委员会|人大常务委员会/g, '人大常委会')
    .replace(/人大常委(?!会)/g, '人大常委会')
    .replace(/(?<!人民)政府/g, '人民政府');
}

/** The unit a jurisdiction's name ends in (夹江县 → 县), or null. */
function unitOfName(name: string): string | null {
  const m = ENDS_WITH_UNIT.exec(name);
  return m ? m[0] : null;
}

/**
 * True when `issuer` belongs to the jurisdiction: its name starts with the jurisdiction's name
 * (夹江县教育局), its short name (夹江 for 夹江县), or the bare unit with no place (县教育局, 县政府).
 * A jurisdiction without a name takes every issuer as its own.
 */
export function belongsTo(issuer: string, j: Jurisdiction): boolean {
  if (!j.name) return true;
  const name = j.name.trim();
  const n = issuer.trim();
  if (n.startsWith(name)) return true;
  const unit = unitOfName(name);
  if (!unit) return false;
  const short = name.slice(0, name.length - unit.length);
  if (short.length >= 2 && n.startsWith(short)) return true;
  // A bare unit (县人民政府, 县教育局), not a word that starts with it (市场, 市政, 县级, 区域).
  return n.startsWith(unit) && /^(?:人民政府|政府|(?![场政容域级内外直属]))/.test(n.slice(unit.length));
}

/** The default name of a target type for an issuer inside (own) or outside the jurisdiction. */
function defaultTarget(type: FilingTargetType, j: Jurisdiction | null, own: boolean): FilingTarget {
  if (j && own) {
    const name =
      type === 'npc'
        ? (j.npcStandingCommittee ?? (j.name ? `${j.name}人大常委会` : null))
        : type === 'superior'
          ? (j.superior ?? null)
          : j.name
            ? `${j.name}人民政府`
            : null;
    if (name) return { type, name, generic: false };
  }
  return { type, name: GENERIC_NAMES[type], generic: true };
}

/**
 * True when a 备案 entry's body names the target: equal after normalising, or the same name with
 * the place left out (县人大常委会 for 夹江县人大常委会, 市政府 for 乐山市人民政府). A generic target is
 * met by any entry naming a 人大常委会 (npc) or a 人民政府 (superior, government).
 */
export function bodyMatches(body: string, target: FilingTarget): boolean {
  const b = normaliseBody(body);
  if (b === '') return false;
  if (target.generic) {
    if (target.type === 'npc') return b.includes('人大常委会');
    return b.includes('人民政府') && !b.includes('人大常委会');
  }
  const t = normaliseBody(target.name);
  if (b === t) return true;
  // The place left out: t ends with b, and what was left out is a whole place name.
  if (!t.endsWith(b) || !ENDS_IN_PLACED_BODY.test(b)) return false;
  const prefix = t.slice(0, t.length - b.length);
  return STARTS_WITH_UNIT.test(b) || ENDS_WITH_UNIT.test(prefix);
}

// ---------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------

const globCache = new Map<string, (s: string) => boolean>();
/** True when the issuer's name matches a glob of config (`*`, `?`, `{a,b}`). */
export function issuerMatches(issuer: string, globs: string[]): boolean {
  return globs.some((g) => {
    let m = globCache.get(g);
    if (!m) {
      m = picomatch(g, { dot: true, noextglob: true });
      globCache.set(g, m);
    }
    return m(issuer.trim());
  });
}

export type TargetsResult =
  | { kind: 'targets'; targets: FilingTarget[] }
  | { kind: 'none'; reason: string }
  | { kind: 'unknown'; reason: string };

/** Whom a published normative document of this issuer must be filed with (product.md §5.4). */
export function filingTargets(
  issuer: string | null,
  issuerType: IssuerType | null,
  level: Level | null,
  env: Pick<FilingEnv, 'jurisdiction' | 'targets'>,
): TargetsResult {
  const j = env.jurisdiction;
  const own = issuer !== null && j !== null && belongsTo(issuer, j);
  if (issuer) {
    const rule = env.targets.find((t) => issuerMatches(issuer, t.issuer));
    if (rule) {
      if (rule.to.length === 0) return { kind: 'none', reason: `配置 filing.targets 规定“${issuer}”的文件无需备案` };
      return {
        kind: 'targets',
        targets: rule.to.map((x) => (x.name ? { type: x.type, name: x.name, generic: false } : defaultTarget(x.type, j, own))),
      };
    }
  }
  if (!issuer) return { kind: 'unknown', reason: '制定机关不明，无法确定备案对象（可在字段“制定机关”中写明）' };
  if (!issuerType) return { kind: 'unknown', reason: `无法判断“${issuer}”是人民政府还是部门，无法确定备案对象（可在配置 filing.targets 中指定）` };
  if (level === '国家') return { kind: 'none', reason: '国务院及其部门的文件，不适用地方各级人民政府规范性文件的备案' };
  const types: FilingTargetType[] = issuerType === 'department' ? ['government'] : level === '乡' ? ['superior'] : ['npc', 'superior'];
  return { kind: 'targets', targets: types.map((t) => defaultTarget(t, j, own)) };
}

// ---------------------------------------------------------------------------
// Obligations
// ---------------------------------------------------------------------------

/** The due date: publication + N calendar days, or the N-th working day after publication. */
export function filingDue(publishedOn: string, env: Pick<FilingEnv, 'days' | 'unit' | 'calendar'>): { date: string; uncovered: boolean } {
  if (env.unit === 'workdays') return addWorkdays(publishedOn, env.days, env.calendar);
  return { date: addDays(publishedOn, env.days), uncovered: false };
}

const UNPUBLISHED_REASON: Record<string, string> = {
  草案: '尚未公布（草案）',
  送审稿: '尚未公布（送审稿）',
  已废止: '已废止',
  已失效: '已失效',
};

/** The filing rows of one document: one per target, or one for the document when no target applies. */
export function obligationsOf(doc: Document, env: FilingEnv): Obligation[] {
  const base = {
    path: doc.path,
    title: doc.title,
    docNumber: doc.docNumber?.raw ?? doc.docNumber?.value.raw ?? null,
    publishedOn: doc.publishedOn?.value ?? null,
  };
  const row = (o: Partial<Obligation> & Pick<Obligation, 'status'>): Obligation => ({
    ...base,
    target: null,
    targetType: null,
    due: null,
    filedOn: null,
    daysLate: null,
    daysLeft: null,
    reason: null,
    entry: null,
    uncovered: false,
    ...o,
  });

  if (doc.kind !== '行政规范性文件') {
    const reason =
      doc.kindSource === 'inferred'
        ? `未识别为行政规范性文件（推断为“${doc.kind}”；如是，请写明“类型: 行政规范性文件”）`
        : `不是行政规范性文件（类型为“${doc.kind}”）`;
    return [row({ status: '无需备案', reason })];
  }
  if (doc.status !== '已公布' && doc.status !== '已修改') {
    return [row({ status: '无需备案', reason: UNPUBLISHED_REASON[doc.status] ?? `状态为“${doc.status}”` })];
  }
  const found = filingTargets(doc.issuer, doc.issuerType, doc.level, env);
  if (found.kind === 'none') return [row({ status: '无需备案', reason: found.reason })];
  if (found.kind === 'unknown') return [row({ status: '备案未记录', reason: found.reason })];

  const published = doc.publishedOn?.value ?? null;
  const due = published ? filingDue(published, env) : null;
  return found.targets.map((target) => {
    const t = { target: target.name, targetType: target.type, due: due?.date ?? null, uncovered: due?.uncovered ?? false };
    if (!doc.fields.carriesRecords) {
      return row({ ...t, status: '备案未记录', reason: '文件不带记录（没有前置元数据或记录字段），无从知道是否已备案' });
    }
    const matching = (doc.fields.filings ?? []).filter((e) => bodyMatches(e.body, target));
    const dated = matching.filter((e) => e.filedOn !== null && e.filedOn <= env.asOf).sort((a, b) => (a.filedOn! < b.filedOn! ? -1 : a.filedOn! > b.filedOn! ? 1 : 0));
    const undated = matching.filter((e) => e.filedOn === null);
    const later = matching.filter((e) => e.filedOn !== null && e.filedOn > env.asOf);
    const first = dated[0];
    if (first) {
      const filedOn = first.filedOn!;
      if (!due) return row({ ...t, status: '已按期备案', filedOn, entry: first, reason: '缺少公布日期，未判断是否按期' });
      if (filedOn <= due.date) return row({ ...t, status: '已按期备案', filedOn, entry: first });
      return row({ ...t, status: '逾期备案', filedOn, entry: first, daysLate: daysBetween(due.date, filedOn) });
    }
    if (undated[0]) return row({ ...t, status: '已按期备案', entry: undated[0], reason: '报送日期未记录，未判断是否按期' });
    const laterNote = later[0] ? `${later[0].filedOn}的报送记录晚于基准日期，未计入` : null;
    if (!due) return row({ ...t, status: '备案未记录', reason: laterNote ?? '缺少公布日期，无法计算备案期限' });
    if (env.asOf > due.date) return row({ ...t, status: '未备案已逾期', daysLate: daysBetween(due.date, env.asOf), reason: laterNote });
    return row({ ...t, status: '未备案未到期', daysLeft: daysBetween(env.asOf, due.date), reason: laterNote });
  });
}

const TYPE_ORDER: Record<FilingTargetType, number> = Object.fromEntries(FILING_TARGET_TYPES.map((t, i) => [t, i])) as Record<FilingTargetType, number>;

function cmp(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Ledger order: due date (rows without one last), then path, target type, target name. */
export function compareObligations(a: Obligation, b: Obligation): number {
  return (
    cmp(a.due, b.due) ||
    cmp(a.path, b.path) ||
    (a.targetType === null ? 3 : TYPE_ORDER[a.targetType]) - (b.targetType === null ? 3 : TYPE_ORDER[b.targetType]) ||
    cmp(a.target, b.target)
  );
}

export interface FilingSummary {
  documents: number;
  obligations: number;
  byStatus: Record<FilingStatus, number>;
}

/** Counts by status (every status present, in FILING_STATUSES order) and the number of documents. */
export function summarizeObligations(rows: Obligation[]): FilingSummary {
  const byStatus = Object.fromEntries(FILING_STATUSES.map((s) => [s, 0])) as Record<FilingStatus, number>;
  for (const r of rows) byStatus[r.status]++;
  return { documents: new Set(rows.map((r) => r.path)).size, obligations: rows.length, byStatus };
}
