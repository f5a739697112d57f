/**
 * The stable machine format of `hefa filing` (product.md §4.3): keys in a fixed order, so the same
 * inputs, config and --as-of give the same bytes.
 */
import type { FilingReport } from '../commands/filing.js';

export const FILING_SCHEMA_VERSION = 1;

export function formatFilingJson(report: FilingReport): string {
  const doc = {
    tool: 'hefa',
    schemaVersion: FILING_SCHEMA_VERSION,
    asOf: report.asOf,
    obligations: report.obligations.map((o) => ({
      path: o.path,
      title: o.title,
      docNumber: o.docNumber,
      target: o.target,
      targetType: o.targetType,
      publishedOn: o.publishedOn,
      due: o.due,
      filedOn: o.filedOn,
      status: o.status,
      daysLate: o.daysLate,
      daysLeft: o.daysLeft,
      reason: o.reason,
    })),
    summary: {
      documents: report.summary.documents,
      obligations: report.summary.obligations,
      byStatus: report.summary.byStatus,
    },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
