/**
 * End-to-end: `hefa check --format sarif|junit|github|markdown` from the built binary, on the demo
 * county (fixtures/demo) and on a hostile document (fixtures/cli/hostile/, copied also under a
 * hostile file name): structure, agreement with the JSON report, escaping, byte-stability, and the
 * SARIF output against the official 2.1.0 schema.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, ROOT, hefa, useCliSuite, workspace, type Run } from '../helpers/cli.js';
import { checkSarif } from '../helpers/schemas.js';
import { findAll, parseXml } from '../helpers/xml.js';

useCliSuite();

const FORMATS = ['sarif', 'junit', 'github', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

interface JsonReport {
  files: { path: string; findings: { ruleId: string; severity: string; message: string; line: number; column: number; suppressed: unknown }[] }[];
  summary: { files: number; errors: number; warnings: number; infos: number; suppressed: number };
}

/** A strict shape for one workflow command line. */
const COMMAND = /^::(error|warning|notice) file=([^,:\r\n]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([a-z0-9-]+)::([^\r\n]*)$/;

function run(args: string[], cwd: string): Run {
  const r = hefa(args, cwd);
  expect(r.stderr, r.stderr).toBe('');
  return r;
}

function findings(report: JsonReport) {
  return report.files.flatMap((f) => f.findings.map((x) => ({ ...x, path: f.path })));
}

describe.each([
  ['the demo county', () => ({ cwd: ROOT, target: 'fixtures/demo' })],
  [
    'a hostile document',
    () => {
      const cwd = workspace('hostile');
      // A second copy under a file name full of separators GitHub's command syntax uses.
      copyFileSync(join(cwd, '恶意标题.md'), join(cwd, '恶意,文件:名 %0A|@user.md'));
      return { cwd, target: '.' };
    },
  ],
])('hefa check --format … on %s', (_name, setup) => {
  let cwd: string;
  let target: string;
  let json: JsonReport;
  let jsonCode: number | null;
  const out = {} as Record<Format, Run>;

  beforeAll(() => {
    ({ cwd, target } = setup());
    const j = run(['check', target, '--format', 'json', ...AS_OF], cwd);
    json = JSON.parse(j.stdout) as JsonReport;
    jsonCode = j.code;
    for (const f of FORMATS) out[f] = run(['check', target, '--format', f, ...AS_OF], cwd);
  }, 120_000);

  it('has findings to show, and every format exits as the JSON run does', () => {
    expect(findings(json).length).toBeGreaterThan(5);
    expect(jsonCode).toBe(1);
    for (const f of FORMATS) expect(out[f].code, f).toBe(jsonCode);
  });

  it('is byte-stable across runs', () => {
    for (const f of FORMATS) expect(run(['check', target, '--format', f, ...AS_OF], cwd).stdout, f).toBe(out[f].stdout);
  }, 120_000);

  it('sarif: valid against the SARIF 2.1.0 schema; one result per finding; every loaded rule described', () => {
    const log = JSON.parse(out.sarif.stdout);
    expect(checkSarif(log)).toEqual([]);
    const runObj = log.runs[0];
    const all = findings(json);
    expect(runObj.results).toHaveLength(all.length);
    runObj.results.forEach((r: any, i: number) => {
      const f = all[i]!;
      expect(r.ruleId).toBe(f.ruleId);
      expect(runObj.tool.driver.rules[r.ruleIndex].id).toBe(f.ruleId);
      expect(r.message.text.startsWith(f.message)).toBe(true);
      expect(decodeURIComponent(r.locations[0].physicalLocation.artifactLocation.uri)).toBe(f.path);
      expect(r.locations[0].physicalLocation.region.startLine).toBe(f.line);
      expect(r.locations[0].physicalLocation.region.startColumn).toBe(f.column);
    });
    const catalogue = JSON.parse(run(['rules', '--format', 'json'], cwd).stdout) as { rules: { id: string }[] };
    const described = runObj.tool.driver.rules.map((d: { id: string }) => d.id);
    for (const r of catalogue.rules) expect(described).toContain(r.id);
    expect(described).toContain('read-error');
  });

  it('junit: well-formed; one testcase per file; failures are the files with errors', () => {
    const root = parseXml(out.junit.stdout);
    const cases = findAll(root, 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual(json.files.map((f) => f.path));
    const withErrors = json.files.filter((f) => f.findings.some((x) => x.severity === 'error' || x.ruleId === 'read-error'));
    expect(Number(findAll(root, 'testsuite')[0]!.attrs.failures)).toBe(withErrors.length);
    const messages = findAll(root, 'failure').map((f) => f.attrs.message);
    const errors = findings(json).filter((x) => x.severity === 'error');
    // Decoded attribute = the JSON message (characters XML cannot hold become U+FFFD).
    expect(messages).toEqual(errors.map((x) => `${x.line}:${x.column} ${x.message.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '\uFFFD')}`));
  });

  it('github: one strict command line per finding and a summary; properties decode to the path', () => {
    const lines = out.github.stdout.trimEnd().split('\n');
    const all = findings(json);
    expect(lines).toHaveLength(all.length + 1);
    lines.slice(0, -1).forEach((line, i) => {
      const m = COMMAND.exec(line);
      expect(m, line).not.toBeNull();
      const f = all[i]!;
      expect(m![1]).toBe({ error: 'error', warning: 'warning', info: 'notice' }[f.severity]);
      expect(decodeURIComponent(m![2]!)).toBe(f.path);
      expect(m![7]).toBe(f.ruleId);
      expect(m![8]!.startsWith(f.message.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'))).toBe(true);
    });
    const s = json.summary;
    expect(lines.at(-1)).toBe(`hefa：${s.errors + s.warnings + s.infos} 个问题（${s.errors} 错误，${s.warnings} 警告，${s.infos} 提示），检查了 ${s.files} 个文件`);
  });

  it('markdown: the counts, one table per file with findings, every row five cells', () => {
    const md = out.markdown.stdout;
    const s = json.summary;
    expect(md).toContain(`✖ **${s.errors + s.warnings + s.infos}** 个问题（${s.errors} 错误，${s.warnings} 警告，${s.infos} 提示），检查了 ${s.files} 个文件`);
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| 行:列'));
    expect(rows).toHaveLength(Math.min(100, findings(json).length));
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|'), row).toHaveLength(7);
    expect(md.split('\n').filter((l) => l === '| 行:列 | 级别 | 规则 | 说明 | 依据 |')).toHaveLength(json.files.filter((f) => f.findings.length).length);
  });
});

describe('hostile strings in every format', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = workspace('hostile');
    copyFileSync(join(cwd, '恶意标题.md'), join(cwd, '恶意,文件:名 %0A|@user.md'));
  });

  it('the fixture does put them into messages', () => {
    const report = JSON.parse(run(['check', '.', '--format', 'json', ...AS_OF], cwd).stdout) as JsonReport;
    const text = findings(report).map((f) => f.message).join('\n');
    for (const s of ['<script>', '%0A', '::error', '|', '@user', ']]>', '\u001b[31m', '\r\n']) expect(text).toContain(s);
  });

  it('sarif keeps them verbatim inside JSON strings', () => {
    const log = JSON.parse(run(['check', '.', '--format', 'sarif', ...AS_OF], cwd).stdout);
    const texts = log.runs[0].results.map((r: { message: { text: string } }) => r.message.text).join('\n');
    expect(texts).toContain('<script>alert(1)</script>%0A::error file=x::注入|@user ]]>');
    expect(log.runs[0].results.some((r: any) => r.locations[0].physicalLocation.artifactLocation.uri === '%E6%81%B6%E6%84%8F%2C%E6%96%87%E4%BB%B6%3A%E5%90%8D%20%250A%7C%40user.md')).toBe(true);
  });

  it('junit has no raw markup, no CDATA end, no control characters', () => {
    const xml = run(['check', '.', '--format', 'junit', ...AS_OF], cwd).stdout;
    expect(xml).not.toMatch(/<script|]]>|[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(findAll(parseXml(xml), 'testcase').map((c) => c.attrs.name)).toContain('恶意,文件:名 %0A|@user.md');
  });

  it('github never lets document text start a command or break a line', () => {
    const text = run(['check', '.', '--format', 'github', ...AS_OF], cwd).stdout;
    expect(text).not.toMatch(/[\r\u001b\u0007]/);
    const lines = text.trimEnd().split('\n');
    for (const l of lines.slice(0, -1)) expect(l).toMatch(COMMAND);
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(lines.length - 1);
    expect(text).toContain('file=恶意%2C文件%3A名 %250A|@user.md,');
    expect(text).toContain('%250A::error file=x::注入|@user ]]>');
  });

  it('markdown escapes HTML, pipes and backticks and mentions nobody', () => {
    const md = run(['check', '.', '--format', 'markdown', ...AS_OF], cwd).stdout;
    expect(md).not.toMatch(/<script|<b>|@user|@octocat|[\r\u001b\u0007]/);
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('@\u200Buser');
    expect(md).toContain('\\`代码\\`');
    expect(md).toContain('**恶意,文件:名 %0A\\|@\u200Buser.md**');
  });
});

describe('options with the CI formats', () => {
  it('--format lists the CI formats; -o writes the same bytes', () => {
    const help = hefa(['check', '--help'], ROOT);
    expect(help.stdout).toMatch(/stylish.*json.*sarif.*junit.*github.*markdown/s);
    const dir = workspace('hostile');
    const stdout = run(['check', '.', '--format', 'sarif', ...AS_OF], dir).stdout;
    const file = run(['check', '.', '--format', 'sarif', '-o', 'hefa.sarif', ...AS_OF], dir);
    expect(file.stdout).toBe('');
    expect(readFileSync(join(dir, 'hefa.sarif'), 'utf8')).toBe(stdout);
  });

  it('--fail-on warning makes warnings JUnit failures; --quiet keeps errors only', () => {
    const dir = workspace('hostile');
    const base = findAll(parseXml(run(['check', '.', '--format', 'junit', ...AS_OF], dir).stdout), 'failure').length;
    const warn = findAll(parseXml(run(['check', '.', '--format', 'junit', '--fail-on', 'warning', ...AS_OF], dir).stdout), 'failure').length;
    expect(warn).toBeGreaterThan(base);
    const quiet = JSON.parse(run(['check', '.', '--format', 'sarif', '--quiet', ...AS_OF], dir).stdout);
    expect(new Set(quiet.runs[0].results.map((r: { level: string }) => r.level))).toEqual(new Set(['error']));
  });
});
