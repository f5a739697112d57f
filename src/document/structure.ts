/**
 * The structure of a text: header end, chapters and sections, articles and sentences (product.md §2.3).
 * Works on blocks only (see markdown.ts), so it is the same for every markup style.
 */
import type { Article, Block, Heading, Sentence } from '../types.js';
import { parseChineseNumber } from '../cn/numerals.js';
import { isSpaceCode } from './markdown.js';

/** Chapters, sections, articles and sentences of a document, and where its header ends. */
export interface Structure {
  /** Index of the first block that is a chapter, section, 编, article or `一、` heading; blocks.length if none. */
  headerEnd: number;
  headings: Heading[];
  articles: Article[];
  sentences: Sentence[];
}

/** `第X章`, `第X节`, `第X条`, `第X编`, `第X分编`, `第X部分` at a given position (sticky). */
const LABEL = /第([零〇○一二两三四五六七八九十百千0-9０-９]{1,8})(分编|编|部分|章|节|条)(之[一二三四五六七八九十]{1,3})?/y;
/** A numbered heading `一、` at a given position (sticky). */
const NUMBERED = /[一二三四五六七八九十]{1,3}、/y;
/**
 * Characters that, right after `第X条` with no separator, show a reference rather than an article label:
 * `第三条规定的`, `第五条中`, `第二条、第三条`, `第一条至第五条`, `第十条第二款`.
 */
const REFERENCE_FOLLOW = new Set(Array.from('规的所中第至、，,和及与或以款项。；;“”"前后同另等修增删改'));
/** Terminators that end a sentence, and closers that stay with the sentence they end. */
const TERMINATORS = new Set([0x3002 /* 。 */, 0xff1b /* ； */, 0xff01 /* ！ */, 0xff1f /* ？ */]);
const CLOSERS = new Set([0x201d /* ” */, 0x2019 /* ’ */, 0x300d /* 」 */, 0x300f /* 』 */, 0xff09 /* ） */, 0x29 /* ) */]);
/** Characters that cannot occur in a chapter or section heading line (it would be a sentence). */
const SENTENCE_PUNCT = /[。；，！？]/;
const MAX_HEADING_LINE = 60;
const MAX_ARTICLE = 9999;

/** True when text[index] starts a new segment not contiguous in the source: markup (`**`, `</b>`) sat there. */
function markupBoundary(block: Block, index: number): boolean {
  const segs = block.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = segs[mid]!.at;
    if (at === index) {
      if (mid === 0) return false;
      const prev = segs[mid - 1]!;
      return prev.src + prev.len !== segs[mid]!.src;
    }
    if (at < index) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

type Found =
  | { kind: 'chapter' | 'section'; number: number; label: string; title: string; start: number; end: number }
  | { kind: 'article'; number: number; label: string; start: number; end: number }
  | { kind: 'division' | 'numbered'; start: number };

/**
 * What the line of `block` starting at `from` begins with, if it is structural.
 * `lastArticle` guards labels written without a separator.
 */
function classify(block: Block, from: number, lastArticle: number): Found | null {
  const text = block.text;
  let p = from;
  while (p < text.length && text.charCodeAt(p) !== 10 && isSpaceCode(text.charCodeAt(p))) p++;
  if (text.charCodeAt(p) !== 0x7b2c /* 第 */) {
    NUMBERED.lastIndex = p;
    return NUMBERED.test(text) ? { kind: 'numbered', start: p } : null;
  }
  LABEL.lastIndex = p;
  const m = LABEL.exec(text);
  if (!m) return null;
  const unit = m[2]!;
  const number = parseChineseNumber(m[1]!);
  if (number === null || number < 1) return null;
  const after = p + m[0].length;
  const separated = after >= text.length || isSpaceCode(text.charCodeAt(after));
  const reference = !separated && REFERENCE_FOLLOW.has(text[after]!);
  if (unit === '条') {
    if (number > MAX_ARTICLE || reference) return null;
    // Without a separator a label counts when markup ends right after it (`**第一条**为了`, `<b>第一条</b>为了`)
    // or, in plain text, when it continues the numbering (`第五条为了…` after 第四条), which a stray
    // reference at a line start rarely does.
    if (!separated && !markupBoundary(block, after) && number !== lastArticle + 1) return null;
    return { kind: 'article', number, label: m[0], start: p, end: after };
  }
  if (reference) return null;
  const le = lineEnd(text, after);
  const line = text.slice(p, le);
  if (line.length > MAX_HEADING_LINE || SENTENCE_PUNCT.test(line)) return null;
  if (unit === '章' || unit === '节') {
    let t = after;
    while (t < le && isSpaceCode(text.charCodeAt(t))) t++;
    let e = le;
    while (e > t && isSpaceCode(text.charCodeAt(e - 1))) e--;
    return { kind: unit === '章' ? 'chapter' : 'section', number, label: m[0], title: text.slice(t, e), start: p, end: Math.max(e, after) };
  }
  return { kind: 'division', start: p };
}

/** Split a block's text into sentences at 。；！？ (kept, with closing quotes) and line breaks. */
function splitSentences(text: string, block: number, out: Sentence[]): void {
  let s = 0;
  const push = (a: number, b: number) => {
    while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
    while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
    if (b > a) out.push({ text: text.slice(a, b), range: { block, start: a, end: b }, article: -1 });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      push(s, i);
      s = i + 1;
    } else if (TERMINATORS.has(c)) {
      let e = i + 1;
      while (e < text.length && (CLOSERS.has(text.charCodeAt(e)) || TERMINATORS.has(text.charCodeAt(e)))) e++;
      push(s, e);
      s = e;
      i = e - 1;
    }
  }
  push(s, text.length);
}

