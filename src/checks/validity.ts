/**
 * validity: the document's validity period (rules.md §5). The end date is, in order: 有效期至 (field,
 * else text); 施行日期 (else 公布日期) + 有效期 − 1 day (product.md §5.2) — Document.validUntil.
 * Options: check —
 * - missing: no 有效期 and no 有效期至, in fields or text;
 * - too-long: start → end longer than `validity.maxYears`, or `validity.trialMaxYears` for a
 *   试行/暂行 document (a stated 有效期 without a start date is compared as a span);
 * - expired: the end date is before --as-of (the `when` leaves out documents marked 已废止/已失效);
 * - expiring: the end date is within `validity.warnBeforeDays` days from --as-of.
 * Finding.data: expired and expiring {validUntil: ISO}.
 */
import type { CheckContext, CheckKind, Document, Pos } from '../types.js';
import { daysBetween, validityEnd } from '../cn/periods.js';
import { docPos } from './dates.js';

export const validity: CheckKind = {
  name: 'validity',
  summary: '有效期缺失、过长、已届满或即将届满',
  recordScope: false,
  options: {
    check: { type: 'string', required: true, enum: ['missing', 'too-long', 'expired', 'expiring'] },
    maxParam: { type: 'string', default: 'validity.maxYears' },
    trialMaxParam: { type: 'string', default: 'validity.trialMaxYears' },
    warnParam: { type: 'string', default: 'validity.warnBeforeDays' },
  },
  defaultMessages: {
    missing: '发现文件没有写明有效期：行政规范性文件应当载明有效期（一般不超过{{maxYears}}年，试行、暂行的不超过{{trialMaxYears}}年）',
    tooLong: '发现有效期为{{span}}（{{from}}至{{until}}）：{{which}}有效期一般不超过{{limit}}年',
    tooLongUntil: '发现有效期自{{from}}至{{until}}，超过{{limit}}年：{{which}}有效期一般不超过{{limit}}年',
    tooLongSpan: '发现有效期为{{span}}：{{which}}有效期一般不超过{{limit}}年',
    expired: '发现有效期已于{{validUntil}}届满：应当宣布失效或废止，需要继续施行的应当评估后重新公布',
    expiring: '发现有效期将于{{validUntil}}届满（还有{{days}}日）：应当在届满前评估，决定继续施行、修改或者废止',
  },
  run(ctx) {
    switch (ctx.options.check) {
      case 'missing':
        return missing(ctx);
      case 'too-long':
        return tooLong(ctx);
      case 'expired':
      case 'expiring':
        return end(ctx, ctx.options.check);
    }
  },
};

function param(ctx: CheckContext, option: string, fallback: number): number {
  return ctx.params[ctx.options[option] as string] ?? fallback;
}

/** Where a missing validity belongs: the effective clause (or field) when there is one, else the title. */
function missingPos(doc: Document): Pos {
  return doc.effectiveOn?.pos ?? docPos(doc);
}

function missing(ctx: CheckContext): void {
  const { doc } = ctx;
  if (doc.validity || doc.validUntil || doc.fields.values['有效期'] !== undefined) return;
  ctx.report(missingPos(doc), { maxYears: param(ctx, 'maxParam', 5), trialMaxYears: param(ctx, 'trialMaxParam', 2) }, 'missing');
}

function spanText(v: { years?: number; months?: number }): string {
  return `${v.years ? `${v.years}年` : ''}${v.months ? `${v.months}个月` : ''}` || '0年';
}

function tooLong(ctx: CheckContext): void {
  const { doc } = ctx;
  const limit = doc.trial ? param(ctx, 'trialMaxParam', 2) : param(ctx, 'maxParam', 5);
  const which = doc.trial ? '试行、暂行的文件' : '';
  const start = doc.effectiveOn?.value ?? doc.publishedOn?.value ?? null;
  const until = doc.validUntil;
  if (start && until) {
    const capEnd = validityEnd(start, { years: limit });
    if (until.value <= capEnd) return;
    if (doc.validity) ctx.report(doc.validity.pos, { span: spanText(doc.validity.value), from: start, until: until.value, limit, which }, 'tooLong');
    else ctx.report(until.pos, { from: start, until: until.value, limit, which }, 'tooLongUntil');
    return;
  }
  // A stated period without a start date: compare the period itself.
  if (doc.validity && !until) {
    const v = doc.validity.value;
    if ((v.years ?? 0) * 12 + (v.months ?? 0) <= limit * 12) return;
    ctx.report(doc.validity.pos, { span: spanText(v), limit, which }, 'tooLongSpan');
  }
}

function end(ctx: CheckContext, check: 'expired' | 'expiring'): void {
  const { doc, asOf } = ctx;
  const until = doc.validUntil;
  if (!until) return;
  if (check === 'expired') {
    if (doc.status === '已废止' || doc.status === '已失效') return;
    if (until.value < asOf) ctx.report(until.pos, { validUntil: until.value }, 'expired', [], { data: { validUntil: until.value } });
    return;
  }
  const days = daysBetween(asOf, until.value);
  if (days >= 0 && days <= param(ctx, 'warnParam', 180)) {
    ctx.report(until.pos, { validUntil: until.value, days }, 'expiring', [], { data: { validUntil: until.value } });
  }
}
