/**
 * A check may give one finding its own severity, data and an extra basis (ReportExtra): the runner
 * applies the severity only while the rule runs at its default severity, so a severity set in config
 * or by a preset still applies to every finding of the rule.
 */
import { describe, expect, it } from 'vitest';
import { reporter, runRules, type EnabledRule } from '../../src/rules/runner.js';
import { buildDocument } from '../../src/document/build.js';
import { testEnv } from '../helpers/run-env.js';
import type { CheckKind, Finding, Rule, Severity } from '../../src/types.js';
import { DOC_POS } from '../../src/document/positions.js';

const RULE: Rule = {
  id: 'test-rule',
  title: '测试',
  kind: 'test',
  severity: 'error',
  when: {},
  options: {},
  messages: { default: '发现{{what}}：应当改正' },
  basis: [{ title: '中华人民共和国立法法', article: '第一百一十六条', confidence: 'law' }],
  tags: [],
  file: 'rules/test/test-rule.yaml',
  presets: [],
};

/** A kind that reports twice: once plainly, once as a warning with data and an extra basis. */
const KIND: CheckKind = {
  name: 'test',
  summary: '',
  recordScope: false,
  options: {},
  run(ctx) {
    ctx.report(DOC_POS, { what: '甲' });
    ctx.report(DOC_POS, { what: '乙' }, 'default', [], {
      severity: 'warning',
      data: { law: '中华人民共和国合同法' },
      basis: [{ title: '中华人民共和国民法典', article: '第一千二百六十条', confidence: 'law' }],
    });
  },
};

const ENV = testEnv();

function run(severity: Severity): Finding[] {
  const doc = buildDocument('a.md', '# 夹江县养犬管理办法\n\n第一条　本办法自2024年7月1日起施行。\n');
  const rules: EnabledRule[] = [{ rule: RULE, severity, options: {}, kind: KIND }];
  return runRules(doc, rules, ENV);
}

describe('per-finding severity (ReportExtra)', () => {
  it('applies while the rule runs at its default severity', () => {
    const [plain, own] = run('error');
    expect(plain!.severity).toBe('error');
    expect(own!.severity).toBe('warning');
    expect(own!.message).toBe('发现乙：应当改正');
  });

  it('yields to a severity set in config or by a preset, for every finding', () => {
    expect(run('warning').map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(run('info').map((f) => f.severity)).toEqual(['info', 'info']);
  });

  it('carries data into Finding.data and puts the extra basis first', () => {
    const [plain, own] = run('error');
    expect(plain!.data).toBeUndefined();
    expect(own!.data).toEqual({ law: '中华人民共和国合同法' });
    expect(own!.basis.map((b) => `${b.title}${b.article}`)).toEqual(['中华人民共和国民法典第一千二百六十条', '中华人民共和国立法法第一百一十六条']);
    expect(plain!.basis).toBe(RULE.basis);
  });

  it('reporter stamps id, basis and position like any finding', () => {
    const out: Finding[] = [];
    reporter(RULE, 'error', out)({ line: 3, column: 2, endLine: 3, endColumn: 9 }, { what: '丙' });
    expect(out).toEqual([
      {
        ruleId: 'test-rule',
        severity: 'error',
        message: '发现丙：应当改正',
        line: 3,
        column: 2,
        endLine: 3,
        endColumn: 9,
        basis: RULE.basis,
        related: [],
        suppressed: null,
      },
    ]);
  });

  it('a corpus kind is not run per file', () => {
    const corpusKind: CheckKind = { ...KIND, corpus: () => {} };
    const doc = buildDocument('a.md', '# 甲\n');
    expect(runRules(doc, [{ rule: RULE, severity: 'error', options: {}, kind: corpusKind }], ENV)).toEqual([]);
  });
});
