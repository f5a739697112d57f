/**
 * forbids-pattern: a forbidden wording in the text, reported with the matched text and its exact range.
 * Options: patterns (regexes), exceptions? (regexes tested on the same sentence: a sentence that
 * matches one, e.g. a definition, is not reported), exceptionsBefore? (regexes that excuse only the
 * matches at or after the place where one of them starts in the same sentence: a restatement such as
 * “由××依照《……》第×条的规定，处……罚款” governs what follows it, while “处……罚款，依法给予处分”
 * still sets a fine), scope (body|title|article).
 */
import type { CheckKind } from '../types.js';
import { combine, scopeSentences, textPos, type Scope } from './scope.js';

export const forbidsPattern: CheckKind = {
  name: 'forbids-pattern',
  summary: '正文出现禁止的表述（启发式，需人工判断）',
  recordScope: false,
  options: {
    patterns: { type: 'string[]', required: true, regex: true },
    exceptions: { type: 'string[]', default: [], regex: true },
    exceptionsBefore: { type: 'string[]', default: [], regex: true },
    scope: { type: 'string', enum: ['body', 'title', 'article'], default: 'body' },
  },
  run(ctx) {
    const patterns = ctx.options.patterns as string[];
    const exceptions = ctx.options.exceptions as string[];
    const re = combine(patterns);
    const exception = exceptions.length ? combine(exceptions, '') : null;
    const before = (ctx.options.exceptionsBefore as string[]).length ? combine(ctx.options.exceptionsBefore as string[], '') : null;
    /** Where the first exceptionsBefore match starts in `text`, or Infinity. */
    const excusedFrom = (text: string): number => {
      const b = before ? before.exec(text) : null;
      return b ? b.index : Infinity;
    };
    // A title stated only in the fields has no block in the text: test it where the field is.
    if (ctx.options.scope === 'title' && ctx.doc.text.titleBlock < 0) {
      const titlePos = ctx.doc.fields.pos['标题'];
      if (!titlePos) return;
      re.lastIndex = 0;
      const m = re.exec(ctx.doc.title);
      if (m && !(exception && exception.test(ctx.doc.title)) && m.index < excusedFrom(ctx.doc.title)) ctx.report(titlePos, { match: m[0] });
      return;
    }
    for (const s of scopeSentences(ctx.doc, ctx.options.scope as Scope)) {
      re.lastIndex = 0;
      let m = re.exec(s.text);
      if (!m || (exception && exception.test(s.text))) continue;
      const from = excusedFrom(s.text);
      for (; m; m = re.exec(s.text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        if (m.index >= from) continue;
        const start = s.range.start + m.index;
        ctx.report(textPos(ctx.doc, { block: s.range.block, start, end: start + m[0].length }), { match: m[0] });
      }
    }
  },
};
