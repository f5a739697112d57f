import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/input/frontmatter.js';
import { LineIndex } from '../../src/document/positions.js';
import { parseValidity, readFields, type ReadFieldsResult } from '../../src/document/fields.js';
import { PROCEDURE_KEYS, editDistance, lookupKey, nearMiss, ALL_TOP_KEYS } from '../../src/document/field-keys.js';

/** Read the front matter of a Markdown source. */
function read(md: string): ReadFieldsResult {
  const fm = splitFrontMatter(md);
  if (fm.yaml === null) throw new Error('no front matter');
  return readFields(fm.yaml, fm.yamlStart, new LineIndex(md));
}

/** Read a YAML record file. */
function readRecord(src: string): ReadFieldsResult {
  return readFields(src, 0, new LineIndex(src), { record: true });
}

/** line:col of a finding. */
const at = (f: { line: number; column: number }) => `${f.line}:${f.column}`;

const DECISION = `---
标题: 夹江县城区停车设施建设管理实施方案
文号: 夹府发〔2023〕12号
制定机关: 夹江县人民政府
类型: 重大行政决策
层级: 县
状态: 已公布
起草单位: 夹江县住房和城乡建设局
涉及: [群众切身利益, 社会稳定风险]
评估论证:
  日期: 2023-02-10
  结论: 必要且可行
公开征求意见:
  开始: 2023-03-01
  结束: 2023年3月31日
  渠道: 夹江县人民政府门户网站
  意见数: 12
  采纳情况: 采纳5条，部分采纳3条
听证:
  材料送达日期: 2023/4/1
  日期: 2023.4.10
专家论证: {不适用: 本方案不涉及专业技术性强的事项}
风险评估:
  date: 二〇二三年四月十一日
  conclusion: 低风险
合法性审查:
  送审日期: 2023-04-12
  意见日期: 2023-04-20
  审查机构: 夹江县司法局
  结论: 同意提交审议
集体讨论:
  会议: 夹江县人民政府第25次常务会议
  日期: 2023-04-28
党委请示报告: true
公布:
  渠道: 夹江县人民政府门户网站
公布日期: 2023-05-06
施行日期: 2023-06-01
有效期: 5年
归档: false
---
# 夹江县城区停车设施建设管理实施方案

一、总体要求
`;

describe('readFields: a county major administrative decision', () => {
  const { fields, diagnostics, body } = read(DECISION);

  it('reads without diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(body).toBeNull();
    expect(fields.present).toBe(true);
    expect(fields.carriesRecords).toBe(true);
  });

  it('reads plain fields', () => {
    expect(fields.values).toMatchObject({
      标题: '夹江县城区停车设施建设管理实施方案',
      文号: '夹府发〔2023〕12号',
      制定机关: '夹江县人民政府',
      类型: '重大行政决策',
      层级: '县',
      状态: '已公布',
      起草单位: '夹江县住房和城乡建设局',
      有效期: '5年',
      施行日期: '2023-06-01',
      公布日期: '2023-05-06',
    });
    expect(fields.concerns).toEqual(['群众切身利益', '社会稳定风险']);
  });

  it('parses every date form into dates by path', () => {
    expect(fields.dates).toEqual({
      '评估论证.日期': '2023-02-10',
      '公开征求意见.开始': '2023-03-01',
      '公开征求意见.结束': '2023-03-31',
      '听证.材料送达日期': '2023-04-01',
      '听证.日期': '2023-04-10',
      '风险评估.日期': '2023-04-11',
      '合法性审查.送审日期': '2023-04-12',
      '合法性审查.意见日期': '2023-04-20',
      '集体讨论.日期': '2023-04-28',
      '公布.日期': '2023-05-06',
      施行日期: '2023-06-01',
    });
  });

  it('reads procedure records', () => {
    expect(Object.keys(fields.steps).sort()).toEqual(
      ['评估论证', '公开征求意见', '听证', '专家论证', '风险评估', '合法性审查', '集体讨论', '党委请示报告', '公布', '归档'].sort(),
    );
    const comment = fields.steps['公开征求意见']!;
    expect(comment.state).toBe('done');
    expect(comment.fields).toEqual({
      开始: '2023-03-01',
      结束: '2023年3月31日',
      渠道: '夹江县人民政府门户网站',
      意见数: 12,
      采纳情况: '采纳5条，部分采纳3条',
    });
    expect(comment.fieldPos['结束']).toEqual({ line: 15, column: 7, endLine: 15, endColumn: 17 });
    expect(fields.steps['专家论证']).toMatchObject({ state: 'not-applicable', reason: '本方案不涉及专业技术性强的事项' });
    expect(fields.steps['风险评估']!.fields).toEqual({ 日期: '二〇二三年四月十一日', 结论: '低风险' });
    expect(fields.steps['党委请示报告']).toMatchObject({ state: 'done', fields: {} });
    expect(fields.steps['归档']).toMatchObject({ state: 'not-done' });
    // 公布日期 fills 公布.日期 of the 公布 record.
    expect(fields.steps['公布']!.fields).toEqual({ 渠道: '夹江县人民政府门户网站', 日期: '2023-05-06' });
    expect(fields.steps['公布']!.fieldPos['日期']).toEqual({ line: 37, column: 7, endLine: 37, endColumn: 17 });
  });

  it('keeps the exact position of every value in the file', () => {
    expect(fields.pos['施行日期']).toEqual({ line: 38, column: 7, endLine: 38, endColumn: 17 });
    expect(fields.pos['文号']).toEqual({ line: 3, column: 5, endLine: 3, endColumn: 17 });
    expect(fields.pos['公开征求意见.开始']).toEqual({ line: 14, column: 7, endLine: 14, endColumn: 17 });
    expect(fields.pos['专家论证']).toMatchObject({ line: 22, column: 7 });
  });
});

