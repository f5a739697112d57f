/**
 * doc-number: a published document has a 文号, written 机关代字〔YYYY〕N号.
 * GB/T 9704—2012 7.2.5: 年份、发文顺序号用阿拉伯数字标注；年份应标全称，用六角括号“〔〕”括入；
 * 发文顺序号不加“第”字，不编虚位. Options: missing (report a document without a 文号; only a document
 * that carries records is told, since an archived text may simply have lost the line) and form
 * (report a 文号 that is not canonical, saying what is wrong and, when it can, how it should read).
 */
import type { CheckKind } from '../types.js';
import { parseChineseNumber, toHalfWidthDigits } from '../cn/numerals.js';
import { docPos } from './dates.js';

/** What a non-canonical 文号 gets wrong, and the canonical form when the parts can be read. */
export interface DocNumberDiagnosis {
  /** Short phrases (年份用了“[]”而非六角括号“〔〕”, 序号“02”编了虚位 …), in the order of the 文号's parts. */
  problems: string[];
  /** The 文号 rewritten canonically (夹府规〔2024〕3号), or null when a part is missing or ambiguous. */
  expected: string | null;
}

const BRACKETED = /^(.*?)([〔[［(（【〖])(.*?)([〕\]］)）】〗])(.*)$/s;
/** 武政规2022-6号: year and serial joined by a hyphen, no brackets. */
const HYPHENATED = /^(.*?)([0-9０-９]{4})[-－—–](.*)$/s;

/** A numeral part as written: Arabic (half-width), full-width, Chinese, or not a number. */
function numeralKind(s: string): 'arabic' | 'full-width' | 'chinese' | 'none' {
  if (/^[0-9]+$/.test(s)) return 'arabic';
  if (/^[0-9０-９]+$/.test(s)) return 'full-width';
  return s !== '' && parseChineseNumber(s) !== null ? 'chinese' : 'none';
}

/**
 * Diagnose a 文号 as written. Returns no problems for a canonical one. Pure, never throws, so the
 * wording of each problem can be tested without a Document.
 */
export function diagnoseDocNumber(raw: string): DocNumberDiagnosis {
  const problems: string[] = [];
  let text = raw.trim();
  if (/\s/.test(text)) {
    problems.push('含有空格');
    text = text.replace(/\s+/g, '');
  }
  let organ: string;
  let yearRaw: string;
  let rest: string;
  const b = BRACKETED.exec(text);
  const h = b ? null : HYPHENATED.exec(text);
  if (b) {
    organ = b[1]!;
    yearRaw = b[3]!;
    rest = b[5]!;
    if (b[2] !== '〔' || b[4] !== '〕') problems.push(`年份用了“${b[2]}${b[4]}”而非六角括号“〔〕”`);
  } else if (h) {
    organ = h[1]!;
    yearRaw = h[2]!;
    rest = h[3]!;
    problems.push('年份没有用六角括号“〔〕”括入');
  } else {
    return { problems: [...problems, '无法分出机关代字、年份和序号'], expected: null };
  }

  if (organ === '') problems.push('缺少机关代字');

  let year: number | null = null;
  const yk = numeralKind(yearRaw);
  const yearDigits = toHalfWidthDigits(yearRaw);
  if (yk === 'arabic' || yk === 'full-width') {
    if (yearDigits.length === 4) year = Number(yearDigits);
    else problems.push(`年份“${yearRaw}”没有标全称`);
    if (yk === 'full-width') problems.push('年份用了全角数字');
  } else if (yk === 'chinese') {
    const n = parseChineseNumber(yearRaw);
    if (n !== null && n >= 1000 && n <= 9999) year = n;
    problems.push(`年份“${yearRaw}”没有用阿拉伯数字`);
  } else {
    problems.push(yearRaw === '' ? '缺少年份' : `年份“${yearRaw}”不是数字`);
  }

  let serialRaw = rest;
  const hasHao = serialRaw.endsWith('号');
  if (hasHao) serialRaw = serialRaw.slice(0, -1);
  else problems.push('序号后缺少“号”字');
  if (serialRaw.startsWith('第')) {
    problems.push('序号前加了“第”字');
    serialRaw = serialRaw.slice(1);
  }
  let serial: number | null = null;
  const sk = numeralKind(serialRaw);
  if (sk === 'arabic' || sk === 'full-width') {
    serial = Number(toHalfWidthDigits(serialRaw));
    if (/^0+\d/.test(toHalfWidthDigits(serialRaw))) problems.push(`序号“${serialRaw}”编了虚位`);
    if (sk === 'full-width') problems.push('序号用了全角数字');
  } else if (sk === 'chinese') {
    serial = parseChineseNumber(serialRaw);
    problems.push(`序号“${serialRaw}”没有用阿拉伯数字`);
  } else {
    problems.push(serialRaw === '' ? '缺少序号' : `序号“${serialRaw}”不是数字`);
  }
  if (serial !== null && (!Number.isInteger(serial) || serial < 1)) serial = null;

  const expected = organ !== '' && year !== null && serial !== null ? `${organ}〔${year}〕${serial}号` : null;
  return { problems, expected };
}

export const docNumber: CheckKind = {
  name: 'doc-number',
  summary: '已公布的文件没有文号，或文号不是“机关代字〔年份〕序号号”的形式',
  recordScope: false,
  options: {
    missing: { type: 'boolean', default: true },
    form: { type: 'boolean', default: true },
  },
  defaultMessages: {
    missing: '发现已公布的文件没有文号：应当统一编号，标注发文字号',
    form: '发现文号“{{docNumber}}”中{{problems}}：应当写作“{{expected}}”',
  },
  run(ctx) {
    const { doc } = ctx;
    const dn = doc.docNumber;
    if (!dn) {
      // An archived text may simply have lost its 文号 line: only a document that carries records is told.
      if (ctx.options.missing && doc.fields.carriesRecords) ctx.report(docPos(doc), {}, 'missing');
      return;
    }
    if (!ctx.options.form || dn.value.canonical) return;
    const written = dn.raw ?? dn.value.raw;
    const { problems, expected } = diagnoseDocNumber(written);
    ctx.report(dn.pos, {
      docNumber: written,
      problems: problems.length ? problems.join('，') : '不是“机关代字〔年份〕序号号”的形式',
      expected: (problems.length ? expected : null) ?? '机关代字〔年份〕序号号',
    }, 'form');
  },
};
