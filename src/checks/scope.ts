/**
 * Text scopes shared by the pattern checks: which sentences of the Document a rule looks at.
 */
import type { Document, Pos, Sentence, TextRange } from '../types.js';
import { rangePos } from '../document/positions.js';

export type Scope = 'body' | 'title' | 'article' | 'first-article';
export const SCOPES = ['body', 'title', 'article', 'first-article'] as const;

/**
 * Sentences of the body: everything from the first chapter/article/numbered heading on, plus header
 * paragraphs that read as prose (they end a sentence), which covers texts with no articles and the
 * preamble of a wrapper notice, while leaving out title, 文号 and date lines.
 */
export function bodySentences(doc: Document): Sentence[] {
  const { text } = doc;
  const prose = new Set<number>();
  for (let i = 0; i < Math.min(text.headerEnd, text.blocks.length); i++) {
    const b = text.blocks[i]!;
    if (b.type !== 'heading' && /[。；！？]/.test(b.text)) prose.add(i);
  }
  return text.sentences.filter((s) => s.range.block >= text.headerEnd || prose.has(s.range.block));
}

/** Sentences of the first article, or the first prose paragraph after a 主送机关 line. */
export function firstArticleSentences(doc: Document): Sentence[] {
  const { text } = doc;
  if (text.articles.length > 0) return text.sentences.filter((s) => s.article === 0);
  const body = bodySentences(doc);
  if (body.length === 0) return [];
  let block = body[0]!.range.block;
  // A 主送机关 line (…：) is not the first paragraph of the text.
  const first = text.blocks[block]!.text.trim();
  if (/[：:]$/.test(first)) {
    const next = body.find((s) => s.range.block > block);
    if (!next) return [];
    block = next.range.block;
  }
  return body.filter((s) => s.range.block === block);
}

export function scopeSentences(doc: Document, scope: Scope): Sentence[] {
  switch (scope) {
    case 'body':
      return bodySentences(doc);
    case 'article':
      return doc.text.sentences.filter((s) => s.article >= 0);
    case 'first-article':
      return firstArticleSentences(doc);
    case 'title':
      return doc.text.sentences.filter((s) => s.range.block === doc.text.titleBlock);
  }
}

export function textPos(doc: Document, range: TextRange): Pos {
  return rangePos(doc.textLines, doc.text.blocks, range);
}

/** Combine patterns into one global alternation so a sentence is scanned once per rule. */
export function combine(patterns: string[], flags = 'g'): RegExp {
  return new RegExp(patterns.map((p) => `(?:${p})`).join('|'), flags);
}
