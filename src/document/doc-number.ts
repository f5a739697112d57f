/**
 * 文号 (document numbers) such as 夹府规〔2020〕3号: parsing one as written and finding one in a line.
 * GB/T 9704—2012 7.3.2 fixes the form 机关代字〔年份〕序号号: 六角括号, a full year, no leading zero
 * and no 第; anything else still parses (real archives are full of 川府发[2015]24号) but is not canonical.
 */
import type { DocNumber } from '../types.js';
import { CN_NUMERAL_CHARS, parseChineseNumber, toHalfWidthDigits } from '../cn/numerals.js';

/** Opening and closing brackets people put around the year (escaped for a character class). */
const OPEN = '〔\\[［(（【';
const CLOSE = '〕\\]］)）】';

const DIGIT = `[0-9０-９${CN_NUMERAL_CHARS}]`;
/** 机关代字: Chinese characters (and the odd Latin letter), up to 12 of them. */
const ORGAN = '[\\u4e00-\\u9fa5A-Za-z]{1,12}';

const BRACKETED = new RegExp(
  `^(${ORGAN})\\s*([${OPEN}])\\s*(${DIGIT}{2,4})\\s*([${CLOSE}])\\s*(第)?\\s*(${DIGIT}{1,6})\\s*号$`,
);
/** 武政规2022-6号: no brackets at all, year and serial joined by a hyphen. */
const HYPHENATED = new RegExp(`^(${ORGAN}?[\\u4e00-\\u9fa5])([0-9０-９]{4})[-－—](${DIGIT}{1,6})号$`);

function toNumber(s: string): number | null {
  const n = parseChineseNumber(s);
  return n === null || !Number.isFinite(n) ? null : n;
}

/** Parse one 文号 as written; null when it is not one (unbalanced brackets included). Never throws. */
export function parseDocNumber(raw: string): DocNumber | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text === '' || text.length > 60) return null;
  let m = BRACKETED.exec(text);
  if (m) {
    const [, organ, open, yearRaw, close, di, serialRaw] = m as unknown as string[];
    const yearDigits = toHalfWidthDigits(yearRaw!);
    const serialDigits = toHalfWidthDigits(serialRaw!);
    // A year is only trusted when written with four digits; 〔98〕 could be 1998 or 2098.
    const year = /^\d{4}$/.test(yearDigits) ? Number(yearDigits) : null;
    const serial = toNumber(serialDigits);
    const canonical =
      open === '〔' &&
      close === '〕' &&
      /^\d{4}$/.test(yearRaw!) &&
      /^[1-9]\d*$/.test(serialRaw!) &&
      !di &&
      !/\s/.test(text);
    return { raw: text, organ: organ!, year, serial, canonical };
  }
  m = HYPHENATED.exec(text);
  if (m) {
    return {
      raw: text,
      organ: m[1]!,
      year: Number(toHalfWidthDigits(m[2]!)),
      serial: toNumber(toHalfWidthDigits(m[3]!)),
      canonical: false,
    };
  }
  return null;
}

/**
 * Candidates in running text. The organ part is greedy, so words that lead into a 文号 in a sentence
 * (根据, 印发的 …) are cut off afterwards by `trimOrgan`.
 */
const IN_TEXT = new RegExp(
  `(${ORGAN})\\s*[${OPEN}]\\s*${DIGIT}{2,4}\\s*[${CLOSE}]\\s*(?:第)?\\s*${DIGIT}{1,6}\\s*号` +
    `|([\\u4e00-\\u9fa5]{1,12})[0-9０-９]{4}[-－]${DIGIT}{1,6}号`,
  'g',
);

/**
 * Words that come before a 文号 in a sentence but are never part of a 机关代字. Greedy: everything up
 * to the last one goes. Single characters that do occur in 代字 (经, 以, 为 …) are not listed.
 */
const LEAD_IN = /^.*(?:根据|依据|依照|按照|参照|印发|转发|发布|公布|下发|文件|以及|关于|的|和|与|及|或|按|即|见)/;

function trimOrgan(organ: string): string {
  const cut = organ.replace(LEAD_IN, '');
  return cut === '' ? organ : cut;
}

/** The first 文号 in a line of text, with its offsets in that line; null when there is none. */
export function findDocNumber(text: string): { value: DocNumber; start: number; end: number } | null {
  if (typeof text !== 'string' || text === '') return null;
  IN_TEXT.lastIndex = 0;
  for (let m = IN_TEXT.exec(text); m; m = IN_TEXT.exec(text)) {
    const organ = m[1] ?? m[2] ?? '';
    const trimmed = trimOrgan(organ);
    // 代字 are short; a long run of characters before the bracket is a sentence, keep its tail.
    const kept = trimmed.length > 8 ? trimmed.slice(-8) : trimmed;
    const start = m.index + (organ.length - kept.length);
    const end = m.index + m[0].length;
    const value = parseDocNumber(text.slice(start, end));
    if (value) return { value, start, end };
  }
  return null;
}

/** True when the 机关代字 marks a normative document (川府规, 苏民规), but not 规划 (planning offices). */
export function organMarksNormative(organ: string): boolean {
  return /规(?!划)/.test(organ);
}
