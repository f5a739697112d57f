/**
 * The document's own clauses: when it takes effect (施行), how long it is valid (有效期) and what it
 * repeals (同时废止). Real texts are full of look-alikes — a licence's 有效期, another law's
 * 自…起施行 quoted in parentheses, 不停止执行 — so each clause must be about *this* document.
 */
import type { Block, EffectiveClause, RepealClause, Sentence, TextRange, ValidityClause } from '../types.js';
import { DATE_IN_TEXT, parseDate } from '../cn/dates.js';
import { CN_NUMERAL_CHARS, parseChineseNumber } from '../cn/numerals.js';
import { findDocNumber } from './doc-number.js';

/** The text a sentence covers, taken from its block so offsets always match the block. */
export function sentenceText(s: Sentence, blocks: Block[]): string {
  const block = blocks[s.range.block];
  if (!block) return s.text;
  const slice = block.text.slice(s.range.start, s.range.end);
  return slice.length === s.range.end - s.range.start ? slice : s.text;
}

function rangeIn(s: Sentence, start: number, end: number): TextRange {
  return { block: s.range.block, start: s.range.start + start, end: s.range.start + end };
}

const DATE = `(?:${DATE_IN_TEXT.source})`;
const NUM = `[0-9０-９${CN_NUMERAL_CHARS}]+`;

/** Bracket depth at each position of a text (depths()). */
export type Depths = ArrayLike<number>;

/** Bracket depth (（）() 《》 〈〉 【】 ［］ []) at each position, so clause breaks inside brackets are ignored. */
export function depths(text: string): Depths {
  const out = new Int32Array(text.length + 1);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    out[i] = d;
    switch (text.charCodeAt(i)) {
      case 0xff08: // （
      case 0x28: // (
      case 0x300a: // 《
      case 0x3008: // 〈
      case 0x3010: // 【
      case 0xff3b: // ［
      case 0x5b: // [
        d++;
        break;
      case 0xff09: // ）
      case 0x29: // )
      case 0x300b: // 》
      case 0x3009: // 〉
      case 0x3011: // 】
      case 0xff3d: // ］
      case 0x5d: // ]
        if (d > 0) d--;
    }
  }
  out[text.length] = d;
  return out;
}

/**
 * Start of the clause that contains `index`: just after the last top-level ，；： before it. With
 * `floor`, the search stops there (callers that only need a clause's last words stay linear).
 */
export function clauseStart(text: string, index: number, dep: Depths = depths(text), floor = 0): number {
  for (let i = index - 1; i >= floor; i--) {
    if (dep[i] === 0 && '，,；;：:'.includes(text[i]!)) return i + 1;
  }
  return Math.max(floor, 0);
}

/** An article label at the start of a clause (第二十条 …, 第八十二条【生效日期】…), with the spacing after it. */
const ARTICLE_LABEL = new RegExp(`^\\s*(?:第${NUM}条|[${CN_NUMERAL_CHARS}]+、)?\\s*(?:【[^】]{0,20}】)?\\s*`);

/**
 * The words between the clause start and `index`, without an article label. A subject that names the
 * document is short, so the search looks back 48 characters at most (long sentences stay linear).
 */
function subjectBefore(text: string, index: number, dep: Depths): { subject: string; start: number } {
  const cs = clauseStart(text, index, dep, Math.max(0, index - 48));
  const raw = text.slice(cs, index);
  const label = ARTICLE_LABEL.exec(raw)?.[0].length ?? 0;
  return { subject: raw.slice(label).trim(), start: cs + label };
}

/** Words a document calls itself by: 本办法, 本实施细则, 本规定（试行）, 此件. */
const OWN_SUBJECT = new RegExp(
  '^(?:本|此)[\\u4e00-\\u9fa5]{0,6}?(?:办法|规定|细则|规则|意见|决定|通告|公告|通知|方案|条例|法|解释|文件|清单|目录|' +
    '规划|批复|指引|指南|制度|规范|措施|纪要|规程|件|标准|章程|答复|复函|函)(?:[（(][^（()）]*[）)])?$',
);

