/**
 * Filing obligations (product.md §4.3, §5.4): targets, names, matching of 备案 entries, due dates
 * (product.md §5.2: due on publication + N, met on or before that day) and every status.
 */
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../src/document/build.js';
import { createCalendar } from '../../../src/cn/calendar.js';
import {
  belongsTo,
  bodyMatches,
  compareObligations,
  filingEnv,
  filingTargets,
  normaliseBody,
  obligationsOf,
  summarizeObligations,
  type FilingEnv,
  type Obligation,
} from '../../../src/reports/filing/obligations.js';
import type { FilingTargetRule, Jurisdiction } from '../../../src/types.js';

const CAL = createCalendar();
const JIAJIANG: Jurisdiction = { name: '夹江县', level: '县', npcStandingCommittee: '夹江县人大常委会', superior: '乐山市人民政府' };

function env(over: Partial<FilingEnv> = {}): FilingEnv {
  return { asOf: '2026-11-29', days: 30, unit: 'days', calendar: CAL, jurisdiction: null, targets: [], ...over };
}

/** A YAML record with the given lines (a published government document unless overridden). */
function record(lines: Record<string, string>, path = 'docs/办法.yaml') {
  const fields: Record<string, string> = {
    标题: '夹江县城区夜景照明管理办法',
    文号: '夹府规〔2026〕5号',
    制定机关: '夹江县人民政府',
    类型: '行政规范性文件',
    状态: '已公布',
    公布: '{日期: 2026-09-01}',
    ...lines,
  };
  const yaml = Object.entries(fields)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return buildDocument(path, yaml + '\n');
}

/** The rows of one document as `type status due filed late left`. */
function rows(doc: ReturnType<typeof record>, e: FilingEnv = env()): string[] {
  return obligationsOf(doc, e).map(
    (o) => `${o.targetType ?? '-'} ${o.target ?? '-'} ${o.status} due=${o.due ?? '-'} filed=${o.filedOn ?? '-'} late=${o.daysLate ?? '-'} left=${o.daysLeft ?? '-'}`,
  );
}

