/**
 * The cleanup audit (product.md §4.2): a check run's result, classified as of a date.
 *
 * Pure: LintResult + as-of + params → audit data; formatters (src/format/audit-*.ts) only print it.
 * Cross-document facts come from the corpus rules' findings and their `data` (rules.md §8):
 * corpus-duplicate-number {docNumber}, corpus-repealed-in-force {repealedBy}, corpus-cites-invalid
 * {target, targetStatus}; repealed laws from citation-repealed {law, successor, stoppedOn}.
 *
 * Every document gets a status; only documents a county cleans up (行政规范性文件 and 其他, once
 * published and not already repealed) get a recommendation: laws, regulations, rules and judicial
 * interpretations in an archive are not the county's to amend, and 重大行政决策 are decisions, not
 * documents in force.
 */
import { ENGINE_DIAGNOSTICS } from '../../config/resolve.js';
import type { DocKind, FileResult, Finding, LintResult, Status } from '../../types.js';
import { daysBetween } from '../../cn/periods.js';

export type AuditStatus = '有效' | '即将到期' | '已到期' | '已废止' | '未定有效期';
export const AUDIT_STATUSES: readonly AuditStatus[] = ['有效', '即将到期', '已到期', '已废止', '未定有效期'];

export type Recommendation = '继续有效' | '修改' | '废止' | '宣布失效';
export const RECOMMENDATIONS: readonly Recommendation[] = ['继续有效', '修改', '废止', '宣布失效'];

/** Kinds the cleanup recommends for; other kinds are classified but get no recommendation. */
export const RECOMMENDED_KINDS: readonly DocKind[] = ['行政规范性文件', '其他'];

/** Default of `validity.warnBeforeDays` (rules.md §5 validity-expiring). */
export const DEFAULT_WARN_BEFORE_DAYS = 180;

