/**
 * A fast path for bodies that are nothing but ATX headings, paragraphs of plain text (a leading
 * `**第一条**` allowed), simple raw HTML blocks (lines starting `<p`, `<div`, `</p`, `</div`) and HTML
 * comments — 97% of the corpus. One pass over the lines builds the nodes remark-parse would build for such
 * a body (type, depth, text value and offsets) and hands them to the same tree walker as readBlocks
 * (blocksOfTree), so the blocks are the same, text and segments alike, about 40 times faster.
 *
 * Anything else returns null and the caller parses the body with remark: lists, block quotes, code
 * (fenced or indented), thematic breaks, setext headings, closing `#`s, other HTML, and in text any
 * backslash, backtick, other `*`, `_`, `[`, `&`, a `<` before an ASCII letter (escapes, code, emphasis,
 * links, images, character references, inline HTML, autolinks), a possible hard break (two or more
 * trailing spaces or tabs) and NUL.
 * test/document/fast-blocks.test.ts compares the two readers over the whole corpus and on generated input.
 *
 * It equals readBlocks, not readBlocksSafely: a paragraph continuation line indented 64 columns before
 * `1. ` is plain text to both readers but deep nesting to markdownHazard. Call it after that check.
 */
import type { Block } from '../types.js';
import { blocksOfTree, type MdNode } from './markdown.js';

/** A type-6 HTML block start (CommonMark 4.6) for the tags handled here: `<p`, `</p`, `<div`, `</div`. */
const HTML_BLOCK_START = /^<\/?(?:p|div)(?:[ \t>]|\/>|$)/i;

/** Characters that may start inline markup (or a character reference) in paragraph or heading text. */
function isInlineSpecial(c: number): boolean {
  return c === 92 /* \ */ || c === 96 /* ` */ || c === 42 /* * */ || c === 95 /* _ */ || c === 91 /* [ */ || c === 60 /* < */ || c === 38; /* & */
}

/**
 * True when `<` is followed by a character that can start neither a tag, comment, instruction or
 * declaration (ASCII letter, `/`, `!`, `?`) nor an autolink (ASCII letter, or an e-mail address's ASCII
 * characters): `修改<山东省某条例>的决定` is plain text.
 */
function isLiteralLessThan(c: number): boolean {
  return c > 127 || c === 32 || c === 9 || Number.isNaN(c);
}

/** The first inline special character in source[from, to) as a miss, or null. */
function inlineMiss(source: string, from: number, to: number): FastMiss | null {
  for (let k = from; k < to; k++) {
    const c = source.charCodeAt(k);
    if (!isInlineSpecial(c)) continue;
    if (c === 60 && isLiteralLessThan(source.charCodeAt(k + 1))) continue;
    return { reason: `inline ${source[k]}`, offset: k };
  }
  return null;
}

/** Characters that may start a block other than a paragraph at the start of a line (bullet, quote, rule, fence, setext). */
function isBlockSpecial(c: number): boolean {
  return c === 62 /* > */ || c === 45 /* - */ || c === 43 /* + */ || c === 42 /* * */ || c === 95 /* _ */ || c === 61 /* = */ || c === 126 /* ~ */ || c === 96; /* ` */
}

