/**
 * The pieces of the filing formatters that carry the format rules: CSV cells (RFC 4180 quoting,
 * formula injection) and iCalendar TEXT escaping and line folding (RFC 5545 §3.1, §3.3.11).
 */
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../src/format/filing-csv.js';
import { foldLine, icsText } from '../../../src/format/filing-ics.js';
import { displayWidth } from '../../../src/format/filing-table.js';

describe('csvCell', () => {
  it.each([
    ['夹江县人民政府', '夹江县人民政府'],
    [null, ''],
    [17, '17'],
    ['a,b', '"a,b"'],
    ['说"明"', '"说""明"""'],
    ['两行\n文字', '"两行\n文字"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+86', "'+86"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['=1,2', `"'=1,2"`],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('icsText', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(icsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});

describe('foldLine', () => {
  it('leaves a short line alone', () => {
    expect(foldLine('SUMMARY:短')).toBe('SUMMARY:短');
  });

  it('folds at 75 octets, never inside a UTF-8 character; unfolding gives the line back', () => {
    const line = `DESCRIPTION:${'夹江县人民政府关于印发城区公园管理办法的通知'.repeat(6)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });
});

describe('displayWidth', () => {
  it('counts Chinese characters and full-width punctuation as two cells', () => {
    expect(displayWidth('2026-10-01')).toBe(10);
    expect(displayWidth('未备案（剩余 17 天）')).toBe(20);
    expect(displayWidth('夹府规〔2026〕1号')).toBe(17);
  });
});
