/**
 * Dates as Chinese documents write them: 2020-03-01, 2020/3/1, 2020.3.1, 2020年3月1日,
 * 二〇二〇年三月一日 (also with ○ and 零). Impossible dates (2023-02-30) are not dates.
 */
import { CN_NUMERAL_CHARS, parseChineseNumber, toHalfWidthDigits } from './numerals.js';

/** An ISO date string YYYY-MM-DD. */
export type IsoDate = string;

/** True when y-m-d is a real calendar day. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function ymdToIso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const CN = `[${CN_NUMERAL_CHARS}]`;
const SEP_DATE = /^(\d{4})\s*[-/.．]\s*(\d{1,2})\s*[-/.．]\s*(\d{1,2})$/;
const ARABIC_CN = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const CHINESE = new RegExp(`^(${CN}{4})\\s*年\\s*(${CN}{1,3})\\s*月\\s*(${CN}{1,3})\\s*日$`);

/**
 * Parse one date as written; returns the ISO date, or null when it is not a date or not a real day.
 * Accepts a JS Date (some YAML parsers produce them) and a number-less ISO string.
 */
export function parseDate(input: unknown): IsoDate | null {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return null;
    return ymdToIso(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate());
  }
  if (typeof input !== 'string') return null;
  const s = toHalfWidthDigits(input.trim());
  let m = SEP_DATE.exec(s) ?? ARABIC_CN.exec(s);
  if (m) {
    const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    return isValidYmd(y, mo, d) ? ymdToIso(y, mo, d) : null;
  }
  m = CHINESE.exec(s);
  if (m) {
    const y = parseChineseNumber(m[1]!), mo = parseChineseNumber(m[2]!), d = parseChineseNumber(m[3]!);
    if (y === null || mo === null || d === null) return null;
    return isValidYmd(y, mo, d) ? ymdToIso(y, mo, d) : null;
  }
  return null;
}

/** A date found inside running text. */
export interface DateMatch {
  iso: IsoDate | null;
  raw: string;
  start: number;
  end: number;
}

/** Global pattern for dates inside text (Arabic or Chinese numerals, 年月日 or separators). */
export const DATE_IN_TEXT = new RegExp(
  `(?:\\d{4}|[０-９]{4}|${CN}{4})\\s*年\\s*(?:\\d{1,2}|[０-９]{1,2}|${CN}{1,3})\\s*月\\s*(?:\\d{1,2}|[０-９]{1,2}|${CN}{1,3})\\s*日` +
    `|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(?!\\d)`,
  'g',
);

/** Every date written in `text`, in order; `iso` is null for an impossible date. */
export function findDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  DATE_IN_TEXT.lastIndex = 0;
  for (let m = DATE_IN_TEXT.exec(text); m; m = DATE_IN_TEXT.exec(text)) {
    out.push({ iso: parseDate(m[0]), raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}
