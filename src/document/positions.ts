/**
 * Offsets ↔ line/column. Positions are 1-based; columns count UTF-16 units (product.md §4.1).
 */
import type { Block, LineLookup, Pos, TextRange } from '../types.js';

/** Line-start offsets of a source, for binary search. */
export class LineIndex implements LineLookup {
  readonly starts: number[];
  constructor(readonly source: string) {
    const starts = [0];
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (source.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /** 1-based line and column of a source offset. */
  lineCol(offset: number): { line: number; column: number } {
    const starts = this.starts;
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  /** A Pos spanning source offsets [start, end). */
  span(start: number, end: number): Pos {
    const a = this.lineCol(start);
    const b = this.lineCol(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** Offset of a 1-based line's start. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1]!;
  }
}

/** Source offset of a character index inside a block's text. */
export function blockOffset(block: Block, index: number): number {
  const segs = block.segments;
  if (segs.length === 0) return block.start;
  let lo = 0, hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.at <= index) lo = mid;
    else hi = mid - 1;
  }
  const seg = segs[lo]!;
  if (index < seg.at) return seg.src;
  return seg.src + Math.min(index - seg.at, seg.len);
}

/** Pos of a text range. */
export function rangePos(lines: LineLookup, blocks: Block[], range: TextRange): Pos {
  const block = blocks[range.block];
  if (!block) return lines.span(0, 0);
  const start = blockOffset(block, range.start);
  // The end maps from the last character, plus one, so a range that ends a segment stays inside it.
  const end = range.end > range.start ? blockOffset(block, range.end - 1) + 1 : start;
  return lines.span(start, end);
}

/** The whole-document position (line 1, column 1). */
export const DOC_POS: Pos = { line: 1, column: 1, endLine: 1, endColumn: 1 };
