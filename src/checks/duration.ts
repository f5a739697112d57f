/**
 * duration: the span between two recorded dates is too short or too long.
 * Spans count as Chinese law counts (product.md §5.2): `to − from` days, or the working days after
 * `from` up to and including `to`. Options: from, to (date paths), min?/max? (numbers) or
 * minParam?/maxParam? (a named parameter, so a number from practice stays configurable),
 * unit (days|workdays), excusedBy? (a field whose presence excuses a short span),
 * skipNegative? (a negative span is another rule's business).
 */
import type { CheckKind } from '../types.js';
import { daysBetween, workdaysBetween } from '../cn/periods.js';
import { dateAt, hasField } from './dates.js';

export const duration: CheckKind = {
  name: 'duration',
  summary: '两个日期之间的期间过短或过长',
  recordScope: true,
  options: {
    from: { type: 'string', required: true },
    to: { type: 'string', required: true },
    min: { type: 'number', integer: true, min: 0 },
    max: { type: 'number', integer: true, min: 0 },
    minParam: { type: 'string' },
    maxParam: { type: 'string' },
    unit: { type: 'string', enum: ['days', 'workdays'], default: 'days' },
    excusedBy: { type: 'string' },
    skipNegative: { type: 'boolean', default: false },
  },
  defaultMessages: {
    tooShort: '发现期间仅{{actual}}{{unitName}}（{{from}}至{{to}}）：应不少于{{limit}}{{unitName}}',
    tooLong: '发现期间长达{{actual}}{{unitName}}（{{from}}至{{to}}）：应不超过{{limit}}{{unitName}}',
    reversed: '发现“{{toName}}”（{{to}}）早于“{{fromName}}”（{{from}}）：应核对记录的日期',
  },
  validate(o) {
    const problems: [string, string][] = [];
    if (o.min === undefined && o.max === undefined && o.minParam === undefined && o.maxParam === undefined) {
      problems.push(['min', '至少需要 min、max、minParam、maxParam 之一']);
    }
    return problems;
  },
  run(ctx) {
    const o = ctx.options;
    const from = dateAt(ctx.doc, o.from as string);
    const to = dateAt(ctx.doc, o.to as string);
    if (!from || !to) return;
    // A reversed span is a recording error (or another rule's business, with skipNegative), not a short period.
    if (to.iso < from.iso) {
      if (!o.skipNegative) {
        ctx.report(to.pos, { from: from.iso, to: to.iso, fromName: o.from as string, toName: o.to as string }, 'reversed');
      }
      return;
    }
    const workdays = o.unit === 'workdays';
    let actual: number;
    if (workdays) {
      const r = workdaysBetween(from.iso, to.iso, ctx.calendar);
      if (r.uncovered) ctx.notice(`${from.iso}至${to.iso}超出内置工作日历的年份，按仅扣除周末计算工作日；可在配置 calendar 中补充`);
      actual = r.days;
    } else {
      actual = daysBetween(from.iso, to.iso);
    }
    const min = o.minParam !== undefined ? ctx.params[o.minParam as string] : (o.min as number | undefined);
    const max = o.maxParam !== undefined ? ctx.params[o.maxParam as string] : (o.max as number | undefined);
    const data = { from: from.iso, to: to.iso, actual, unitName: workdays ? '个工作日' : '日' };
    if (min !== undefined && actual < min) {
      if (o.excusedBy && hasField(ctx.doc, o.excusedBy as string)) return;
      ctx.report(to.pos, { ...data, limit: min }, 'tooShort');
    } else if (max !== undefined && actual > max) {
      ctx.report(to.pos, { ...data, limit: max }, 'tooLong');
    }
  },
};
