/**
 * The header of a text (product.md §2.3): everything before the first chapter, article or numbered
 * heading. Title, 文号, 令号, the 公布 date, the version date and whether a people's congress adopted it
 * are read here and only here, so a 文号 quoted inside a clause never becomes the document's own.
 */
import type { Block, DocNumber, TextRange } from '../types.js';
import { findDates } from '../cn/dates.js';
import { CN_NUMERAL_CHARS } from '../cn/numerals.js';
import { findDocNumber } from './doc-number.js';

/** A value found in the text, with where. Positions are computed later from the range. */
export interface At<T> {
  value: T;
  range: TextRange;
}

/** One line of a block's text (blocks keep line breaks as \n). */
export interface Line {
  text: string;
  block: number;
  /** Offsets of the line in its block's text. */
  start: number;
  end: number;
}

export interface Header {
  title: At<string> | null;
  /** For a wrapper notice 关于印发《X》的通知: X. */
  innerTitle: string | null;
  docNumber: At<DocNumber> | null;
  /** A 令号 as written, e.g. 中华人民共和国国务院令第706号. */
  decree: At<string> | null;
  /** ISO date of the latest 印发/发布/公布 event named in the header (that of the text in hand). */
  publishedOn: At<string> | null;
  /** Latest ISO date of a 公布/修订/修正/印发/发布/通过 event named in the header. */
  versionDate: string | null;
  /** A header line says a people's congress or its standing committee adopted or approved the text. */
  congressAdopted: boolean;
  /** Which congress: 全国人民代表大会 (national) or a local one; null when none. */
  congress: 'national' | 'local' | null;
  /** Text of the header lines (noise lines dropped), for kind inference. */
  lines: string[];
}

/** Split blocks [from, to) into lines. */
export function blockLines(blocks: Block[], from = 0, to = blocks.length): Line[] {
  const out: Line[] = [];
  const end = Math.min(Math.max(to, 0), blocks.length);
  for (let b = Math.max(from, 0); b < end; b++) {
    const text = blocks[b]?.text ?? '';
    let start = 0;
    for (const part of text.split('\n')) {
      out.push({ text: part, block: b, start, end: start + part.length });
      start += part.length + 1;
    }
  }
  return out;
}

const CJK = /[\u4e00-\u9fa5]/;

/**
 * Lines that carry no text of the document: blank lines, container fences (`::: right`), VuePress
 * tabs and TOC markers, thematic breaks, comments, and lines with no Chinese at all (link lists).
 */
export function isNoiseLine(text: string): boolean {
  const t = text.trim();
  if (t === '') return true;
  if (/^:{3,}/.test(t) || /^@tab\b/.test(t) || /^\[\[toc\]\]$/i.test(t) || /^[-*_=]{3,}$/.test(t)) return true;
  if (/^<!--.*-->$/.test(t)) return true;
  return !CJK.test(t);
}

/** Trim a line and report the offsets of what is left; also drops `{align="center"}`-style tails. */
export function trimLine(line: Line): Line {
  let s = 0;
  let e = line.text.length;
  const text = line.text;
  for (;;) {
    const before = e;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    const tail = /\{[^{}]*\}$/.exec(text.slice(s, e));
    if (tail) e -= tail[0].length;
    if (text.slice(s, e).endsWith('\\')) e--;
    if (e === before) break;
  }
  while (s < e && /\s/.test(text[s]!)) s++;
  // Bold markers left by a plain-text reader (`**标题**`).
  if (e - s > 4 && text.startsWith('**', s) && text.slice(s, e).endsWith('**')) {
    s += 2;
    e -= 2;
  }
  return { text: text.slice(s, e), block: line.block, start: line.start + s, end: line.start + e };
}

function rangeOf(line: Line, start = 0, end = line.text.length): TextRange {
  return { block: line.block, start: line.start + start, end: line.start + end };
}

