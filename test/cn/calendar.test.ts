import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it, expect } from 'vitest';
import { createCalendar } from '../../src/cn/calendar.js';

const data = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('chinese-days/dist/chinese-days.json'), 'utf8'),
) as Record<'holidays' | 'workdays' | 'inLieuDays', Record<string, string>>;

describe('chinese-days data file', () => {
  it('lists the 2024 National Day arrangement as the calendar assumes', () => {
    for (let d = 1; d <= 7; d++) expect(data.holidays).toHaveProperty(`2024-10-0${d}`);
    expect(data.workdays).toHaveProperty('2024-09-29');
    expect(data.workdays).toHaveProperty('2024-10-12');
  });
  it('has every in-lieu day inside holidays', () => {
    for (const d of Object.keys(data.inLieuDays)) expect(data.holidays, d).toHaveProperty(d);
  });
});

describe('createCalendar', () => {
  const cal = createCalendar();

  it('counts weekdays as working days and weekends as rest days', () => {
    expect(cal.isWorkday('2024-09-27')).toBe(true); // Friday
    expect(cal.isWorkday('2024-09-28')).toBe(false); // Saturday
    expect(cal.isWorkday('2024-09-30')).toBe(true); // Monday
  });

  it('follows public holidays and 调休 working weekends', () => {
    expect(cal.isWorkday('2024-10-01')).toBe(false);
    expect(cal.isWorkday('2024-10-04')).toBe(false); // Friday, in lieu
    expect(cal.isWorkday('2024-10-07')).toBe(false); // Monday, in lieu
    expect(cal.isWorkday('2024-09-29')).toBe(true); // Sunday, 调休
    expect(cal.isWorkday('2024-10-12')).toBe(true); // Saturday, 调休
    expect(cal.isWorkday('2024-10-08')).toBe(true);
    expect(cal.isWorkday('2020-01-01')).toBe(false);
  });

  it('agrees with the data file on every listed day', () => {
    for (const d of Object.keys(data.holidays)) expect(cal.isWorkday(d), d).toBe(false);
    for (const d of Object.keys(data.workdays)) expect(cal.isWorkday(d), d).toBe(true);
  });

  it('covers exactly the years of the data', () => {
    const years = [...Object.keys(data.holidays), ...Object.keys(data.workdays)].map((d) => Number(d.slice(0, 4)));
    expect(cal.firstYear).toBe(Math.min(...years));
    expect(cal.lastYear).toBe(Math.max(...years));
    expect(cal.firstYear).toBe(2004);
    expect(cal.lastYear).toBeGreaterThanOrEqual(2026);
    expect(cal.covers('2024-10-01')).toBe(true);
    expect(cal.covers(`${cal.firstYear}-01-01`)).toBe(true);
    expect(cal.covers(`${cal.lastYear}-12-31`)).toBe(true);
    expect(cal.covers(`${cal.firstYear - 1}-12-31`)).toBe(false);
    expect(cal.covers('2030-05-01')).toBe(false);
  });

  it('counts weekends only outside the data years', () => {
    expect(cal.isWorkday('2030-05-01')).toBe(true); // Wednesday; no data for 2030
    expect(cal.isWorkday('2030-05-04')).toBe(false); // Saturday
  });

  it('computes weekdays independently of the host time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Shanghai']) {
        process.env.TZ = tz;
        expect(cal.isWorkday('2030-05-03'), tz).toBe(true); // Friday
        expect(cal.isWorkday('2030-05-04'), tz).toBe(false); // Saturday
        expect(cal.isWorkday('2030-05-05'), tz).toBe(false); // Sunday
        expect(cal.isWorkday('2030-05-06'), tz).toBe(true); // Monday
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('throws on a malformed date', () => {
    expect(() => cal.isWorkday('2024-9-1')).toThrow(RangeError);
  });
});

describe('createCalendar with config additions', () => {
  it('adds holidays and workdays in uncovered years', () => {
    const cal = createCalendar({ holidays: ['2027-01-01'], workdays: ['2027-02-07'] });
    expect(cal.isWorkday('2027-01-01')).toBe(false); // Friday made a holiday
    expect(cal.isWorkday('2027-02-07')).toBe(true); // Sunday made a workday
    expect(cal.isWorkday('2027-01-04')).toBe(true);
  });

  it('overrides the official data', () => {
    const cal = createCalendar({ holidays: ['2024-09-29'], workdays: ['2024-10-01'] });
    expect(cal.isWorkday('2024-09-29')).toBe(false);
    expect(cal.isWorkday('2024-10-01')).toBe(true);
    expect(cal.isWorkday('2024-10-12')).toBe(true); // untouched official day
  });

  it('lets a config workday win over a config holiday on the same day', () => {
    const cal = createCalendar({ holidays: ['2027-01-04'], workdays: ['2027-01-04'] });
    expect(cal.isWorkday('2027-01-04')).toBe(true);
  });

  it('normalises written dates and rejects non-dates', () => {
    const cal = createCalendar({ holidays: ['2027/1/5', '2027年1月6日'] });
    expect(cal.isWorkday('2027-01-05')).toBe(false);
    expect(cal.isWorkday('2027-01-06')).toBe(false);
    expect(() => createCalendar({ holidays: ['2027-02-30'] })).toThrow(RangeError);
    expect(() => createCalendar({ workdays: ['tomorrow'] })).toThrow(/calendar\.workdays/);
  });

  it('does not change coverage', () => {
    const cal = createCalendar({ holidays: ['2030-01-02'] });
    expect(cal.covers('2030-01-02')).toBe(false);
  });
});
