/**
 * Counting periods as Chinese law counts them (product.md §5.2).
 *
 * 《民法典》第二百零一条：按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。
 * 《民法典》第二百零二条：按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，
 * 月末日为期间的最后一日。
 *
 * All dates are ISO strings (YYYY-MM-DD) and all arithmetic is done on UTC day numbers, so the host
 * time zone never shifts a date. Malformed or impossible dates throw a RangeError (a caller bug:
 * callers pass dates already parsed by dates.ts).
 */
import type { WorkCalendar } from '../types.js';
import { isValidYmd, ymdToIso, type IsoDate } from './dates.js';

const DAY_MS = 86_400_000;

function parts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const y = Number(m?.[1]), mo = Number(m?.[2]), d = Number(m?.[3]);
  if (!m || !isValidYmd(y, mo, d)) throw new RangeError(`not an ISO date: ${iso}`);
  return [y, mo, d];
}

/** Days since 1970-01-01 (UTC). */
function dayNumber(iso: string): number {
  const [y, m, d] = parts(iso);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(n: number): IsoDate {
  const dt = new Date(n * DAY_MS);
  return ymdToIso(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Compare two ISO dates: negative, zero or positive, for sorting. */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The date `n` calendar days after `iso` (before it when `n` is negative). */
export function addDays(iso: string, n: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + n);
}

/** Days from `from` to `to`, the first day not counted (2020-03-01 → 2020-03-31 is 30); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Working days after `from` up to and including `to` (0 when `to` ≤ `from`); `uncovered` is true when
 * a counted day lies outside the calendar's official years (those days count weekends only).
 */
export function workdaysBetween(from: string, to: string, cal: WorkCalendar): { days: number; uncovered: boolean } {
  const start = dayNumber(from);
  const end = dayNumber(to);
  let days = 0;
  let uncovered = false;
  for (let n = start + 1; n <= end; n++) {
    const iso = fromDayNumber(n);
    if (cal.isWorkday(iso)) days++;
    if (!uncovered && !cal.covers(iso)) uncovered = true;
  }
  return { days, uncovered };
}

/**
 * The `n`-th working day after `iso` (the `|n|`-th before it when `n` is negative, `iso` itself when
 * 0); `uncovered` is true when a day passed lies outside the calendar's official years.
 */
export function addWorkdays(iso: string, n: number, cal: WorkCalendar): { date: IsoDate; uncovered: boolean } {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkdays: n must be an integer, got ${n}`);
  let day = dayNumber(iso);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let uncovered = false;
  while (left > 0) {
    day += step;
    const d = fromDayNumber(day);
    if (!uncovered && !cal.covers(d)) uncovered = true;
    if (cal.isWorkday(d)) left--;
  }
  return { date: fromDayNumber(day), uncovered };
}

/**
 * The last day of a deadline of `n` days after `event` (the event day not counted, 第二百零一条); an act
 * on or before it is in time. 第二百零三条 (a last day falling on a holiday moves on) is not applied.
 */
export function dueDate(event: string, n: number): IsoDate {
  return addDays(event, n);
}

/**
 * The last day of a validity of N years and/or months that starts on (and includes) `start`.
 *
 * Reconciling the articles with product.md's example (施行 2022-01-01, 5 years → 2026-12-31): the
 * 施行日期 is itself a day in force, so the "开始的当日" that 第二百零一条 leaves out is the day before
 * `start`, and counting begins on `start`. 第二百零二条 ends the period on the expiry month's
 * 对应日, the day matching where counting began: the period ends the day before the day that
 * corresponds to `start` (`start + N − 1 day`); when the expiry month has no day corresponding to
 * `start` (the 29th–31st, or 02-29 in a common year), its 月末日 is the last day (第二百零二条后段):
 *   2022-01-01 +5y → 2026-12-31;  2019-03-01 +1y → 2020-02-29;  2020-02-29 +1y → 2021-02-28;
 *   2020-01-31 +1m → 2020-02-29;  2020-03-31 +1m → 2020-04-30;  2020-03-01 +1m → 2020-03-31.
 * Rejected readings: taking the left-out day (start − 1) as the anchor and adding N mechanically
 * would end a month begun 2020-03-01 on 03-29 (the day matching 02-29) and drop 2020-02-29 from a
 * year begun 2019-03-01 — common, since most documents take effect on the 1st; clamping
 * `start + N` to the month end and then subtracting a day would end a month begun 2020-03-31 on
 * 04-29 and a year begun 2020-02-29 on 2021-02-27, one day short. The readings differ only around
 * month ends; all give product.md's example.
 */
export function validityEnd(start: string, span: { years?: number; months?: number }): IsoDate {
  const years = span.years ?? 0;
  const months = span.months ?? 0;
  if (!Number.isInteger(years) || !Number.isInteger(months)) {
    throw new RangeError(`validityEnd: years and months must be integers`);
  }
  const [y, m, d] = parts(start);
  const total = (m - 1) + months + years * 12;
  const ty = y + Math.floor(total / 12);
  const tm = (total % 12 + 12) % 12 + 1;
  // No corresponding day in the expiry month: its last day is the last day of the period.
  if (d > daysInMonth(ty, tm)) return ymdToIso(ty, tm, daysInMonth(ty, tm));
  return addDays(ymdToIso(ty, tm, d), -1);
}

/** Today's date (YYYY-MM-DD) in `timeZone`, by default China Standard Time. */
export function isoToday(timeZone = 'Asia/Shanghai', now: Date = new Date()): IsoDate {
  // China Standard Time is UTC+8 all year (no daylight saving since 1991): plain arithmetic gives the
  // same answer as Intl, without the ~10 ms it costs to build a DateTimeFormat at start-up.
  if (timeZone === 'Asia/Shanghai') return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(now)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day}`;
}