/** Remove the content of 《…》 (nested 〈〉 included) so words inside a cited title do not count. */
export function blankTitles(text: string): string {
  let depth = 0;
  let out = '';
  for (const c of text) {
    if (c === '《') {
      depth++;
      out += c;
    } else if (c === '》' && depth > 0) {
      depth--;
      out += c;
    } else out += depth > 0 ? '　' : c;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Title
// ---------------------------------------------------------------------------

const WRAPPER = /关于(?:印发|转发|发布|颁布|公布)(.+?)的(?:通知|公告|通告|决定)$/;

/** For a wrapper title 关于印发《X》的通知 (also 转发/发布, or X without 《》), X; else null. */
export function innerTitleOf(title: string | null): string | null {
  if (!title) return null;
  const t = stripTrailingParen(title.trim());
  const m = WRAPPER.exec(t);
  if (!m) return null;
  const object = m[1]!.trim();
  const first = firstQuoted(object);
  if (first !== null) return first.trim() || null;
  return object.replace(/^[“"]|[”"]$/g, '').trim() || null;
}

/** The content of the first top-level 《…》 in `text`, or null. */
function firstQuoted(text: string): string | null {
  const open = text.indexOf('《');
  if (open < 0) return null;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '《') depth++;
    else if (text[i] === '》' && --depth === 0) return text.slice(open + 1, i);
  }
  return null;
}

/** Drop one trailing parenthesised part: （夹府规〔2020〕3号）, （2018年修正）. */
export function stripTrailingParen(title: string): string {
  const m = /[（(][^（()）]*[）)]\s*$/.exec(title);
  return m && m.index > 0 ? title.slice(0, m.index).trim() : title;
}

function findTitle(blocks: Block[], headerEnd: number): At<string> | null {
  const lines = blockLines(blocks, 0, headerEnd);
  for (const line of lines) {
    if (blocks[line.block]!.type !== 'heading' || isNoiseLine(line.text)) continue;
    const t = trimLine(line);
    if (t.text !== '') return { value: t.text, range: rangeOf(t) };
  }
  for (const line of lines) {
    if (isNoiseLine(line.text)) continue;
    const t = trimLine(line);
    // A sentence or a lead-in (主送机关：) is not a title.
    if (t.text === '' || /[。；：:]$/.test(t.text) || t.text.length > 120) continue;
    // Table-of-contents remains (第1~20条：, 第41条~60条) and structure labels are not titles.
    if (/^第\s*[0-9０-９一二三四五六七八九十百千零〇]+\s*(?:[条章节]|[~～\-－])/.test(t.text)) continue;
    if ((t.text.match(/[\u4e00-\u9fa5]/g) ?? []).length < 2) continue;
    // The red masthead (夹江县人民政府文件), the 文号, a 令 line and a bare date are not the title.
    if (/文件$/.test(t.text) && t.text.length <= 24) continue;
    if (docNumberOfLine(t, false) || findDecree(t.text) || /令$/.test(t.text) || isDateOnly(t.text)) continue;
    return { value: t.text, range: rangeOf(t) };
  }
  return null;
}

// ---------------------------------------------------------------------------
// 文号 and 令号
// ---------------------------------------------------------------------------

/**
 * A 文号 that stands as the header's own: a line that is the 文号 (optionally labelled 文号：, in
 * parentheses, or followed by 签发人/a date), or a trailing （文号） on the title line.
 */
function docNumberOfLine(line: Line, isTitle: boolean): At<DocNumber> | null {
  const t = trimLine(line);
  let text = t.text;
  let offset = 0;
  const label = /^(?:发文字号|发文文号|文号|字号)\s*[:：]\s*/.exec(text);
  if (label) {
    offset = label[0].length;
    text = text.slice(offset);
  }
  if (isTitle) {
    const m = /[（(]([^（()）]+)[）)]$/.exec(text);
    if (!m) return null;
    const found = findDocNumber(m[1]!);
    if (!found || found.start !== 0 || found.end !== m[1]!.length) return null;
    const s = offset + m.index + 1 + found.start;
    return { value: found.value, range: { block: t.block, start: t.start + s, end: t.start + s + found.end - found.start } };
  }
  const lead = /^[（(]\s*/.exec(text);
  const skip = lead ? lead[0].length : 0;
  const found = findDocNumber(text.slice(skip));
  if (!found || found.start !== 0) return null;
  const rest = text.slice(skip + found.end);
  const restOk = /^\s*[）)]?\s*$/.test(rest) || /^\s+签发人\s*[:：]/.test(rest) || isDateOnly(rest);
  if (!restOk) return null;
  const s = offset + skip;
  return { value: found.value, range: { block: t.block, start: t.start + s, end: t.start + s + found.end } };
}

function isDateOnly(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  const dates = findDates(t);
  return dates.length === 1 && dates[0]!.start === 0 && /^\s*$/.test(t.slice(dates[0]!.end));
}