/** A subject naming this document (本办法, 本规定, 此件) or none at all (现予公布，自…起施行). */
function isOwnSubject(subject: string): boolean {
  if (subject === '') return true;
  return OWN_SUBJECT.test(subject.replace(/的$/, '')) && !/所称|规定的/.test(subject);
}

// ---------------------------------------------------------------------------
// Effective clause
// ---------------------------------------------------------------------------

const PUBLICATION_EVENT = '公布|发布|印发|颁布|下发|公告|通过|签发|发文|公开发布';
const EFFECTIVE = new RegExp(
  `自\\s*(?:(${DATE})|(?:${PUBLICATION_EVENT})之日)\\s*(?:起)?\\s*(?:满\\s*)?(?:(${NUM})\\s*(?:日|天)\\s*(?:后|以后|之后)?\\s*(?:起)?)?\\s*(施行|实施|执行|生效)`,
  'g',
);

/** Every own effective clause of one sentence. */
function effectiveIn(s: Sentence, text: string): EffectiveClause[] {
  const out: EffectiveClause[] = [];
  let dep: Depths | null = null;
  EFFECTIVE.lastIndex = 0;
  for (let m = EFFECTIVE.exec(text); m; m = EFFECTIVE.exec(text)) {
    dep ??= depths(text);
    const end = m.index + m[0].length;
    // Quoted inside parentheses, it is another text's date; 施行以来/以前 is history, not a clause.
    if (dep[m.index]! > 0) continue;
    if (/^(?:以来|以前|之前|前|之日)/.test(text.slice(end))) continue;
    const { subject, start } = subjectBefore(text, m.index, dep);
    if (!isOwnSubject(subject)) continue;
    const range = rangeIn(s, start, end);
    if (m[1]) {
      const iso = parseDate(m[1]);
      out.push(iso ? { form: 'date', date: iso, range } : { form: 'date', range });
    } else if (m[2]) {
      const days = parseChineseNumber(m[2]);
      out.push(days !== null ? { form: 'days-after-publication', days, range } : { form: 'days-after-publication', range });
    } else {
      out.push({ form: 'on-publication', range });
    }
  }
  return out;
}

/** Pick the last clause of the main text (blocks from `headerEnd`), else the last one anywhere. */
function lastOf<T extends { range: TextRange }>(found: T[], headerEnd: number | undefined): T | null {
  if (found.length === 0) return null;
  if (headerEnd !== undefined) {
    const main = found.filter((c) => c.range.block >= headerEnd);
    if (main.length > 0) return main[main.length - 1]!;
  }
  return found[found.length - 1]!;
}

/**
 * The document's effective-date clause (自2020年4月1日起施行, 自公布之日起施行, 自发布之日起30日后施行).
 * The last one of the main text wins: a wrapper notice's words yield to the text it carries.
 */
export function findEffective(sentences: Sentence[], blocks: Block[], headerEnd?: number): EffectiveClause | null {
  const found: EffectiveClause[] = [];
  for (const s of sentences) found.push(...effectiveIn(s, sentenceText(s, blocks)));
  return lastOf(found, headerEnd);
}

// ---------------------------------------------------------------------------
// Validity clause
// ---------------------------------------------------------------------------

const VALIDITY = new RegExp(
  `有效期(?:限)?\\s*(?:为|是|[:：])?\\s*(?:(${NUM})\\s*(年|个月|月)|至\\s*(${DATE})|自\\s*${DATE}\\s*(?:起)?\\s*至\\s*(${DATE}))(?:止)?`,
  'g',
);

/**
 * The document's validity clause (有效期5年, 有效期为三年, 有效期至2025年12月31日, 有效期6个月).
 * Accepted only when it is about the document: in the same sentence as its own effective clause,
 * after a subject 本办法…, or standing alone right after the effective clause or in the last article.
 */