describe('readFields: keys', () => {
  it('accepts English aliases and other keys', () => {
    const { fields, diagnostics } = read(`---
title: 夹江县农村集体经营性建设用地入市管理办法
docNumber: 夹府规〔2022〕3号
发文机关: 夹江县人民政府
kind: 行政规范性文件
status: 送审稿
publicComment: {start: 2022-05-01, end: 2022-05-31, channel: 县政府网站, count: 0}
合法性审核:
  submittedOn: 2022-06-01
  opinionOn: 2022-06-15
  reviewer: 夹江县司法局
集体审议: {meeting: 县政府第8次常务会议, date: 2022-06-20}
印发日期: 2022年6月28日
effectiveOn: 2022-08-01
validity: 3年
filings:
  - {body: 夹江县人大常委会, filedOn: 2022-07-10, number: 备〔2022〕15号}
  - 报送机关: 乐山市人民政府
    报送日期: 2022-07-12
concerns: 市场主体、群众切身利益
---
`);
    expect(diagnostics).toEqual([]);
    expect(fields.values).toMatchObject({
      标题: '夹江县农村集体经营性建设用地入市管理办法',
      文号: '夹府规〔2022〕3号',
      制定机关: '夹江县人民政府',
      类型: '行政规范性文件',
      状态: '送审稿',
      施行日期: '2022-08-01',
      有效期: '3年',
      公布日期: '2022年6月28日',
    });
    expect(fields.steps['公开征求意见']!.fields).toEqual({ 开始: '2022-05-01', 结束: '2022-05-31', 渠道: '县政府网站', 意见数: 0 });
    expect(fields.steps['合法性审查']!.fields).toEqual({ 送审日期: '2022-06-01', 意见日期: '2022-06-15', 审查机构: '夹江县司法局' });
    expect(fields.steps['集体讨论']!.fields).toEqual({ 会议: '县政府第8次常务会议', 日期: '2022-06-20' });
    expect(fields.dates['公布.日期']).toBe('2022-06-28');
    expect(fields.filings).toHaveLength(2);
    expect(fields.filings![0]).toMatchObject({ body: '夹江县人大常委会', filedOn: '2022-07-10', number: '备〔2022〕15号' });
    expect(fields.filings![1]).toMatchObject({ body: '乐山市人民政府', filedOn: '2022-07-12' });
    expect(fields.filings![1]!.pos.line).toBe(18);
    expect(fields.dates['备案.1.报送日期']).toBe('2022-07-12');
    expect(fields.pos['备案.1.报送日期']).toEqual({ line: 19, column: 11, endLine: 19, endColumn: 21 });
    expect(fields.concerns).toEqual(['市场主体', '群众切身利益']);
    expect(fields.carriesRecords).toBe(true);
  });

  it('reports a near miss of a known key at the key, and ignores the field', () => {
    const { fields, diagnostics } = read(`---
标题: 夹江县城市道路挖掘管理办法
施行时间: 2021-03-01
公布日起: 2021-02-01
Publish_Date: 2021-02-01
标签: [城建]
作者: 县住建局
合法性审查:
  送审时间: 2021-01-05
---
`);
    expect(diagnostics.map((d) => [d.ruleId, d.severity, at(d), d.message])).toEqual([
      ['meta-unknown-key', 'info', '3:1', '发现未知字段“施行时间”：是否应为“施行日期”'],
      ['meta-unknown-key', 'info', '4:1', '发现未知字段“公布日起”：是否应为“公布日期”'],
      ['meta-unknown-key', 'info', '5:1', '发现未知字段“Publish_Date”：是否应为“publish_date”'],
      ['meta-unknown-key', 'info', '9:3', '发现未知字段“送审时间”：是否应为“送审日期”'],
    ]);
    expect(diagnostics[0]).toMatchObject({ endLine: 3, endColumn: 5, basis: [], related: [], suppressed: null });
    expect(fields.values['施行日期']).toBeUndefined();
    expect(fields.dates).toEqual({});
    // The unknown sub-field is kept as written.
    expect(fields.steps['合法性审查']!.fields).toEqual({ 送审时间: '2021-01-05' });
  });

  it('keeps the stronger of two keys for one field and notes the other', () => {
    const { fields, diagnostics } = read(`---
发文机关: 夹江县人民政府办公室
制定机关: 夹江县人民政府
publish_date: 2020-01-02
date: 2020-01-01
---
`);
    expect(fields.values['制定机关']).toBe('夹江县人民政府');
    expect(diagnostics.map((d) => [at(d), d.message])).toEqual([['2:1', '发现重复字段“发文机关”：已由“制定机关”给出，此处忽略']]);
    // `date` gives 公布日期 only when nothing else does, silently.
    expect(fields.dates['公布.日期']).toBe('2020-01-02');
  });

  it('notes a 公布日期 that repeats 公布.日期', () => {
    const { fields, diagnostics } = read('---\n公布: {日期: 2020-01-02}\n公布日期: 2020-01-03\n---\n');
    expect(fields.dates['公布.日期']).toBe('2020-01-02');
    expect(diagnostics.map((d) => [at(d), d.message])).toEqual([['3:1', '发现重复字段“公布日期”：已由“公布.日期”给出，此处忽略']]);
  });

  it('converts YAML numbers and booleans where a string is expected', () => {
    const { fields } = read('---\n文号: 2020\n标题: 123.50\n起草单位: true\n---\n');
    expect(fields.values).toMatchObject({ 文号: '2020', 标题: '123.50', 起草单位: 'true' });
  });

  it('treats empty values as absent', () => {
    const { fields, diagnostics } = read('---\n听证:\n施行日期: ~\n类型:\n---\n');
    expect(diagnostics).toEqual([]);
    expect(fields.steps).toEqual({});
    expect(fields.values).toEqual({});
    expect(fields.carriesRecords).toBe(false);
    expect(fields.present).toBe(true);
  });

  it('reads empty front matter as present with no fields', () => {
    const r = read('---\n# 待补充\n---\n正文');
    expect(r.diagnostics).toEqual([]);
    expect(r.fields.present).toBe(true);
    expect(r.fields.carriesRecords).toBe(false);
  });
});

