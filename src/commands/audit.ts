/**
 * `hefa audit`: a cleanup audit of a set of documents as of a date (product.md §1, §4.2).
 * The CLI runs the check pipeline, this module classifies and renders; it prints nothing itself.
 */
import type { LintResult, Severity } from '../types.js';
import type { Session } from '../lint.js';
import { CHECK_KINDS } from '../checks/index.js';
import { classify, DEFAULT_WARN_BEFORE_DAYS, type AuditReport } from '../reports/audit/classify.js';

export const AUDIT_FORMATS = ['table', 'json', 'csv', 'html'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  version: string;
  jurisdiction?: string | null;
}

/** The audit of a check run, with `validity.warnBeforeDays` from the config's params. */
export function auditResult(result: LintResult, session: Pick<Session, 'config' | 'rules'>): AuditReport {
  const recordRules = new Set(session.rules.filter((r) => CHECK_KINDS.get(r.kind)?.recordScope).map((r) => r.id));
  const warnBeforeDays = session.config.params['validity.warnBeforeDays'] ?? DEFAULT_WARN_BEFORE_DAYS;
  return classify(result, { asOf: result.asOf, warnBeforeDays, recordRules });
}

/** The report in a format; each formatter is loaded only when asked for. */
export async function renderAudit(report: AuditReport, format: AuditFormat, opts: RenderOptions): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../format/audit-json.js')).formatAuditJson(report);
    case 'csv':
      return (await import('../format/audit-csv.js')).formatAuditCsv(report);
    case 'html':
      return (await import('../format/audit-html.js')).formatAuditHtml(report, { version: opts.version, jurisdiction: opts.jurisdiction });
    default:
      return (await import('../format/audit-table.js')).formatAuditTable(report, { color: opts.color });
  }
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * Exit code of an audit (product.md §3.1): audit reports and does not fail: 0 when every input was
 * read, 1 when one could not be, 2 on an internal error; with `failOn`, also 1 when a finding reaches it.
 */
export function auditExitCode(result: LintResult, failOn?: Severity): number {
  let code = 0;
  for (const file of result.files) {
    for (const f of file.findings) {
      if (f.suppressed) continue;
      if (f.ruleId === 'internal-error') return 2;
      if (f.ruleId === 'read-error' || (failOn && RANK[f.severity] >= RANK[failOn])) code = 1;
    }
  }
  return code;
}

export interface Progress {
  /** Called after each file; draws at most every `intervalMs`, and only once the run has lasted `delayMs`. */
  update(done: number, total: number): void;
  /** Clears the line, if anything was drawn. */
  end(): void;
}

/**
 * A progress line on a terminal (`已检查 1200/5458 个文件`), redrawn in place. Short runs never draw it
 * (nothing before `delayMs`), and it is redrawn at most ten times a second.
 */
export function createProgress(write: (s: string) => void, now: () => number = Date.now, delayMs = 300, intervalMs = 100): Progress {
  const start = now();
  let last = -Infinity;
  let drawn = false;
  return {
    update(done, total) {
      const t = now();
      if (t - start < delayMs || t - last < intervalMs || done >= total) return;
      last = t;
      drawn = true;
      write(`\r\x1b[2K已检查 ${done}/${total} 个文件`);
    },
    end() {
      if (drawn) write('\r\x1b[2K');
      drawn = false;
    },
  };
}
