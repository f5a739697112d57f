import { describe, it, expect } from 'vitest';
import { DATE_IN_TEXT, findDates, isValidYmd, parseDate, ymdToIso } from '../../src/cn/dates.js';

describe('parseDate', () => {
  it('reads every written form to the same ISO date', () => {
    const forms = [
      '2020-03-01',
      '2020-3-1',
      '2020/3/1',
      '2020/03/01',
      '2020.3.1',
      '2020．3．1',
      '2020年3月1日',
      '2020 年 3 月 1 日',
      '２０２０年３月１日',
      '二〇二〇年三月一日',
      '二○二○年三月一日',
      '二零二零年三月一日',
      ' 2020-03-01 ',
    ];
    for (const f of forms) expect(parseDate(f), f).toBe('2020-03-01');
  });

  it('reads two-character Chinese months and days', () => {
    expect(parseDate('二〇二〇年十二月三十一日')).toBe('2020-12-31');
    expect(parseDate('二〇一九年十月二十日')).toBe('2019-10-20');
    expect(parseDate('二〇二一年十一月十一日')).toBe('2021-11-11');
  });

  it('rejects impossible days and accepts leap days', () => {
    expect(parseDate('2023-02-30')).toBeNull();
    expect(parseDate('2023年2月29日')).toBeNull();
    expect(parseDate('二〇二三年二月二十九日')).toBeNull();
    expect(parseDate('2020-13-01')).toBeNull();
    expect(parseDate('2020-04-31')).toBeNull();
    expect(parseDate('2020-00-10')).toBeNull();
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2000-02-29')).toBe('2000-02-29');
    expect(parseDate('1900-02-29')).toBeNull();
  });

  it('rejects what is not a date', () => {
    for (const v of ['', '2020', '2020年3月', '3月1日', 'abc', '20200301', '2020-03-01T00:00', '二〇二〇年十三月一日']) {
      expect(parseDate(v), v).toBeNull();
    }
    expect(parseDate(20200301)).toBeNull();
    expect(parseDate(null)).toBeNull();
    expect(parseDate(undefined)).toBeNull();
  });

  it('accepts a JS Date by its UTC day (as YAML parsers produce)', () => {
    expect(parseDate(new Date(Date.UTC(2020, 2, 1)))).toBe('2020-03-01');
    expect(parseDate(new Date('2024-02-29'))).toBe('2024-02-29');
    expect(parseDate(new Date('not a date'))).toBeNull();
  });
});

describe('isValidYmd / ymdToIso', () => {
  it('checks real calendar days', () => {
    expect(isValidYmd(2024, 2, 29)).toBe(true);
    expect(isValidYmd(2023, 2, 29)).toBe(false);
    expect(isValidYmd(2020, 1.5, 1)).toBe(false);
    expect(isValidYmd(999, 1, 1)).toBe(false);
  });
  it('pads to YYYY-MM-DD', () => {
    expect(ymdToIso(2020, 3, 1)).toBe('2020-03-01');
  });
});

describe('findDates', () => {
  it('finds the dates of an effective-date sentence with their offsets', () => {
    const text = '本办法自2020年4月1日起施行，有效期至2025年3月31日。';
    const found = findDates(text);
    expect(found.map((d) => d.iso)).toEqual(['2020-04-01', '2025-03-31']);
    for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.raw);
    expect(found[0]!.raw).toBe('2020年4月1日');
  });

  it('finds Chinese-numeral, full-width and separator dates', () => {
    const text = '二〇二〇年三月一日印发，２０２１年１月１日起施行，2022-01-01修订，2023/2/30有误。';
    expect(findDates(text).map((d) => [d.raw, d.iso])).toEqual([
      ['二〇二〇年三月一日', '2020-03-01'],
      ['２０２１年１月１日', '2021-01-01'],
      ['2022-01-01', '2022-01-01'],
      ['2023/2/30', null],
    ]);
  });

  it('is repeatable (the shared global pattern is reset)', () => {
    const text = '自2020年4月1日起施行。';
    expect(findDates(text)).toEqual(findDates(text));
    DATE_IN_TEXT.lastIndex = 5;
    expect(findDates(text)).toHaveLength(1);
  });

  it('finds nothing in text without dates', () => {
    expect(findDates('本办法自公布之日起施行。')).toEqual([]);
  });
});
