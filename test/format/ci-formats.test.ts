/**
 * The CI and editor formats of `hefa check` (src/format/sarif.ts, junit.ts, github.ts, markdown.ts)
 * on synthetic results: suppressed findings, related locations, hostile strings, caps. The same
 * formats on real runs of the binary are in test/cli/formats.test.ts.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding, LintResult, Rule } from '../../src/types.js';
import { BUILTIN_RULES_DIR, loadRules } from '../../src/rules/load.js';
import { presetsOf } from '../../src/commands/rules.js';
import { ENGINE_DIAGNOSTICS } from '../../src/config/resolve.js';
import { FINGERPRINT_KEY, fingerprint, formatSarif, pathUri, type SarifRule } from '../../src/format/sarif.js';
import { formatJunit, xmlAttr, xmlText } from '../../src/format/junit.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/format/github.js';
import { MARKDOWN_MARKER, formatMarkdown, markdownCell } from '../../src/format/markdown.js';
import { RULES_HELP_URL } from '../../src/links.js';
import { checkSarif } from '../helpers/schemas.js';
import { findAll, parseXml, XmlError } from '../helpers/xml.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RULES: Rule[] = loadRules([BUILTIN_RULES_DIR], ROOT);
const PRESETS = presetsOf(RULES);
const SARIF_RULES: SarifRule[] = RULES.map((rule) => ({ rule, presets: PRESETS.get(rule.id) ?? [], builtin: true }));

/** Everything a hostile document might smuggle into a message. */
const HOSTILE = '<script>alert(1)</script> %0A ::error file=x::y | @user ]]> `tick` & "q" \'a\' \r\n::warning::next\u001b[31m\u0007 *b* [l](http://x) #1';

const BASIS = [{ title: '重大行政决策程序暂行条例', number: '国务院令第713号', article: '第十五条第一款', confidence: 'law' as const }];

function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'decision-comment-period',
    severity: 'warning',
    message: '发现公开征求意见期限仅14日（2025-06-03至2025-06-17）：一般不少于30日',
    line: 10,
    column: 7,
    endLine: 10,
    endColumn: 17,
    basis: BASIS,
    related: [],
    suppressed: null,
    ...over,
  };
}

/** A result with every case the formats must handle. */
function sample(): LintResult {
  return {
    asOf: '2026-11-29',
    notices: [],
    files: [
      {
        path: 'docs/决策 方案.md',
        document: null,
        findings: [
          finding(),
          finding({ ruleId: 'decision-legality-review', severity: 'error', message: '发现没有合法性审查记录：应当进行合法性审查', line: 2, column: 5, endLine: 2, endColumn: 20 }),
          finding({ ruleId: 'decision-archive', severity: 'info', message: '发现没有归档记录：应当及时归档', line: 3, column: 1, endLine: 3, endColumn: 4 }),
          finding({ ruleId: 'normative-no-penalty', severity: 'error', message: `发现“${HOSTILE}”：规范性文件不得设定行政处罚`, line: 12, column: 3, endLine: 12, endColumn: 9 }),
          finding({
            ruleId: 'decision-review-before-discussion',
            severity: 'error',
            message: '发现合法性审查意见晚于集体讨论：应在集体讨论之前',
            line: 20,
            column: 9,
            endLine: 20,
            endColumn: 19,
            suppressed: { kind: 'directive', reason: '已由司法局书面确认 <ok> & “可行”' },
            related: [{ path: 'docs/决策 方案.md', line: 18, column: 9, message: '集体讨论' }],
            data: { note: '示例' },
          }),
          finding({ ruleId: 'decision-publication', severity: 'warning', message: '发现没有公布记录：应当及时公布', line: 30, column: 1, endLine: 30, endColumn: 2, suppressed: { kind: 'baseline', reason: 'hefa-baseline.json' } }),
        ],
      },
      { path: 'docs/clean.md', document: null, findings: [] },
      { path: '<stdin>', document: null, findings: [finding({ ruleId: 'read-error', severity: 'error', message: '无法读取：文件为空', line: 1, column: 1, endLine: 1, endColumn: 1, basis: [] })] },
    ],
  };
}

type SarifLog = {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: Record<string, any>[] } };
    columnKind: string;
    results: Record<string, any>[];
    properties: Record<string, unknown>;
  }[];
};