/**
 * Read chapters, sections, articles and sentences from blocks, and where the header ends.
 */
export function parseStructure(blocks: Block[]): Structure {
  const headings: Heading[] = [];
  const articles: Article[] = [];
  let headerEnd = blocks.length;
  let chapter = 0;
  let section = 0;
  let lastArticle = 0;
  let open: Article | null = null;
  // Where each article's text begins and where text stops belonging to an article, in document order:
  // [block, offset, article index or -1] triples, for assigning sentences.
  const marks: number[] = [];

  // Labels are looked for at every line start: a pasted draft often has no blank lines between articles.
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const text = block.text;
    for (let ls = 0; ls >= 0 && ls < text.length; ls = block.type === 'heading' ? -1 : nextLine(text, ls)) {
      const found = classify(block, ls, lastArticle);
      if (found && headerEnd === blocks.length) headerEnd = i;
      const boundary = found !== null && found.kind !== 'numbered';
      // A Markdown heading that is not a chapter or article (附件, 附表 …) is not part of the article before it.
      if (!boundary && !(block.type === 'heading' && ls === 0)) continue;
      const at = found ? found.start : 0;
      if (open) {
        open.lastBlock = ls > 0 ? i : Math.max(open.firstBlock, i - 1);
        open = null;
      }
      marks.push(i, at, -1);
      if (!found) continue;
      switch (found.kind) {
        case 'division':
          chapter = 0;
          section = 0;
          break;
        case 'chapter':
        case 'section':
          if (found.kind === 'chapter') {
            chapter = found.number;
            section = 0;
          } else {
            section = found.number;
          }
          headings.push({
            unit: found.kind,
            number: found.number,
            label: found.label,
            title: found.title,
            range: { block: i, start: found.start, end: found.end },
            parent: found.kind === 'section' ? chapter : 0,
          });
          break;
        case 'article':
          open = {
            number: found.number,
            label: found.label,
            chapter,
            section,
            range: { block: i, start: found.start, end: found.end },
            firstBlock: i,
            lastBlock: i,
          };
          articles.push(open);
          lastArticle = found.number;
          marks[marks.length - 1] = articles.length - 1;
          break;
      }
    }
  }
  if (open) open.lastBlock = blocks.length - 1;

  const sentences: Sentence[] = [];
  for (let i = 0; i < blocks.length; i++) splitSentences(blocks[i]!.text, i, sentences);
  // Sentences come in document order; walk the marks alongside them.
  let m = 0;
  let current = -1;
  for (const s of sentences) {
    while (m < marks.length && (marks[m]! < s.range.block || (marks[m] === s.range.block && marks[m + 1]! <= s.range.start))) {
      current = marks[m + 2]!;
      m += 3;
    }
    s.article = current;
  }
  return { headerEnd, headings, articles, sentences };
}

function nextLine(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? -1 : nl + 1;
}
