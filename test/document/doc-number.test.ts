import { describe, expect, it } from 'vitest';
import { findDocNumber, organMarksNormative, parseDocNumber } from '../../src/document/doc-number.js';

describe('parseDocNumber', () => {
  it('parses the canonical form', () => {
    expect(parseDocNumber('夹府规〔2020〕3号')).toEqual({
      raw: '夹府规〔2020〕3号',
      organ: '夹府规',
      year: 2020,
      serial: 3,
      canonical: true,
    });
    expect(parseDocNumber('法释〔2018〕1号')).toMatchObject({ organ: '法释', year: 2018, serial: 1, canonical: true });
    expect(parseDocNumber('高检发释字〔2025〕1号')).toMatchObject({ organ: '高检发释字', canonical: true });
  });

  it('accepts other brackets, but not as canonical', () => {
    expect(parseDocNumber('川府发[2015]24号')).toMatchObject({ organ: '川府发', year: 2015, serial: 24, canonical: false });
    expect(parseDocNumber('国办发（2018）37号')).toMatchObject({ organ: '国办发', year: 2018, serial: 37, canonical: false });
    expect(parseDocNumber('国办发(1985)49号')).toMatchObject({ year: 1985, serial: 49, canonical: false });
    // Real: 《关于审理行政案件适用法律规范问题的座谈会纪要》（法［2004］96号）.
    expect(parseDocNumber('法［2004］96号')).toMatchObject({ organ: '法', year: 2004, serial: 96, canonical: false });
    expect(parseDocNumber('劳社部发[2008]3号')).toMatchObject({ organ: '劳社部发', canonical: false });
    expect(parseDocNumber('夹府规【2020】3号')).toMatchObject({ canonical: false });
  });

  it('is not canonical with a short year, a leading zero or 第', () => {
    expect(parseDocNumber('夹府规〔20〕3号')).toMatchObject({ year: null, serial: 3, canonical: false });
    expect(parseDocNumber('夹府规〔2020〕03号')).toMatchObject({ serial: 3, canonical: false });
    expect(parseDocNumber('夹府规〔2020〕第3号')).toMatchObject({ serial: 3, canonical: false });
    expect(parseDocNumber('川府发〔２０１５〕２４号')).toMatchObject({ year: 2015, serial: 24, canonical: false });
  });

  it('reads the hyphenated form without brackets', () => {
    expect(parseDocNumber('武政规2022-6号')).toMatchObject({ organ: '武政规', year: 2022, serial: 6, canonical: false });
  });

  it('returns null for unbalanced brackets and non-numbers, never throws', () => {
    expect(parseDocNumber('夹府规〔2020 3号')).toBeNull();
    expect(parseDocNumber('夹府规2020〕3号')).toBeNull();
    expect(parseDocNumber('〔2020〕3号')).toBeNull();
    expect(parseDocNumber('国务院令第706号')).toBeNull();
    expect(parseDocNumber('')).toBeNull();
    expect(parseDocNumber(undefined as unknown as string)).toBeNull();
  });
});

describe('findDocNumber', () => {
  it('finds the first 文号 of a line with its offsets', () => {
    const line = '《夹江县养犬管理暂行办法》（夹府发〔2015〕8号）同时废止';
    const found = findDocNumber(line);
    expect(found?.value.raw).toBe('夹府发〔2015〕8号');
    expect(line.slice(found!.start, found!.end)).toBe('夹府发〔2015〕8号');
  });

  it('cuts the words that lead into a 文号 in a sentence', () => {
    expect(findDocNumber('第九条 凡需新辟军民合用机场，按国办发(1985)49号文件规定办理。')?.value.raw).toBe('国办发(1985)49号');
    expect(findDocNumber('根据国办发〔2018〕37号的要求')?.value.raw).toBe('国办发〔2018〕37号');
    expect(findDocNumber('县政府印发的夹府规〔2020〕3号')?.value.raw).toBe('夹府规〔2020〕3号');
  });

  it('returns null without a complete 文号', () => {
    expect(findDocNumber('夹府规〔2020 3号')).toBeNull();
    expect(findDocNumber('本办法自2020年4月1日起施行。')).toBeNull();
  });
});

describe('organMarksNormative', () => {
  it('sees 规 in the 代字 but not 规划', () => {
    expect(organMarksNormative('川府规')).toBe(true);
    expect(organMarksNormative('苏民规')).toBe(true);
    expect(organMarksNormative('发改规划')).toBe(false);
    expect(organMarksNormative('川府发')).toBe(false);
  });
});
