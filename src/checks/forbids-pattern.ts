/**
 * forbids-pattern: a forbidden wording in the text, reported with the matched text and its exact range.
 * Options: patterns (regexes), exceptions? (regexes tested on the same sentence: a sentence that
 * matches one, e.g. a restatement of a superior law, is not reported), scope (body|title|article).
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
    scope: { type: 'string', enum: ['body', 'title', 'article'], default: 'body' },
  },
  run(ctx) {
    const patterns = ctx.options.patterns as string[];
    const exceptions = ctx.options.exceptions as string[];
    const re = combine(patterns);
    const exception = exceptions.length ? combine(exceptions, '') : null;
    // A title stated only in the fields has no block in the text: test it where the field is.
    if (ctx.options.scope === 'title' && ctx.doc.text.titleBlock < 0) {
      const titlePos = ctx.doc.fields.pos['标题'];
      if (!titlePos) return;
      re.lastIndex = 0;
      const m = re.exec(ctx.doc.title);
      if (m && !(exception && exception.test(ctx.doc.title))) ctx.report(titlePos, { match: m[0] });
      return;
    }
    for (const s of scopeSentences(ctx.doc, ctx.options.scope as Scope)) {
      re.lastIndex = 0;
      let m = re.exec(s.text);
      if (!m || (exception && exception.test(s.text))) continue;
      for (; m; m = re.exec(s.text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const start = s.range.start + m.index;
        ctx.report(textPos(ctx.doc, { block: s.range.block, start, end: start + m[0].length }), { match: m[0] });
      }
    }
  },
};
