/**
 * The filing ledger as CSV (备案台账) for Excel: UTF-8 with a BOM (so Excel reads it as UTF-8),
 * CRLF line ends, RFC 4180 quoting; a cell starting with = + - @ (or a tab or CR) is prefixed with '
 * so a spreadsheet never runs it as a formula. One row per document and target, as in JSON.
 */
import type { FilingReport } from '../commands/filing.js';

const HEADER = ['路径', '标题', '文号', '备案机关', '对象类型', '公布日期', '备案期限', '报送日期', '状态', '逾期天数', '剩余天数', '说明'];

/** One cell: formula-looking text defused, quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatFilingCsv(report: FilingReport): string {
  const rows = report.obligations.map((o) => [
    o.path,
    o.title,
    o.docNumber,
    o.target,
    o.targetType,
    o.publishedOn,
    o.due,
    o.filedOn,
    o.status,
    o.daysLate,
    o.daysLeft,
    o.reason,
  ]);
  return '\uFEFF' + [HEADER, ...rows].map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}