describe('statuses and the deadline boundary (published 2026-09-01, 30 days → due 2026-10-01)', () => {
  it('filed on the due day is 已按期备案; the day after is 逾期备案 by 1', () => {
    const doc = record({ 备案: '[{报送机关: 县人大常委会, 报送日期: 2026-10-01}, {报送机关: 乐山市人民政府, 报送日期: 2026-10-02}]' });
    expect(rows(doc)).toEqual([
      'npc 本级人大常委会 已按期备案 due=2026-10-01 filed=2026-10-01 late=- left=-',
      'superior 上一级人民政府 逾期备案 due=2026-10-01 filed=2026-10-02 late=1 left=-',
    ]);
  });

  it('not filed: 未备案未到期 with 0 days left on the due day, 未备案已逾期 by 1 the day after', () => {
    const doc = record({ 备案: 'false' });
    expect(rows(doc, env({ asOf: '2026-10-01' }))).toEqual([
      'npc 本级人大常委会 未备案未到期 due=2026-10-01 filed=- late=- left=0',
      'superior 上一级人民政府 未备案未到期 due=2026-10-01 filed=- late=- left=0',
    ]);
    expect(rows(doc, env({ asOf: '2026-10-02' }))).toEqual([
      'npc 本级人大常委会 未备案已逾期 due=2026-10-01 filed=- late=1 left=-',
      'superior 上一级人民政府 未备案已逾期 due=2026-10-01 filed=- late=1 left=-',
    ]);
    expect(rows(doc, env({ asOf: '2026-09-01' }))[0]).toContain('未备案未到期 due=2026-10-01 filed=- late=- left=30');
    expect(rows(doc)[0]).toContain('未备案已逾期 due=2026-10-01 filed=- late=59');
  });

  it('a document that carries records but has no 备案 key is not filed', () => {
    expect(rows(record({}))[0]).toContain('未备案已逾期');
  });

  it('备案未记录: a bare archived text (no records), never a false 未备案', () => {
    const doc = buildDocument('archive/办法.md', '夹江县城区门店招牌设置管理办法\n\n第一条　为了规范门店招牌设置，制定本办法。\n\n第二条　本办法自2026年9月1日起施行。\n\n夹江县人民政府\n\n2026年8月1日\n');
    expect(doc.fields.carriesRecords).toBe(false);
    expect(doc.kind).toBe('行政规范性文件');
    const out = obligationsOf(doc, env());
    expect(out.map((o) => [o.status, o.due, o.daysLate])).toEqual([
      ['备案未记录', '2026-08-31', null],
      ['备案未记录', '2026-08-31', null],
    ]);
    expect(out[0]!.reason).toMatch(/无从知道是否已备案/);
  });

  it('备案未记录: the issuer is unknown, so the targets are', () => {
    const out = obligationsOf(record({ 制定机关: '' , 标题: '城区夜景照明管理办法' }), env());
    expect(out.map((o) => [o.target, o.status])).toEqual([[null, '备案未记录']]);
    expect(out[0]!.reason).toMatch(/制定机关不明/);
  });

  it.each([
    [{ 状态: '草案', 公布: '' }, '尚未公布（草案）'],
    [{ 状态: '送审稿', 公布: '' }, '尚未公布（送审稿）'],
    [{ 状态: '已废止' }, '已废止'],
    [{ 状态: '已失效' }, '已失效'],
    [{ 类型: '重大行政决策' }, '不是行政规范性文件（类型为“重大行政决策”）'],
    [{ 制定机关: '国务院办公厅' }, '国务院及其部门的文件，不适用地方各级人民政府规范性文件的备案'],
  ])('无需备案, one row per document: %j', (lines, reason) => {
    const out = obligationsOf(record(lines as Record<string, string>), env());
    expect(out.map((o) => [o.target, o.targetType, o.due, o.status, o.reason])).toEqual([[null, null, null, '无需备案', reason]]);
  });

  it('无需备案 for a document whose kind was only inferred says how to state it', () => {
    const doc = buildDocument('notes/会议纪要.md', '# 城区工作会议纪要\n\n会议研究了城区工作。\n');
    const out = obligationsOf(doc, env());
    expect(out).toHaveLength(1);
    expect(out[0]!.reason).toBe('未识别为行政规范性文件（推断为“其他”；如是，请写明“类型: 行政规范性文件”）');
  });

  it('the earliest filing on or before the date counts; one after the date does not', () => {
    const doc = record({ 备案: '[{报送机关: 县人大常委会, 报送日期: 2026-12-05}, {报送机关: 乐山市人民政府, 报送日期: 2026-10-09}, {报送机关: 乐山市人民政府, 报送日期: 2026-09-20}]' });
    const out = obligationsOf(doc, env());
    expect(out.map((o) => [o.status, o.filedOn, o.daysLate])).toEqual([
      ['未备案已逾期', null, 59],
      ['已按期备案', '2026-09-20', null],
    ]);
    expect(out[0]!.reason).toBe('2026-12-05的报送记录晚于基准日期，未计入');
  });

  it('a filing without a date counts as filed, timeliness not judged', () => {
    const out = obligationsOf(record({ 备案: '[夹江县人大常委会, 乐山市人民政府]' }), env());
    expect(out.map((o) => [o.status, o.filedOn, o.reason])).toEqual([
      ['已按期备案', null, '报送日期未记录，未判断是否按期'],
      ['已按期备案', null, '报送日期未记录，未判断是否按期'],
    ]);
  });

  it('a department files with its own government; a township government with the county only', () => {
    expect(rows(record({ 制定机关: '夹江县教育局', 备案: '[{报送机关: 县政府, 报送日期: 2026-09-10}]' }))).toEqual([
      'government 本级人民政府 已按期备案 due=2026-10-01 filed=2026-09-10 late=- left=-',
    ]);
    expect(rows(record({ 制定机关: '夹江县甘江镇人民政府', 备案: 'false' }))).toEqual([
      'superior 上一级人民政府 未备案已逾期 due=2026-10-01 filed=- late=59 left=-',
    ]);
  });

  it('unit workdays: the N-th working day after publication, skipping the National Day holiday', () => {
    const doc = record({ 公布: '{日期: 2026-09-25}', 备案: '[{报送机关: 县人大常委会, 报送日期: 2026-10-09}, {报送机关: 乐山市人民政府, 报送日期: 2026-10-10}]' });
    // 9-28, 9-29, 9-30 are working days, 10-01…10-07 are not, 10-08 and 10-09 are: the 5th is 10-09.
    expect(rows(doc, env({ days: 5, unit: 'workdays' }))).toEqual([
      'npc 本级人大常委会 已按期备案 due=2026-10-09 filed=2026-10-09 late=- left=-',
      'superior 上一级人民政府 逾期备案 due=2026-10-09 filed=2026-10-10 late=1 left=-',
    ]);
  });

  it('filingEnv reads params filing.days and config filing.unit; an explicit unit wins', () => {
    const settings = { jurisdiction: JIAJIANG, filing: { unit: 'workdays' as const, targets: [] } };
    const e = filingEnv({ asOf: '2026-11-29', params: { 'filing.days': 15 }, calendar: CAL, settings });
    expect([e.days, e.unit, e.jurisdiction]).toEqual([15, 'workdays', JIAJIANG]);
    expect(filingEnv({ asOf: '2026-11-29', params: {}, calendar: CAL, settings, unit: 'days' }).unit).toBe('days');
  });
});