const sarifOf = (r: LintResult, rules = SARIF_RULES): SarifLog => JSON.parse(formatSarif(r, { version: '9.9.9', rules })) as SarifLog;

// ---------------------------------------------------------------------------------------------
// SARIF
// ---------------------------------------------------------------------------------------------

describe('sarif', () => {
  it('is valid against the SARIF 2.1.0 schema, suppressed, related and hostile findings included', () => {
    const log = sarifOf(sample());
    expect(checkSarif(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.columnKind).toBe('utf16CodeUnits');
    expect(log.runs[0]!.properties).toEqual({ asOf: '2026-11-29' });
    // The validator does reject what SARIF does not allow.
    const broken = JSON.parse(JSON.stringify(log)) as SarifLog;
    broken.runs[0]!.results[0]!.level = 'info';
    broken.runs[0]!.results[1]!.suppressions = [{ kind: 'directive' }];
    broken.runs[0]!.results[2]!.locations[0].physicalLocation.artifactLocation.uri = 'docs/决策 方案.md';
    expect(checkSarif(broken).join('\n')).toMatch(/results\/0\/level[\s\S]*results\/1\/suppressions\/0\/kind[\s\S]*results\/2\/locations\/0\/physicalLocation\/artifactLocation\/uri/);
  });

  it('describes every loaded rule, with or without findings, then the engine diagnostics', () => {
    const { driver } = sarifOf(sample()).runs[0]!.tool;
    expect(driver.name).toBe('hefa');
    expect(driver.version).toBe('9.9.9');
    const ids = driver.rules.map((r) => r.id);
    expect(ids.slice(0, RULES.length)).toEqual(RULES.map((r) => r.id).sort());
    expect(ids.slice(RULES.length)).toEqual([...ENGINE_DIAGNOSTICS]);
    for (const rule of RULES) {
      const d = driver.rules.find((x) => x.id === rule.id)!;
      expect(d.shortDescription.text).toBe(rule.title);
      expect(d.fullDescription.text).toContain(rule.title);
      expect(d.fullDescription.text).toContain('依据：');
      expect(d.helpUri).toBe(RULES_HELP_URL);
      expect(d.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[rule.severity]);
      expect(d.properties.basis).toHaveLength(rule.basis.length);
      expect(d.properties.basis[0].title).toBe(rule.basis[0]!.title);
      expect(d.properties.tags).toEqual(rule.tags);
      expect(d.properties.presets).toEqual(PRESETS.get(rule.id) ?? []);
      expect(['law', 'policy', 'practice']).toContain(d.properties.confidence);
    }
  });

  it('gives a local rule no helpUri, and a finding of an unknown rule a descriptor of its own', () => {
    const local = { ...SARIF_RULES[0]!, builtin: false };
    const r = sample();
    r.files[0]!.findings.push(finding({ ruleId: 'zz-future-rule', message: '发现未来的问题：应当处理' }));
    const log = sarifOf(r, [local, ...SARIF_RULES.slice(1)]);
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules[0]!.helpUri).toBeUndefined();
    expect(rules.at(-1)!.id).toBe('zz-future-rule');
    expect(checkSarif(log)).toEqual([]);
  });

  it('maps results: ruleIndex, level, message with basis, relative percent-encoded URI under SRCROOT, region', () => {
    const log = sarifOf(sample());
    const { results, tool } = log.runs[0]!;
    expect(results).toHaveLength(7);
    for (const res of results) expect(tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
    const first = results[0]!;
    expect(first.level).toBe('warning');
    expect(first.message.text).toBe('发现公开征求意见期限仅14日（2025-06-03至2025-06-17）：一般不少于30日（依据：《重大行政决策程序暂行条例》（国务院令第713号）第十五条第一款）');
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'docs/%E5%86%B3%E7%AD%96%20%E6%96%B9%E6%A1%88.md', uriBaseId: 'SRCROOT' },
      region: { startLine: 10, startColumn: 7, endLine: 10, endColumn: 17 },
    });
    expect(decodeURIComponent('%E5%86%B3%E7%AD%96%20%E6%96%B9%E6%A1%88')).toBe('决策 方案');
    expect(results.map((x) => x.level)).toEqual(['warning', 'error', 'note', 'error', 'error', 'warning', 'error']);
    expect(results[6]!.locations[0].physicalLocation.artifactLocation.uri).toBe('%3Cstdin%3E');
    expect(results[6]!.message.text).toBe('无法读取：文件为空');
    expect(results[0]!.properties.basis).toEqual([{ title: '重大行政决策程序暂行条例', number: '国务院令第713号', article: '第十五条第一款', confidence: 'law' }]);
    expect(results[0]!.properties.severity).toBe('warning');
  });

  it('keeps suppressed findings, marked inSource (directive) or external (baseline) with the justification', () => {
    const { results } = sarifOf(sample()).runs[0]!;
    const directive = results.find((x) => x.ruleId === 'decision-review-before-discussion')!;
    expect(directive.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: '已由司法局书面确认 <ok> & “可行”' }]);
    expect(directive.relatedLocations).toEqual([
      { id: 1, physicalLocation: { artifactLocation: { uri: 'docs/%E5%86%B3%E7%AD%96%20%E6%96%B9%E6%A1%88.md', uriBaseId: 'SRCROOT' }, region: { startLine: 18, startColumn: 9 } }, message: { text: '集体讨论' } },
    ]);
    expect(directive.properties.data).toEqual({ note: '示例' });
    const baseline = results.find((x) => x.ruleId === 'decision-publication')!;
    expect(baseline.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'hefa-baseline.json' }]);
    expect(results.filter((x) => x.suppressions)).toHaveLength(2);
  });

  it('fingerprints: independent of line numbers, distinct for repeated identical findings, changed by the text', () => {
    const r = sample();
    const a = sarifOf(r).runs[0]!.results[0]!.partialFingerprints[FINGERPRINT_KEY];
    const moved = sample();
    const f0 = moved.files[0]!.findings[0]!;
    Object.assign(f0, { line: 40, endLine: 40 });
    expect(sarifOf(moved).runs[0]!.results[0]!.partialFingerprints[FINGERPRINT_KEY]).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{32}:1$/);
    expect(fingerprint('x', 'a.md', ' 发现  某事 ', 1)).toBe(fingerprint('x', 'a.md', '发现 某事', 1));
    expect(fingerprint('x', 'a.md', '发现甲', 1)).not.toBe(fingerprint('x', 'a.md', '发现乙', 1));
    expect(fingerprint('x', 'a.md', '发现甲', 1)).not.toBe(fingerprint('x', 'b.md', '发现甲', 1));
    expect(fingerprint('x', 'a.md', '发现甲', 1)).not.toBe(fingerprint('y', 'a.md', '发现甲', 1));
    const twice = sample();
    twice.files[0]!.findings.push(finding({ line: 50, endLine: 50 }));
    const prints = sarifOf(twice).runs[0]!.results.filter((x) => x.ruleId === 'decision-comment-period').map((x) => x.partialFingerprints[FINGERPRINT_KEY] as string);
    expect(prints).toHaveLength(2);
    expect(prints[0]!.replace(/:\d+$/, '')).toBe(prints[1]!.replace(/:\d+$/, ''));
    expect(prints.map((p) => p.split(':')[1])).toEqual(['1', '2']);
  });

  it('never writes a region that ends before it starts', () => {
    const r: LintResult = { asOf: '2026-11-29', notices: [], files: [{ path: 'a.md', document: null, findings: [finding({ line: 5, column: 9, endLine: 5, endColumn: 3 }), finding({ line: 5, column: 9, endLine: 4, endColumn: 3 })] }] };
    const regions = sarifOf(r).runs[0]!.results.map((x) => x.locations[0].physicalLocation.region);
    expect(regions).toEqual([
      { startLine: 5, startColumn: 9, endLine: 5, endColumn: 9 },
      { startLine: 5, startColumn: 9, endLine: 5, endColumn: 9 },
    ]);
  });

  it('percent-encodes each path segment and keeps . and ..', () => {
    expect(pathUri('../上级/a b#c?.md')).toBe('../%E4%B8%8A%E7%BA%A7/a%20b%23c%3F.md');
    expect(pathUri('./x.md')).toBe('./x.md');
  });

  it('is byte-stable and machine-independent', () => {
    const a = formatSarif(sample(), { version: '9.9.9', rules: SARIF_RULES });
    expect(formatSarif(sample(), { version: '9.9.9', rules: [...SARIF_RULES].reverse() })).toBe(a);
    expect(a).not.toContain(ROOT);
    expect(a).not.toMatch(/"(startTimeUtc|endTimeUtc|invocations|originalUriBaseIds)"/);
  });
});

