/**
 * Baselines (src/suppress/baseline.ts): fingerprints from the matched text, count-aware matching,
 * stale entries, merging a partial run into an existing file, and reading the file with precise errors.
 */
import { describe, expect, it } from 'vitest';
import {
  addFingerprints,
  applyBaseline,
  BASELINE_REASON,
  BaselineError,
  baselineEntries,
  baselineStep,
  fingerprintOf,
  formatBaseline,
  jsonSyntaxError,
  matchedText,
  mergeBaseline,
  parseBaseline,
  scopeOf,
  staleNotice,
  type BaselineEntry,
} from '../../src/suppress/baseline.js';
import { LineIndex } from '../../src/document/positions.js';
import type { Finding, LintResult } from '../../src/types.js';

function finding(ruleId: string, line: number, column: number, endColumn: number, message = `发现${ruleId}`): Finding {
  return { ruleId, severity: 'error', message, line, column, endLine: line, endColumn, basis: [], related: [], suppressed: null };
}

const SOURCE = ['第一条　总则。', '第二条　违者处五千元罚款。', '第三条　违者处五千元罚款。', ''].join('\n');
// “处五千元罚款” is at columns 7–13 of lines 2 and 3.
const fine = (line: number) => finding('normative-no-penalty', line, 7, 13);

function result(files: Record<string, Finding[]>): LintResult {
  return { asOf: '2026-11-29', notices: [], files: Object.entries(files).map(([path, findings]) => ({ path, document: null, findings })) };
}