export function findValidity(sentences: Sentence[], blocks: Block[], headerEnd?: number): ValidityClause | null {
  const found: ValidityClause[] = [];
  const lastArticle = sentences.reduce((a, s) => Math.max(a, s.article), -1);
  let previousEffective = false;
  sentences.forEach((s, k) => {
    const text = sentenceText(s, blocks);
    const effective = effectiveIn(s, text);
    let dep: Depths | null = null;
    VALIDITY.lastIndex = 0;
    for (let m = VALIDITY.exec(text); m; m = VALIDITY.exec(text)) {
      dep ??= depths(text);
      if (dep[m.index]! > 0) continue;
      const { subject, start } = subjectBefore(text, m.index, dep);
      // Standing alone: nothing but an article label before it in the sentence.
      const standalone = m.index <= 48 && ARTICLE_LABEL.exec(text.slice(0, m.index))?.[0].length === m.index;
      const own =
        effective.some((e) => e.range.start - s.range.start < m!.index) ||
        (subject !== '' && isOwnSubject(subject)) ||
        (standalone &&
          (previousEffective || (lastArticle >= 0 && s.article === lastArticle) || k >= sentences.length - 3));
      if (!own) continue;
      const range = rangeIn(s, subject === '' ? m.index : start, m.index + m[0].length);
      const clause: ValidityClause = { range };
      if (m[1]) {
        const n = parseChineseNumber(m[1]);
        if (n === null) continue;
        if (m[2] === '年') clause.years = n;
        else clause.months = n;
      } else {
        const iso = parseDate(m[3] ?? m[4] ?? '');
        if (!iso) continue;
        clause.until = iso;
      }
      found.push(clause);
    }
    previousEffective = effective.length > 0;
  });
  return lastOf(found, headerEnd);
}

// ---------------------------------------------------------------------------
// Repeal clauses
// ---------------------------------------------------------------------------

/** A repeal clause in one sentence: offsets of the region in the sentence text. */
export interface RepealRegion {
  sentence: number;
  start: number;
  end: number;
}

const REPEAL_VERB = /(?:废止|失效|停止执行|不再执行|废除)$/;
const LIST_HEAD = /(?:下列|以下)[^，。；]*?(?:废止|失效|停止执行|不再执行)[:：]?$|(?:同时|一并|予以)(?:废止|失效)[:：]$/;

/** Top-level 《…》 spans of a text: [start, end) including the marks. */
export function titleSpans(text: string): { start: number; end: number; title: string }[] {
  const out: { start: number; end: number; title: string }[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '《') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '》' && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start: open, end: i + 1, title: text.slice(open + 1, i) });
    }
  }
  return out;
}

function docNumbersIn(text: string): { raw: string; end: number }[] {
  const out: { raw: string; end: number }[] = [];
  let offset = 0;
  for (let guard = 0; guard < 50; guard++) {
    const f = findDocNumber(text.slice(offset));
    if (!f) break;
    out.push({ raw: f.value.raw, end: offset + f.end });
    offset += f.end;
  }
  return out;
}

/** Titles a repeal region repeals: not the amending decisions that describe a version (…决定》修正的). */
function repealedTitles(region: string): { title: string; end: number }[] {
  return titleSpans(region)
    .filter((t) => !/^\s*(?:第[一二三四五六七八九十]+次)?(?:修正|修订|修改)/.test(region.slice(t.end)))
    .filter((t) => !/(?:根据|依据|依照|按照)\s*$/.test(region.slice(Math.max(0, t.start - 8), t.start)))
    .filter((t) => t.title.trim() !== '')
    .map((t) => ({ title: t.title.trim(), end: t.end }));
}

/** A title written without 《》 after 原 (原夹江县人民政府印发的夹江县养犬管理暂行办法同时废止). */
function bareOriginalTitle(region: string): string | null {
  const m = /^原(.+?)(?:[（(][^（()）]*[）)])?\s*(?:同时|一并|予以|随之|自[^，。]*?起)?\s*(?:废止|失效|停止执行|不再执行|废除)$/.exec(region);
  if (!m) return null;
  const title = m[1]!.replace(/^.*?(?:印发|发布|公布|制定|颁布)的/, '').trim();
  return title.length >= 4 && !/[，,；;]/.test(title) ? title : null;
}

/**
 * What follows the last named object must be only the repeal itself (同时废止, 等3件文件予以废止):
 * 《X》规定的证照失效 names X but repeals nothing.
 */