const NUM = `[0-9０-９${CN_NUMERAL_CHARS}]+`;
const DECREE = new RegExp(`令\\s*第\\s*${NUM}\\s*号|第\\s*${NUM}\\s*号\\s*令`, 'g');
/** Characters before 令 that make a word, not an organ (命令, 责令, 法令 …). */
const NOT_ORGAN_END = /[命责指法禁条号]$/;
const ORGAN_CHAR = /[\u4e00-\u9fa5、·]/;

/**
 * For each position of a line: is it inside 《…》 or inside a parenthesis that directly follows 》
 * (a citation and its note, e.g. 《…条例》（国务院令第713号））? One pass, so long lines stay cheap.
 */
export function citationMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length + 1);
  let titles = 0;
  const parens: boolean[] = [];
  let cited = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    mask[i] = titles > 0 || cited > 0 ? 1 : 0;
    if (c === '《') titles++;
    else if (c === '》' && titles > 0) titles--;
    else if (titles === 0 && (c === '（' || c === '(')) {
      const afterTitle = text[i - 1] === '》' || (parens.length > 0 && parens[parens.length - 1]!);
      parens.push(afterTitle);
      if (afterTitle) cited++;
    } else if (titles === 0 && (c === '）' || c === ')') && parens.length > 0) {
      if (parens.pop()) cited--;
    }
  }
  mask[text.length] = titles > 0 || cited > 0 ? 1 : 0;
  return mask;
}

/**
 * What follows a 令号 that states how this text was made (…令第706号公布, a line ending in it), as
 * opposed to a sentence that mentions one (按照省政府令第351号要求).
 */
const DECREE_STATED = /^\s*(?:(?:第[一二三四五六七八九十]+次)?(?:公布|发布|颁布|修订|修正|修改|印发|公告|施行)|[）)]|$)/;

/**
 * Find a 令号 in one line: 中华人民共和国国务院令第706号, 北京市人民政府第15号令. With `stated`, only
 * one that states this text's making (followed by 公布/发布/修订…, or closing the line).
 */
export function findDecree(text: string, stated = false): { value: string; organ: string; start: number; end: number } | null {
  DECREE.lastIndex = 0;
  const dateEnds = findDates(text).map((d) => d.end);
  let mask: Uint8Array | null = null;
  for (let m = DECREE.exec(text); m; m = DECREE.exec(text)) {
    // 第N号令: the organ ends where 第 starts; 令第N号: where 令 is.
    const i = m.index;
    let s = i;
    while (s > 0 && ORGAN_CHAR.test(text[s - 1]!)) s--;
    // The organ starts after any date in front of it (2006年1月18日环境保护总局令…).
    for (const e of dateEnds) if (e > s && e <= i) s = e;
    let organ = text.slice(s, i);
    const lead = /^(?:[、·]|以|经|由|根据|依据|并以|并|和|及|于)+/.exec(organ);
    if (lead) {
      s += lead[0].length;
      organ = organ.slice(lead[0].length);
    }
    if (organ.length < 2 || NOT_ORGAN_END.test(organ)) continue;
    mask ??= citationMask(text);
    if (mask[s]) continue;
    const end = m.index + m[0].length;
    if (stated && !DECREE_STATED.test(text.slice(end, end + 12))) continue;
    return { value: text.slice(s, end).replace(/\s+/g, ''), organ, start: s, end };
  }
  return null;
}

/** The organ of a 令号 as written: 中华人民共和国国务院令第706号 → 中华人民共和国国务院. */
export function decreeOrgan(decree: string): string {
  return decree.replace(/(?:令\s*)?第\s*[^第]*号\s*(?:令)?$/, '').trim();
}