/** A CJK ideograph, ASCII letter or digit: neither whitespace nor punctuation for emphasis flanking. */
function isWordChar(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * End of a leading strong run `**第一条**` at `k` (the closing `**` just after a word character, the opening
 * one just before one, nothing but plain text between, on this line), or -1. Such a pair is always strong
 * (CommonMark 6.2: left- and right-flanking by the characters next to it).
 */
function leadingStrongEnd(source: string, k: number, le: number): number {
  if (source.charCodeAt(k + 1) !== 42 || !isWordChar(source.charCodeAt(k + 2))) return -1;
  const close = source.indexOf('**', k + 3);
  if (close < 0 || close >= le || source.charCodeAt(close + 2) === 42 || !isWordChar(source.charCodeAt(close - 1))) return -1;
  return inlineMiss(source, k + 2, close) ? -1 : close + 2;
}

function pos(start: number, end: number): MdNode['position'] {
  return { start: { offset: start }, end: { offset: end } };
}

/** Why the fast reader gave up on a body: the construct it met and its offset in the source. */
export interface FastMiss {
  reason: string;
  offset: number;
}

/**
 * The blocks of the body `source.slice(bodyStart)` as readBlocks would read them, or null when the body
 * uses Markdown this reader does not handle.
 */
export function fastBlocks(source: string, bodyStart: number): Block[] | null {
  const nodes = scan(source, bodyStart);
  return Array.isArray(nodes) ? blocksOfTree(source, bodyStart, { type: 'root', children: nodes }) : null;
}

/** Why fastBlocks returns null for this body (for measuring its coverage), or null when it does not. */
export function fastBlocksMiss(source: string, bodyStart: number): FastMiss | null {
  const nodes = scan(source, bodyStart);
  return Array.isArray(nodes) ? null : nodes;
}

/** The top-level mdast nodes of the body, or why they cannot be built here. */
function scan(source: string, bodyStart: number): MdNode[] | FastMiss {
  const nul = source.indexOf('\0', bodyStart);
  if (nul >= 0) return { reason: 'NUL', offset: nul };
  const n = source.length;
  const base = bodyStart;
  const children: MdNode[] = [];
  // The open paragraph: content start and end of each line, end of each line before its line ending.
  const lineFrom: number[] = [];
  const lineTo: number[] = [];
  const lineEnd: number[] = [];
  // End of the open paragraph's leading strong run (`**第一条**`), or -1.
  let strongEnd = -1;
  // The open HTML block: its start and the end of its last line.
  let htmlStart = -1;
  let htmlEnd = -1;

  const nextLine = (le: number) => (le >= n ? n : source.charCodeAt(le) === 13 && source.charCodeAt(le + 1) === 10 ? le + 2 : le + 1);
  const closeParagraph = (): FastMiss | null => {
    const count = lineFrom.length;
    if (count === 0) return null;
    let value = '';
    for (let j = 0; j < count; j++) {
      // Two or more spaces or tabs before a line ending may be a hard break; leave that to remark.
      if (j < count - 1 && lineEnd[j]! - lineTo[j]! >= 2) return { reason: 'hard break', offset: lineTo[j]! };
      value += source.slice(lineFrom[j]!, lineTo[j]!);
      if (j < count - 1) value += source.slice(lineEnd[j]!, nextLine(lineEnd[j]!));
    }
    const from = lineFrom[0]! - base;
    const to = lineTo[count - 1]! - base;
    let inline: MdNode[];
    if (strongEnd < 0) {
      inline = [{ type: 'text', value, position: pos(from, to) }];
    } else {
      const close = strongEnd - base;
      const inner: MdNode = { type: 'text', value: value.slice(2, close - from - 2), position: pos(from + 2, close - 2) };
      inline = [{ type: 'strong', children: [inner], position: pos(from, close) }];
      if (close < to) inline.push({ type: 'text', value: value.slice(close - from), position: pos(close, to) });
      strongEnd = -1;
    }
    children.push({ type: 'paragraph', children: inline, position: pos(from, lineEnd[count - 1]! - base) });
    lineFrom.length = lineTo.length = lineEnd.length = 0;
    return null;
  };
  const closeHtml = () => {
    if (htmlStart < 0) return;
    children.push({ type: 'html', value: source.slice(htmlStart, htmlEnd), position: pos(htmlStart - base, htmlEnd - base) });
    htmlStart = -1;
  };

  let i = bodyStart;
  while (i < n) {
    let le = i;
    for (; le < n; le++) {
      const c = source.charCodeAt(le);
      if (c === 10 || c === 13) break;
    }
    const ni = nextLine(le);
    // Indentation in columns (a tab stops at the next multiple of 4).
    let k = i;
    let col = 0;
    for (; k < le; k++) {
      const c = source.charCodeAt(k);
      if (c === 32) col++;
      else if (c === 9) col += 4 - (col % 4);
      else break;
    }
    if (k === le) {
      // A blank line ends a paragraph or an HTML block.
      const miss = closeParagraph();
      if (miss) return miss;
      closeHtml();
      i = ni;
      continue;
    }
    if (htmlStart >= 0) {
      htmlEnd = le;
      i = ni;
      continue;
    }
    const inParagraph = lineFrom.length > 0;
    if (col >= 4) {
      // Indented code, unless it continues a paragraph.
      if (!inParagraph) return { reason: 'indented code', offset: i };
    } else {
      const c = source.charCodeAt(k);
      if (c === 60 /* < */ && !isLiteralLessThan(source.charCodeAt(k + 1))) {
        if (source.startsWith('<!--', k)) {
          // An HTML comment (CommonMark type 2): up to the end of the line holding `-->`.
          const close = source.indexOf('-->', k + 4);
          // `<!-->` and `<!--->` are whole comments already (CommonMark 0.31); leave those to remark.
          const c4 = source.charCodeAt(k + 4);
          if (close < 0 || close === k + 4 || c4 === 62 || (c4 === 45 && source.charCodeAt(k + 5) === 62)) return { reason: 'html comment', offset: k };
          const miss = closeParagraph();
          if (miss) return miss;
          let ce = close + 3;
          for (; ce < n; ce++) {
            const e = source.charCodeAt(ce);
            if (e === 10 || e === 13) break;
          }
          children.push({ type: 'html', value: source.slice(i, ce), position: pos(i - base, ce - base) });
          i = nextLine(ce);
          continue;
        }
        if (!HTML_BLOCK_START.test(source.slice(k, Math.min(le, k + 8)))) return { reason: 'html', offset: k };
        const miss = closeParagraph();
        if (miss) return miss;
        htmlStart = i;
        htmlEnd = le;
        i = ni;
        continue;
      }
      if (c === 42 /* * */ && !inParagraph) {
        // `**第一条**　…`: the one kind of emphasis read here, at the start of a paragraph.
        const end = leadingStrongEnd(source, k, le);
        if (end < 0) return { reason: 'emphasis', offset: k };
        let te = le;
        while (te > end && (source.charCodeAt(te - 1) === 32 || source.charCodeAt(te - 1) === 9)) te--;
        // Trailing spaces right after the run: leave that to remark.
        if (te === end && te < le) return { reason: 'emphasis', offset: k };
        const inline = inlineMiss(source, end, te);
        if (inline) return inline;
        strongEnd = end;
        lineFrom.push(k);
        lineTo.push(te);
        lineEnd.push(le);
        i = ni;
        continue;
      }
      if (isBlockSpecial(c)) return { reason: `block ${source[k]}`, offset: k };
      if (c >= 48 && c <= 57) {
        // An ordered list item: up to nine digits, `.` or `)`, then a space, a tab or the line end.
        let d = k;
        while (d < le && d - k < 10 && source.charCodeAt(d) >= 48 && source.charCodeAt(d) <= 57) d++;
        const m = source.charCodeAt(d);
        const after = d + 1 < le ? source.charCodeAt(d + 1) : 32;
        if (d - k <= 9 && (m === 46 || m === 41) && (after === 32 || after === 9)) return { reason: 'ordered list', offset: k };
      }
      if (c === 35 /* # */) {
        let h = k;
        while (h < le && source.charCodeAt(h) === 35) h++;
        const depth = h - k;
        const after = source.charCodeAt(h);
        if (depth <= 6 && (h === le || after === 32 || after === 9)) {
          const miss = closeParagraph();
          if (miss) return miss;
          let cs = h;
          while (cs < le && (source.charCodeAt(cs) === 32 || source.charCodeAt(cs) === 9)) cs++;
          let ce = le;
          while (ce > cs && (source.charCodeAt(ce - 1) === 32 || source.charCodeAt(ce - 1) === 9)) ce--;
          // A closing sequence (`## 标题 ##`) or an empty heading: leave it to remark.
          if (ce === cs || source.charCodeAt(ce - 1) === 35) return { reason: 'heading: closing #s or empty', offset: k };
          const inline = inlineMiss(source, cs, ce);
          if (inline) return inline;
          const text: MdNode = { type: 'text', value: source.slice(cs, ce), position: pos(cs - base, ce - base) };
          children.push({ type: 'heading', depth, children: [text], position: pos(k - base, le - base) });
          i = ni;
          continue;
        }
      }
    }
    // A paragraph line: leading and trailing spaces and tabs are not part of its text.
    let te = le;
    while (te > k && (source.charCodeAt(te - 1) === 32 || source.charCodeAt(te - 1) === 9)) te--;
    const inline = inlineMiss(source, k, te);
    if (inline) return inline;
    lineFrom.push(k);
    lineTo.push(te);
    lineEnd.push(le);
    i = ni;
  }
  const miss = closeParagraph();
  if (miss) return miss;
  closeHtml();
  return children;
}
