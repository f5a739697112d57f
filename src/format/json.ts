/**
 * The stable machine format of `hefa check` (product.md §4.1). Key order is fixed here, so the
 * output is byte-stable for the same input and --as-of.
 */
import type { Basis, Finding, LintResult, ShardData } from '../types.js';
import { summarize } from './summary.js';

export const SCHEMA_VERSION = 1;

/** Basis keys in the order of product.md §4.1: title, number, version, article, quote, confidence. */
function basisJson(b: Basis): Record<string, string> {
  const out: Record<string, string> = { title: b.title };
  for (const k of ['number', 'version', 'article', 'quote'] as const) if (b[k] !== undefined) out[k] = b[k]!;
  out.confidence = b.confidence;
  return out;
}

/** A finding in the key order of product.md §4.1 (shared with the audit JSON). */
export function findingJson(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    basis: f.basis.map(basisJson),
    related: f.related,
    suppressed: f.suppressed,
  };
  if (f.data) out.data = f.data;
  return out;
}

export function formatJson(result: LintResult, version: string): string {
  const files = result.files.map((file) => ({
    path: file.path,
    document: file.document,
    findings: file.findings.map(findingJson),
  }));
  const doc = {
    tool: 'hefa',
    version,
    schemaVersion: SCHEMA_VERSION,
    asOf: result.asOf,
    files,
    summary: summarize(result),
    // Only in a sharded run (hefa check --shard): what hefa merge needs; see ShardData.
    ...(result.shard ? { shard: shardJson(result.shard, files) } : {}),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** A shard's `shard` key; a file's unsuppressed findings only when they differ from the report's. */
function shardJson(shard: ShardData, files: { path: string; findings: Record<string, unknown>[] }[]): Record<string, unknown> {
  const shown = new Map(files.map((f) => [f.path, JSON.stringify(f.findings)]));
  return {
    ...shard,
    files: shard.files.map((f) => {
      const findings = f.findings.map(findingJson);
      return {
        path: f.path,
        corpus: f.corpus,
        ...(f.directives ? { directives: f.directives } : {}),
        ...(JSON.stringify(findings) !== shown.get(f.path) ? { findings } : {}),
      };
    }),
  };
}
