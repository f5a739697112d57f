/**
 * order: a step dated after a step it must precede. Options: before, after (lists of date paths);
 * every recorded date of `before` must be on or before every recorded date of `after`.
 */
import type { CheckKind } from '../types.js';
import { dateAt } from './dates.js';

export const order: CheckKind = {
  name: 'order',
  summary: '程序顺序颠倒：应在前的步骤日期晚于应在后的步骤',
  recordScope: true,
  options: {
    before: { type: 'string[]', required: true },
    after: { type: 'string[]', required: true },
  },
  defaultMessages: {
    default: '发现“{{before}}”（{{beforeDate}}）晚于“{{after}}”（{{afterDate}}）：{{before}}应在{{after}}之前',
  },
  run(ctx) {
    for (const b of ctx.options.before as string[]) {
      const bd = dateAt(ctx.doc, b);
      if (!bd) continue;
      for (const a of ctx.options.after as string[]) {
        const ad = dateAt(ctx.doc, a);
        if (!ad || bd.iso <= ad.iso) continue;
        ctx.report(bd.pos, { before: b, beforeDate: bd.iso, after: a, afterDate: ad.iso });
      }
    }
  },
};
