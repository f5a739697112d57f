/**
 * deadline: filing obligations against --as-of (rules.md §1, §7), computed by the same functions as
 * `hefa filing` (src/reports/filing/obligations.ts), so a finding and a ledger row always agree.
 * Options: target (target types the rule covers: npc, superior, government; default all), check
 * (overdue: not filed and the deadline passed; late: filed after the deadline; pending: not filed,
 * deadline not yet passed), unit (days|workdays; default config `filing.unit`). One finding per
 * target. The deadline is the parameter `filing.days` after publication.
 */
import type { CheckKind, FilingTargetType, Pos } from '../types.js';
import { FILING_TARGET_TYPES } from '../types.js';
import { filingEnv, obligationsOf, type FilingStatus, type Obligation } from '../reports/filing/obligations.js';
import { docPos } from './dates.js';

const STATUS_OF_CHECK: Record<string, FilingStatus> = {
  overdue: '未备案已逾期',
  late: '逾期备案',
  pending: '未备案未到期',
};

export const deadline: CheckKind = {
  name: 'deadline',
  summary: '备案期限：逾期未备案、逾期备案、尚未到期的备案',
  recordScope: true,
  options: {
    target: { type: 'string[]', default: [...FILING_TARGET_TYPES] },
    check: { type: 'string', required: true, enum: ['overdue', 'late', 'pending'] },
    unit: { type: 'string', enum: ['days', 'workdays'] },
  },
  defaultMessages: {
    overdue: '发现未向{{target}}报送备案，已逾期{{daysLate}}日（{{publishedOn}}公布，期限至{{due}}）：应当自公布之日起{{limit}}{{unitName}}内报送{{target}}备案',
    late: '发现向{{target}}报送备案逾期{{daysLate}}日（{{filedOn}}报送，期限至{{due}}）：应当自公布之日起{{limit}}{{unitName}}内报送备案',
    pending: '发现尚未向{{target}}报送备案，剩余{{daysLeft}}日（期限至{{due}}）：应当在期限内报送{{target}}备案',
  },
  validate(o) {
    const bad = ((o.target as string[] | undefined) ?? []).filter((t) => !FILING_TARGET_TYPES.includes(t as FilingTargetType));
    return bad.length ? [['target', `选项“target”无效：${bad.join('、')} 不是备案对象类型；应为 ${FILING_TARGET_TYPES.join('、')} 的列表`]] : [];
  },
  run(ctx) {
    const { doc } = ctx;
    const o = ctx.options;
    const env = filingEnv({ ...ctx, unit: o.unit as 'days' | 'workdays' | undefined });
    const status = STATUS_OF_CHECK[o.check as string]!;
    const targets = o.target as string[];
    for (const row of obligationsOf(doc, env)) {
      if (row.status !== status || row.targetType === null || !targets.includes(row.targetType)) continue;
      if (row.uncovered) ctx.notice(`${row.publishedOn}起的备案期限超出内置工作日历的年份，按仅扣除周末计算工作日；可在配置 calendar 中补充`);
      ctx.report(placeOf(doc, row), {
        target: row.target ?? '',
        due: row.due ?? '',
        publishedOn: row.publishedOn ?? '',
        filedOn: row.filedOn ?? '',
        daysLate: row.daysLate ?? 0,
        daysLeft: row.daysLeft ?? 0,
        limit: env.days,
        unitName: env.unit === 'workdays' ? '个工作日' : '日',
      }, o.check as string);
    }
  },
};

/** A late filing points at its entry; a missing one at the 备案 field, else the publication date, else the title. */
function placeOf(doc: Parameters<CheckKind['run']>[0]['doc'], row: Obligation): Pos {
  if (row.entry) return row.entry.pos;
  return doc.fields.pos['备案'] ?? doc.fields.pos['公布.日期'] ?? doc.publishedOn?.pos ?? docPos(doc);
}
