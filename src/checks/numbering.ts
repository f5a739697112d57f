/**
 * numbering: gaps, duplicates and disorder in 第X条 / 第X章 / 第X节. Articles run through the whole
 * text; sections start at 一 within each chapter. A sequence that restarts at 一 begins a new text
 * (an attachment or an embedded instrument), not an error.
 */
import type { CheckContext, CheckKind } from '../types.js';
import { formatChineseNumber } from '../cn/numerals.js';
import { textPos } from './scope.js';

export const numbering: CheckKind = {
  name: 'numbering',
  summary: '条、章、节的序号不连续、重复或顺序颠倒',
  recordScope: false,
  options: {
    units: { type: 'string[]', required: true },
  },
  validate(o) {
    const bad = (o.units as string[]).filter((u) => !['article', 'chapter', 'section'].includes(u));
    return bad.length ? [['units', `units 的取值无效：${bad.join('、')}；应为 article、chapter、section`]] : [];
  },
  defaultMessages: {
    gap: '发现“{{label}}”前缺少第{{expected}}{{unitName}}：{{unitName}}的序号应当依次表述',
    duplicate: '发现“{{label}}”重复：{{unitName}}的序号应当依次表述，不得重复',
    disorder: '发现“{{label}}”排在第{{previous}}{{unitName}}之后：{{unitName}}的序号应当依次表述',
  },
  run(ctx) {
    for (const unit of ctx.options.units as ('article' | 'chapter' | 'section')[]) checkUnit(ctx, unit);
  },
};

function checkUnit(ctx: CheckContext, unit: 'article' | 'chapter' | 'section'): void {
  {
    const unitName = unit === 'article' ? '条' : unit === 'chapter' ? '章' : '节';
    const items =
      unit === 'article'
        ? ctx.doc.text.articles.map((a) => ({ n: a.number, label: a.label, range: a.range, group: 0 }))
        : ctx.doc.text.headings
            .filter((h) => h.unit === unit)
            .map((h) => ({ n: h.number, label: h.label, range: h.range, group: unit === 'section' ? h.parent : 0 }));
    let prev = 0;
    let group = -1;
    for (const it of items) {
      if (it.group !== group) {
        group = it.group;
        prev = 0;
      }
      const pos = textPos(ctx.doc, it.range);
      if (it.n === prev + 1 || (it.n === 1 && prev > 1)) {
        // in order, or a new sequence
      } else if (it.n === prev) {
        ctx.report(pos, { label: it.label, unitName }, 'duplicate');
      } else if (it.n < prev) {
        ctx.report(pos, { label: it.label, previous: formatChineseNumber(prev), unitName }, 'disorder');
      } else {
        ctx.report(pos, { label: it.label, expected: formatChineseNumber(prev + 1), unitName }, 'gap');
      }
      prev = Math.max(prev, it.n);
      if (it.n === 1) prev = 1;
    }
  }
}
