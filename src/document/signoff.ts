/**
 * The sign-off (落款): one or more lines of organ names followed by a date line. It closes the main
 * text, or a wrapper notice (关于印发《X》的通知 … 落款 … then X). The first one after some body text is
 * taken: for a wrapper or a 转发 notice that is the notice's own, not the one of the text it carries.
 */
import type { Block, SignOff } from '../types.js';
import { findDates } from '../cn/dates.js';
import { blockLines, isNoiseLine, trimLine, type Line } from './header.js';
import { splitOrgans } from './infer.js';

/** A line that is only a date, possibly followed by a note in parentheses (（此件公开发布）). */
function dateOfLine(text: string): { iso: string | null } | null {
  const t = text.trim();
  const dates = findDates(t);
  if (dates.length !== 1 || dates[0]!.start !== 0) return null;
  const rest = t.slice(dates[0]!.end);
  if (!/^\s*(?:[（(][^（()）]*[）)])?\s*$/.test(rest)) return null;
  // An impossible date (2023年2月30日) still closes the sign-off; its date is unknown.
  return { iso: dates[0]!.iso };
}

/** Organs followed by a date on the same line: 夹江县人民政府　2020年3月1日 (not a 印发 line). */
function organsAndDate(text: string): { organs: string[]; date: string } | null {
  const t = text.trim();
  // The date must end the line, and a date ends in 日 or a digit: most lines are prose and stop here.
  const last = t.charCodeAt(t.length - 1);
  if (last !== 0x65e5 /* 日 */ && !(last >= 48 && last <= 57)) return null;
  const dates = findDates(t);
  if (dates.length !== 1) return null;
  const d = dates[0]!;
  if (d.start === 0 || !d.iso || t.slice(d.end).trim() !== '') return null;
  const organs = splitOrgans(t.slice(0, d.start));
  return organs ? { organs, date: d.iso } : null;
}

/** Body text: a line long enough to be a sentence. A sign-off needs some before it (not a masthead). */
function isBodyText(text: string): boolean {
  return text.trim().length >= 10 && /[，。；：,.;:]/.test(text);
}

/**
 * Read the sign-off. `headerEnd` is where the main text starts; a sign-off before it closes a
 * wrapper notice and is the document's own (product.md §2.3). A sign-off needs some body text before
 * it, so the masthead and 文号 of a red-header document are not taken for one.
 */
export function readSignOff(blocks: Block[], headerEnd: number): SignOff | null {
  const lines: Line[] = blockLines(blocks)
    .filter((l) => !isNoiseLine(l.text) || dateOfLine(l.text) !== null)
    .map(trimLine)
    .filter((l) => l.text !== '');
  let seenBody = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!seenBody) {
      // Anything of the main text is body; in the header, a sentence is (a masthead is not).
      seenBody = isBodyText(line.text) || line.block >= headerEnd;
      continue;
    }
    const same = organsAndDate(line.text);
    if (same) {
      return { issuers: same.organs, date: same.date, range: { block: line.block, start: line.start, end: line.end } };
    }
    const organs: string[] = [];
    let j = i;
    while (j < lines.length) {
      const o = splitOrgans(lines[j]!.text);
      if (!o) break;
      organs.push(...o);
      j++;
    }
    if (organs.length === 0) continue;
    const dateLine = lines[j];
    const date = dateLine ? dateOfLine(dateLine.text) : null;
    if (!dateLine || date === null) {
      // The run of organ lines ended without a date: none of its lines can start a sign-off either.
      i = j - 1;
      continue;
    }
    const end = dateLine.block === line.block ? dateLine.end : line.end;
    return { issuers: organs, date: date.iso, range: { block: line.block, start: line.start, end } };
  }
  return null;
}
