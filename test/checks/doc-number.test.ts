/**
 * The doc-number check kind: what it says is wrong with a 文号 (GB/T 9704—2012 7.2.5), when a
 * missing 文号 is reported (only on documents that carry records), and its options.
 */
import { describe, expect, it } from 'vitest';
import { diagnoseDocNumber, docNumber } from '../../src/checks/doc-number.js';
import { buildDocument } from '../../src/document/build.js';
import { withDefaults, validateOptions } from '../../src/rules/options.js';
import type { CheckContext, Pos, Rule } from '../../src/types.js';

interface Reported {
  place: Pos;
  data: Record<string, string | number>;
  messageId: string;
}

/** Run the check on one Markdown source with the given options; returns what it reported. */
function check(source: string, options: Record<string, unknown> = {}): Reported[] {
  const doc = buildDocument('doc.md', source);
  const out: Reported[] = [];
  // Only what doc-number reads; run settings (jurisdiction, filing) are not among them.
  const ctx = {
    doc,
    rule: { id: 'normative-doc-number' } as Rule,
    options: withDefaults(docNumber, options),
    params: {},
    asOf: '2026-11-29',
    calendar: { isWorkday: () => true, covers: () => true },
    report(place, data = {}, messageId = 'default') {
      out.push({ place, data, messageId });
    },
    notice() {},
  } as CheckContext;
  docNumber.run(ctx);
  return out;
}

const TEXT = `第一条　为了促进城市绿化事业发展，根据《城市绿化条例》，制定本办法。

第二条　本办法自2025年7月1日起施行。
`;

const withRecords = (docNumberLine: string | null): string =>
  [
    '---',
    '标题: 夹江县城市绿化管理办法',
    ...(docNumberLine === null ? [] : [`文号: ${docNumberLine}`]),
    '制定机关: 夹江县人民政府',
    '类型: 行政规范性文件',
    '状态: 已公布',
    '公布日期: 2025-05-30',
    '---',
    '',
    '# 夹江县城市绿化管理办法',
    '',
    TEXT,
  ].join('\n');

const archived = (docNumberLine: string | null): string =>
  ['夹江县城市绿化管理办法', '', ...(docNumberLine === null ? [] : [docNumberLine, '']), TEXT, '夹江县人民政府', '', '2025年5月30日', ''].join('\n');

