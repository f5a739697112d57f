/**
 * Engine diagnostics (rules.md §2): read-error, parse-error, meta-bad-date, meta-unknown-key,
 * meta-text-mismatch, internal-error (and directive-*, src/suppress/directives.ts). They carry no legal basis.
 */
import type { Finding, Pos, Severity } from '../types.js';

/** A finding of an engine diagnostic at a place: no basis, nothing related, not suppressed. */
export function diagnostic(ruleId: string, severity: Severity, message: string, pos: Pos): Finding {
  return {
    ruleId,
    severity,
    message,
    line: pos.line,
    column: pos.column,
    endLine: pos.endLine,
    endColumn: pos.endColumn,
    basis: [],
    related: [],
    suppressed: null,
  };
}
