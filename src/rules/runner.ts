/**
 * The runner: for each enabled rule whose `when` holds, run its check kind and stamp every finding
 * with the rule's id, severity and basis. Check kinds only report; they never know the rule's id.
 */
import type { CheckKind, Document, Finding, Pos, Related, Rule, Severity, WorkCalendar } from '../types.js';
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
}

/** Run the rules over one document; returns findings (unsorted). */
export function runRules(doc: Document, rules: EnabledRule[], env: RunEnv): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, severity, options, kind } of rules) {
    if (kind.recordScope && !doc.fields.carriesRecords) continue;
    if (!whenHolds(rule.when, doc)) continue;
    kind.run({
      doc,
      rule,
      options,
      params: env.params,
      asOf: env.asOf,
      calendar: env.calendar,
      report(place: Pos, data = {}, messageId = 'default', related: Related[] = []) {
        const template = rule.messages[messageId] ?? rule.messages.default ?? messageId;
        findings.push({
          ruleId: rule.id,
          severity,
          message: fillMessage(template, data),
          line: place.line,
          column: place.column,
          endLine: place.endLine,
          endColumn: place.endColumn,
          basis: rule.basis,
          related,
          suppressed: null,
        });
      },
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
