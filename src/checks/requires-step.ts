/**
 * requires-step: a procedure record must be there, not `false`, and hold the required sub-fields.
 * Options: step (the record), fields? (sub-fields that must be present), alternatives? (other
 * records that satisfy the requirement, e.g. 听证 for 公众参与). `{不适用: 理由}` passes.
 */
import type { CheckKind } from '../types.js';
import { docPos } from './dates.js';

export const requiresStep: CheckKind = {
  name: 'requires-step',
  summary: '缺少程序记录，或记录为“否”，或缺少必需的子项',
  recordScope: true,
  options: {
    step: { type: 'string', required: true },
    fields: { type: 'string[]', default: [] },
    alternatives: { type: 'string[]', default: [] },
  },
  defaultMessages: {
    missing: '发现缺少“{{step}}”记录：应当履行{{step}}程序并记录',
    notDone: '发现“{{step}}”记录为未履行：应当履行{{step}}程序',
    missingField: '发现“{{step}}”记录缺少“{{field}}”：应当写明{{field}}',
  },
  run(ctx) {
    const { doc } = ctx;
    const step = ctx.options.step as string;
    const alternatives = ctx.options.alternatives as string[];
    const record = doc.fields.steps[step];
    if (!record) {
      const alt = alternatives.find((a) => doc.fields.steps[a] && doc.fields.steps[a]!.state !== 'not-done');
      if (!alt) ctx.report(docPos(doc), { step }, 'missing');
      return;
    }
    if (record.state === 'not-applicable') return;
    if (record.state === 'not-done') {
      const alt = alternatives.find((a) => doc.fields.steps[a] && doc.fields.steps[a]!.state !== 'not-done');
      if (!alt) ctx.report(record.pos, { step }, 'notDone');
      return;
    }
    for (const field of ctx.options.fields as string[]) {
      const v = record.fields[field];
      if (v === undefined || v === null || v === '') ctx.report(record.pos, { step, field }, 'missingField');
    }
  },
};
