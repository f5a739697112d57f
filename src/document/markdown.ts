/**
 * Markdown → blocks of plain text with an exact map back to source offsets (product.md §2.3).
 * One walk over the mdast tree from remark-parse; raw HTML is read by a small scanner of our own.
 */
import type { Block } from '../types.js';
import { BLOCK_ELEMENTS, BLOCK_ELEMENT_START, HTML_ELEMENTS, decodeEntityAt, parseTagAt } from './html-text.js';
import { fastBlocks } from './fast-blocks.js';

type Segment = Block['segments'][number];

/** The parts of an mdast node we read; kept local so that we do not depend on @types/mdast. */
export interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/**
 * remark-parse, loaded on first need: most bodies are read by fastBlocks, and a run served from the
 * cache reads none, so a run that never meets other Markdown does not pay for loading unified, remark
 * and micromark (about 50 ms of start-up). Loading is asynchronous (ES modules) and the document
 * builder is not, so a body that needs the parser before it is loaded throws MarkdownParserNotLoaded;
 * the pipeline (src/lint.ts) loads it and reads that file again. Callers that build documents
 * directly load it first (loadMarkdownParser).
 */
let parser: { parse(text: string): unknown } | null = null;

/** Thrown by readBlocks before loadMarkdownParser() has finished: load it, then build the document again. */
export class MarkdownParserNotLoaded extends Error {
  override name = 'MarkdownParserNotLoaded';
  constructor() {
    super('remark-parse is not loaded yet: await loadMarkdownParser() and build the document again');
  }
}

/** Load remark-parse (once); afterwards every body can be read. */
export async function loadMarkdownParser(): Promise<void> {
  if (parser) return;
  const [{ unified }, { default: remarkParse }] = await Promise.all([import('unified'), import('remark-parse')]);
  parser ??= unified().use(remarkParse).freeze();
}

/** True for whitespace as it occurs in Chinese legal text (ASCII, NBSP, en/em spaces, U+3000, BOM). */
export function isSpaceCode(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff || c === 0x2028;
}

/**
 * Accumulates a block's text and its segments. Verbatim runs that are contiguous in the source share
 * one segment, so ordinary text costs one segment per markup boundary, not per character.
 */
class TextBuilder {
  private parts: string[] = [];
  length = 0;
  segs: Segment[] = [];
  private lastSynthetic = true;

  constructor(private readonly hasCR: boolean) {}

  /** Append `str[from, to)`, whose character k sits at source offset k + base; CRLF becomes LF. */
  copy(str: string, from: number, to: number, base: number): void {
    if (to <= from) return;
    if (!this.hasCR) {
      this.run(str, from, to, from + base);
      return;
    }
    let i = from;
    for (let k = from; k < to; k++) {
      if (str.charCodeAt(k) !== 13) continue;
      if (k > i) this.run(str, i, k, i + base);
      // A CR before an LF is dropped (the LF follows as text); a lone CR is a line break of its own.
      if (k + 1 < to && str.charCodeAt(k + 1) === 10) i = k + 1;
      else {
        this.synth('\n', k + base);
        i = k + 1;
      }
    }
    if (to > i) this.run(str, i, to, i + base);
  }

  /** Append `str[from, to)` whose source offsets are listed per index in `map` (raw HTML in containers). */
  copyMapped(str: string, from: number, to: number, map: Int32Array): void {
    let runStart = from;
    for (let k = from + 1; k <= to; k++) {
      if (k === to || map[k] !== map[k - 1]! + 1) {
        this.copy(str, runStart, k, map[runStart]! - runStart);
        runStart = k;
      }
    }
  }

  /** Append text that does not appear verbatim in the source (a decoded entity, `\n` for `<br>`). */
  synth(text: string, src: number): void {
    if (text === '') return;
    this.parts.push(text);
    this.segs.push({ at: this.length, src, len: 1 });
    this.length += text.length;
    this.lastSynthetic = true;
  }

  private run(str: string, from: number, to: number, src: number): void {
    this.parts.push(str.slice(from, to));
    const n = to - from;
    const last = this.segs.length > 0 ? this.segs[this.segs.length - 1]! : null;
    if (last && !this.lastSynthetic && last.src + last.len === src && last.at + last.len === this.length) {
      last.len += n;
    } else {
      this.segs.push({ at: this.length, src, len: n });
    }
    this.length += n;
    this.lastSynthetic = false;
  }