describe('names and matching', () => {
  it('normalises 人民代表大会常务委员会 and 政府', () => {
    expect(normaliseBody('夹江县人民代表大会常务委员会')).toBe('夹江县人大常委会');
    expect(normaliseBody('夹江县 人大常委')).toBe('夹江县人大常委会');
    expect(normaliseBody('县政府')).toBe('县人民政府');
    expect(normaliseBody('乐山市人民政府')).toBe('乐山市人民政府');
  });

  const npc = { type: 'npc' as const, name: '夹江县人大常委会', generic: false };
  const superior = { type: 'superior' as const, name: '乐山市人民政府', generic: false };
  const government = { type: 'government' as const, name: '夹江县人民政府', generic: false };

  it.each([
    ['县人大常委会', npc, true],
    ['夹江县人民代表大会常务委员会', npc, true],
    ['夹江县人大常委会', npc, true],
    ['人大常委会', npc, false],
    ['峨眉山市人大常委会', npc, false],
    ['县政府', government, true],
    ['县人民政府', government, true],
    ['夹江县政府', government, true],
    ['乐山市政府', superior, true],
    ['市政府', superior, true],
    ['四川省乐山市人民政府', { ...superior, name: '四川省乐山市人民政府' }, true],
    ['乐山市人民政府', { ...superior, name: '四川省乐山市人民政府' }, true],
    ['眉山市人民政府', superior, false],
    ['县人民政府', superior, false],
    ['乐山市人民政府办公室', superior, false],
  ])('%s matches %j: %s', (body, target, expected) => {
    expect(bodyMatches(body, target)).toBe(expected);
  });

  it('without a jurisdiction any 人大常委会 meets npc and any 人民政府 meets superior/government', () => {
    const g = (type: 'npc' | 'superior' | 'government') => ({ type, name: '-', generic: true });
    expect(bodyMatches('夹江县人民代表大会常务委员会', g('npc'))).toBe(true);
    expect(bodyMatches('乐山市政府', g('npc'))).toBe(false);
    expect(bodyMatches('乐山市政府', g('superior'))).toBe(true);
    expect(bodyMatches('县政府', g('government'))).toBe(true);
    expect(bodyMatches('夹江县人大常委会', g('superior'))).toBe(false);
    expect(bodyMatches('', g('npc'))).toBe(false);
  });

  it.each([
    ['夹江县人民政府', true],
    ['夹江县教育局', true],
    ['夹江教育局', true],
    ['县教育局', true],
    ['县政府', true],
    ['县市场监督管理局', true],
    ['乐山市人民政府', false],
    ['乐山市教育局', false],
    ['峨眉山市教育局', false],
  ])('%s belongs to 夹江县: %s', (issuer, expected) => {
    expect(belongsTo(issuer, JIAJIANG)).toBe(expected);
  });
});

