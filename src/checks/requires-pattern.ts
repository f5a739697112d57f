/**
 * requires-pattern: a required clause is missing from the text.
 * Options: pattern (regex), scope (body|title|article|first-article), fieldAlternative? (a field that
 * satisfies the requirement when present). Reported where the clause belongs: the first article for
 * first-article scope, the end of the text otherwise.
 */
import type { CheckKind, Pos } from '../types.js';
import { hasField, docPos } from './dates.js';
import { scopeSentences, textPos, type Scope } from './scope.js';

export const requiresPattern: CheckKind = {
  name: 'requires-pattern',
  summary: '正文缺少必需的条款',
  recordScope: false,
  options: {
    pattern: { type: 'regex', required: true },
    scope: { type: 'string', enum: ['body', 'title', 'article', 'first-article'], default: 'body' },
    fieldAlternative: { type: 'string' },
  },
  run(ctx) {
    const { doc } = ctx;
    if (ctx.options.fieldAlternative && hasField(doc, ctx.options.fieldAlternative as string)) return;
    const re = new RegExp(ctx.options.pattern as string);
    if (ctx.options.scope === 'title') {
      // The title as the document states it: the 标题 field, else the text's title; none → nothing to judge.
      const stated = typeof doc.fields.values['标题'] === 'string' ? doc.fields.pos['标题'] : doc.text.title?.pos;
      if (!stated || re.test(doc.title)) return;
      ctx.report(stated, { title: doc.title });
      return;
    }
    // A document without text (a bare record) has no clause to look for.
    if (doc.text.sentences.length === 0) return;
    const sentences = scopeSentences(doc, ctx.options.scope as Scope);
    if (sentences.some((s) => re.test(s.text))) return;
    let place: Pos;
    if (ctx.options.scope === 'first-article' && sentences.length > 0) {
      place = textPos(doc, sentences[0]!.range);
    } else {
      const last = doc.text.sentences[doc.text.sentences.length - 1];
      place = last ? textPos(doc, last.range) : docPos(doc);
    }
    ctx.report(place);
  },
};
