import { describe, it, expect } from 'vitest';
import { createCalendar } from '../../src/cn/calendar.js';
import {
  addDays,
  addWorkdays,
  compareIso,
  daysBetween,
  dueDate,
  isoToday,
  validityEnd,
  workdaysBetween,
} from '../../src/cn/periods.js';
import type { WorkCalendar } from '../../src/types.js';

const cal = createCalendar();

describe('addDays / daysBetween', () => {
  it('does not count the first day (民法典第二百零一条)', () => {
    expect(daysBetween('2020-03-01', '2020-03-31')).toBe(30);
    expect(daysBetween('2020-03-01', '2020-03-01')).toBe(0);
    expect(daysBetween('2020-03-31', '2020-03-01')).toBe(-30);
    expect(daysBetween('2020-02-01', '2020-03-01')).toBe(29);
    expect(daysBetween('2023-12-31', '2024-12-31')).toBe(366);
  });

  it('adds across months, years and leap days', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('2020-03-01', 30)).toBe('2020-03-31');
    expect(addDays('2020-03-01', 0)).toBe('2020-03-01');
  });

  it('is unaffected by daylight-saving host time zones', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      expect(addDays('2024-03-09', 2)).toBe('2024-03-11');
      expect(daysBetween('2024-03-09', '2024-11-04')).toBe(240);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('throws on malformed or impossible dates', () => {
    expect(() => addDays('2020-3-1', 1)).toThrow(RangeError);
    expect(() => daysBetween('2023-02-30', '2023-03-01')).toThrow(RangeError);
  });
});

describe('compareIso', () => {
  it('orders dates', () => {
    expect(compareIso('2020-01-01', '2020-01-02')).toBeLessThan(0);
    expect(compareIso('2020-01-02', '2020-01-01')).toBeGreaterThan(0);
    expect(compareIso('2020-01-01', '2020-01-01')).toBe(0);
    expect(['2021-01-01', '2020-12-31', '2020-02-01'].sort(compareIso)).toEqual(['2020-02-01', '2020-12-31', '2021-01-01']);
  });
});

describe('dueDate', () => {
  it('is the event day plus N days', () => {
    expect(dueDate('2020-03-01', 30)).toBe('2020-03-31');
    expect(dueDate('2024-01-31', 30)).toBe('2024-03-01');
    expect(dueDate('2024-09-30', 0)).toBe('2024-09-30');
  });
});

describe('validityEnd', () => {
  it('ends the day before the corresponding day (product.md example)', () => {
    expect(validityEnd('2022-01-01', { years: 5 })).toBe('2026-12-31');
    expect(validityEnd('2020-04-01', { years: 5 })).toBe('2025-03-31');
    expect(validityEnd('2020-03-15', { years: 2 })).toBe('2022-03-14');
    expect(validityEnd('2020-03-15', { months: 6 })).toBe('2020-09-14');
    expect(validityEnd('2020-11-15', { months: 3 })).toBe('2021-02-14');
    expect(validityEnd('2020-01-01', { years: 1, months: 6 })).toBe('2021-06-30');
  });

  it('uses the month end when the expiry month has no corresponding day (第二百零二条)', () => {
    expect(validityEnd('2020-02-29', { years: 1 })).toBe('2021-02-28');
    expect(validityEnd('2020-02-29', { years: 4 })).toBe('2024-02-28');
    expect(validityEnd('2020-01-31', { months: 1 })).toBe('2020-02-29');
    expect(validityEnd('2021-01-31', { months: 1 })).toBe('2021-02-28');
    expect(validityEnd('2020-01-30', { months: 1 })).toBe('2020-02-29');
    expect(validityEnd('2020-03-31', { months: 1 })).toBe('2020-04-30');
    expect(validityEnd('2020-08-31', { months: 6 })).toBe('2021-02-28');
  });

  it('keeps whole months and years for starts on the 1st, leap years included', () => {
    expect(validityEnd('2020-03-01', { months: 1 })).toBe('2020-03-31');
    expect(validityEnd('2023-03-01', { months: 6 })).toBe('2023-08-31');
    expect(validityEnd('2019-03-01', { years: 1 })).toBe('2020-02-29');
    expect(validityEnd('2020-03-01', { years: 1 })).toBe('2021-02-28');
    expect(validityEnd('2020-03-01', { years: 5 })).toBe('2025-02-28');
    expect(validityEnd('2020-12-01', { months: 3 })).toBe('2021-02-28');
  });

  it('rejects fractional spans', () => {
    expect(() => validityEnd('2020-01-01', { years: 1.5 })).toThrow(RangeError);
  });
});