describe('targets', () => {
  const names = (r: ReturnType<typeof filingTargets>) => (r.kind === 'targets' ? r.targets.map((t) => `${t.type}:${t.name}${t.generic ? '*' : ''}`) : r.kind);

  it('generic names without a jurisdiction', () => {
    expect(names(filingTargets('夹江县人民政府', 'government', '县', env()))).toEqual(['npc:本级人大常委会*', 'superior:上一级人民政府*']);
    expect(names(filingTargets('夹江县教育局', 'department', '县', env()))).toEqual(['government:本级人民政府*']);
  });

  it('names from the jurisdiction for its own issuers, generic for others', () => {
    const e = env({ jurisdiction: JIAJIANG });
    expect(names(filingTargets('夹江县人民政府办公室', 'government', '县', e))).toEqual(['npc:夹江县人大常委会', 'superior:乐山市人民政府']);
    expect(names(filingTargets('县教育局', 'department', '县', e))).toEqual(['government:夹江县人民政府']);
    expect(names(filingTargets('乐山市人民政府', 'government', '市', e))).toEqual(['npc:本级人大常委会*', 'superior:上一级人民政府*']);
  });

  it('a jurisdiction with a name only derives the 人大常委会; the superior stays generic', () => {
    const e = env({ jurisdiction: { name: '夹江县' } });
    expect(names(filingTargets('夹江县人民政府', 'government', '县', e))).toEqual(['npc:夹江县人大常委会', 'superior:上一级人民政府*']);
  });

  it('config filing.targets replaces the mapping for matching issuers (globs), first match wins', () => {
    const targets: FilingTargetRule[] = [
      { issuer: ['夹江县*局'], to: [{ type: 'government', name: '夹江县人民政府' }, { type: 'npc' }] },
      { issuer: ['夹江县{档案馆,地方志办公室}'], to: [] },
      { issuer: ['*'], to: [{ type: 'superior', name: '四川省人民政府' }] },
    ];
    const e = env({ jurisdiction: JIAJIANG, targets });
    expect(names(filingTargets('夹江县教育局', 'department', '县', e))).toEqual(['government:夹江县人民政府', 'npc:夹江县人大常委会']);
    expect(filingTargets('夹江县档案馆', 'department', '县', e)).toEqual({ kind: 'none', reason: '配置 filing.targets 规定“夹江县档案馆”的文件无需备案' });
    expect(names(filingTargets('夹江县人民政府', 'government', '县', e))).toEqual(['superior:四川省人民政府']);
  });

  it('a configured target is matched by name, with the place omitted', () => {
    const targets: FilingTargetRule[] = [{ issuer: ['夹江县教育局'], to: [{ type: 'government', name: '夹江县人民政府' }] }];
    const doc = record({ 制定机关: '夹江县教育局', 备案: '[{报送机关: 县政府, 报送日期: 2026-09-10}]' });
    expect(rows(doc, env({ targets, jurisdiction: JIAJIANG }))).toEqual([
      'government 夹江县人民政府 已按期备案 due=2026-10-01 filed=2026-09-10 late=- left=-',
    ]);
  });

  it('with a jurisdiction: 县人大常委会 meets 夹江县人大常委会; 眉山市人民政府 does not meet 乐山市人民政府', () => {
    const doc = record({ 备案: '[{报送机关: 县人大常委会, 报送日期: 2026-09-10}, {报送机关: 眉山市人民政府, 报送日期: 2026-09-10}]' });
    expect(rows(doc, env({ jurisdiction: JIAJIANG }))).toEqual([
      'npc 夹江县人大常委会 已按期备案 due=2026-10-01 filed=2026-09-10 late=- left=-',
      'superior 乐山市人民政府 未备案已逾期 due=2026-10-01 filed=- late=59 left=-',
    ]);
  });
});

describe('order and summary', () => {
  it('sorts by due date (none last), then path and target type; counts every status', () => {
    const a = obligationsOf(record({ 公布: '{日期: 2026-11-01}' }, 'b.yaml'), env());
    const b = obligationsOf(record({ 公布: '{日期: 2026-09-01}' }, 'c.yaml'), env());
    const c = obligationsOf(record({ 状态: '草案', 公布: '' }, 'a.yaml'), env());
    const all: Obligation[] = [...c, ...a, ...b].sort(compareObligations);
    expect(all.map((o) => `${o.path} ${o.targetType}`)).toEqual(['c.yaml npc', 'c.yaml superior', 'b.yaml npc', 'b.yaml superior', 'a.yaml null']);
    expect(summarizeObligations(all)).toEqual({
      documents: 3,
      obligations: 5,
      byStatus: { 已按期备案: 0, 逾期备案: 0, 未备案已逾期: 2, 未备案未到期: 2, 备案未记录: 0, 无需备案: 1 },
    });
  });
});
