/**
 * Resolving the date paths that rules name (施行日期, 公开征求意见.开始, 公布.日期 …) on a Document.
 */
import type { Document, Pos } from '../types.js';
import { DOC_POS } from '../document/positions.js';

export interface DateAt {
  iso: string;
  pos: Pos;
}

/**
 * A date by path: the field value first; for 施行日期 and 公布.日期 the document's derived value
 * (fields first, else read from the text) so a record rule also sees a date stated only in the text.
 */
export function dateAt(doc: Document, path: string): DateAt | null {
  const iso = doc.fields.dates[path];
  if (iso) return { iso, pos: doc.fields.pos[path] ?? DOC_POS };
  if (path === '施行日期' && doc.effectiveOn) return { iso: doc.effectiveOn.value, pos: doc.effectiveOn.pos };
  if ((path === '公布.日期' || path === '公布日期') && doc.publishedOn) {
    return { iso: doc.publishedOn.value, pos: doc.publishedOn.pos };
  }
  return null;
}

/** Whether a field path holds a value (used by `excusedBy`). */
export function hasField(doc: Document, path: string): boolean {
  const [head, sub] = path.split('.', 2) as [string, string | undefined];
  if (sub === undefined) {
    const v = doc.fields.values[head];
    return v !== undefined && v !== null && v !== '' && v !== false;
  }
  const step = doc.fields.steps[head];
  const v = step?.fields[sub];
  return v !== undefined && v !== null && v !== '' && v !== false;
}

/** Position of a field path, falling back to its record, then the document start. */
export function fieldPos(doc: Document, path: string): Pos {
  return doc.fields.pos[path] ?? doc.fields.steps[path.split('.')[0]!]?.pos ?? doc.fields.pos[path.split('.')[0]!] ?? DOC_POS;
}

/** The place a document-level finding points at: the title when known, else the start. */
export function docPos(doc: Document): Pos {
  return doc.fields.pos['标题'] ?? doc.text.title?.pos ?? DOC_POS;
}
