/**
 * `hefa audit --format csv`: one row per document, Chinese headers, for Excel and WPS.
 * UTF-8 with a BOM (Excel otherwise reads it as the local code page), CRLF, RFC 4180 quoting.
 * A cell starting with = + - @ (or a tab or carriage return) gets a leading ' so a spreadsheet
 * never runs it as a formula (OWASP "CSV injection").
 */
import type { AuditDocument, AuditReport } from '../reports/audit/classify.js';
import { repealedCitationText } from './audit-words.js';

export const CSV_HEADERS = [
  '路径', '标题', '文号', '制定机关', '类型', '公布日期', '施行日期', '有效期至',
  '状态', '建议', '理由', '引用已废止的法律', '错误', '警告', '提示',
] as const;

/** One CSV cell: neutralised against formulas, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function row(d: AuditDocument): (string | number | null)[] {
  return [
    d.path, d.title, d.docNumber, d.issuer, d.kind, d.publishedOn, d.effectiveOn, d.validUntil,
    d.status ?? '无法读取', d.recommendation ?? '不作建议', d.reasons.join('；'),
    d.repealedCitations.map(repealedCitationText).join('；'),
    d.counts.errors, d.counts.warnings, d.counts.infos,
  ];
}

export function formatAuditCsv(report: AuditReport): string {
  const lines = [CSV_HEADERS.map(csvCell).join(','), ...report.documents.map((d) => row(d).map(csvCell).join(','))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
