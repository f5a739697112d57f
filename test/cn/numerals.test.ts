import { describe, it, expect } from 'vitest';
import { CN_NUMERAL_CHARS, formatChineseNumber, parseChineseNumber, toHalfWidthDigits } from '../../src/cn/numerals.js';

describe('parseChineseNumber', () => {
  it('reads article numbers as written in 第…条', () => {
    const label = '第一千条';
    expect(parseChineseNumber(label.slice(1, -1))).toBe(1000);
    expect(parseChineseNumber('一千')).toBe(1000);
    expect(parseChineseNumber('一千零一')).toBe(1001);
    expect(parseChineseNumber('二百零一')).toBe(201);
    expect(parseChineseNumber('二百零二')).toBe(202);
    expect(parseChineseNumber('一百一十')).toBe(110);
    expect(parseChineseNumber('一百十')).toBe(110);
    expect(parseChineseNumber('一千零一十')).toBe(1010);
    expect(parseChineseNumber('一千零十')).toBe(1010);
  });

  it('reads tens, including a bare leading 十', () => {
    expect(parseChineseNumber('二十五')).toBe(25);
    expect(parseChineseNumber('十二')).toBe(12);
    expect(parseChineseNumber('十')).toBe(10);
    expect(parseChineseNumber('一十')).toBe(10);
    expect(parseChineseNumber('三十一')).toBe(31);
  });

  it('reads 两 and single digits', () => {
    expect(parseChineseNumber('两')).toBe(2);
    expect(parseChineseNumber('两百')).toBe(200);
    expect(parseChineseNumber('一')).toBe(1);
    expect(parseChineseNumber('零')).toBe(0);
    expect(parseChineseNumber('〇')).toBe(0);
  });

  it('reads digit-by-digit years with every zero character', () => {
    expect(parseChineseNumber('二〇二〇')).toBe(2020);
    expect(parseChineseNumber('二○二○')).toBe(2020);
    expect(parseChineseNumber('二零二零')).toBe(2020);
    expect(parseChineseNumber('一九九九')).toBe(1999);
  });

  it('reads Arabic and full-width digits', () => {
    expect(parseChineseNumber('12')).toBe(12);
    expect(parseChineseNumber('１２')).toBe(12);
    expect(parseChineseNumber(' 7 ')).toBe(7);
    expect(toHalfWidthDigits('２０２０年')).toBe('2020年');
  });

  it('reads financial numerals and 万', () => {
    expect(parseChineseNumber('壹佰零伍')).toBe(105);
    expect(parseChineseNumber('一万零五百')).toBe(10500);
    expect(parseChineseNumber('十万')).toBe(100000);
  });

  it('returns null for what is not a numeral', () => {
    for (const s of ['', '  ', 'abc', '第一条', '十a', '-1', '1.5', '一二三十', '十十', '千百', '一千千', '五五十']) {
      expect(parseChineseNumber(s), s).toBeNull();
    }
  });

  it('exports the numeral characters for patterns', () => {
    for (const c of '零〇○一二两十百千') expect(CN_NUMERAL_CHARS).toContain(c);
  });
});

describe('formatChineseNumber', () => {
  it('writes numbers as legal texts do', () => {
    expect(formatChineseNumber(1)).toBe('一');
    expect(formatChineseNumber(10)).toBe('十');
    expect(formatChineseNumber(12)).toBe('十二');
    expect(formatChineseNumber(21)).toBe('二十一');
    expect(formatChineseNumber(105)).toBe('一百零五');
    expect(formatChineseNumber(110)).toBe('一百一十');
    expect(formatChineseNumber(1000)).toBe('一千');
    expect(formatChineseNumber(1001)).toBe('一千零一');
    expect(formatChineseNumber(1010)).toBe('一千零一十');
  });

  it('round-trips 1..1000 through parseChineseNumber', () => {
    for (let n = 1; n <= 1000; n++) expect(parseChineseNumber(formatChineseNumber(n))).toBe(n);
  });

  it('round-trips beyond 万', () => {
    expect(formatChineseNumber(10000)).toBe('一万');
    expect(formatChineseNumber(10010)).toBe('一万零一十');
    for (const n of [9999, 10000, 10001, 10500, 12345, 100000, 99999999]) {
      expect(parseChineseNumber(formatChineseNumber(n)), String(n)).toBe(n);
    }
  });
});
