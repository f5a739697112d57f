/**
 * Citations 《…》 with an optional article, and the context that makes a citation of a repealed law
 * legitimate (rules.md §6): the repeal clause itself, 原《…》, 《…》施行前, 依据《…》设立的 ….
 */
import type { Block, Citation, Sentence } from '../types.js';
import { CN_NUMERAL_CHARS, parseChineseNumber } from '../cn/numerals.js';
import { clauseStart, depths, repealRegions, sentenceText, titleSpans, type Depths } from './clauses.js';
import { innerTitleOf } from './header.js';

const NUM = `[0-9０-９${CN_NUMERAL_CHARS}]+`;
/** An article right after the title, possibly after a short parenthesis: 》（2021年修订）第十六条第二款. */
const ARTICLE_AFTER = new RegExp(
  `^\\s*(?:[（(][^（()）《》]{1,40}[）)]\\s*)?(第(${NUM})条(?:之[${CN_NUMERAL_CHARS}]+)?)`,
);

/** 施行前 / 施行以前 / 公布前 after the citation (and its article): a temporal reference. */
const TEMPORAL_AFTER = new RegExp(
  `^\\s*(?:[（(][^（()）]*[）)]\\s*)?(?:第${NUM}条(?:第${NUM}款)?)?\\s*(?:施行|实施|生效|修订|修正|废止|公布|颁布|发布)(?:以前|之前|前)`,
);
/** 依据《…》设立（并保留…）的 …: entities created under the old law (a transitional reference). */
const TRANSITIONAL_AFTER =
  /^\s*(?:[（(][^（()）]*[）)]\s*)?(?:第[^，。；]{1,12}?条)?(?:的)?(?:有关)?(?:规定)?\s*(?:设立|成立|批准|登记|取得|颁发|核发|发放|认定|注册)(?:[（(][^（()）]*[）)])?(?:并保留[^，。；]{0,10}?)?[^，。；]{0,6}?的/;
const BASIS_VERB = /(?:根据|依据|依照|按照)\s*$/;

function normalizeTitle(t: string): string {
  return t.replace(/[\s\u3000]/g, '');
}

/**
 * Every 《…》 of the sentences, with article, trap and own-basis marks. Skipped: the document's own
 * title (and, for a wrapper, the X it carries), 本《清单》 (the document naming itself) and the
 * 《…》 of 以下简称《…》 (a name being defined, not a second citation).
 */
