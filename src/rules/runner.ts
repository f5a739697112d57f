/**
 * The runner: for each enabled rule whose `when` holds, run its check kind and stamp every finding
 * with the rule's id, severity and basis. Check kinds only report; they never know the rule's id.
 */
import type { CheckKind, Document, Finding, LawTable, Pos, Related, ReportExtra, Rule, RunSettings, Severity, WorkCalendar } from '../types.js';
import { CHECK_KINDS } from '../checks/index.js';
import { whenHolds } from './when.js';
import { withDefaults } from './options.js';

export interface EnabledRule {
  rule: Rule;
  severity: Severity;
  /** Options after config overrides and defaults. */
  options: Record<string, unknown>;
  kind: CheckKind;
}

/** Resolve enabled rules once per run (or per override group), not per document. */
export function prepareRules(rules: Rule[], enabled: Map<string, { severity: Severity; options: Record<string, unknown> }>): EnabledRule[] {
  const out: EnabledRule[] = [];
  for (const rule of rules) {
    const setting = enabled.get(rule.id);
    if (!setting) continue;
    const kind = CHECK_KINDS.get(rule.kind)!;
    out.push({ rule, severity: setting.severity, options: withDefaults(kind, { ...rule.options, ...setting.options }), kind });
  }
  return out;
}

/** Fill {{name}} placeholders; an unknown placeholder is left visible rather than silently dropped. */
export function fillMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (all, k: string) => (k in data ? String(data[k]) : all));
}

export interface RunEnv {
  params: Record<string, number>;
  asOf: string;
  calendar: WorkCalendar;
  notices: Set<string>;
  /** Config some check kinds read (jurisdiction, filing targets). */
  settings: RunSettings;
  /** The law-status table (citation checks). */
  laws: LawTable;
}

/**
 * The report function of one rule: stamps id, severity and basis on what a check reports. A finding's
 * own severity (ReportExtra) applies only while the rule runs at its default severity: a severity set
 * in config or by a preset is the user's word for every finding of the rule.
 */
export function reporter(rule: Rule, severity: Severity, findings: Finding[]) {
  return (place: Pos, data: Record<string, string | number> = {}, messageId = 'default', related: Related[] = [], extra?: ReportExtra): void => {
    const template = rule.messages[messageId] ?? rule.messages.default ?? messageId;
    const finding: Finding = {
      ruleId: rule.id,
      severity: extra?.severity && severity === rule.severity ? extra.severity : severity,
      message: fillMessage(template, data),
      line: place.line,
      column: place.column,
      endLine: place.endLine,
      endColumn: place.endColumn,
      basis: extra?.basis?.length ? [...extra.basis, ...rule.basis] : rule.basis,
      related,
      suppressed: null,
    };
    if (extra?.data) finding.data = extra.data;
    findings.push(finding);
  };
}

/** Run the rules over one document; returns findings (unsorted). */
export function runRules(doc: Document, rules: EnabledRule[], env: RunEnv): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, severity, options, kind } of rules) {
    // Cross-document kinds run in the corpus phase (src/corpus/), after every file is summarised.
    if (kind.corpus) continue;
    if (kind.recordScope && !doc.fields.carriesRecords) continue;
    if (!whenHolds(rule.when, doc)) continue;
    kind.run({
      doc,
      rule,
      options,
      params: env.params,
      asOf: env.asOf,
      calendar: env.calendar,
      settings: env.settings,
      laws: env.laws,
      report: reporter(rule, severity, findings),
      notice(message) {
        env.notices.add(message);
      },
    });
  }
  return findings;
}

/** The order of findings in every output: path, line, column, rule id (then message for stability). */
export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
