/** Synthetic check results for the audit tests: documents and findings built in a line each. */
import type { DocumentSummary, FileResult, Finding, LintResult, Severity } from '../../../src/types.js';

export const AS_OF = '2026-11-29';

export function summary(over: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    title: '夹江县城市绿化管理办法',
    docNumber: '夹府规〔2025〕3号',
    issuer: '夹江县人民政府',
    kind: '行政规范性文件',
    level: '县',
    status: '已公布',
    publishedOn: '2025-05-30',
    effectiveOn: '2025-07-01',
    validUntil: '2030-06-30',
    trial: false,
    ...over,
  };
}

export function finding(ruleId: string, over: Partial<Finding> = {}, severity: Severity = 'error'): Finding {
  return {
    ruleId,
    severity,
    message: `发现${ruleId}`,
    line: 3,
    column: 1,
    endLine: 3,
    endColumn: 2,
    basis: [],
    related: [],
    suppressed: null,
    ...over,
  };
}

export function file(path: string, doc: Partial<DocumentSummary> | null = {}, findings: Finding[] = []): FileResult {
  return { path, document: doc === null ? null : summary(doc), findings };
}

export function result(...files: FileResult[]): LintResult {
  return { asOf: AS_OF, files, notices: [] };
}
