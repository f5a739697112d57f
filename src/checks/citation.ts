/**
 * citation: citations 《…》 checked against the law-status table (rules.md §6; src/laws/table.ts).
 * Options: check —
 * - repealed: the cited law or regulation has stopped applying. Severity error when it had stopped
 *   before the text's version date (Document.versionDate, else 公布日期; a draft is written now, as of
 *   --as-of), else warning: the document was right when written and now needs revision. No finding
 *   for traps (the repeal clause itself, 原《…》, 《…》施行前, 依据《…》设立的 …), for a law that
 *   stops applying only after --as-of, for a title re-enacted by a new instrument before the text was
 *   written, or inside a document that has itself stopped applying. A repealed law named as the
 *   document's own basis gets its own message. Finding.data {law, successor, stoppedOn}.
 * - article-range: 第N条 beyond the law's current article count (likely a number from before a revision).
 * - short-name: a national law or regulation whose official title begins with 中华人民共和国 cited
 *   without it (once per title and document; not when the text defines the short name, 以下简称《…》).
 */
import type { CheckContext, CheckKind, Citation, Document, LawEntry, ReportExtra } from '../types.js';
import { repealBasis } from '../laws/table.js';
import { hasCountryPrefix, titleKey } from '../cn/titles.js';
import { stage } from '../rules/when.js';
import { textPos } from './scope.js';

export const citation: CheckKind = {
  name: 'citation',
  summary: '引用的法律、法规已废止、条文序号超出现行条数或未用全称（对照法律状态表）',
  recordScope: false,
  options: {
    check: { type: 'string', required: true, enum: ['repealed', 'article-range', 'short-name'] },
  },
  defaultMessages: {
    repealed: '发现引用已{{state}}的《{{cited}}》（{{stopped}}）：应改为引用《{{successor}}》的相应规定',
    repealedNoSuccessor: '发现引用已{{state}}的《{{cited}}》（{{stopped}}）：应删除该引用或改为引用现行有效的规定',
    ownBasis: '发现以已{{state}}的《{{cited}}》作为制定依据（{{stopped}}）：制定依据已不存在，应依据《{{successor}}》重新审查本文件',
    ownBasisNoSuccessor: '发现以已{{state}}的《{{cited}}》作为制定依据（{{stopped}}）：制定依据已不存在，应重新审查本文件',
    articleRange: '发现《{{cited}}》{{article}}超出该法现行文本的条数（共{{articles}}条，{{version}}文本）：可能是修订前的条文序号，应核对后改为现行条文',
    shortName: '发现《{{cited}}》未使用全称：引用法律、行政法规应当使用全称《{{law}}》',
  },
  run(ctx) {
    const { doc } = ctx;
    if (doc.text.citations.length === 0 || stoppedApplying(doc, ctx)) return;
    switch (ctx.options.check) {
      case 'repealed':
        return repealed(ctx);
      case 'article-range':
        return articleRange(ctx);
      case 'short-name':
        return shortName(ctx);
    }
  },
};

/**
 * A document that has stopped applying needs no revision: marked 已废止/已失效, past its validity, or
 * itself an instrument the law-status table records as repealed (an archived copy of 合同法's
 * implementing rules citing 合同法).
 */
function stoppedApplying(doc: Document, ctx: CheckContext): boolean {
  if (doc.status === '已废止' || doc.status === '已失效') return true;
  if (doc.validUntil && doc.validUntil.value < ctx.asOf) return true;
  const self = ctx.laws.lookup(doc.text.innerTitle ?? doc.title);
  return !!self && repealedFor(self, writtenOn(doc, ctx.asOf), ctx.asOf);
}

/**
 * As of when the text was written: its version date, else 公布日期; a document that declares itself a
 * draft (状态: 草案/送审稿) is being written now. An undated archived text: unknown (null).
 */
function writtenOn(doc: Document, asOf: string): string | null {
  const declaredDraft = doc.fields.values['状态'] !== undefined && stage(doc.status) < 2;
  return doc.versionDate ?? doc.publishedOn?.value ?? (declaredDraft ? asOf : null);
}

/**
 * Citations that are not the document's own use of a law: the document's title (最高人民法院关于适用
 * 《中华人民共和国合同法》若干问题的解释 is named after the law it interprets) and, for a law's
 * successor, its own text (it speaks of what it replaced: …所附《…清单》).
 */