describe('readFields: procedure records', () => {
  it('reads true, false, {不适用: 理由}, a bare date and yes/no words', () => {
    const { fields, diagnostics } = read(`---
评估论证: true
听证: false
专家论证: {不适用: 不涉及专业技术性强的事项}
风险评估:
  not_applicable: 不涉及社会稳定风险
公平竞争审查: 不适用
公开征求意见: 2023-03-01
合法性审查: 2023年4月20日
集体讨论: 已完成
党委请示报告: 否
---
`);
    expect(diagnostics).toEqual([]);
    const s = fields.steps;
    expect(s['评估论证']!.state).toBe('done');
    expect(s['听证']!.state).toBe('not-done');
    expect(s['专家论证']).toMatchObject({ state: 'not-applicable', reason: '不涉及专业技术性强的事项', fields: {} });
    expect(s['风险评估']).toMatchObject({ state: 'not-applicable', reason: '不涉及社会稳定风险' });
    expect(s['公平竞争审查']).toMatchObject({ state: 'not-applicable', reason: '' });
    // A bare date fills the record's main date: 开始 for 公开征求意见, 意见日期 for 合法性审查.
    expect(s['公开征求意见']!.fields).toEqual({ 开始: '2023-03-01' });
    expect(fields.dates['公开征求意见.开始']).toBe('2023-03-01');
    expect(fields.dates['合法性审查.意见日期']).toBe('2023-04-20');
    expect(s['集体讨论']!.state).toBe('done');
    expect(s['党委请示报告']!.state).toBe('not-done');
    expect(fields.carriesRecords).toBe(true);
  });

  it('rejects a record value it cannot read', () => {
    const { fields, diagnostics } = read('---\n合法性审查: 待定\n集体讨论: [一, 二]\n---\n');
    expect(diagnostics.map((d) => [d.ruleId, at(d), d.message])).toEqual([
      ['parse-error', '2:8', '发现无效的“合法性审查”值“待定”：应为 true、false、日期、{不适用: 理由} 或含子字段的记录'],
      ['parse-error', '3:7', '发现无效的“集体讨论”值“[一, 二]”：应为 true、false、日期、{不适用: 理由} 或含子字段的记录'],
    ]);
    expect(fields.steps).toEqual({});
  });

  it('lists the procedure records', () => {
    expect(PROCEDURE_KEYS).toEqual([
      '评估论证', '公开征求意见', '听证', '专家论证', '风险评估', '公平竞争审查', '合法性审查', '集体讨论', '党委请示报告', '公布', '归档',
    ]);
  });
});

