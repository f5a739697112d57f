/**
 * The filing ledger for the terminal: one row per document and target, sorted by due date, in the
 * friendlier wording (未备案（已逾期 N 天）, 未备案（剩余 N 天）); the path and any reason on a second,
 * dimmed line; then counts by status and the deadline used. Columns are aligned by display width
 * (a Chinese character takes two cells). Colour only when asked.
 */
import { Chalk } from 'chalk';
import type { FilingReport } from '../commands/filing.js';
import type { FilingStatus } from '../reports/filing/obligations.js';
import { FILING_STATUSES } from '../reports/filing/obligations.js';
import { deadlineText, documentText, statusText } from './filing-wording.js';

/** Cells a string takes in a terminal: East Asian wide and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function formatFilingTable(report: FilingReport, opts: { color: boolean }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const paint: Record<FilingStatus, (s: string) => string> = {
    已按期备案: c.green,
    逾期备案: c.yellow,
    未备案已逾期: c.red,
    未备案未到期: c.cyan,
    备案未记录: c.magenta,
    无需备案: c.dim,
  };
  const out: string[] = [];
  const header = ['备案期限', '状态', '备案机关', '文件'];
  const rows = report.obligations.map((o) => [o.due ?? '—', statusText(o), o.target ?? '—', documentText(o)]);
  if (rows.length > 0) {
    const widths = [0, 1, 2].map((i) => Math.max(displayWidth(header[i]!), ...rows.map((r) => displayWidth(r[i]!))));
    const indent = widths.reduce((a, w) => a + w + 2, 0);
    out.push(c.bold(header.map((h, i) => (i < 3 ? pad(h, widths[i]!) : h)).join('  ')));
    report.obligations.forEach((o, k) => {
      const r = rows[k]!;
      out.push([pad(r[0]!, widths[0]!), paint[o.status](pad(r[1]!, widths[1]!)), pad(r[2]!, widths[2]!), r[3]].join('  '));
      out.push(' '.repeat(indent) + c.dim(o.reason ? `${o.path} · ${o.reason}` : o.path));
    });
    out.push('');
  }
  const s = report.summary;
  const counts = FILING_STATUSES.filter((st) => s.byStatus[st] > 0).map((st) => paint[st](`${st} ${s.byStatus[st]}`));
  out.push(`共 ${s.documents} 个文件、${s.obligations} 行${counts.length ? `：${counts.join('，')}` : ''}`);
  out.push(
    c.dim(
      `基准日期 ${report.asOf}；备案期限按${deadlineText(report.days, report.unit)}计算（参数 filing.days，实践做法，请按本省规定设置），期限当日报送为按期。`,
    ),
  );
  out.push(c.dim('注：hefa 只依据文件中记录的“备案”判断；没有记录的文件列为“备案未记录”，不代表未备案。'));
  return out.join('\n') + '\n';
}