describe('diagnoseDocNumber', () => {
  it('finds nothing wrong with a canonical 文号', () => {
    expect(diagnoseDocNumber('夹府规〔2024〕2号')).toEqual({ problems: [], expected: '夹府规〔2024〕2号' });
  });

  it('names brackets other than 六角括号, and rewrites the number', () => {
    expect(diagnoseDocNumber('夹府规[2024]2号')).toEqual({ problems: ['年份用了“[]”而非六角括号“〔〕”'], expected: '夹府规〔2024〕2号' });
    expect(diagnoseDocNumber('川府发（2015）24号').problems).toEqual(['年份用了“（）”而非六角括号“〔〕”']);
    expect(diagnoseDocNumber('夹府规【2024】2号').problems).toEqual(['年份用了“【】”而非六角括号“〔〕”']);
  });

  it('names a short year, which it cannot rewrite', () => {
    expect(diagnoseDocNumber('夹府规〔24〕2号')).toEqual({ problems: ['年份“24”没有标全称'], expected: null });
  });

  it('names a leading zero (虚位) and 第', () => {
    expect(diagnoseDocNumber('夹府规〔2024〕02号')).toEqual({ problems: ['序号“02”编了虚位'], expected: '夹府规〔2024〕2号' });
    expect(diagnoseDocNumber('杨管规〔2012〕001号').problems).toEqual(['序号“001”编了虚位']);
    expect(diagnoseDocNumber('夹府规〔2024〕第2号')).toEqual({ problems: ['序号前加了“第”字'], expected: '夹府规〔2024〕2号' });
  });

  it('names several problems at once, in the order of the parts', () => {
    expect(diagnoseDocNumber('夹府规[2024]第02号')).toEqual({
      problems: ['年份用了“[]”而非六角括号“〔〕”', '序号前加了“第”字', '序号“02”编了虚位'],
      expected: '夹府规〔2024〕2号',
    });
  });

  it('names full-width and Chinese numerals, and spaces', () => {
    expect(diagnoseDocNumber('川府发〔２０１５〕２４号')).toEqual({ problems: ['年份用了全角数字', '序号用了全角数字'], expected: '川府发〔2015〕24号' });
    expect(diagnoseDocNumber('夹府规〔二〇二四〕二号')).toEqual({
      problems: ['年份“二〇二四”没有用阿拉伯数字', '序号“二”没有用阿拉伯数字'],
      expected: '夹府规〔2024〕2号',
    });
    expect(diagnoseDocNumber('夹府规〔2024〕 2号')).toEqual({ problems: ['含有空格'], expected: '夹府规〔2024〕2号' });
  });

  it('names a hyphenated number without brackets', () => {
    expect(diagnoseDocNumber('武政规2022-6号')).toEqual({ problems: ['年份没有用六角括号“〔〕”括入'], expected: '武政规〔2022〕6号' });
  });

  it('says when the parts cannot be told apart, and never throws', () => {
    expect(diagnoseDocNumber('夹府规2024年2号')).toEqual({ problems: ['无法分出机关代字、年份和序号'], expected: null });
    expect(diagnoseDocNumber('〔2024〕2号')).toEqual({ problems: ['缺少机关代字'], expected: null });
    expect(diagnoseDocNumber('夹府规〔2024〕2')).toEqual({ problems: ['序号后缺少“号”字'], expected: '夹府规〔2024〕2号' });
    expect(diagnoseDocNumber('夹府规〔〕号')).toEqual({ problems: ['缺少年份', '缺少序号'], expected: null });
    expect(() => diagnoseDocNumber('')).not.toThrow();
  });
});

describe('doc-number check', () => {
  it('is quiet on a canonical 文号, in a field or in the text', () => {
    expect(check(withRecords('夹府规〔2025〕3号'))).toEqual([]);
    expect(check(archived('夹府规〔2025〕3号'))).toEqual([]);
  });

  it('reports a non-canonical 文号 in a field at the field, with what is wrong and the canonical form', () => {
    const [r, ...rest] = check(withRecords('夹府规[2025]03号'));
    expect(rest).toEqual([]);
    expect(r!.messageId).toBe('form');
    expect(r!.place.line).toBe(3);
    expect(r!.data).toEqual({
      docNumber: '夹府规[2025]03号',
      problems: '年份用了“[]”而非六角括号“〔〕”，序号“03”编了虚位',
      expected: '夹府规〔2025〕3号',
    });
  });

  it('reports a non-canonical 文号 read from an archived text, as written, at its line', () => {
    const found = check(archived('夹府规〔25〕3号'));
    expect(found.map((r) => [r.messageId, r.place.line, r.data.docNumber, r.data.expected])).toEqual([
      ['form', 3, '夹府规〔25〕3号', '机关代字〔年份〕序号号'],
    ]);
  });

  it('reports a missing 文号 only when the document carries records', () => {
    const found = check(withRecords(null));
    expect(found.map((r) => [r.messageId, r.place.line])).toEqual([['missing', 2]]);
    expect(check(archived(null))).toEqual([]);
  });

  it('can be told not to report a missing 文号, or its form', () => {
    expect(check(withRecords(null), { missing: false })).toEqual([]);
    expect(check(withRecords('夹府规[2025]3号'), { form: false })).toEqual([]);
  });

  it('validates its options', () => {
    expect(validateOptions(docNumber, {})).toEqual([]);
    expect(validateOptions(docNumber, { missing: 'yes' }).map(([name]) => name)).toEqual(['missing']);
    expect(validateOptions(docNumber, { pattern: 'x' }).map(([name]) => name)).toEqual(['pattern']);
  });
});