describe('readFields: dates', () => {
  it('accepts every date form', () => {
    const forms = ['2020-03-01', '2020/3/1', '2020.3.1', '2020年3月1日', '二〇二〇年三月一日', '"2020-03-01"', "'2020年3月1日'"];
    for (const form of forms) {
      const { fields, diagnostics } = read(`---\n施行日期: ${form}\n---\n`);
      expect(diagnostics, form).toEqual([]);
      expect(fields.dates['施行日期'], form).toBe('2020-03-01');
    }
  });

  it('reports an impossible date at the value, with exact line:col', () => {
    const md = '---\n标题: 夹江县城乡居民最低生活保障实施细则\n施行日期: 2023-02-30\n合法性审查:\n  送审日期:   2023年13月1日  # 待核\n---\n';
    const { fields, diagnostics } = read(md);
    expect(diagnostics.map((d) => [d.ruleId, d.severity, `${at(d)}-${d.endLine}:${d.endColumn}`, d.message])).toEqual([
      ['meta-bad-date', 'error', '3:7-3:17', '发现无法识别的日期“2023-02-30”：应为 2020-03-01、2020/3/1、2020.3.1、2020年3月1日、二〇二〇年三月一日 等形式'],
      ['meta-bad-date', 'error', '5:11-5:21', '发现无法识别的日期“2023年13月1日”：应为 2020-03-01、2020/3/1、2020.3.1、2020年3月1日、二〇二〇年三月一日 等形式'],
    ]);
    expect(fields.dates).toEqual({});
    // The field was given (as written), so the document still carries records.
    expect(fields.values['施行日期']).toBe('2023-02-30');
    expect(fields.carriesRecords).toBe(true);
  });

  it('reports a number or a list where a date is expected', () => {
    const { diagnostics } = read('---\n施行日期: 20200301\n有效期至: [2025-01-01]\n---\n');
    expect(diagnostics.map((d) => [d.ruleId, at(d), d.message.split('：')[0]])).toEqual([
      ['meta-bad-date', '2:7', '发现无法识别的日期“20200301”'],
      ['meta-bad-date', '3:7', '发现无法识别的日期“[2025-01-01]”'],
    ]);
  });
});