export interface RepealedCitation {
  law: string;
  line: number;
  successor: string | null;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface AuditDocument {
  path: string;
  /** Null for an input that could not be read (and for its other document values). */
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  kind: DocKind | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  validUntil: string | null;
  /** Null only for an input that could not be read. */
  status: AuditStatus | null;
  /** Null when the document is outside the cleanup's scope (see `reasons`). */
  recommendation: Recommendation | null;
  reasons: string[];
  repealedCitations: RepealedCitation[];
  counts: Counts;
  findings: Finding[];
  /** Days from the as-of date to the end date (negative once expired); null without an end date. Not in JSON. */
  daysLeft: number | null;
  /** True when the document is listed for action: any recommendation but 继续有效, or 即将到期. Not in JSON. */
  needsAction: boolean;
}

export interface DuplicateNumber {
  docNumber: string;
  paths: string[];
}

export interface RepealedInForce {
  path: string;
  title: string | null;
  /** The document whose repeal clause names it. */
  repealedBy: string;
  repealedByTitle: string | null;
  /** Line of the repeal clause in `repealedBy`, when the finding says. */
  line: number | null;
}

export interface CitesInvalid {
  path: string;
  title: string | null;
  /** Line of the citation. */
  line: number;
  target: string;
  targetTitle: string | null;
  targetStatus: string;
}

export interface AuditTotals {
  byStatus: Record<AuditStatus, number>;
  byKind: Record<string, number>;
  byIssuer: Record<string, number>;
  byYear: Record<string, number>;
}

export interface AuditReport {
  asOf: string;
  warnBeforeDays: number;
  documents: AuditDocument[];
  totals: AuditTotals;
  corpus: {
    duplicateNumbers: DuplicateNumber[];
    repealedInForce: RepealedInForce[];
    citesInvalid: CitesInvalid[];
  };
  /** Documents per recommendation, with `不作建议` for documents outside the scope. Not in JSON. */
  byRecommendation: Record<Recommendation | '不作建议', number>;
  /** Inputs that could not be read. Not in JSON (they are documents with a null status). */
  unreadable: number;
}

export interface ClassifyOptions {
  asOf: string;
  /** `validity.warnBeforeDays` from config params; default 180. */
  warnBeforeDays?: number;
  /**
   * Rules that judge the drafting office's procedure records (check kinds with `recordScope`:
   * requires-step, duration, order, deadline). Their findings never make a document 修改: amending
   * the text cannot mend a past procedure, and a missing filing is mended by filing it.
   */
  recordRules?: ReadonlySet<string>;
}

/** Key of totals for a document without an issuer or a 公布日期. */
export const UNKNOWN_ISSUER = '（未注明）';
export const UNKNOWN_YEAR = '未知';

/** Findings that describe the archive record or reading, not the document's legality: they never make a document 修改. */
const NOT_A_DEFECT = new Set([
  ...ENGINE_DIAGNOSTICS,
  // Handled by the status or listed apart for a person to check.
  'validity-expired',
  'validity-expiring',
  'corpus-repealed-in-force',
  'corpus-duplicate-number',
]);

const IN_FORCE: readonly Status[] = ['已公布', '已修改'];

const quoted = (t: string | null): string => (t ? (t.startsWith('《') ? t : `《${t}》`) : '');

/** The status of a validity period as of a date. */
export function validityStatus(validUntil: string | null, asOf: string, warnBeforeDays: number): AuditStatus {
  if (!validUntil) return '未定有效期';
  const left = daysBetween(asOf, validUntil);
  // The end date is the last day in force (product.md §5.2): on that day the document is still valid.
  if (left < 0) return '已到期';
  if (left <= warnBeforeDays) return '即将到期';
  return '有效';
}

/** Words for a corpus-cites-invalid target status, whatever language the rule writes it in. */
function statusWords(s: string): string {
  const map: Record<string, string> = { expired: '已到期', repealed: '已废止', invalid: '已失效' };
  return map[s] ?? s;
}

function lawReason(c: { law: string; successor: string | null; stoppedOn: string | null }): string {
  const why = c.successor ? `（已由${quoted(c.successor)}取代）` : c.stoppedOn ? `（已于${c.stoppedOn}停止施行）` : '';
  return `引用已废止的${quoted(c.law)}${why}`;
}

/** Classify a check run for the cleanup audit. */
export function classify(result: LintResult, options: ClassifyOptions): AuditReport {
  const asOf = options.asOf;
  const warnBeforeDays = options.warnBeforeDays ?? DEFAULT_WARN_BEFORE_DAYS;
  const titles = new Map(result.files.map((f) => [f.path, f.document?.title ?? null]));
  const recordRules = options.recordRules ?? new Set<string>();
  const documents = result.files.map((f) => classifyFile(f, asOf, warnBeforeDays, titles, recordRules));

  const byStatus = Object.fromEntries(AUDIT_STATUSES.map((s) => [s, 0])) as Record<AuditStatus, number>;
  const byRecommendation = { 继续有效: 0, 修改: 0, 废止: 0, 宣布失效: 0, 不作建议: 0 } as AuditReport['byRecommendation'];
  const kinds = new Map<string, number>();
  const issuers = new Map<string, number>();
  const years = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  let unreadable = 0;
  for (const d of documents) {
    if (d.status === null) {
      unreadable++;
      continue;
    }
    byStatus[d.status]++;
    byRecommendation[d.recommendation ?? '不作建议']++;
    bump(kinds, d.kind!);
    bump(issuers, d.issuer ?? UNKNOWN_ISSUER);
    bump(years, d.publishedOn ? d.publishedOn.slice(0, 4) : UNKNOWN_YEAR);
  }
  const KIND_ORDER = ['法律', '行政法规', '地方性法规', '规章', '司法解释', '行政规范性文件', '重大行政决策', '其他'];
  const byKind = Object.fromEntries([...kinds].sort((a, b) => KIND_ORDER.indexOf(a[0]) - KIND_ORDER.indexOf(b[0])));
  // Most documents first; ties by name (code points), so the order never depends on the input order.
  const byIssuer = Object.fromEntries([...issuers].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  // Year keys are integer-like, so JSON lists them ascending whatever the insertion order; 未知 comes last.
  const byYear = Object.fromEntries([...years].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));

  return {
    asOf,
    warnBeforeDays,
    documents,
    totals: { byStatus, byKind, byIssuer, byYear },
    corpus: corpusLists(result, titles),
    byRecommendation,
    unreadable,
  };
}

function countFindings(findings: Finding[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.suppressed) continue;
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return c;
}

function classifyFile(
  file: FileResult,
  asOf: string,
  warnBeforeDays: number,
  titles: Map<string, string | null>,
  recordRules: ReadonlySet<string>,
): AuditDocument {
  const live = file.findings.filter((f) => !f.suppressed);
  const counts = countFindings(file.findings);
  const doc = file.document;
  const repealedCitations: RepealedCitation[] = live
    .filter((f) => f.ruleId === 'citation-repealed' && f.data?.law)
    .map((f) => ({ law: f.data!.law!, line: f.line, successor: f.data!.successor || null }));
  if (!doc) {
    const why = live.find((f) => f.ruleId === 'read-error' || f.ruleId === 'internal-error');
    return {
      path: file.path, title: null, docNumber: null, issuer: null, kind: null,
      publishedOn: null, effectiveOn: null, validUntil: null,
      status: null, recommendation: null, reasons: [why ? `无法读取：${why.message}` : '无法读取'],
      repealedCitations, counts, findings: file.findings, daysLeft: null, needsAction: false,
    };
  }

  const repealedBy = live.filter((f) => f.ruleId === 'corpus-repealed-in-force');
  const markedRepealed = doc.status === '已废止' || doc.status === '已失效';
  const validity = validityStatus(doc.validUntil, asOf, warnBeforeDays);
  const status: AuditStatus = markedRepealed || repealedBy.length ? '已废止' : validity;
  const daysLeft = doc.validUntil ? daysBetween(asOf, doc.validUntil) : null;

  let recommendation: Recommendation | null = null;
  const reasons: string[] = [];
  if (!RECOMMENDED_KINDS.includes(doc.kind)) {
    reasons.push(`${doc.kind}不在规范性文件清理范围内，不作建议`);
  } else if (!IN_FORCE.includes(doc.status) && !markedRepealed) {
    reasons.push(`尚未公布（${doc.status}），不作建议`);
  } else if (markedRepealed) {
    reasons.push(`已标注为${doc.status}，无需清理`);
  } else {
    const expired = validity === '已到期';
    if (repealedBy.length || expired) {
      // Its effect has already ended (by another document's repeal clause or by its own term): the
      // cleanup declares it invalid and corrects the record, it does not repeal it a second time.
      recommendation = '宣布失效';
      for (const f of repealedBy) {
        const by = f.data?.repealedBy ?? f.related[0]?.path ?? '';
        reasons.push(`已被${quoted(titles.get(by) ?? null) || by}废止，但仍标注为有效`);
      }
      if (expired) reasons.push(`有效期至${doc.validUntil}`);
    } else {
      const amend = amendReasons(live, titles, recordRules);
      if (amend.length) {
        recommendation = '修改';
        reasons.push(...amend);
      } else {
        recommendation = '继续有效';
      }
      if (validity === '即将到期') reasons.push(`有效期至${doc.validUntil}，剩余${daysLeft}天，届满前应评估是否继续施行`);
    }
  }

  return {
    path: file.path,
    title: doc.title,
    docNumber: doc.docNumber,
    issuer: doc.issuer,
    kind: doc.kind,
    publishedOn: doc.publishedOn,
    effectiveOn: doc.effectiveOn,
    validUntil: doc.validUntil,
    status,
    recommendation,
    reasons,
    repealedCitations,
    counts,
    findings: file.findings,
    daysLeft,
    needsAction: recommendation !== null && (recommendation !== '继续有效' || status === '即将到期'),
  };
}

/** Why a document in force needs amending: repealed laws or invalid documents of the set it cites, and errors in its text. */
function amendReasons(findings: Finding[], titles: Map<string, string | null>, recordRules: ReadonlySet<string>): string[] {
  const reasons: string[] = [];
  const seen = new Set<string>();
  const once = (r: string): void => {
    if (!seen.has(r)) {
      seen.add(r);
      reasons.push(r);
    }
  };
  // One reason per repealed law, with the most the findings say about it (a successor, else the date).
  const laws = new Map<string, { law: string; successor: string | null; stoppedOn: string | null }>();
  for (const f of findings) {
    if (f.ruleId !== 'citation-repealed' || !f.data?.law) continue;
    const seen = laws.get(f.data.law) ?? { law: f.data.law, successor: null, stoppedOn: null };
    seen.successor ??= f.data.successor || null;
    seen.stoppedOn ??= f.data.stoppedOn || null;
    laws.set(f.data.law, seen);
  }
  for (const c of laws.values()) once(lawReason(c));
  for (const f of findings) {
    if (f.ruleId === 'corpus-cites-invalid' && f.data?.target) {
      const t = titles.get(f.data.target);
      once(`引用${statusWords(f.data.targetStatus ?? '已废止')}的${t ? quoted(t) : f.data.target}`);
    }
  }
  // Other errors, one reason per rule: its first message, with how many places.
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.severity !== 'error' || NOT_A_DEFECT.has(f.ruleId) || recordRules.has(f.ruleId)) continue;
    if (f.ruleId === 'citation-repealed' || f.ruleId === 'corpus-cites-invalid') continue;
    const list = byRule.get(f.ruleId) ?? [];
    list.push(f);
    byRule.set(f.ruleId, list);
  }
  for (const list of byRule.values()) {
    once(list.length > 1 ? `${list[0]!.message}（共${list.length}处）` : list[0]!.message);
  }
  return reasons;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The corpus lists of §4.2, from the corpus rules' findings. */
