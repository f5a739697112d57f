/**
 * corpus: cross-document problems within one run's set of files (rules.md §8). Runs in the corpus
 * phase over summaries (src/corpus/), never per file. Options: check —
 * - duplicate-number: two documents of the set carry the same 文号; a finding on each, `related`
 *   pointing at the others (only documents the rule's `when` holds for count);
 * - repealed-in-force: a document another document of the set declares repealed (…同时废止), in
 *   effect as of --as-of, is not marked 已废止/已失效; the finding is on the repealed document;
 * - cites-invalid: a document that still applies cites (by title or 文号) a document of the set that
 *   is repealed, lapsed or expired; traps (rules.md §6) and the repeal clause itself are not citations.
 * Finding.data (the contract `hefa audit` reads): duplicate-number {docNumber}; repealed-in-force
 * {repealedBy: path}; cites-invalid {target: path, targetStatus: 已废止|已失效|已到期}.
 */
import type { CheckKind, CorpusCheckContext, CorpusSummary } from '../types.js';

export const corpus: CheckKind = {
  name: 'corpus',
  summary: '文件集中的跨文件问题：文号重复、已被废止仍标为有效、引用已废止或已到期的文件',
  recordScope: false,
  options: {
    check: { type: 'string', required: true, enum: ['duplicate-number', 'repealed-in-force', 'cites-invalid'] },
  },
  defaultMessages: {
    duplicate: '发现文号“{{docNumber}}”与文件集中另外{{count}}份文件相同（{{others}}）：同一文号只能用于一份文件',
    sameTitle: '发现文号“{{docNumber}}”与文件集中另外{{count}}份同名文件相同（{{others}}）：可能是同一文件的重复副本，应只保留一份',
    repealedInForce: '发现本文件已被《{{by}}》（{{byPath}}）宣布废止，却未标注为已废止：应将状态改为“已废止”并停止执行',
    citesInvalid: '发现引用{{state}}的《{{title}}》（{{target}}）：应改为引用现行有效的文件，或删除该引用',
  },
  run() {
    // Cross-document: everything happens in corpus().
  },
  corpus(ctx) {
    switch (ctx.options.check) {
      case 'duplicate-number':
        return duplicateNumber(ctx);
      case 'repealed-in-force':
        return repealedInForce(ctx);
      case 'cites-invalid':
        return citesInvalid(ctx);
    }
  },
};

const rel = (d: CorpusSummary, line = d.pos.line, column = d.pos.column, message?: string) =>
  message ? { path: d.path, line, column, message } : { path: d.path, line, column };

function duplicateNumber(ctx: CorpusCheckContext): void {
  const { self, corpus, rule } = ctx;
  if (!self.docNumber) return;
  const peers = corpus.byNumber(self.docNumber.key).filter((d) => d !== self && d.applies.includes(rule.id));
  if (peers.length === 0) return;
  const sameTitle = peers.every((d) => d.titleKeys.some((k) => self.titleKeys.includes(k)));
  ctx.report(
    self.docNumber.pos,
    { docNumber: self.docNumber.raw, count: peers.length, others: peers.map((d) => d.path).join('、') },
    sameTitle ? 'sameTitle' : 'duplicate',
    peers.map((d) => rel(d, d.docNumber!.pos.line, d.docNumber!.pos.column, `同一文号：《${d.title}》`)),
    { data: { docNumber: self.docNumber.key } },
  );
}

function repealedInForce(ctx: CorpusCheckContext): void {
  const { self, corpus } = ctx;
  if (self.status === '已废止' || self.status === '已失效') return;
  const by = corpus.stateOf(self).repealedBy;
  if (!by) return;
  ctx.report(
    self.pos,
    { by: by.doc.title, byPath: by.doc.path },
    'repealedInForce',
    [rel(by.doc, by.repeal.pos.line, by.repeal.pos.column, '废止条款')],
    { data: { repealedBy: by.doc.path } },
  );
}

function citesInvalid(ctx: CorpusCheckContext): void {
  const { self, corpus } = ctx;
  // A document that has itself stopped applying needs no revision.
  if (corpus.stateOf(self).state !== '有效') return;
  const seen = new Set<string>();
  for (const ref of self.refs) {
    if (ref.trap) continue;
    // A 文号 identifies the version; the title alone may name several versions of the set.
    const found = ref.number ? corpus.byNumber(ref.number) : ref.title ? corpus.byTitle(ref.title) : [];
    const targets = found.filter((d) => d !== self);
    if (targets.length === 0) continue;
    // Cited by title and some version still applies: the reference means that one.
    if (targets.some((d) => corpus.stateOf(d).state === '有效')) continue;
    const target = targets[0]!;
    const state = corpus.stateOf(target);
    // The document that repealed the target (or another copy of it) speaks of it as repealed, not as law.
    const by = state.repealedBy?.doc;
    if (by && (by === self || by.titleKeys.some((k) => self.titleKeys.includes(k)))) continue;
    const at = `${ref.pos.line}:${ref.pos.column}`;
    if (seen.has(at)) continue;
    seen.add(at);
    ctx.report(
      ref.pos,
      { state: state.state, title: target.title, target: target.path },
      'citesInvalid',
      [rel(target)],
      { data: { target: target.path, targetStatus: state.state } },
    );
  }
}
