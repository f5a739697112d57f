/**
 * `hefa filing`: the filing ledger (product.md §4.3). Discover and read the inputs as `check` does,
 * build each Document, and list its obligations with the functions the `deadline` check kind uses.
 * Returns data and prints nothing; the CLI picks the formatter and the exit code.
 */
import { relative, resolve } from 'node:path';
import { readOptions, type Session } from '../lint.js';
import { settingsForFile } from '../config/index.js';
import { discover } from '../input/discover.js';
import { readInputSync, type ReadResult } from '../input/read.js';
import { buildDocument } from '../document/build.js';
import { loadMarkdownParser } from '../document/markdown.js';
import {
  compareObligations,
  filingEnv,
  obligationsOf,
  summarizeObligations,
  type FilingStatus,
  type FilingSummary,
  type Obligation,
} from '../reports/filing/obligations.js';

export interface FilingProblem {
  path: string;
  message: string;
}

export interface FilingReport {
  asOf: string;
  /** The deadline used: params `filing.days` and config `filing.unit`. */
  days: number;
  unit: 'days' | 'workdays';
  obligations: Obligation[];
  summary: FilingSummary;
  /** Inputs that could not be read (exit 1). */
  readErrors: FilingProblem[];
  /** Inputs hefa failed on (exit 2). */
  internalErrors: FilingProblem[];
  /** Run-level notices (stderr). */
  notices: string[];
}

/** Statuses that need someone's attention: --quiet shows only these. */
export const OPEN_STATUSES: readonly FilingStatus[] = ['未备案已逾期', '未备案未到期', '备案未记录'];

/** Statuses at or above a --fail-on level: the severities of the filing rules (rules.md §7). */
export const FAILING_STATUSES: Readonly<Record<'error' | 'warning' | 'info', readonly FilingStatus[]>> = {
  error: ['未备案已逾期'],
  warning: ['未备案已逾期', '逾期备案'],
  info: ['未备案已逾期', '逾期备案', '未备案未到期'],
};

/** The obligations of every input, sorted by due date, path and target. */
export async function filingReport(paths: string[], session: Session, stdin?: { text: ReadResult; filename: string }): Promise<FilingReport> {
  await loadMarkdownParser();
  const files = await discover(paths.filter((p) => p !== '-'), {
    cwd: session.cwd,
    ignore: session.config.ignore,
    ignoreBase: session.config.dir,
    cliIgnore: session.options.ignore ?? [],
  });
  const env = filingEnv({ asOf: session.asOf, params: session.config.params, calendar: session.env.calendar, settings: session.env.settings });
  const inputs: { path: string; read: () => Promise<ReadResult> }[] = files.map((file) => ({
    path: relative(session.cwd, file).split('\\').join('/'),
    // Synchronous, as in lint(): thousands of awaited reads would leave the thread waiting between them.
    read: async () => readInputSync(file, readOptions(session)),
  }));
  if (stdin) inputs.push({ path: stdin.filename, read: async () => stdin.text });

  const obligations: Obligation[] = [];
  const readErrors: FilingProblem[] = [];
  const internalErrors: FilingProblem[] = [];
  const notices = new Set<string>();
  for (const input of inputs) {
    const read = await input.read();
    if (!read.ok) {
      readErrors.push({ path: input.path, message: read.message });
      continue;
    }
    try {
      const forced = session.options.kind ?? settingsForFile(session.config, resolve(session.cwd, input.path), session.rules).kind;
      const doc = buildDocument(input.path, read.text, {
        forcedKind: forced,
        kindSource: session.options.kind ? 'option' : forced ? 'config' : undefined,
        cwd: session.cwd,
        read: readOptions(session),
      });
      for (const row of obligationsOf(doc, env)) {
        if (row.uncovered) notices.add('有备案期限超出内置工作日历的年份，按仅扣除周末计算工作日；可在配置 calendar 中补充');
        obligations.push(row);
      }
    } catch (e) {
      internalErrors.push({ path: input.path, message: (e as Error)?.message ?? String(e) });
    }
  }
  obligations.sort(compareObligations);
  readErrors.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    asOf: session.asOf,
    days: env.days,
    unit: env.unit,
    obligations,
    summary: summarizeObligations(obligations),
    readErrors,
    internalErrors,
    notices: [...notices].sort(),
  };
}

/** The report with only the rows a --quiet run shows (the summary counts those rows). */
export function quietReport(report: FilingReport): FilingReport {
  const obligations = report.obligations.filter((o) => OPEN_STATUSES.includes(o.status));
  return { ...report, obligations, summary: summarizeObligations(obligations) };
}

/** Exit code of a filing run (product.md §3.1): 2 internal error, 1 unreadable input or a status at --fail-on, else 0. */
export function filingExitCode(report: FilingReport, failOn?: 'error' | 'warning' | 'info'): number {
  if (report.internalErrors.length) return 2;
  if (report.readErrors.length) return 1;
  if (failOn && report.obligations.some((o) => FAILING_STATUSES[failOn].includes(o.status))) return 1;
  return 0;
}