describe('workdaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(workdaysBetween('2024-09-02', '2024-09-06', cal)).toEqual({ days: 4, uncovered: false }); // Mon → Fri
    expect(workdaysBetween('2024-09-06', '2024-09-09', cal).days).toBe(1); // Fri → Mon
    expect(workdaysBetween('2024-09-06', '2024-09-08', cal).days).toBe(0); // weekend only
  });

  it('is 0 when the second date is not after the first', () => {
    expect(workdaysBetween('2024-09-27', '2024-09-27', cal)).toEqual({ days: 0, uncovered: false });
    expect(workdaysBetween('2024-10-10', '2024-09-27', cal)).toEqual({ days: 0, uncovered: false });
  });

  it('skips the 2024 National Day holiday and counts its 调休 Saturdays/Sundays', () => {
    // After Fri 09-27: Sun 09-29 (调休) and Mon 09-30 work; 10-01..10-07 off; 10-08, 10-09, 10-10 work.
    expect(workdaysBetween('2024-09-27', '2024-10-10', cal)).toEqual({ days: 5, uncovered: false });
    // … then Fri 10-11 and Sat 10-12 (调休).
    expect(workdaysBetween('2024-09-27', '2024-10-12', cal).days).toBe(7);
    expect(workdaysBetween('2024-09-30', '2024-10-07', cal).days).toBe(0);
  });

  it('reports days outside the calendar years as uncovered and counts weekends only there', () => {
    // 2030-04-29 is a Monday; 04-30 .. 05-06 has five weekdays (no official 2030 holidays known).
    expect(workdaysBetween('2030-04-29', '2030-05-06', cal)).toEqual({ days: 5, uncovered: true });
    expect(workdaysBetween(`${cal.lastYear}-12-30`, `${cal.lastYear + 1}-01-02`, cal).uncovered).toBe(true);
    // The first date itself is not counted, so it does not make the span uncovered.
    expect(workdaysBetween(`${cal.firstYear - 1}-12-31`, `${cal.firstYear}-01-05`, cal).uncovered).toBe(false);
  });

  it('uses config additions', () => {
    const local = createCalendar({ holidays: ['2024-10-09'] });
    expect(workdaysBetween('2024-09-27', '2024-10-10', local).days).toBe(4);
  });
});

describe('addWorkdays', () => {
  it('finds the N-th working day after a date', () => {
    expect(addWorkdays('2024-09-27', 5, cal)).toEqual({ date: '2024-10-10', uncovered: false });
    expect(addWorkdays('2024-09-27', 1, cal).date).toBe('2024-09-29');
    expect(addWorkdays('2024-09-27', 3, cal).date).toBe('2024-10-08');
    expect(addWorkdays('2024-09-27', 0, cal).date).toBe('2024-09-27');
  });

  it('goes backwards for negative N', () => {
    expect(addWorkdays('2024-10-08', -1, cal).date).toBe('2024-09-30');
    expect(addWorkdays('2024-10-08', -2, cal).date).toBe('2024-09-29');
  });

  it('is the inverse of workdaysBetween', () => {
    for (const start of ['2024-09-20', '2024-09-27', '2024-09-28', '2024-12-27', '2025-01-24']) {
      for (let n = 1; n <= 15; n++) {
        const { date } = addWorkdays(start, n, cal);
        expect(cal.isWorkday(date)).toBe(true);
        expect(workdaysBetween(start, date, cal).days).toBe(n);
      }
    }
  });

  it('reports uncovered years', () => {
    expect(addWorkdays('2030-04-29', 5, cal)).toEqual({ date: '2030-05-06', uncovered: true });
  });

  it('rejects a fractional N', () => {
    expect(() => addWorkdays('2024-09-27', 1.5, cal)).toThrow(RangeError);
  });

  it('works with any WorkCalendar', () => {
    const everyDay: WorkCalendar = { isWorkday: () => true, covers: () => true };
    expect(addWorkdays('2024-01-30', 3, everyDay).date).toBe('2024-02-02');
    expect(workdaysBetween('2024-01-30', '2024-02-02', everyDay).days).toBe(3);
  });
});

describe('isoToday', () => {
  it('gives the date in Shanghai by default', () => {
    const now = new Date('2024-01-01T16:30:00Z'); // 00:30 on 2 January in Shanghai
    expect(isoToday(undefined, now)).toBe('2024-01-02');
    expect(isoToday('Asia/Shanghai', now)).toBe('2024-01-02');
    expect(isoToday('UTC', now)).toBe('2024-01-01');
  });

  it('returns an ISO date for the current moment', () => {
    expect(isoToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