// ---------------------------------------------------------------------------------------------
// JUnit
// ---------------------------------------------------------------------------------------------

describe('junit', () => {
  it('the XML reader used below refuses malformed XML', () => {
    for (const bad of ['<a>', '<a></b>', '<a>x < y</a>', '<a>x & y</a>', '<a>]]></a>', '<a b="1" b="2"/>', '<a b="<"/>', '<a/><b/>', '<a>\u0001</a>', '<a>&#1;</a>', '<a>&nbsp;</a>']) {
      expect(() => parseXml(bad), bad).toThrow(XmlError);
    }
    expect(parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a x="&lt;&#10;">t&amp;<b/></a>\n')).toEqual({
      name: 'a',
      attrs: { x: '<\n' },
      children: [{ name: 'b', attrs: {}, children: [], text: '' }],
      text: 't&',
    });
  });

  it('one testsuite, one testcase per file, one failure per finding at or above --fail-on or read-error', () => {
    const root = parseXml(formatJunit(sample(), { failOn: 'error' }));
    expect(root.name).toBe('testsuites');
    const suites = findAll(root, 'testsuite');
    expect(suites).toHaveLength(1);
    expect(suites[0]!.attrs).toMatchObject({ tests: '3', failures: '2', errors: '0', skipped: '0' });
    const cases = findAll(root, 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual(['docs/决策 方案.md', 'docs/clean.md', '<stdin>']);
    const failures = findAll(cases[0]!, 'failure');
    // The suppressed error is not a failure; the warning and the info are not either.
    expect(failures.map((f) => f.attrs.type)).toEqual(['decision-legality-review', 'normative-no-penalty']);
    expect(failures[0]!.attrs.message).toBe('2:5 发现没有合法性审查记录：应当进行合法性审查');
    expect(failures[0]!.text).toBe('2:5 错误 decision-legality-review\n发现没有合法性审查记录：应当进行合法性审查\n依据：《重大行政决策程序暂行条例》（国务院令第713号）第十五条第一款');
    const out = findAll(cases[0]!, 'system-out')[0]!.text;
    expect(out).toContain('10:7 警告 decision-comment-period');
    expect(out).toContain('3:1 提示 decision-archive');
    expect(out).toContain('已抑制（行内指令）：已由司法局书面确认 <ok> & “可行”');
    expect(out).toContain('已抑制（基线）：hefa-baseline.json');
    expect(cases[1]!.children).toEqual([]);
    expect(findAll(cases[2]!, 'failure').map((f) => f.attrs.type)).toEqual(['read-error']);
  });

  it('--fail-on warning and info turn lower findings into failures', () => {
    const warn = findAll(parseXml(formatJunit(sample(), { failOn: 'warning' })), 'failure').map((f) => f.attrs.type);
    expect(warn).toEqual(['decision-comment-period', 'decision-legality-review', 'normative-no-penalty', 'read-error']);
    const info = findAll(parseXml(formatJunit(sample(), { failOn: 'info' })), 'failure');
    expect(info).toHaveLength(5);
  });

  it('escapes every string: hostile text survives a parse exactly, minus characters XML cannot hold', () => {
    const xml = formatJunit(sample(), { failOn: 'error' });
    const hostile = findAll(parseXml(xml), 'failure').find((f) => f.attrs.type === 'normative-no-penalty')!;
    const expected = `发现“${HOSTILE}”：规范性文件不得设定行政处罚`.replace(/[\u0007\u001b]/g, '\uFFFD');
    expect(hostile.attrs.message).toBe(`12:3 ${expected}`);
    expect(hostile.text).toContain(expected);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toMatch(/]]>/);
    expect(xmlText('a\uD800b\uFFFEc')).toBe('a\uFFFDb\uFFFDc');
    expect(xmlText('😀')).toBe('😀');
    expect(xmlAttr('a"b\'c\td\ne')).toBe('a&quot;b&apos;c&#9;d&#10;e');
  });
});

