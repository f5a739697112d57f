/**
 * `hefa audit` in a terminal (the default format): the counts, then one entry per document needing
 * action (recommendation first, so columns line up whatever the width of the Chinese title), then
 * the cross-document lists. Colour only when asked.
 */
import { Chalk } from 'chalk';
import type { AuditReport, AuditStatus } from '../reports/audit/classify.js';
import { AUDIT_STATUSES } from '../reports/audit/classify.js';
import { actionList, DISCLAIMER, documentName, statusText } from './audit-words.js';

/** Terminal columns of a string: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

/** Control characters (ESC above all) in a document string must not reach the terminal: shown as U+FFFD. */
const clean = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');

const pad = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

export function formatAuditTable(report: AuditReport, opts: { color: boolean }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const paintStatus: Record<AuditStatus | '无法读取', (s: string) => string> = {
    有效: c.green, 即将到期: c.yellow, 已到期: c.red, 已废止: c.gray, 未定有效期: c.cyan, 无法读取: c.red,
  };
  const paintAction: Record<string, (s: string) => string> = { 宣布失效: c.red.bold, 废止: c.red.bold, 修改: c.yellow.bold, 继续有效: c.green };
  const out: string[] = [];
  const total = report.documents.length;
  out.push(c.bold(`清理审查（截至 ${report.asOf}）：共 ${total} 件文件`) + (report.unreadable ? c.red(`，其中 ${report.unreadable} 件无法读取`) : ''));
  out.push('');
  out.push(`  状态  ${AUDIT_STATUSES.map((s) => `${paintStatus[s](s)} ${report.totals.byStatus[s]}`).join('  ')}`);
  const rec = report.byRecommendation;
  out.push(`  建议  ${(['继续有效', '修改', '废止', '宣布失效'] as const).map((r) => `${paintAction[r]!(r)} ${rec[r]}`).join('  ')}  ${c.dim(`不作建议 ${rec.不作建议}`)}`);
  out.push(c.dim(`        （只对行政规范性文件和其他文件提出建议；“即将到期”指 ${report.warnBeforeDays} 日内届满）`));
  out.push('');

  const actions = actionList(report.documents);
  const indent = ' '.repeat(2 + 8 + 2 + 10 + 2);
  out.push(c.bold(`需要处理的文件（${actions.length}）`));
  if (actions.length === 0) out.push(c.dim('  无'));
  for (const d of actions) {
    const status = statusText(d);
    out.push(`  ${paintAction[d.recommendation!]!(pad(d.recommendation!, 8))}  ${paintStatus[status as AuditStatus](pad(status, 10))}  ${clean(documentName(d))}`);
    out.push(`${indent}${c.dim(clean(d.path))}`);
    for (const r of d.reasons) out.push(`${indent}${clean(r)}`);
  }

  const { duplicateNumbers, repealedInForce, citesInvalid } = report.corpus;
  const unreadable = report.documents.filter((d) => d.status === null);
  if (unreadable.length) {
    out.push('', c.bold(`无法读取的文件（${unreadable.length}）`));
    for (const d of unreadable) out.push(`  ${clean(d.path)}  ${c.dim(clean(d.reasons.join('；')))}`);
  }
  out.push('', c.bold(`重复文号（${duplicateNumbers.length}）`));
  if (duplicateNumbers.length === 0) out.push(c.dim('  无'));
  for (const d of duplicateNumbers) out.push(clean(`  ${d.docNumber}  ${d.paths.join('、')}`));
  out.push('', c.bold(`已被本批文件废止但仍标注为有效（${repealedInForce.length}）`));
  if (repealedInForce.length === 0) out.push(c.dim('  无'));
  for (const r of repealedInForce) {
    out.push(`  ${clean(documentName(r))}  ${c.dim(clean(r.path))}`);
    out.push(clean(`    由 ${documentName({ title: r.repealedByTitle, path: r.repealedBy })}${r.line ? `（${r.repealedBy} 第${r.line}行）` : ''}废止`));
  }
  out.push('', c.bold(`引用本批中已废止或已到期文件的文件（${citesInvalid.length}）`));
  if (citesInvalid.length === 0) out.push(c.dim('  无'));
  for (const x of citesInvalid) {
    out.push(clean(`  ${x.path}:${x.line}  引用${x.targetStatus}的${documentName({ title: x.targetTitle, path: x.target })}`));
  }
  out.push('', c.dim(`注：${DISCLAIMER}`));
  return out.join('\n') + '\n';
}
