import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadConfig,
  parseConfig,
  printableConfig,
  relativeToConfig,
  settingsForFile,
  validateRuleSettings,
} from '../../src/config/index.js';
import type { Rule } from '../../src/types.js';
import { FAKE_RULES, fakeRule, fixture, where } from './fixtures/helpers.js';

const RULE_MAP = new Map(FAKE_RULES.map((r) => [r.id, r]));
const noOptionProblems = () => [] as string[];

function parse(yaml: string) {
  return parseConfig(yaml, fixture('full', 'inline.yaml'));
}

function severities(config: ReturnType<typeof parse>, file: string, rules: Rule[] = FAKE_RULES) {
  const { enabled } = settingsForFile(config, file, rules);
  return Object.fromEntries([...enabled].map(([id, r]) => [id, r.severity]));
}

describe('validateRuleSettings', () => {
  it('the example config is valid against the rules it names', () => {
    const config = loadConfig(fixture('full', 'hefa.config.yaml'));
    expect(validateRuleSettings(config, RULE_MAP, noOptionProblems)).toEqual([]);
  });

  it('unknown ids (with did-you-mean), engine diagnostics, bad options, in rules and overrides', () => {
    const yaml = [
      'rules:', //                                                       1
      '  decision-coment-period: error', //                             2
      '  structure-effective-clause: {options: {scope: bodyy}}', //     3
      '  meta-unknown-key: off', //                                     4
      '  parse-error: off', //                                          5
      'overrides:', //                                                  6
      '  - files: [a/**]', //                                           7
      '    rules: {citation-repealed: {options: {x: 1}}, zzz: off}', // 8
    ].join('\n');
    const config = parse(yaml);
    const calls: [string, Record<string, unknown>][] = [];
    const problems = validateRuleSettings(config, RULE_MAP, (rule, options) => {
      calls.push([rule.id, options]);
      if (rule.id === 'structure-effective-clause') return ['选项 scope 应为 body、title 或 article；实际为 “bodyy”'];
      if (rule.id === 'citation-repealed') return ['缺少选项 check'];
      return [];
    });
    expect(where(problems)).toEqual(['2:3', '3:49', '5:3', '8:42', '8:51']);
    expect(problems.every((p) => p.file === fixture('full', 'inline.yaml'))).toBe(true);
    expect(problems[0]!.message).toBe(
      '未知的规则；应为 已加载的规则编号（hefa rules 列出全部）；实际为 “decision-coment-period”（是否想写 decision-comment-period？）',
    );
    expect(problems[1]!.message).toBe(
      '规则 structure-effective-clause 的选项不正确：选项 scope 应为 body、title 或 article；实际为 “bodyy”',
    );
    expect(problems[2]!.message).toMatch(/^引擎诊断不能在配置中设置；/);
    expect(problems[3]!.message).toBe('规则 citation-repealed 的选项不正确：缺少选项 check');
    expect(problems[4]!.message).toMatch(/^未知的规则；.*实际为 “zzz”$/);
    // validateOptions sees the rule's own options merged with the setting's.
    expect(calls).toContainEqual(['structure-effective-clause', { scope: 'bodyy' }]);
    expect(calls).toContainEqual(['citation-repealed', { x: 1 }]);
  });

  it('meta-unknown-key takes a severity but no options', () => {
    const problems = validateRuleSettings(parse('rules:\n  meta-unknown-key: {options: {a: 1}}\n'), RULE_MAP, noOptionProblems);
    expect(where(problems)).toEqual(['2:31']);
  });
});