// ---------------------------------------------------------------------------------------------
// GitHub workflow commands
// ---------------------------------------------------------------------------------------------

describe('github', () => {
  it('escapes data and properties as @actions/core does', () => {
    expect(escapeData('100% a\r\nb')).toBe('100%25 a%0D%0Ab');
    expect(escapeData('%0A')).toBe('%250A');
    expect(escapeProperty('a,b:c%d\ne')).toBe('a%2Cb%3Ac%25d%0Ae');
    expect(escapeData('\u001b[31mred\u0007')).toBe('[31mred');
  });

  it('one command per unsuppressed finding, info as notice, then a summary line', () => {
    const lines = formatGithub(sample()).trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(
      '::warning file=docs/决策 方案.md,line=10,col=7,endLine=10,endColumn=17,title=decision-comment-period::发现公开征求意见期限仅14日（2025-06-03至2025-06-17）：一般不少于30日%0A依据：《重大行政决策程序暂行条例》（国务院令第713号）第十五条第一款',
    );
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['::warning', '::error', '::notice', '::error', '::error', 'hefa：5']);
    expect(lines[5]).toBe('hefa：5 个问题（3 错误，1 警告，1 提示），检查了 3 个文件，2 个已抑制');
  });

  it('a hostile message stays one line and cannot start or end a command', () => {
    const line = formatGithub(sample()).split('\n').find((l) => l.includes('normative-no-penalty'))!;
    const [head, ...rest] = line.split('::').slice(1);
    expect(head).toMatch(/^error file=[^:,]+,line=12,col=3,endLine=12,endColumn=9,title=normative-no-penalty$/);
    const message = rest.join('::');
    expect(message).toContain('%250A');
    expect(message).toContain('%0D%0A::warning::next');
    expect(message).not.toMatch(/[\r\n\u001b\u0007]/);
  });

  it('escapes : and , in the file property', () => {
    const r: LintResult = { asOf: '2026-11-29', notices: [], files: [{ path: 'a,b:c.md', document: null, findings: [finding()] }] };
    expect(formatGithub(r).split('\n')[0]).toMatch(/^::warning file=a%2Cb%3Ac\.md,line=10,/);
  });
});

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