describe('readFields: enums and status', () => {
  it('reports a bad enum value as parse-error and drops only that field', () => {
    const { fields, diagnostics } = read('---\n类型: 规范文件\n层级: 县级\n文号: 夹府发〔2023〕1号\n---\n');
    expect(diagnostics.map((d) => [d.ruleId, d.severity, at(d), d.message])).toEqual([
      ['parse-error', 'error', '2:5', '发现无效的“类型”值“规范文件”：应为 法律、行政法规、地方性法规、规章、司法解释、行政规范性文件、重大行政决策、其他 之一'],
    ]);
    expect(fields.values['类型']).toBeUndefined();
    expect(fields.values['层级']).toBe('县');
    expect(fields.values['文号']).toBe('夹府发〔2023〕1号');
    expect(fields.carriesRecords).toBe(false);
  });

  it('maps archive status values, which carry no records', () => {
    const cases: [string, string][] = [
      ['现行有效', '已公布'], ['有效', '已公布'], ['尚未生效', '已公布'],
      ['废止', '已废止'], ['已废止', '已废止'], ['废止或失效', '已废止'], ['失效', '已失效'],
    ];
    for (const [raw, status] of cases) {
      const { fields, diagnostics } = read(`---\ntitle: "中华人民共和国刑法修正案（七）"\npublish_date: "2009-02-28"\nstatus: "${raw}"\ncategory: "刑法"\n---\n`);
      expect(diagnostics).toEqual([]);
      expect(fields.values['状态'], raw).toBe(status);
      expect(fields.dates['公布.日期']).toBe('2009-02-28');
      // 已废止 is a hefa status: stated by the drafting office, so it counts; the archive values do not.
      expect(fields.carriesRecords, raw).toBe(raw === '已废止');
    }
  });

  it('counts a hefa status under the English key', () => {
    expect(read('---\nstatus: 草案\n---\n').fields.carriesRecords).toBe(true);
    expect(read('---\n状态: 现行有效\nimplement_date: 2020-01-01\n---\n').fields.carriesRecords).toBe(false);
  });

  it('reads validity periods', () => {
    expect(parseValidity('5年')).toEqual({ years: 5 });
    expect(parseValidity('五年')).toEqual({ years: 5 });
    expect(parseValidity('2年6个月')).toEqual({ years: 2, months: 6 });
    expect(parseValidity('6个月')).toEqual({ months: 6 });
    expect(parseValidity(3)).toEqual({ years: 3 });
    expect(parseValidity('长期')).toBeNull();
    const { fields, diagnostics } = read('---\n有效期: 长期\n---\n');
    expect(diagnostics.map((d) => [d.ruleId, at(d), d.message])).toEqual([
      ['parse-error', '2:6', '发现无效的“有效期”值“长期”：应为 5年、3年、2年、6个月 等形式'],
    ]);
    expect(fields.values['有效期']).toBeUndefined();
  });
});

