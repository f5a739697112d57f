/**
 * Chinese numerals as used in legal texts: 第一千条, 第二十五条, 二〇二〇年, 第1条.
 * Handles 零/〇/○ as zero, 两 as two, and positional digit strings (二〇二〇).
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, Ｏ: 0, O: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, 万: 10000 };

/** Characters that can appear in a Chinese numeral (for building patterns). */
export const CN_NUMERAL_CHARS = '零〇○一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟';

/** Convert full-width digits to ASCII. */
export function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Parse a Chinese or Arabic numeral; returns null when it is not one.
 * `二〇二〇` (digit by digit) → 2020; `一千零一` → 1001; `十二` → 12; `12` / `１２` → 12.
 */
export function parseChineseNumber(input: string): number | null {
  const s = toHalfWidthDigits(input.trim());
  if (s === '') return null;
  if (/^\d+$/.test(s)) return Number(s);
  // Digit-by-digit form (years): only digit characters, no units.
  if ([...s].every((c) => c in DIGITS)) {
    if (s.length === 1) return DIGITS[s]!;
    let n = 0;
    for (const c of s) n = n * 10 + DIGITS[c]!;
    return n;
  }
  // Unit form (二百零一, 一千零一十, 十万): units fall within a 万 section, two digits never touch,
  // and 零 only marks a gap, so 一千零十 is 1010 (a bare 十 means 一十).
  let total = 0;
  let section = 0;
  let digit = -1;
  let lastUnit = Infinity;
  let sawWan = false;
  for (const c of s) {
    if (c in DIGITS) {
      const v = DIGITS[c]!;
      if (digit > 0) return null;
      digit = v === 0 ? -1 : v;
    } else if (c in UNITS) {
      const unit = UNITS[c]!;
      if (unit === 10000) {
        const value = section + Math.max(digit, 0);
        if (sawWan || value === 0) return null;
        total = value * unit;
        sawWan = true;
        section = 0;
        lastUnit = Infinity;
      } else {
        if (unit >= lastUnit) return null;
        if (digit === -1 && unit !== 10) return null;
        section += (digit === -1 ? 1 : digit) * unit;
        lastUnit = unit;
      }
      digit = -1;
    } else {
      return null;
    }
  }
  if (digit > 0) section += digit;
  return total + section;
}

/** Render a number in Chinese (for messages): 1 → 一, 21 → 二十一, 105 → 一百零五, 10500 → 一万零五百. */
export function formatChineseNumber(n: number): string {
  // Outside what messages need (negatives, fractions, 亿 and up): Arabic digits.
  if (!Number.isInteger(n) || n < 0 || n >= 1e8) return String(n);
  if (n >= 10000) {
    const high = Math.floor(n / 10000);
    const low = n % 10000;
    let out = formatChineseNumber(high) + '万';
    if (low === 0) return out;
    if (low < 1000) out += '零';
    // After a higher unit 10–19 keep their 一: 一万零一十, not 一万零十.
    return out + (low >= 10 && low < 20 ? '一' : '') + formatChineseNumber(low);
  }
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n]!;
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  const parts: string[] = [];
  const units = ['', '十', '百', '千'];
  const s = String(n);
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const digit = Number(s[i]);
    const unit = units[s.length - 1 - i] ?? '';
    if (digit === 0) {
      zero = true;
    } else {
      if (zero && parts.length) parts.push('零');
      zero = false;
      parts.push(d[digit]! + unit);
    }
  }
  return parts.join('');
}