describe('markdown', () => {
  it('counts, then a table per file; suppressed findings counted, not listed', () => {
    const md = formatMarkdown(sample());
    const lines = md.split('\n');
    expect(lines[0]).toBe(MARKDOWN_MARKER);
    expect(md).toContain('✖ **5** 个问题（3 错误，1 警告，1 提示），检查了 3 个文件，另有 2 个已抑制。');
    expect(md).toContain('**docs/决策 方案.md**');
    expect(md).toContain('**&lt;stdin&gt;**');
    expect(lines.filter((l) => l === '| 行:列 | 级别 | 规则 | 说明 | 依据 |')).toHaveLength(2);
    expect(md).toContain('| 10:7 | 警告 | `decision-comment-period` | 发现公开征求意见期限仅14日（2025-06-03至2025-06-17）：一般不少于30日 | 《重大行政决策程序暂行条例》（国务院令第713号）第十五条第一款 |');
    expect(md).not.toContain('decision-review-before-discussion');
    // Every table row has exactly five cells: no unescaped | got in.
    for (const row of lines.filter((l) => l.startsWith('| '))) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(7);
  });

  it('escapes HTML, table pipes, backticks and Markdown, and neutralises @mentions', () => {
    const cell = markdownCell(HOSTILE);
    expect(cell).not.toMatch(/[<>\r\n\u001b\u0007]/);
    expect(cell).not.toMatch(/(^|[^\\])[|`*[\]]/);
    expect(cell).toContain('&lt;script&gt;');
    expect(cell).toContain('@\u200Buser');
    expect(cell).toContain('&amp;');
    expect(markdownCell('@张三 与 a@b')).toBe('@\u200B张三 与 a@\u200Bb');
    expect(markdownCell('a\\b')).toBe('a\\\\b');
  });

  it('caps the tables at maxRows with a “…还有 M 条” line', () => {
    const many: LintResult = {
      asOf: '2026-11-29',
      notices: [],
      files: ['a.md', 'b.md'].map((path) => ({
        path,
        document: null,
        findings: Array.from({ length: 4 }, (_, i) => finding({ line: i + 1, endLine: i + 1 })),
      })),
    };
    const md = formatMarkdown(many, { maxRows: 5 });
    expect(md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| 行:列'))).toHaveLength(5);
    expect(md).toContain('…还有 3 条');
    expect(formatMarkdown(many)).not.toContain('还有');
  });

  it('says so when there is nothing to report', () => {
    const clean: LintResult = { asOf: '2026-11-29', notices: [], files: [{ path: 'a.md', document: null, findings: [] }] };
    expect(formatMarkdown(clean)).toContain('✔ 检查了 1 个文件，未发现问题。');
  });
});