describe('readFields: what carries records', () => {
  it('a blog-style front matter carries no records', () => {
    const { fields, diagnostics } = read(`---
title: 有毒有害水污染物名录
shortTitle: 有毒有害水污染物名录
icon: sort
date: 2019-07-23
author: 生态环境部等
category:
  - 名录
tag:
  - 水
---

## 第一批
`);
    expect(diagnostics).toEqual([]);
    expect(fields.present).toBe(true);
    expect(fields.carriesRecords).toBe(false);
    expect(fields.values['标题']).toBe('有毒有害水污染物名录');
    expect(fields.dates['公布.日期']).toBe('2019-07-23');
  });

  it('a blog date with a time is read; an unusable blog date is ignored', () => {
    expect(read('---\ndate: 2021-05-03T10:00:00+08:00\n---\n').fields.dates['公布.日期']).toBe('2021-05-03');
    expect(read('---\ndate: 2021-05-03 10:00\n---\n').fields.dates['公布.日期']).toBe('2021-05-03');
    const r = read('---\ndate: May 3, 2021\n---\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.fields.dates).toEqual({});
    expect(r.fields.steps).toEqual({});
  });

  it('a single record field is enough', () => {
    expect(read('---\n施行日期: 2024-01-01\n---\n').fields.carriesRecords).toBe(true);
    expect(read('---\n公布日期: 2024-01-01\n---\n').fields.carriesRecords).toBe(true);
    expect(read('---\n备案: []\n---\n').fields.carriesRecords).toBe(true);
    expect(read('---\n归档: false\n---\n').fields.carriesRecords).toBe(true);
    expect(read('---\n标题: 某办法\n文号: 夹府规〔2020〕3号\n---\n').fields.carriesRecords).toBe(false);
    expect(read('---\nimplement_date: 2024-01-01\n---\n').fields.carriesRecords).toBe(false);
  });
});

describe('readFields: broken YAML', () => {
  it('reports a syntax error at its line:col in the file', () => {
    // Front matter starts on line 2 of the file; the missing colon is on line 4.
    const md = '---\n标题: 夹江县城区停车设施建设管理实施方案\n文号: 夹府发〔2023〕12号\n制定机关 夹江县人民政府\n类型: 重大行政决策\n---\n正文\n';
    const { fields, diagnostics } = read(md);
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d.ruleId).toBe('parse-error');
    expect(d.severity).toBe('error');
    expect(at(d)).toBe('4:1');
    expect(d.message).toMatch(/^前置元数据 YAML 有误：键不能跨行，是否缺少冒号（MULTILINE_IMPLICIT_KEY）$/);
    expect(fields.present).toBe(false);
    expect(fields.carriesRecords).toBe(false);
    expect(fields.values).toEqual({});
  });

  it('reports an unterminated quote', () => {
    const { diagnostics } = read('---\n标题: "夹江县城区停车设施建设管理实施方案\n类型: 重大行政决策\n---\n');
    expect(diagnostics.map((d) => d.message)).toEqual(['前置元数据 YAML 有误：缺少结束引号（MISSING_CHAR）']);
  });

  it('hints at a full-width colon', () => {
    const one = read('---\n标题: 夹江县城区停车设施建设管理实施方案\n文号：夹府发〔2023〕12号\n---\n').diagnostics[0]!;
    expect(at(one)).toBe('3:1');
    expect(one.message).toBe('前置元数据 YAML 有误：键后缺少冒号；键后应为半角冒号“:”加空格（MISSING_CHAR）');
    const all = read('---\n标题：夹江县城区停车设施建设管理实施方案\n文号：夹府发〔2023〕12号\n---\n').diagnostics[0]!;
    expect(at(all)).toBe('2:1');
    expect(all.message).toBe('前置元数据 YAML 有误：应为“键: 值”形式的映射，不能是单个值；键后应为半角冒号“:”加空格');
  });

  it('reports duplicate keys at the second key', () => {
    const { fields, diagnostics } = read('---\n施行日期: 2023-06-01\n类型: 重大行政决策\n施行日期: 2023-07-01\n---\n');
    expect(diagnostics.map((d) => [d.ruleId, at(d), d.message])).toEqual([
      ['parse-error', '4:1', '前置元数据 YAML 有误：键“施行日期”重复（DUPLICATE_KEY）'],
    ]);
    expect(fields.values).toEqual({});
  });

  it('never executes tags and reports them', () => {
    for (const [yaml, tag, col] of [
      ['标题: !!js/function "function () { process.exit(1) }"', '!!js/function', 5],
      ['标题: !!python/object/apply:os.system ["rm -rf /"]', '!!python/object/apply:os.system', 5],
      ['施行日期: !!timestamp 2020-01-01', '!!timestamp', 7],
      ['标题: !custom x', '!custom', 5],
    ] as const) {
      const { fields, diagnostics } = read(`---\n${yaml}\n---\n`);
      expect(diagnostics, yaml).toHaveLength(1);
      expect(diagnostics[0]!.ruleId).toBe('parse-error');
      expect(at(diagnostics[0]!)).toBe(`2:${col}`);
      expect(diagnostics[0]!.message).toContain(`不支持标签“${tag}”`);
      expect(fields.values).toEqual({});
    }
    // Core-schema tags are fine.
    const ok = read('---\n文号: !!str 2020\n---\n');
    expect(ok.diagnostics).toEqual([]);
    expect(ok.fields.values['文号']).toBe('2020');
  });

  it('reports an alias bomb', () => {
    const md = `---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
标题: *d
---
`;
    const { fields, diagnostics } = read(md);
    expect(diagnostics.map((d) => [d.ruleId, at(d), d.message])).toEqual([
      ['parse-error', '3:8', '前置元数据 YAML 有误：别名展开过多，疑似别名炸弹（RESOURCE_EXHAUSTION）'],
    ]);
    expect(fields.present).toBe(false);
  });

  it('accepts a few aliases and reports an alias without anchor', () => {
    const ok = read('---\n制定机关: &gov 夹江县人民政府\n合法性审查: {审查机构: *gov, 意见日期: 2023-04-20}\n---\n');
    expect(ok.diagnostics).toEqual([]);
    expect(ok.fields.steps['合法性审查']!.fields['审查机构']).toBe('夹江县人民政府');
    const bad = read('---\n制定机关: *gov\n---\n');
    expect(bad.diagnostics.map((d) => [at(d), d.message])).toEqual([['2:7', '前置元数据 YAML 有误：别名“*gov”没有对应的锚点（BAD_ALIAS）']]);
  });

  it('rejects a top-level list or scalar', () => {
    const list = read('---\n- 标题: 夹江县城区停车设施建设管理实施方案\n- 类型: 重大行政决策\n---\n');
    expect(list.diagnostics.map((d) => [d.ruleId, at(d), d.message])).toEqual([
      ['parse-error', '2:1', '前置元数据 YAML 有误：应为“键: 值”形式的映射，不能是列表'],
    ]);
    expect(list.fields.present).toBe(false);
    const scalar = read('---\n这是一段说明\n---\n');
    expect(scalar.diagnostics[0]!.message).toBe('前置元数据 YAML 有误：应为“键: 值”形式的映射，不能是单个值');
  });

  it('positions errors in CRLF and CR front matter', () => {
    for (const eol of ['\r\n', '\r']) {
      const md = ['---', '标题: 夹江县城区停车设施建设管理实施方案', '施行日期: 2023-02-30', '---', '正文'].join(eol);
      const { fields, diagnostics } = read(md);
      expect(fields.values['标题']).toBe('夹江县城区停车设施建设管理实施方案');
      expect(diagnostics.map((d) => [d.ruleId, `${at(d)}-${d.endLine}:${d.endColumn}`])).toEqual([['meta-bad-date', '3:7-3:17']]);
      const broken = read(['---', '标题: 测试', '类型: [重大行政决策', '---', ''].join(eol));
      expect(broken.diagnostics[0]!.ruleId).toBe('parse-error');
      expect(broken.diagnostics.map((d) => [d.ruleId, at(d), d.message])).toEqual([
        ['parse-error', '4:1', '前置元数据 YAML 有误：缺少结束括号“]”，或后续行缩进不足（BAD_INDENT）'],
      ]);
    }
  });
});

