/**
 * The official working-day calendar of the PRC (weekends and public holidays off, 调休 weekends on).
 * Data come from the `chinese-days` package's JSON file, read once per process on first use; its JS
 * module is not imported because loading it is slow. Config may add holidays and workdays.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { WorkCalendar } from '../types.js';
import { parseDate } from './dates.js';

/** Shape of chinese-days/dist/chinese-days.json: each map is keyed by YYYY-MM-DD. */
interface OfficialData {
  holidays: Set<string>;
  workdays: Set<string>;
  firstYear: number;
  lastYear: number;
}

let official: OfficialData | null = null;

/** Read and index the package data; cached for the life of the process. */
function loadOfficial(): OfficialData {
  if (official) return official;
  const file = createRequire(import.meta.url).resolve('chinese-days/dist/chinese-days.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown> | undefined>;
  const holidays = new Set(Object.keys(raw.holidays ?? {}));
  // 调休 days in lieu are all inside `holidays` in the current data; the union keeps them off even if a
  // future release lists them only under `inLieuDays`.
  for (const d of Object.keys(raw.inLieuDays ?? {})) holidays.add(d);
  const workdays = new Set(Object.keys(raw.workdays ?? {}));
  let firstYear = Infinity;
  let lastYear = -Infinity;
  for (const set of [holidays, workdays]) {
    for (const d of set) {
      const y = Number(d.slice(0, 4));
      if (y < firstYear) firstYear = y;
      if (y > lastYear) lastYear = y;
    }
  }
  if (!Number.isFinite(firstYear)) throw new Error(`chinese-days data has no dates: ${file}`);
  official = { holidays, workdays, firstYear, lastYear };
  return official;
}

/** Day of week of an ISO date (0 = Sunday), computed in UTC so the host time zone cannot shift it. */
function weekdayOf(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
}

/** Normalise config dates (any form parseDate accepts) to ISO; a bad date is a caller error. */
function toIsoSet(list: readonly string[] | undefined, key: string): Set<string> {
  const out = new Set<string>();
  for (const d of list ?? []) {
    const iso = parseDate(d);
    if (!iso) throw new RangeError(`calendar.${key}: not a date: ${String(d)}`);
    out.add(iso);
  }
  return out;
}

/**
 * Build a working-day calendar from the official data plus config additions, which take precedence
 * over the official data (a config workday beats a config holiday on the same day).
 */
export function createCalendar(extra?: {
  holidays?: string[];
  workdays?: string[];
}): WorkCalendar & { firstYear: number; lastYear: number } {
  const extraHolidays = toIsoSet(extra?.holidays, 'holidays');
  const extraWorkdays = toIsoSet(extra?.workdays, 'workdays');
  return {
    isWorkday(iso: string): boolean {
      const day = weekdayOf(iso);
      // Config first: local arrangements (or years the package lacks) override the official data.
      if (extraWorkdays.has(iso)) return true;
      if (extraHolidays.has(iso)) return false;
      const data = loadOfficial();
      if (data.workdays.has(iso)) return true;
      if (data.holidays.has(iso)) return false;
      return day !== 0 && day !== 6;
    },
    covers(iso: string): boolean {
      const y = Number(iso.slice(0, 4));
      const data = loadOfficial();
      return y >= data.firstYear && y <= data.lastYear;
    },
    get firstYear(): number {
      return loadOfficial().firstYear;
    },
    get lastYear(): number {
      return loadOfficial().lastYear;
    },
  };
}