const suppressedOf = (r: LintResult) => r.files.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line} ${x.suppressed ? x.suppressed.kind : '-'}`));

describe('fingerprints', () => {
  it('come from rule id, path and the matched text, whitespace and NFC normalised', () => {
    const a = fingerprintOf('normative-no-penalty', 'a.md', '处五千元\n  罚款');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintOf('normative-no-penalty', 'a.md', ' 处五千元 罚款 ')).toBe(a);
    expect(fingerprintOf('normative-no-penalty', 'b.md', '处五千元 罚款')).not.toBe(a);
    expect(fingerprintOf('normative-no-fees', 'a.md', '处五千元 罚款')).not.toBe(a);
    expect(fingerprintOf('x', 'a.md', 'e\u0301')).toBe(fingerprintOf('x', 'a.md', '\u00e9'));
  });

  it('matched text is the source of the range; empty or out-of-range spans have none', () => {
    const lines = new LineIndex(SOURCE);
    expect(matchedText(SOURCE, lines, fine(2))).toBe('处五千元罚款');
    expect(matchedText(SOURCE, lines, { line: 1, column: 1, endLine: 2, endColumn: 4 })).toBe('第一条　总则。\n第二条');
    expect(matchedText(SOURCE, lines, { line: 1, column: 1, endLine: 1, endColumn: 1 })).toBeNull();
    expect(matchedText(SOURCE, lines, { line: 99, column: 1, endLine: 99, endColumn: 5 })).toBeNull();
  });

  it('survive lines inserted above; an empty range falls back to the message', () => {
    const before = [fine(2), finding('structure-effective-clause', 1, 1, 1, '发现正文没有施行日期条款')];
    addFingerprints(before, 'a.md', SOURCE);
    const shifted = `第零条　新增。\n\n${SOURCE}`;
    const after = [fine(4), finding('structure-effective-clause', 1, 1, 1, '发现正文没有施行日期条款')];
    addFingerprints(after, 'a.md', shifted);
    expect(after.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint));
    expect(before[1]!.fingerprint).toBe(fingerprintOf('structure-effective-clause', 'a.md', '发现正文没有施行日期条款'));
  });

  it('without the source, the message stands in; a fingerprint already given is kept', () => {
    const f = finding('corpus-duplicate-number', 3, 5, 17, '发现文号重复');
    addFingerprints([f], 'a.md', null);
    expect(f.fingerprint).toBe(fingerprintOf('corpus-duplicate-number', 'a.md', '发现文号重复'));
    addFingerprints([f], 'a.md', SOURCE);
    expect(f.fingerprint).toBe(fingerprintOf('corpus-duplicate-number', 'a.md', '发现文号重复'));
  });
});

describe('applyBaseline', () => {
  function run() {
    const findings = [fine(2), fine(3)];
    addFingerprints(findings, 'a.md', SOURCE);
    return result({ 'a.md': findings });
  }

  it('suppresses what the baseline records, with the baseline reason', () => {
    const r = run();
    const stale = applyBaseline(r, baselineEntries(r), scopeOf(r));
    expect(stale).toEqual([]);
    expect(r.files[0]!.findings.map((f) => f.suppressed)).toEqual([
      { kind: 'baseline', reason: BASELINE_REASON },
      { kind: 'baseline', reason: BASELINE_REASON },
    ]);
  });

  it('counts: with one recorded and two found, the later by position is new', () => {
    const r = run();
    const [entry] = baselineEntries(r);
    expect(entry!.count).toBe(2);
    applyBaseline(r, [{ ...entry!, count: 1 }], scopeOf(r));
    expect(suppressedOf(r)).toEqual(['a.md:2 baseline', 'a.md:3 -']);
  });

  it('reports stale entries (with the number not found) only for files and rules the run covered', () => {
    const r = run();
    const [entry] = baselineEntries(r);
    const entries: BaselineEntry[] = [
      { ...entry!, count: 3 },
      { path: 'a.md', ruleId: 'normative-no-fees', fingerprint: '0123456789abcdef', count: 1 },
      { path: 'other.md', ruleId: 'normative-no-penalty', fingerprint: '0123456789abcdef', count: 1 },
    ];
    expect(applyBaseline(r, entries, scopeOf(r)).map((e) => `${e.path} ${e.ruleId} ${e.count}`)).toEqual(['a.md normative-no-fees 1', 'a.md normative-no-penalty 1']);
    const r2 = run();
    expect(applyBaseline(r2, entries, scopeOf(r2, (id) => id !== 'normative-no-fees'))).toHaveLength(1);
  });

  it('never matches read-error, internal-error or directive diagnostics, nor findings a directive suppressed', () => {
    const f = fine(2);
    f.suppressed = { kind: 'directive', reason: '转述上位法' };
    const r = result({ 'a.md': [f, finding('read-error', 1, 1, 1), finding('directive-unused', 1, 1, 5)] });
    addFingerprints(r.files[0]!.findings, 'a.md', SOURCE);
    expect(baselineEntries(r)).toEqual([]);
  });
});

describe('writing a baseline', () => {
  it('keeps entries of files and rules the run did not cover; replaces the rest', () => {
    const old: BaselineEntry[] = [
      { path: 'a.md', ruleId: 'normative-no-penalty', fingerprint: 'aaaaaaaaaaaaaaaa', count: 1 },
      { path: 'a.md', ruleId: 'normative-no-fees', fingerprint: 'bbbbbbbbbbbbbbbb', count: 1 },
      { path: 'z.md', ruleId: 'normative-no-penalty', fingerprint: 'cccccccccccccccc', count: 2 },
    ];
    const fresh: BaselineEntry[] = [{ path: 'a.md', ruleId: 'normative-no-penalty', fingerprint: 'dddddddddddddddd', count: 1 }];
    const scope = { checked: new Set(['a.md']), ruleRan: (id: string) => id === 'normative-no-penalty' };
    expect(mergeBaseline(old, fresh, scope).map((e) => e.fingerprint)).toEqual(['bbbbbbbbbbbbbbbb', 'dddddddddddddddd', 'cccccccccccccccc']);
  });

  it('baselineStep: apply, then write; everything recorded is suppressed and the text is stable', () => {
    const findings = [fine(2), fine(3), finding('structure-effective-clause', 1, 1, 1)];
    addFingerprints(findings, 'b.md', SOURCE);
    const r = result({ 'b.md': findings });
    const step = baselineStep(r, { previous: [] });
    expect(step.entries).toBe(3);
    expect(step.notices).toEqual([]);
    expect(r.files[0]!.findings.every((f) => f.suppressed?.kind === 'baseline')).toBe(true);
    expect(step.text).toBe(formatBaseline(parseBaseline(step.text!, 'b.json')));
    expect(step.text!.split('\n').slice(0, 4)).toEqual(['{', '  "tool": "hefa",', '  "version": 1,', '  "findings": [']);
    expect(formatBaseline([])).toBe('{\n  "tool": "hefa",\n  "version": 1,\n  "findings": []\n}\n');
  });

  it('the stale notice counts instances and lists a few', () => {
    const stale = Array.from({ length: 7 }, (_, i) => ({ path: `f${i}.md`, ruleId: 'normative-no-penalty', fingerprint: 'x', count: i === 0 ? 2 : 1 }));
    expect(staleNotice(stale)).toBe(
      '基线中有 8 条已不存在（问题已修正或所在文字已改动）：f0.md normative-no-penalty ×2；f1.md normative-no-penalty；f2.md normative-no-penalty；f3.md normative-no-penalty；f4.md normative-no-penalty等 7 处；可用 --write-baseline 重新生成基线',
    );
    expect(staleNotice(stale.slice(1, 2), true)).toBe('基线中有 1 条已不存在（问题已修正或所在文字已改动）：f1.md normative-no-penalty；新写入的基线不再包含它们');
  });
});

describe('parseBaseline', () => {
  const problems = (text: string): string[] => {
    try {
      parseBaseline(text, 'b.json');
    } catch (e) {
      expect(e).toBeInstanceOf(BaselineError);
      return (e as Error).message.split('\n');
    }
    return [];
  };

  it('reads what formatBaseline writes; duplicates add up', () => {
    const e = { path: 'a.md', ruleId: 'x', fingerprint: '0123456789abcdef', count: 1 };
    expect(parseBaseline(JSON.stringify({ tool: 'hefa', version: 1, findings: [e, e] }), 'b.json')).toEqual([{ ...e, count: 2 }]);
  });

  it('a JSON syntax error has the line and column', () => {
    expect(problems('{\n  "version": 1,\n  "findings": [\n    {"path": "a.md",}\n  ]\n}\n')).toEqual([
      'b.json:4:21: JSON 语法错误；应为 hefa --write-baseline 写出的基线文件；实际为 “}”',
    ]);
    expect(problems('{"version": 1,')).toEqual(['b.json:1:15: JSON 语法错误；应为 hefa --write-baseline 写出的基线文件；实际为 文件在此结束']);
  });

  it('jsonSyntaxError finds where JSON.parse failed', () => {
    const cases: [string, number, string | null][] = [
      ['', 0, null],
      ['{"a": [1, 2,]}', 12, ']'],
      ['{"a": 01}', 7, '1'],
      ['{"a": "x\ny"}', 8, '\n'],
      ['{"a": "\\q"}', 8, 'q'],
      ['{"a": tru}', 6, 't'],
      ['{"a": 1} x', 9, 'x'],
      ["{'a': 1}", 1, "'"],
      ['[1 2]', 3, '2'],
      ['{"a": 1, "b": -2.5e+3, "c": [true, false, null, "\\u00e9"]}  ', 60, null],
    ];
    for (const [text, offset, found] of cases) expect([text, jsonSyntaxError(text)]).toEqual([text, { offset, found }]);
  });

  it('shape problems are listed, each at its value', () => {
    const text = ['{', '  "version": 2,', '  "findings": [', '    {"path": "a.md", "ruleId": "x", "fingerprint": "f", "count": 0},', '    {"path": "", "ruleId": "x", "fingerprint": "f", "count": 1},', '    "x"', '  ]', '}'].join('\n');
    expect(problems(text)).toEqual([
      'b.json:2:14: 基线文件的版本不正确；应为 1；实际为 2',
      'b.json:4:66: 基线条目的 count 不正确；应为正整数；实际为 0',
      'b.json:5:14: 基线条目的 path 不正确；应为非空字符串；实际为 ""',
      'b.json:6:5: 基线条目不正确；应为 {path, ruleId, fingerprint, count}',
    ]);
    expect(problems('[]')).toEqual(['b.json:1:1: 不是 hefa 基线文件；应为含 version 和 findings 的 JSON 对象']);
    expect(problems('{"version": 1}')).toEqual(['b.json:1:1: findings 不正确；应为数组；实际为 （缺少 findings）']);
  });
});
