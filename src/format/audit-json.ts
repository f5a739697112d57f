/**
 * The stable machine format of `hefa audit` (product.md §4.2, schemaVersion 1). Every object is built
 * key by key here, so the key order is fixed and the output is byte-stable for the same input and --as-of.
 */
import type { AuditDocument, AuditReport } from '../reports/audit/classify.js';
import { findingJson, SCHEMA_VERSION } from './json.js';

function documentJson(d: AuditDocument): Record<string, unknown> {
  return {
    path: d.path,
    title: d.title,
    docNumber: d.docNumber,
    issuer: d.issuer,
    kind: d.kind,
    publishedOn: d.publishedOn,
    effectiveOn: d.effectiveOn,
    validUntil: d.validUntil,
    status: d.status,
    recommendation: d.recommendation,
    reasons: d.reasons,
    repealedCitations: d.repealedCitations.map((c) => ({ law: c.law, line: c.line, successor: c.successor })),
    counts: { errors: d.counts.errors, warnings: d.counts.warnings, infos: d.counts.infos },
    findings: d.findings.map(findingJson),
  };
}

export function formatAuditJson(report: AuditReport): string {
  const { totals, corpus } = report;
  const out = {
    tool: 'hefa',
    schemaVersion: SCHEMA_VERSION,
    asOf: report.asOf,
    documents: report.documents.map(documentJson),
    totals: { byStatus: totals.byStatus, byKind: totals.byKind, byIssuer: totals.byIssuer, byYear: totals.byYear },
    corpus: {
      duplicateNumbers: corpus.duplicateNumbers.map((d) => ({ docNumber: d.docNumber, paths: d.paths })),
      repealedInForce: corpus.repealedInForce.map((r) => ({
        path: r.path, title: r.title, repealedBy: r.repealedBy, repealedByTitle: r.repealedByTitle, line: r.line,
      })),
      citesInvalid: corpus.citesInvalid.map((c) => ({
        path: c.path, title: c.title, line: c.line, target: c.target, targetTitle: c.targetTitle, targetStatus: c.targetStatus,
      })),
    },
  };
  return JSON.stringify(out, null, 2) + '\n';
}