export function findCitations(sentences: Sentence[], blocks: Block[], ownTitle: string | null): Citation[] {
  const own = new Set<string>();
  if (ownTitle) {
    own.add(normalizeTitle(ownTitle));
    const inner = innerTitleOf(ownTitle);
    if (inner) own.add(normalizeTitle(inner));
  }
  // Repeal regions by sentence, so each citation only looks at its own sentence's.
  const repeals = new Map<number, { start: number; end: number }[]>();
  for (const r of repealRegions(sentences, blocks).flatMap((x) => x.regions)) {
    const list = repeals.get(r.sentence) ?? [];
    list.push(r);
    repeals.set(r.sentence, list);
  }
  const out: Citation[] = [];

  sentences.forEach((s, k) => {
    const text = sentenceText(s, blocks);
    const spans = titleSpans(text);
    if (spans.length === 0) return;
    const basis = ownBasisSpan(text, s.article);
    const groups = listGroups(text, spans);
    const dep = depths(text);
    spans.forEach((span, n) => {
      const title = span.title.trim();
      if (title === '' || own.has(normalizeTitle(title))) return;
      const before = text.slice(Math.max(0, span.start - 4), span.start);
      if (/本$/.test(before) || /简称[“"]?$/.test(before)) return;

      const after = text.slice(span.end);
      const art = ARTICLE_AFTER.exec(after);
      const end = art ? span.end + art.index + art[0].length : span.end;
      const citation: Citation = {
        title,
        range: { block: s.range.block, start: s.range.start + span.start, end: s.range.start + end },
        sentence: k,
        ownBasis: basis !== null && span.start > basis.start && span.end <= basis.end,
      };
      if (art) {
        const num = parseChineseNumber(art[2]!);
        citation.article = art[1]!;
        if (num !== null) citation.articleNumber = num;
      }
      const group = groups[n]!;
      const trap = trapOf(text, dep, span.start, span.end, group.start, group.end, repeals.get(k) ?? []);
      if (trap) citation.trap = trap;
      out.push(citation);
    });
  });
  return out;
}

/**
 * Between two titles of one list: 、 和 及 与 以及 或者, or nothing at all (《A》《B》《C》, common in
 * recent drafting), after any article or parenthesis.
 */
const LIST_JOIN = new RegExp(
  `^\\s*(?:[（(][^（()）《》]*[）)])?\\s*(?:第${NUM}条(?:第${NUM}款)?)?\\s*(?:、|，|和|及|与|以及|或者|或)?\\s*$`,
);

/**
 * For each title, the extent of the list it belongs to (《A》、《B》和《C》): what precedes a list and
 * what follows it applies to every member (依照《A》、《B》设立的 …, 《A》、《B》施行前 …).
 */
function listGroups(text: string, spans: { start: number; end: number }[]): { start: number; end: number }[] {
  const out = spans.map((s) => ({ start: s.start, end: s.end }));
  for (let n = 1; n < spans.length; n++) {
    if (LIST_JOIN.test(text.slice(spans[n - 1]!.end, spans[n]!.start))) out[n]!.start = out[n - 1]!.start;
  }
  for (let n = spans.length - 2; n >= 0; n--) {
    if (LIST_JOIN.test(text.slice(spans[n]!.end, spans[n + 1]!.start))) out[n]!.end = out[n + 1]!.end;
  }
  return out;
}

/** The last few characters before `index` within its clause: enough for the lead-in words tested. */
function tailBefore(text: string, index: number, dep: Depths): string {
  return text.slice(clauseStart(text, index, dep, Math.max(0, index - 16)), index);
}

function trapOf(
  text: string,
  dep: Depths,
  start: number,
  end: number,
  groupStart: number,
  groupEnd: number,
  repeals: { start: number; end: number }[],
): Citation['trap'] | undefined {
  if (repeals.some((r) => start >= r.start && end <= r.end)) return 'repeal-clause';
  const own = tailBefore(text, start, dep);
  const lead = tailBefore(text, groupStart, dep);
  // The patterns after a citation are short; a bounded look keeps long sentences linear.
  const after = text.slice(groupEnd, groupEnd + 200);
  if (/(?:依据|依照|根据|按照)\s*原\s*$/.test(lead)) return 'transitional';
  if (BASIS_VERB.test(lead) && TRANSITIONAL_AFTER.test(after)) return 'transitional';
  if (/(?:原|原来的|修订前的|修改前的|旧)\s*$/.test(own) || /(?:原|原来的|修订前的|修改前的)\s*$/.test(lead)) return 'historical';
  if (TEMPORAL_AFTER.test(after) || TEMPORAL_AFTER.test(text.slice(end, end + 200))) return 'temporal';
  // 本条例施行前已依照《…》取得许可的: the citation is what applied before this text.
  if (/(?:施行|实施|生效)(?:以前|之前|前)(?:已经|已)?(?:依照|依据|根据|按照)?\s*$/.test(lead)) return 'temporal';
  return undefined;
}

/**
 * The span of a sentence that states the document's own basis: from 根据/依据/依照/按照 to the
 * 制定/结合/如下 that closes it, in the first article or the preamble only (a later article's
 * 根据《…》制定实施办法 delegates, it does not found).
 */
function ownBasisSpan(text: string, article: number): { start: number; end: number } | null {
  if (article > 0) return null;
  const kw = /根据|依据|依照|按照/.exec(text);
  if (!kw) return null;
  const close = /制定|结合|(?:通知|规定|决定|意见)如下|如下/g;
  close.lastIndex = kw.index;
  const m = close.exec(text);
  return m ? { start: kw.index, end: m.index } : null;
}