function ownUse(doc: Document, c: Citation, e: LawEntry): boolean {
  if (c.range.block === doc.text.titleBlock) return false;
  if (e.successor && titleKey(e.successor, true) === titleKey(doc.text.innerTitle ?? doc.title, true)) return false;
  return true;
}

/** Whether the entry, as this document cites it, names something that has stopped applying by asOf. */
function repealedFor(e: LawEntry, written: string | null, asOf: string): boolean {
  if (!e.status) return false;
  if (e.stoppedOn && e.stoppedOn > asOf) return false;
  // A new instrument of the same title: a text of that date or later (or of unknown date) cites the new one.
  if (e.reenactedOn && (!written || written >= e.reenactedOn)) return false;
  return true;
}

function repealed(ctx: CheckContext): void {
  const { doc, asOf } = ctx;
  const written = writtenOn(doc, asOf);
  for (const c of doc.text.citations) {
    if (c.trap) continue;
    const e = ctx.laws.lookup(c.title);
    if (!e || !repealedFor(e, written, asOf) || !ownUse(doc, c, e)) continue;
    const before = !!e.stoppedOn && !!written && e.stoppedOn <= written;
    const how = e.repealedBy ? `由${e.repealedBy}废止` : `${e.status}`;
    const stopped = e.stoppedOn ? `${before ? '' : '本文件制定后，'}自${e.stoppedOn}起${how}` : e.repealedBy ? `已${how}` : `已${e.status}`;
    const id = (c.ownBasis ? 'ownBasis' : 'repealed') + (e.successor ? '' : 'NoSuccessor');
    const basis = repealBasis(e);
    const extra: ReportExtra = {
      severity: before ? 'error' : 'warning',
      data: { law: e.title, successor: e.successor ?? '', stoppedOn: e.stoppedOn ?? '' },
    };
    if (basis) extra.basis = [basis];
    ctx.report(textPos(doc, c.range), { cited: c.title, state: e.status!, stopped, successor: e.successor ?? '' }, id, [], extra);
  }
}

function articleRange(ctx: CheckContext): void {
  const { doc, asOf } = ctx;
  const written = writtenOn(doc, asOf);
  for (const c of doc.text.citations) {
    // 原《…》第N条, 《…》施行前 …: the number of an earlier text, rightly.
    if (c.trap || c.articleNumber === undefined || !c.article) continue;
    const e = ctx.laws.lookup(c.title);
    if (!e?.articles || repealedFor(e, written, asOf) || !ownUse(doc, c, e)) continue;
    if (c.articleNumber <= e.articles) continue;
    ctx.report(textPos(doc, c.range), { cited: c.title, article: c.article, articles: e.articles, version: e.version ?? '' }, 'articleRange');
  }
}

/** Short names the text defines (以下简称《行政处罚法》), which it may then use. */
function definedShortNames(doc: Document): Set<string> {
  const out = new Set<string>();
  for (const s of doc.text.sentences) {
    if (!s.text.includes('简称')) continue;
    for (const m of s.text.matchAll(/简称\s*[“"]?《([^《》]+)》/g)) out.add(titleKey(m[1]!));
  }
  return out;
}

function shortName(ctx: CheckContext): void {
  const { doc, asOf } = ctx;
  const written = writtenOn(doc, asOf);
  let defined: Set<string> | null = null;
  const reported = new Set<LawEntry>();
  for (const c of doc.text.citations as Citation[]) {
    if (hasCountryPrefix(c.title)) continue;
    const e = ctx.laws.lookup(c.title);
    if (!e || reported.has(e) || !hasCountryPrefix(e.title) || c.range.block === doc.text.titleBlock) continue;
    if (e.kind && e.kind !== '法律' && e.kind !== '行政法规') continue;
    // Citing a repealed law, the fix is to replace it, not to spell it out.
    if (!c.trap && repealedFor(e, written, asOf)) continue;
    defined ??= definedShortNames(doc);
    if (defined.has(titleKey(c.title))) continue;
    reported.add(e);
    ctx.report(textPos(doc, c.range), { cited: c.title, law: e.title }, 'shortName');
  }
}