function findHeaderDecree(lines: Line[]): At<string> | null {
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const found = findDecree(line.text, true);
    if (found) return { value: found.value, range: rangeOf(line, found.start, found.end) };
    // Decree pages put the order and its number on two lines: 中华人民共和国国务院令 / 第706号.
    const t = trimLine(line);
    if (!t.text.endsWith('令')) continue;
    let n = k + 1;
    while (n < lines.length && isNoiseLine(lines[n]!.text) && lines[n]!.text.trim() === '') n++;
    const next = lines[n] ? trimLine(lines[n]!) : null;
    if (next && new RegExp(`^第\\s*${NUM}\\s*号$`).test(next.text)) {
      const joined = findDecree(t.text + next.text);
      if (joined) {
        const end = next.block === t.block ? next.end : t.end;
        return { value: joined.value, range: { block: t.block, start: t.start + joined.start, end } };
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Dates of events
// ---------------------------------------------------------------------------

interface DatedEvent {
  iso: string;
  /** The words after the date up to the next date or clause break, with cited titles blanked. */
  words: string;
  start: number;
  end: number;
}

/**
 * Each date of a line with the words that follow it. A date followed only by 、 shares the next
 * date's words (2023年1月3日最高人民法院…、2023年3月2日最高人民检察院…通过).
 */
function datedEvents(text: string): DatedEvent[] {
  const dates = findDates(text);
  const blanked = blankTitles(text);
  const mask = dates.length > 0 ? citationMask(text) : null;
  const events: DatedEvent[] = [];
  for (let k = 0; k < dates.length; k++) {
    const d = dates[k]!;
    const stop = k + 1 < dates.length ? dates[k + 1]!.start : text.length;
    let words = blanked.slice(d.end, stop);
    const cut = words.search(/[。，；,;]/);
    if (cut >= 0) words = words.slice(0, cut);
    // A date inside a citation's parenthesis (《…决定》（2012年8月31日…通过）) is the cited text's.
    if (d.iso && !mask![d.start]) events.push({ iso: d.iso, words, start: d.start, end: d.end });
  }
  for (let k = events.length - 2; k >= 0; k--) {
    if (/、\s*$/.test(events[k]!.words)) events[k]!.words += events[k + 1]!.words;
  }
  return events;
}

const PUBLISH_VERB = /印发|发布|公布|颁布/;
const VERSION_VERB = /公布|修订|修正|修改|印发|发布|颁布|通过/;

// ---------------------------------------------------------------------------
// readHeader
// ---------------------------------------------------------------------------

/** Read the header blocks [0, headerEnd). */
export function readHeader(blocks: Block[], headerEnd: number): Header {
  const end = Math.min(Math.max(headerEnd, 0), blocks.length);
  const lines = blockLines(blocks, 0, end).filter((l) => !isNoiseLine(l.text));
  const title = findTitle(blocks, end);
  const innerTitle = innerTitleOf(title?.value ?? null);

  let docNumber: At<DocNumber> | null = null;
  for (const line of lines) {
    const isTitle = title !== null && line.block === title.range.block && line.start <= title.range.start && line.end >= title.range.end;
    docNumber = docNumberOfLine(line, isTitle);
    if (docNumber) break;
  }
  if (!docNumber && title) {
    // A 文号 just after the title, even if the structure parser put the header's end before it.
    const after = blockLines(blocks, title.range.block, Math.min(blocks.length, title.range.block + 4))
      .filter((l) => !isNoiseLine(l.text) && (l.block > title.range.block || l.start >= title.range.end))
      .slice(0, 3);
    for (const line of after) {
      docNumber = docNumberOfLine(line, false);
      if (docNumber) break;
    }
  }

  const decree = findHeaderDecree(lines);

  let publishedOn: At<string> | null = null;
  let versionDate: string | null = null;
  let congressAdopted = false;
  let congress: 'national' | 'local' | null = null;
  for (const line of lines) {
    for (const ev of datedEvents(line.text)) {
      // The latest publication is that of the text in hand (a revised regulation is published anew).
      if (PUBLISH_VERB.test(ev.words) && (publishedOn === null || ev.iso >= publishedOn.value)) {
        publishedOn = { value: ev.iso, range: rangeOf(line, ev.start, ev.end) };
      }
      if (VERSION_VERB.test(ev.words) && (versionDate === null || ev.iso > versionDate)) versionDate = ev.iso;
    }
    const plain = blankTitles(line.text);
    const m = /(全国)?人民代表大会(?:常务委员会)?[^。；]*?(?:通过|批准)/.exec(plain);
    // Only when the line speaks of this text: not of a 《…》 named before it, nor inside a citation.
    if (m && !plain.slice(0, m.index).includes('《') && !citationMask(line.text)[m.index]) {
      congressAdopted = true;
      if (m[1] || /全国人民代表大会/.test(plain)) congress = 'national';
      else if (congress === null) congress = 'local';
    }
  }

  return {
    title,
    innerTitle,
    docNumber,
    decree,
    publishedOn,
    versionDate,
    congressAdopted,
    congress,
    lines: lines.map((l) => trimLine(l).text).filter((t) => t !== ''),
  };
}