describe('settingsForFile', () => {
  it('with no config: hefa:recommended at default severities, rule options as they are', () => {
    const { enabled, kind } = settingsForFile(loadConfig(null), 'a.md', FAKE_RULES);
    expect(kind).toBeUndefined();
    expect(enabled.has('citation-short-name')).toBe(false);
    expect(enabled.get('structure-effective-clause')).toEqual({ severity: 'warning', options: { scope: 'body' } });
    expect(enabled.get('meta-unknown-key')).toEqual({ severity: 'info', options: {} });
    expect([...enabled.keys()]).toEqual([...enabled.keys()].sort());
  });

  it('the example config: rules, then overrides for archive/**', () => {
    const config = loadConfig(fixture('full', 'hefa.config.yaml'));
    const draft = severities(config, 'drafts/草案.md');
    expect(draft['citation-short-name']).toBeUndefined();
    expect(draft['decision-comment-period']).toBe('error');
    expect(draft['structure-effective-clause']).toBe('warning');
    const archived = severities(config, 'archive/2015/养犬管理办法.md');
    expect(archived['structure-effective-clause']).toBeUndefined();
    expect(archived['decision-comment-period']).toBe('error');
    // An absolute path is made relative to the config dir.
    expect(severities(config, fixture('full', 'archive', 'x.md'))['structure-effective-clause']).toBeUndefined();
  });

  it('overrides apply in order: the last matching one wins, options merge key by key', () => {
    const config = parse(
      [
        'extends: hefa:style',
        'rules:',
        '  structure-effective-clause: {options: {scope: title, extra: 1}}',
        '  filing-late: {options: {days: 3}}', // options alone do not switch a rule on
        'overrides:',
        '  - files: ["docs/**"]',
        '    kind: 行政规范性文件',
        '    rules: {structure-title-kind: error, structure-effective-clause: {severity: error, options: {scope: article}}}',
        '  - files: ["docs/old/**"]',
        '    kind: 其他',
        '    rules: {structure-title-kind: off, citation-repealed: warning, meta-unknown-key: off}',
        '  - files: "*.yaml"', // no slash: matches the file name at any depth
        '    rules: {structure-title-kind: warning}',
      ].join('\n'),
    );
    const base = settingsForFile(config, 'a.md', FAKE_RULES);
    expect(base.kind).toBeUndefined();
    expect(base.enabled.get('structure-effective-clause')).toEqual({
      severity: 'warning',
      options: { scope: 'title', extra: 1 },
    });
    expect(base.enabled.has('filing-late')).toBe(false);
    expect(base.enabled.get('structure-title-kind')!.severity).toBe('info');

    const docs = settingsForFile(config, 'docs/规定.md', FAKE_RULES);
    expect(docs.kind).toBe('行政规范性文件');
    expect(docs.enabled.get('structure-title-kind')!.severity).toBe('error');
    expect(docs.enabled.get('structure-effective-clause')).toEqual({
      severity: 'error',
      options: { scope: 'article', extra: 1 },
    });

    const old = settingsForFile(config, 'docs/old/规定.md', FAKE_RULES);
    expect(old.kind).toBe('其他');
    expect(old.enabled.has('structure-title-kind')).toBe(false);
    expect(old.enabled.get('citation-repealed')!.severity).toBe('warning');
    expect(old.enabled.has('meta-unknown-key')).toBe(false);

    const oldYaml = settingsForFile(config, './docs/old/记录.yaml', FAKE_RULES);
    expect(oldYaml.enabled.get('structure-title-kind')!.severity).toBe('warning');
    expect(oldYaml.kind).toBe('其他');
  });

  it('rules from a local rule folder run at their default severity', () => {
    const config = loadConfig(fixture('local-rules', 'hefa.config.yaml'));
    const local = fakeRule('local-title-prefix', 'warning', {
      file: fixture('local-rules', 'my-rules', 'local-title-prefix.yaml'),
    });
    const s = severities(config, 'x.md', [...FAKE_RULES, local]);
    expect(s['local-title-prefix']).toBe('warning');
    expect(s['decision-comment-period']).toBeUndefined(); // hefa:style only
    expect(s['structure-title-kind']).toBe('info');
  });

  it('unknown ids in settings are skipped', () => {
    const s = severities(parse('rules: {no-such-rule: error}\n'), 'a.md');
    expect(s['no-such-rule']).toBeUndefined();
  });
});

describe('relativeToConfig', () => {
  it('normalises separators and ./', () => {
    const config = loadConfig(fixture('full', 'hefa.config.yaml'));
    expect(relativeToConfig(config, fixture('full', 'a', 'b.md'))).toBe('a/b.md');
    expect(relativeToConfig(config, './a/b.md')).toBe('a/b.md');
    expect(relativeToConfig(config, `a${path.sep}b.md`)).toBe('a/b.md');
  });
});

describe('printableConfig', () => {
  const a = [
    'extends: [hefa:recommended]',
    'jurisdiction: {superior: 乐山市人民政府, name: 夹江县, level: 县}',
    'params: {filing.days: 15, comment.minDays: 20}',
    'rules:',
    '  structure-effective-clause: {options: {z: 1, scope: title}}',
    '  decision-comment-period: error',
    'overrides:',
    '  - files: [archive/**]',
    '    kind: 其他',
    'calendar: {workdays: [2027-02-07], holidays: [2027-01-02, 2027-01-01]}',
  ].join('\n');
  const b = [
    'calendar: {holidays: [2027-01-01, 2027-01-02], workdays: [2027-02-07]}',
    'rules:',
    '  decision-comment-period: error',
    '  structure-effective-clause: {options: {scope: title, z: 1}}',
    'params: {comment.minDays: 20, filing.days: 15}',
    'jurisdiction: {name: 夹江县, level: 县, superior: 乐山市人民政府}',
    'overrides:',
    '  - files: [archive/**]',
    '    kind: 其他',
    'extends: [hefa:recommended]',
  ].join('\n');

  it('is deterministic: the same config in any key order prints the same bytes', () => {
    const pa = JSON.stringify(printableConfig(parse(a), 'archive/x.md', FAKE_RULES), null, 2);
    const pb = JSON.stringify(printableConfig(parse(b), 'archive/x.md', [...FAKE_RULES].reverse()), null, 2);
    expect(pa).toBe(pb);
    expect(JSON.stringify(printableConfig(parse(a), 'archive/x.md', FAKE_RULES), null, 2)).toBe(pa);
  });

  it('shows the resolved config for one file', () => {
    const p = printableConfig(parse(a), 'archive/x.md', FAKE_RULES) as Record<string, unknown>;
    expect(Object.keys(p)).toEqual([
      'file',
      'dir',
      'path',
      'kind',
      'extends',
      'overrides',
      'rules',
      'params',
      'ignore',
      'laws',
      'calendar',
      'jurisdiction',
      'filing',
    ]);
    expect(p['path']).toBe('archive/x.md');
    expect(p['kind']).toBe('其他');
    expect(p['overrides']).toEqual([{ files: ['archive/**'], line: 8 }]);
    const rules = p['rules'] as Record<string, { severity: string; options: Record<string, unknown> }>;
    expect(rules['decision-comment-period']!.severity).toBe('error');
    expect(Object.keys(rules['structure-effective-clause']!.options)).toEqual(['scope', 'z']);
    expect(Object.keys(p['params'] as object)).toEqual(Object.keys(p['params'] as object).sort());
    expect(p['calendar']).toEqual({ holidays: ['2027-01-01', '2027-01-02'], workdays: ['2027-02-07'] });
    expect(p['jurisdiction']).toEqual({ name: '夹江县', level: '县', npcStandingCommittee: null, superior: '乐山市人民政府' });
    expect(p['filing']).toEqual({ unit: 'days', targets: [] });
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});