describe('readFields: YAML records', () => {
  it('returns a block 正文 with the line and column its text starts at', () => {
    const src = `标题: 夹江县城区停车设施建设管理实施方案
类型: 重大行政决策
状态: 草案
正文: |
    一、总体要求

    （一）指导思想。坚持以人民为中心……
`;
    const { fields, diagnostics, body } = readRecord(src);
    expect(diagnostics).toEqual([]);
    expect(fields.carriesRecords).toBe(true);
    expect(body).toEqual({ text: '一、总体要求\n\n（一）指导思想。坚持以人民为中心……\n', line: 5, column: 5 });
    expect(fields.values['正文']).toBeUndefined();
  });

  it('returns an inline 正文 and a 正文文件 path', () => {
    expect(readRecord('标题: 某方案\n正文: "第一条 为了规范……"\n').body).toEqual({ text: '第一条 为了规范……', line: 2, column: 6 });
    expect(readRecord('正文: 第一条 为了规范……\n').body).toEqual({ text: '第一条 为了规范……', line: 1, column: 5 });
    const r = readRecord('标题: 某方案\n正文文件: 正文/停车方案.md\n');
    expect(r.body).toEqual({ file: '正文/停车方案.md', pos: { line: 2, column: 1, endLine: 2, endColumn: 17 } });
    expect(readRecord('标题: 某方案\n').body).toBeNull();
  });

  it('reads 正文 only in a record, and prefers 正文 over 正文文件', () => {
    const fm = read('---\n正文: x\n---\n');
    expect(fm.body).toBeNull();
    const both = readRecord('正文文件: a.md\n正文: x\n');
    expect(both.body).toMatchObject({ text: 'x' });
    expect(both.diagnostics.map((d) => [d.ruleId, at(d)])).toEqual([['meta-unknown-key', '1:1']]);
  });

  it('names a broken record as such', () => {
    const r = readRecord('标题: a\n标题: b\n');
    expect(r.diagnostics[0]!.message).toBe('YAML 记录有误：键“标题”重复（DUPLICATE_KEY）');
    expect(at(r.diagnostics[0]!)).toBe('2:1');
    expect(readRecord('x: 1\n---\ny: 2\n').diagnostics[0]!.message).toContain('MULTIPLE_DOCS');
  });
});