function corpusLists(result: LintResult, titles: Map<string, string | null>): AuditReport['corpus'] {
  const dup = new Map<string, Set<string>>();
  const repealedInForce: RepealedInForce[] = [];
  const citesInvalid: CitesInvalid[] = [];
  for (const file of result.files) {
    for (const f of file.findings) {
      if (f.suppressed) continue;
      if (f.ruleId === 'corpus-duplicate-number' && f.data?.docNumber) {
        const set = dup.get(f.data.docNumber) ?? new Set<string>();
        set.add(file.path);
        for (const r of f.related) set.add(r.path);
        dup.set(f.data.docNumber, set);
      } else if (f.ruleId === 'corpus-repealed-in-force') {
        const by = f.data?.repealedBy ?? f.related[0]?.path ?? '';
        const clause = f.related.find((r) => r.path === by) ?? f.related[0];
        repealedInForce.push({
          path: file.path,
          title: titles.get(file.path) ?? null,
          repealedBy: by,
          repealedByTitle: titles.get(by) ?? null,
          line: clause ? clause.line : null,
        });
      } else if (f.ruleId === 'corpus-cites-invalid' && f.data?.target) {
        citesInvalid.push({
          path: file.path,
          title: titles.get(file.path) ?? null,
          line: f.line,
          target: f.data.target,
          targetTitle: titles.get(f.data.target) ?? null,
          targetStatus: statusWords(f.data.targetStatus ?? ''),
        });
      }
    }
  }
  const duplicateNumbers = [...dup]
    .map(([docNumber, paths]) => ({ docNumber, paths: [...paths].sort(byText) }))
    .sort((a, b) => byText(a.docNumber, b.docNumber));
  repealedInForce.sort((a, b) => byText(a.path, b.path) || byText(a.repealedBy, b.repealedBy));
  citesInvalid.sort((a, b) => byText(a.path, b.path) || a.line - b.line || byText(a.target, b.target));
  return { duplicateNumbers, repealedInForce, citesInvalid };
}
