/**
 * Minimal stand-ins for the Markdown reader and the structure parser, so the text-model tests do not
 * depend on them: one paragraph block per non-empty line (a `# ` line is a depth-1 heading without
 * the marker), identity segments, sentences split at 。；！？ and line ends.
 */
import type { Block, Sentence, TextRange } from '../../src/types.js';

/** One block per non-empty line of `text`; offsets refer to `text`. */
export function plainBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() !== '') {
      const heading = line.startsWith('# ');
      const skip = heading ? 2 : 0;
      const body = line.slice(skip);
      blocks.push({
        type: heading ? 'heading' : 'paragraph',
        depth: heading ? 1 : 0,
        text: body,
        segments: [{ at: 0, src: offset + skip, len: body.length }],
        start: offset,
        end: offset + line.length,
      });
    }
    offset += raw.length + 1;
  }
  return blocks;
}

/** Sentences of the blocks: split after 。；！？ and at line ends; `article` is always -1. */
export function plainSentences(blocks: Block[]): Sentence[] {
  const out: Sentence[] = [];
  blocks.forEach((block, b) => {
    let start = 0;
    const text = block.text;
    const push = (end: number) => {
      let s = start;
      while (s < end && /\s/.test(text[s]!)) s++;
      if (s < end) out.push({ text: text.slice(s, end), range: { block: b, start: s, end }, article: -1 });
    };
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if ('。；！？'.includes(c)) {
        push(i + 1);
        start = i + 1;
      } else if (c === '\n') {
        push(i);
        start = i + 1;
      }
    }
    push(text.length);
  });
  return out;
}

/**
 * Where the header ends for plain blocks: the first block that starts a chapter, section, article or
 * a `一、` heading (product.md §2.3); the block count when there is none.
 */
export function plainHeaderEnd(blocks: Block[]): number {
  const i = blocks.findIndex((b) =>
    /^\s*(?:第[一二三四五六七八九十百千零〇\d]+[章节条]|[一二三四五六七八九十]+、)/.test(b.text),
  );
  return i < 0 ? blocks.length : i;
}

/** The text a TextRange of `blocks` covers. */
export function textOf(blocks: Block[], r: TextRange): string {
  return blocks[r.block]!.text.slice(r.start, r.end);
}