describe('field-keys', () => {
  it('maps every accepted key', () => {
    const expected: Record<string, string> = {
      title: '标题', 发文机关: '制定机关', issuing_authority: '制定机关', 合法性审核: '合法性审查', 集体审议: '集体讨论',
      publish_date: '公布日期', publishDate: '公布日期', date: '公布日期', 印发日期: '公布日期',
      implement_date: '施行日期', effectiveDate: '施行日期', status: '状态', filings: '备案', concerns: '涉及',
    };
    for (const [k, v] of Object.entries(expected)) expect(lookupKey(k)?.spec.key, k).toBe(v);
    expect(lookupKey('date')?.kind).toBe('fallback');
    expect(lookupKey('publish_date')?.kind).toBe('archive');
  });

  it('finds near misses but not unrelated keys', () => {
    expect(nearMiss('实施日期', ALL_TOP_KEYS)).toBe('施行日期');
    expect(nearMiss('生效日期', ALL_TOP_KEYS)).toBe('施行日期');
    expect(nearMiss('失效日期', ALL_TOP_KEYS)).toBe('有效期至');
    expect(nearMiss('发布日期', ALL_TOP_KEYS)).toBe('公布日期');
    expect(nearMiss('有效期限', ALL_TOP_KEYS)).toBe('有效期');
    expect(nearMiss('Title', ALL_TOP_KEYS)).toBe('title');
    expect(nearMiss('doc_number', ALL_TOP_KEYS)).toBe('docNumber');
    for (const k of ['标签', '作者', '分类', 'tags', 'author', 'category', 'source', 'synced', 'icon', 'shortTitle', 'sidebar']) {
      expect(nearMiss(k, ALL_TOP_KEYS), k).toBeNull();
    }
    expect(editDistance('施行日期', '施行日起')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
  });
});

describe('readFields: block 正文 forms', () => {
  it('maps CRLF, folded and explicitly indented blocks', () => {
    expect(readRecord('标题: a\r\n正文: |\r\n  第一条 x\r\n\r\n  第二条 y\r\n').body).toEqual({ text: '第一条 x\n\n第二条 y\n', line: 3, column: 3 });
    expect(readRecord('正文: >\n  第一条 x\n  续\n').body).toEqual({ text: '第一条 x 续\n', line: 2, column: 3 });
    expect(readRecord('正文: |2\n\n   第一条\n').body).toEqual({ text: '\n 第一条\n', line: 2, column: 3 });
  });
});