  text(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts.length ? this.parts[0]! : '';
  }

  /** True when the text so far has an unclosed 《, so a `<…>` here is an inner title, not a tag. */
  insideTitle(): boolean {
    const t = this.text();
    return t.lastIndexOf('《') > t.lastIndexOf('》');
  }
}

/** Attribute lists of markdown-it-attrs: `{align="center"}`, `{align=center}`, `{#id .class}`. */
const ATTR_LIST = /^\{[ \t]*(?:(?:[#.][\w-]+|[\w:-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}]+))[ \t]*)+\}/;
const ATTR_TAIL = /[ \t]*\{[ \t]*(?:(?:[#.][\w-]+|[\w:-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}]+))[ \t]*)+\}[ \t]*$/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const BR = /^<br\s*\/?>$/i;

interface Piece {
  text: string;
  segs: Segment[];
}

/**
 * Keep the ranges `ranges` (flat [a0, b0, a1, b1 …], ascending) of a text, clipping its segments;
 * `joiner` (mapped to the end of the previous range) goes between ranges.
 */
function pick(text: string, segs: Segment[], ranges: number[], joiner = ''): Piece {
  const parts: string[] = [];
  const out: Segment[] = [];
  let at = 0;
  let k = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    const a = ranges[r]!;
    const b = ranges[r + 1]!;
    if (r > 0 && joiner) {
      parts.push(joiner);
      out.push({ at, src: sourceAt(segs, ranges[r - 1]!), len: 1 });
      at += joiner.length;
    }
    parts.push(text.slice(a, b));
    while (k + 1 < segs.length && segs[k + 1]!.at <= a) k++;
    for (let m = k; m < segs.length && segs[m]!.at < b; m++) {
      const s = segs[m]!;
      const lo = Math.max(s.at, a);
      const off = lo - s.at;
      out.push({ at: at + lo - a, src: s.src + Math.min(off, s.len), len: Math.max(0, Math.min(s.len - off, b - lo)) });
    }
    at += b - a;
  }
  return { text: parts.join(''), segs: out };
}

/** Source offset of text index `index` (the same rule as blockOffset in positions.ts). */
function sourceAt(segs: Segment[], index: number): number {
  let lo = 0;
  let hi = segs.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.at <= index) lo = mid;
    else hi = mid - 1;
  }
  const seg = segs[lo]!;
  return index < seg.at ? seg.src : seg.src + Math.min(index - seg.at, seg.len);
}

function isFenceLine(text: string, ls: number, le: number): boolean {
  let i = ls;
  while (i < le && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return le - i >= 3 && text.charCodeAt(i) === 58 && text.charCodeAt(i + 1) === 58 && text.charCodeAt(i + 2) === 58;
}

/** Drop container fence lines (`::: details 目录`, `:::`) and attribute tails (`{align="center"}`) line by line. */
function stripContainerMarkup(p: Piece): Piece {
  const { text } = p;
  const ranges: number[] = [];
  let changed = false;
  const keep = (a: number, b: number) => {
    if (b <= a) return;
    if (ranges.length && ranges[ranges.length - 1] === a) ranges[ranges.length - 1] = b;
    else ranges.push(a, b);
  };
  let ls = 0;
  for (;;) {
    const nl = text.indexOf('\n', ls);
    const le = nl < 0 ? text.length : nl;
    if (isFenceLine(text, ls, le)) {
      changed = true;
    } else {
      let ce = le;
      const brace = text.lastIndexOf('{', le - 1);
      if (brace >= ls) {
        const m = ATTR_TAIL.exec(text.slice(ls, le));
        if (m) {
          ce = ls + m.index;
          changed = true;
        }
      }
      keep(ls, ce);
      if (nl >= 0) keep(le, le + 1);
    }
    if (nl < 0) break;
    ls = nl + 1;
  }
  return changed ? pick(text, p.segs, ranges) : p;
}

/** Drop leading blank lines and trailing whitespace; returns null when nothing but whitespace is left. */
function trimPiece(p: Piece): Piece | null {
  const { text } = p;
  let f = 0;
  while (f < text.length && isSpaceCode(text.charCodeAt(f))) f++;
  if (f === text.length) return null;
  const a = text.lastIndexOf('\n', f) + 1;
  let b = text.length;
  while (b > f && isSpaceCode(text.charCodeAt(b - 1))) b--;
  return a === 0 && b === text.length ? p : pick(text, p.segs, [a, b]);
}

/** Split a pipe table (GFM syntax, which plain remark-parse leaves as a paragraph) into one piece per row. */
function tableRows(p: Piece): Piece[] | null {
  const { text } = p;
  const nl1 = text.indexOf('\n');
  if (nl1 < 0 || text.indexOf('|') < 0 || text.indexOf('|') > nl1) return null;
  const nl2 = text.indexOf('\n', nl1 + 1);
  const second = text.slice(nl1 + 1, nl2 < 0 ? text.length : nl2);
  if (second.indexOf('|') < 0 || !TABLE_DELIMITER.test(second)) return null;
  const rows: Piece[] = [];
  let ls = 0;
  for (;;) {
    const nl = text.indexOf('\n', ls);
    const le = nl < 0 ? text.length : nl;
    const line = text.slice(ls, le);
    if (!TABLE_DELIMITER.test(line) || line.indexOf('-') < 0) {
      const cells: number[] = [];
      let cs = ls;
      for (let i = ls; i <= le; i++) {
        if (i < le && text.charCodeAt(i) !== 124) continue;
        let a = cs;
        let b = i;
        while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
        while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
        if (b > a) cells.push(a, b);
        cs = i + 1;
      }
      if (cells.length) rows.push(pick(text, p.segs, cells, ' '));
    }
    if (nl < 0) break;
    ls = nl + 1;
  }
  return rows;
}

/** Walks one mdast tree and collects blocks. */
class BlockReader {
  readonly blocks: Block[] = [];
  private readonly hasCR: boolean;

  constructor(private readonly source: string, private readonly base: number) {
    this.hasCR = source.indexOf('\r', base) >= 0;
  }

  walk(node: MdNode): void {
    switch (node.type) {
      case 'heading':
        this.inlineBlock(node, 'heading', node.depth ?? 1);
        return;
      case 'paragraph':
        this.inlineBlock(node, 'paragraph', 0);
        return;
      case 'html':
        this.htmlFlow(node);
        return;
      case 'code':
      case 'yaml':
      case 'toml':
      case 'thematicBreak':
      case 'definition':
      case 'footnoteDefinition':
        return;
      case 'table':
        for (const row of node.children ?? []) this.inlineBlock(row, 'paragraph', 0, ' ');
        return;
      default:
        if (node.children) for (const child of node.children) this.walk(child);
    }
  }

  private start(node: MdNode): number {
    return (node.position?.start.offset ?? 0) + this.base;
  }

  private end(node: MdNode): number {
    return (node.position?.end.offset ?? 0) + this.base;
  }

  /** A heading, paragraph (or table row, cells separated by `cellJoin`) read from its phrasing content. */
  private inlineBlock(node: MdNode, type: Block['type'], depth: number, cellJoin = ''): void {
    const b = new TextBuilder(this.hasCR);
    const children = node.children ?? [];
    for (let i = 0; i < children.length; i++) {
      if (cellJoin && i > 0 && b.length > 0) b.synth(cellJoin, this.start(children[i]!));
      this.inline(children[i]!, b, i > 0 ? children[i - 1]!.type : '');
    }
    this.finish({ text: b.text(), segs: b.segs }, type, depth, this.start(node), this.end(node), type === 'paragraph');
  }

  private inline(node: MdNode, b: TextBuilder, prevType: string): void {
    const s = this.start(node);
    const e = this.end(node);
    switch (node.type) {
      case 'text': {
        let value = node.value ?? '';
        let from = s;
        // `[查看全文](…){target="_blank"}`: markdown-it-attrs lists right after a link are markup.
        if (prevType === 'link' && value.charCodeAt(0) === 123) {
          const m = ATTR_LIST.exec(value);
          if (m && this.source.startsWith(m[0], from)) {
            value = value.slice(m[0].length);
            from += m[0].length;
          }
        }
        this.appendAligned(b, value, from, e);
        return;
      }
      case 'inlineCode': {
        const value = node.value ?? '';
        // The value sits inside the backticks (minus one padding space each side, if any).
        const inner = value ? this.source.slice(s, e).indexOf(value) : -1;
        if (inner >= 0) b.copy(this.source, s + inner, s + inner + value.length, 0);
        else b.synth(value, s);
        return;
      }
      case 'break':
        b.synth('\n', s);
        return;
      case 'html': {
        const value = node.value ?? '';
        if (BR.test(value)) {
          b.synth('\n', s);
        } else if (b.insideTitle()) {
          // 《中华人民共和国<abc>法》: keep an inner title that happens to look like a tag.
          const tag = parseTagAt(value, 0);
          if (!tag || !HTML_ELEMENTS.has(tag.name)) this.appendAligned(b, value, s, e);
        }
        return;
      }
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        return;
      default: {
        const children = node.children;
        if (!children) {
          if (typeof node.value === 'string') this.appendAligned(b, node.value, s, e);
          return;
        }
        for (let i = 0; i < children.length; i++) this.inline(children[i]!, b, i > 0 ? children[i - 1]!.type : '');
      }
    }
  }

  /**
   * Append a text node's value, mapping it onto source[from, to). The value differs from the source where
   * micromark decoded a character reference, dropped an escaping backslash, or stripped a line's
   * indentation or container prefix (`> `); we walk both and skip or map those spots.
   */
  private appendAligned(b: TextBuilder, value: string, from: number, to: number): void {
    const src = this.source;
    if (value.length === to - from && src.startsWith(value, from)) {
      b.copy(src, from, to, 0);
      return;
    }
    let i = from;
    let j = 0;
    let runStart = -1;
    while (j < value.length) {
      if (i < to && src.charCodeAt(i) === value.charCodeAt(j)) {
        if (runStart < 0) runStart = i;
        i++;
        j++;
        continue;
      }
      if (runStart >= 0) {
        b.copy(src, runStart, i, 0);
        runStart = -1;
      }
      if (i >= to) {
        b.synth(value.slice(j), Math.max(from, to - 1));
        return;
      }
      const c = src.charCodeAt(i);
      if (c === 38 /* & */) {
        const ent = decodeEntityAt(src, i, to);
        if (ent) {
          let n = 0;
          if (ent.text !== '' && value.startsWith(ent.text, j)) n = ent.text.length;
          else if (ent.text === '') n = (value.charCodeAt(j) & 0xfc00) === 0xd800 ? 2 : 1;
          if (n > 0) {
            b.synth(value.slice(j, j + n), i);
            i += ent.len;
            j += n;
            continue;
          }
        }
      } else if (c === 92 /* \ */ && i + 1 < to && src.charCodeAt(i + 1) === value.charCodeAt(j)) {
        i++;
        continue;
      }
      if (c === 32 || c === 9 || c === 13 || c === 62 /* > */) {
        // Indentation or a blockquote marker that micromark stripped from a continuation line.
        i++;
      } else {
        // A character micromark produced itself (U+FFFD for NUL …): map it here and stay in step.
        b.synth(value[j]!, i);
        j++;
        i++;
      }
    }
    if (runStart >= 0) b.copy(src, runStart, i, 0);
  }

  /** A raw HTML block: one block per block-level element, or per line when it has none. */
  private htmlFlow(node: MdNode): void {
    const value = node.value ?? '';
    const s = this.start(node);
    const e = this.end(node);
    if (value.length === e - s && this.source.startsWith(value, s)) {
      this.scanHtml(this.source, s, e, null);
      return;
    }
    // Inside a blockquote or list the value lacks the container prefixes: map each index to the source.
    const map = new Int32Array(value.length + 1);
    let i = s;
    for (let j = 0; j < value.length; j++) {
      while (i < e && this.source.charCodeAt(i) !== value.charCodeAt(j)) i++;
      map[j] = i < e ? i : e;
      if (i < e) i++;
    }
    map[value.length] = i;
    this.scanHtml(value, 0, value.length, map);
  }

  /** Scan raw HTML in str[from, to); `map` gives source offsets per index, else str is the source itself. */
  private scanHtml(str: string, from: number, to: number, map: Int32Array | null): void {
    // With `map`, str is the node's value and from is 0, so an index of str is an index of map.
    const srcOf = (k: number) => (map ? map[k]! : k);
    const perElement = BLOCK_ELEMENT_START.test(str.slice(from, to));
    let b: TextBuilder | null = null;
    let blockStart = 0;
    let depth = 0;
    let titles = 0; // open 《 in the current block
    let pending = from; // start of verbatim text not yet copied
    const flush = (k: number) => {
      if (k > pending) {
        if (!b) {
          b = new TextBuilder(this.hasCR);
          blockStart = srcOf(pending);
        }
        if (map) b.copyMapped(str, pending, k, map);
        else b.copy(str, pending, k, 0);
      }
      pending = k;
    };
    const ensure = (k: number): TextBuilder => {
      if (!b) {
        b = new TextBuilder(this.hasCR);
        blockStart = srcOf(k);
      }
      return b;
    };
    const close = (endOffset: number) => {
      const cur = b as TextBuilder | null;
      if (cur) this.finish({ text: cur.text(), segs: cur.segs }, 'html', depth, blockStart, endOffset, false);
      b = null;
      depth = 0;
      titles = 0;
    };
    let i = from;
    while (i < to) {
      const c = str.charCodeAt(i);
      if (c === 60 /* < */) {
        const tag = parseTagAt(str, i, to);
        if (tag && !(titles > 0 && !HTML_ELEMENTS.has(tag.name))) {
          flush(i);
          const name = tag.name;
          let next = tag.end;
          if (name === 'br') {
            ensure(i).synth('\n', srcOf(i));
            // `<br>` at a line end already breaks the line; the source newline adds nothing.
            let k = next;
            while (k < to && (str.charCodeAt(k) === 32 || str.charCodeAt(k) === 9)) k++;
            if (k < to && str.charCodeAt(k) === 13) k++;
            if (k < to && str.charCodeAt(k) === 10) next = k + 1;
          } else if (BLOCK_ELEMENTS.has(name)) {
            close(srcOf(tag.closing ? tag.end - 1 : i) + (tag.closing ? 1 : 0));
            if (!tag.closing) {
              if (name.length === 2 && name.charCodeAt(0) === 104 /* h */) depth = name.charCodeAt(1) - 48;
              ensure(i);
            }
          } else if ((name === 'td' || name === 'th') && !tag.closing) {
            const cur = b as TextBuilder | null;
            if (cur && cur.length > 0) cur.synth(' ', srcOf(i));
          } else if ((name === 'script' || name === 'style') && !tag.closing) {
            const endTag = str.indexOf('</' + name, next);
            next = endTag < 0 || endTag >= to ? to : endTag;
          }
          i = next;
          pending = next;
          continue;
        }
      } else if (c === 38 /* & */) {
        const ent = decodeEntityAt(str, i, to);
        if (ent && ent.text !== '') {
          flush(i);
          ensure(i).synth(ent.text, srcOf(i));
          if (ent.text === '《') titles++;
          else if (ent.text === '》' && titles > 0) titles--;
          i += ent.len;
          pending = i;
          continue;
        }
      } else if (c === 0x300a /* 《 */) {
        titles++;
      } else if (c === 0x300b /* 》 */) {
        if (titles > 0) titles--;
      } else if (c === 10 && !perElement) {
        flush(i);
        close(srcOf(i));
        pending = i + 1;
      }
      i++;
    }
    flush(to);
    close(srcOf(to - 1) + 1);
  }

  /** Clean a block's text (fences, attribute tails, blank edges) and record it. */
  private finish(piece: Piece, type: Block['type'], depth: number, start: number, end: number, table: boolean): void {
    let p = piece;
    if (p.text.indexOf(':::') >= 0 || p.text.indexOf('{') >= 0) p = stripContainerMarkup(p);
    const trimmed = trimPiece(p);
    if (!trimmed) return;
    if (table && trimmed.text.indexOf('|') >= 0) {
      const rows = tableRows(trimmed);
      if (rows) {
        for (const row of rows) {
          const r = trimPiece(row);
          if (!r) continue;
          const rs = sourceAt(r.segs, 0);
          const re = sourceAt(r.segs, r.text.length - 1) + 1;
          this.blocks.push({ type: 'paragraph', depth: 0, text: r.text, segments: r.segs, start: rs, end: re });
        }
        return;
      }
    }
    this.blocks.push({ type, depth: type === 'paragraph' ? 0 : depth, text: trimmed.text, segments: trimmed.segs, start, end });
  }
}

// ---------------------------------------------------------------------------
// Input the Markdown parser cannot take (product.md §6: bad input never crashes, never hangs)
// ---------------------------------------------------------------------------

/**
 * Deepest container nesting (blockquotes, list items) of one line read as Markdown; deeper input is
 * read as plain text. Real documents nest lists five or six levels at most. Beyond depth limits, micromark
 * spends time growing with the square of a line's depth on every line (measured: 2,000 lines of 99
 * nested list markers take 69 s), so the sum of squared depths over all lines is capped too.
 */
export const MAX_MARKDOWN_NESTING = 32;
/** Cap on the sum over lines of (container depth)²: 500,000 is about 2 s at worst (lists), 0.1 s (quotes). */
export const MAX_NESTING_COST = 500_000;
/**
 * Budget for inline delimiters: the sum, over paragraphs, of the square of each paragraph's count of
 * emphasis delimiters (a run of `*` or `_` counts one per two characters) and link/image openers (`[`). micromark resolves these in time
 * quadratic in their number per paragraph (measured: 8,000 unmatched `*_` runs take 4 s, 20,000 take
 * 10 s), so the square is the cost; 4,000,000 is one paragraph of 2,000, about half a second at worst.
 * No real document comes near: a 20-page regulation has a few dozen.
 */
export const MAX_INLINE_COST = 4_000_000;

/** Why the body cannot be read as Markdown, and where (offset in `source`); null when it can. */
export function markdownHazard(source: string, bodyStart: number): { reason: string; offset: number } | null {
  const n = source.length;
  let inlineCost = 0;
  let nestingCost = 0;
  let runs = 0; // delimiters in the current paragraph
  let i = bodyStart;
  while (i < n) {
    // One line: its container prefix (a list nested by indentation opens a level per two columns
    // before its marker), then its inline delimiters.
    const lineStart = i;
    let depth = 0;
    let col = 0;
    for (;;) {
      const c = source.charCodeAt(i);
      if (c === 32) {
        col++;
        i++;
      } else if (c === 9) {
        col += 4;
        i++;
      } else if (c === 62 /* > */) {
        depth += 1 + (col >> 1);
        col = 0;
        i++;
      } else if ((c === 45 || c === 42 || c === 43) /* - * + */ && (source.charCodeAt(i + 1) === 32 || source.charCodeAt(i + 1) === 9)) {
        depth += 1 + (col >> 1);
        col = 0;
        i += 2;
      } else if (c >= 48 && c <= 57) {
        let k = i;
        while (k < n && k - i < 9 && source.charCodeAt(k) >= 48 && source.charCodeAt(k) <= 57) k++;
        const d = source.charCodeAt(k);
        const after = source.charCodeAt(k + 1);
        if ((d === 46 || d === 41) && (after === 32 || after === 9)) {
          depth += 1 + (col >> 1);
          col = 0;
          i = k + 2;
        } else break;
      } else break;
    }
    if (depth > MAX_MARKDOWN_NESTING) {
      return { reason: `正文的 Markdown 引用或列表嵌套超过 ${MAX_MARKDOWN_NESTING} 层`, offset: lineStart };
    }
    nestingCost += depth * depth;
    if (nestingCost > MAX_NESTING_COST) return { reason: '正文中多层嵌套的 Markdown 引用或列表过多', offset: lineStart };
    let blank = true;
    let prev = -1;
    let run = 0; // length of the current * or _ run; each pair of its characters is one delimiter to resolve
    while (i < n) {
      const c = source.charCodeAt(i);
      if (c === 10 || c === 13) break;
      if (c !== 32 && c !== 9) blank = false;
      if (c === 42 || c === 95) {
        run = c === prev ? run + 1 : 1;
        if (run % 2 === 1) runs++;
      } else if (c === 91 /* [ */) runs++;
      prev = c;
      i++;
    }
    if (i < n && source.charCodeAt(i) === 13 && source.charCodeAt(i + 1) === 10) i++;
    i++;
    if (blank || i >= n) {
      inlineCost += runs * runs;
      runs = 0;
      if (inlineCost > MAX_INLINE_COST) return { reason: '正文同一段中的 Markdown 强调和链接标记过多', offset: lineStart };
    }
  }
  return null;
}

/**
 * One paragraph block per non-blank line (CR dropped): the body read as plain text. Leading blockquote
 * markers and bullets (`> > - `) are dropped so that a 第一条 behind them still reads as an article.
 */
export function plainTextBlocks(source: string, bodyStart: number): Block[] {
  const blocks: Block[] = [];
  const n = source.length;
  let i = bodyStart;
  while (i < n) {
    let e = i;
    while (e < n && source.charCodeAt(e) !== 10 && source.charCodeAt(e) !== 13) e++;
    let a = i;
    for (;;) {
      const c = source.charCodeAt(a);
      if (a < e && isSpaceCode(c)) a++;
      else if (a < e && c === 62 /* > */) a++;
      else if (a + 1 < e && (c === 45 || c === 42 || c === 43) && (source.charCodeAt(a + 1) === 32 || source.charCodeAt(a + 1) === 9)) a += 2;
      else break;
    }
    let b = e;
    while (b > a && isSpaceCode(source.charCodeAt(b - 1))) b--;
    if (b > a) blocks.push({ type: 'paragraph', depth: 0, text: source.slice(a, b), segments: [{ at: 0, src: a, len: b - a }], start: a, end: b });
    i = e < n && source.charCodeAt(e) === 13 && source.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
  }
  return blocks;
}

/**
 * readBlocks that never fails on hostile input: a body nested deeper than MAX_MARKDOWN_NESTING, with
 * more inline markup than MAX_INLINE_COST, or one the parser overflows the stack on, is read as
 * plain text (one block per line), and `problem` says why and where (a parse-error for the caller).
 */
export function readBlocksSafely(source: string, bodyStart: number): { blocks: Block[]; problem: { message: string; offset: number } | null } {
  const hazard = markdownHazard(source, bodyStart);
  if (hazard) {
    return { blocks: plainTextBlocks(source, bodyStart), problem: { message: `发现${hazard.reason}：无法按 Markdown 解析，已按纯文本逐行读取`, offset: hazard.offset } };
  }
  // Most bodies are headings and plain paragraphs: read those in one pass without remark (same blocks,
  // test/document/fast-blocks.test.ts). Only after the hazard check, which fastBlocks does not repeat.
  const fast = fastBlocks(source, bodyStart);
  if (fast) return { blocks: fast, problem: null };
  try {
    return { blocks: readBlocks(source, bodyStart), problem: null };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { blocks: plainTextBlocks(source, bodyStart), problem: { message: '发现正文的 Markdown 结构嵌套过深（超出调用栈）：无法按 Markdown 解析，已按纯文本逐行读取', offset: bodyStart } };
  }
}

/**
 * Read the Markdown body `source.slice(bodyStart)` into blocks (headings, paragraphs, raw-HTML paragraphs) whose offsets refer to `source`.
 */
export function readBlocks(source: string, bodyStart: number): Block[] {
  if (!parser) throw new MarkdownParserNotLoaded();
  const body = bodyStart > 0 ? source.slice(bodyStart) : source;
  return blocksOfTree(source, bodyStart, parser.parse(body) as unknown as MdNode);
}

/**
 * The blocks of an mdast tree of the body `source.slice(bodyStart)` (its offsets relative to the body),
 * from remark-parse or from a reader that builds the same nodes itself (fast-blocks.ts).
 */
export function blocksOfTree(source: string, bodyStart: number, tree: MdNode): Block[] {
  const reader = new BlockReader(source, bodyStart);
  reader.walk(tree);
  return reader.blocks;
}