const REPEAL_TAIL =
  /^(?:\s|[，,）)]|[（(][^（()）]*[）)])*(?:等[^，。；《》]{0,12}?)?(?:文件|号文)?\s*(?:同时|一并|予以|随之|均予以|均|自[^，。；《》]*?起)?\s*(?:废止|失效|停止执行|不再执行|废除)$/;

function objectsOf(region: string, needTail: boolean): { titles: string[]; docNumbers: string[] } {
  const titles = repealedTitles(region);
  const numbers = docNumbersIn(region);
  const none = { titles: [], docNumbers: [] };
  if (titles.length === 0 && numbers.length === 0) {
    const bare = needTail ? bareOriginalTitle(region.trim()) : null;
    return bare ? { titles: [bare], docNumbers: [] } : none;
  }
  if (needTail) {
    const last = Math.max(titles.at(-1)?.end ?? 0, numbers.at(-1)?.end ?? 0);
    if (!REPEAL_TAIL.test(region.slice(last))) return none;
  }
  return { titles: titles.map((t) => t.title), docNumbers: numbers.map((n) => n.raw) };
}

/** Repeal regions and clauses over all sentences (shared with the citation traps). */
export function repealRegions(sentences: Sentence[], blocks: Block[]): { clause: RepealClause; regions: RepealRegion[] }[] {
  const out: { clause: RepealClause; regions: RepealRegion[] }[] = [];
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k]!;
    const text = sentenceText(s, blocks);
    const core = text.replace(/[\s。；;！!？?]+$/, '');
    if (core === '') continue;

    // 下列文件同时废止： followed by one title per line.
    if (LIST_HEAD.test(core)) {
      const titles: string[] = [];
      const docNumbers: string[] = [];
      const regions: RepealRegion[] = [{ sentence: k, start: 0, end: core.length }];
      let end = s.range.end;
      let j = k + 1;
      for (; j < sentences.length; j++) {
        const t = sentenceText(sentences[j]!, blocks);
        if (/^\s*第[^条]{1,8}条/.test(t)) break;
        const o = objectsOf(t, false);
        if (o.titles.length === 0 && o.docNumbers.length === 0) break;
        titles.push(...o.titles);
        docNumbers.push(...o.docNumbers);
        regions.push({ sentence: j, start: 0, end: t.length });
        if (sentences[j]!.range.block === s.range.block) end = sentences[j]!.range.end;
      }
      if (titles.length || docNumbers.length) {
        out.push({ clause: { titles, docNumbers, range: { block: s.range.block, start: s.range.start, end } }, regions });
        k = j - 1;
      }
      continue;
    }

    const verb = REPEAL_VERB.exec(core);
    if (!verb || /不$/.test(core.slice(0, verb.index))) continue;
    // Walk back over clauses while they still name what is repealed; stop at the effective clause.
    const dep = depths(core);
    let start = clauseStart(core, verb.index, dep);
    let objects = objectsOf(core.slice(start), true);
    for (let guard = 0; start > 0 && guard < 30; guard++) {
      const prev = clauseStart(core, start - 1, dep);
      const piece = core.slice(prev, start - 1);
      if (/施行|实施/.test(piece) && /自/.test(piece)) break;
      const o = objectsOf(piece, false);
      if (o.titles.length === 0 && o.docNumbers.length === 0) break;
      const wider = objectsOf(core.slice(prev), true);
      if (wider.titles.length === 0 && wider.docNumbers.length === 0) break;
      start = prev;
      objects = wider;
    }
    if (objects.titles.length === 0 && objects.docNumbers.length === 0) continue;
    while (start < core.length && /\s/.test(core[start]!)) start++;
    out.push({
      clause: { titles: objects.titles, docNumbers: objects.docNumbers, range: rangeIn(s, start, core.length) },
      regions: [{ sentence: k, start, end: core.length }],
    });
  }
  return out;
}

/** Repeal clauses: 《××办法》（×府发〔2015〕8号）同时废止, 原…同时废止, …自本办法施行之日起废止, lists. */
export function findRepeals(sentences: Sentence[], blocks: Block[]): RepealClause[] {
  return repealRegions(sentences, blocks).map((r) => r.clause);
}
