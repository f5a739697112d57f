/**
 * End-to-end: what `hefa` prints and how its options, commands and config discovery behave, by
 * running the built binary (product.md §3, §4.1, §5) in temporary copies of fixtures/cli/<case>/.
 * Runs are shared between tests where one output answers several questions, to keep this fast.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, CASES, ROOT, hefa, useCliSuite, workspace, type Run } from '../helpers/cli.js';

// ---------------------------------------------------------------------------------------------
// Running the binary: test/helpers/cli.ts
// ---------------------------------------------------------------------------------------------

useCliSuite();

// ---------------------------------------------------------------------------------------------
// JSON reports
// ---------------------------------------------------------------------------------------------

interface JsonFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  basis: { title: string; confidence: string; article?: string }[];
  related: unknown[];
  suppressed: unknown;
}
interface JsonReport {
  tool: string;
  version: string;
  schemaVersion: number;
  asOf: string;
  files: { path: string; document: Record<string, unknown> | null; findings: JsonFinding[] }[];
  summary: { files: number; errors: number; warnings: number; infos: number; suppressed: number };
}

/** Parse a JSON report, failing with the run's output when it is not JSON. */
function report(r: Run): JsonReport {
  try {
    return JSON.parse(r.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
}

/** `path ruleId severity line:col` of every finding: what a report says, compactly. */
function found(rep: JsonReport): string[] {
  return rep.files.flatMap((f) => f.findings.map((x) => `${f.path} ${x.ruleId} ${x.severity} ${x.line}:${x.column}`));
}

const PKG_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The tree fixture, checked through an absolute and a relative path; run once, read by several tests. */
let tree: { dir: string; run: Run; again: Run; toFile: Run; fileBytes: string };

const TREE_FINDINGS = [
  '决策/old/农贸市场迁建决策.md decision-public-participation error 2:5',
  '决策/公租房决策.md decision-comment-period warning 6:30',
  '决策/公租房决策.md decision-review-time warning 7:33',
  '规范性文件/绿化管理办法.md structure-article-sequence warning 13:1',
];

describe('JSON output (product.md §4.1)', () => {
  beforeAll(() => {
    const dir = workspace('tree');
    const args = ['check', join(dir, '决策'), '规范性文件', '-f', 'json', ...AS_OF];
    const run = hefa(args, dir);
    const again = hefa(args, dir);
    const toFile = hefa([...args, '-o', 'report.json'], dir);
    tree = { dir, run, again, toFile, fileBytes: readFileSync(join(dir, 'report.json'), 'utf8') };
  });

  it('exits as the findings say and prints nothing on stderr', () => {
    expect(tree.run.stderr).toBe('');
    expect(tree.run.code).toBe(1);
  });

  it('has exactly the keys of §4.1, in order', () => {
    const rep = report(tree.run);
    expect(Object.keys(rep)).toEqual(['tool', 'version', 'schemaVersion', 'asOf', 'files', 'summary']);
    expect(rep.tool).toBe('hefa');
    expect(rep.version).toBe(PKG_VERSION);
    expect(rep.schemaVersion).toBe(1);
    expect(rep.asOf).toBe('2026-11-29');
    expect(Object.keys(rep.summary)).toEqual(['files', 'errors', 'warnings', 'infos', 'suppressed']);
    const documentKeys = ['title', 'docNumber', 'issuer', 'kind', 'level', 'status', 'publishedOn', 'effectiveOn', 'validUntil', 'trial'];
    for (const file of rep.files) {
      expect(Object.keys(file)).toEqual(['path', 'document', 'findings']);
      const doc = file.document!;
      expect(Object.keys(doc)).toEqual('inferred' in doc ? [...documentKeys, 'inferred'] : documentKeys);
      expect(typeof doc.title).toBe('string');
      expect(typeof doc.trial).toBe('boolean');
      for (const k of ['docNumber', 'issuer', 'level', 'publishedOn', 'effectiveOn', 'validUntil']) {
        expect(doc[k] === null || typeof doc[k] === 'string', `${file.path} document.${k}`).toBe(true);
      }
      if ('inferred' in doc) expect((doc.inferred as string[]).length).toBeGreaterThan(0);
      for (const f of file.findings) {
        expect(Object.keys(f)).toEqual([
          'ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'basis', 'related', 'suppressed',
        ]);
        expect(f.line).toBeGreaterThanOrEqual(1);
        expect(f.column).toBeGreaterThanOrEqual(1);
        expect(f.endLine * 1e6 + f.endColumn).toBeGreaterThanOrEqual(f.line * 1e6 + f.column);
        expect(f.basis.length, `${f.ruleId} has a basis`).toBeGreaterThan(0);
        for (const b of f.basis) {
          expect(b.title).toMatch(/\S/);
          expect(['law', 'policy', 'practice']).toContain(b.confidence);
        }
        expect(f.related).toEqual([]);
        expect(f.suppressed).toBeNull();
      }
    }
  });

  it('reports the documents and findings of the tree', () => {
    const rep = report(tree.run);
    expect(found(rep)).toEqual(TREE_FINDINGS);
    const byPath = Object.fromEntries(rep.files.map((f) => [f.path, f.document!]));
    expect(byPath['决策/公租房决策.md']).toMatchObject({ title: '夹江县公共租赁住房管理决策方案', kind: '重大行政决策', status: '送审稿' });
    expect(byPath['规范性文件/绿化管理办法.md']).toMatchObject({
      title: '夹江县城市绿化管理办法',
      issuer: '夹江县人民政府',
      kind: '行政规范性文件',
      level: '县',
      effectiveOn: '2027-01-01',
      validUntil: '2031-12-31',
    });
    expect(rep.summary).toEqual({ files: 3, errors: 1, warnings: 3, infos: 0, suppressed: 0 });
  });

  it('gives paths relative to cwd with /, also for an absolute path argument', () => {
    const paths = report(tree.run).files.map((f) => f.path);
    for (const p of paths) {
      expect(p).not.toMatch(/^\/|^[A-Za-z]:|\\|^\.\.?\//);
      expect(p).not.toContain(tree.dir);
    }
  });

  it('sorts files by path and findings by line, column, rule id', () => {
    const rep = report(tree.run);
    const paths = rep.files.map((f) => f.path);
    expect(paths).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const file of rep.files) {
      const key = (f: JsonFinding): [number, number, string] => [f.line, f.column, f.ruleId];
      const keys = file.findings.map(key);
      const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
      expect(keys).toEqual(sorted);
    }
  });

  it('the summary counts the findings', () => {
    const rep = report(tree.run);
    const all = rep.files.flatMap((f) => f.findings);
    expect(rep.summary).toEqual({
      files: rep.files.length,
      errors: all.filter((f) => f.severity === 'error').length,
      warnings: all.filter((f) => f.severity === 'warning').length,
      infos: all.filter((f) => f.severity === 'info').length,
      suppressed: 0,
    });
  });

  it('is byte-identical across two runs', () => {
    expect(tree.again.stdout).toBe(tree.run.stdout);
    expect(tree.again.code).toBe(tree.run.code);
  });

  it('-o writes the same bytes as stdout, prints nothing and keeps the exit code', () => {
    expect(tree.toFile.stdout).toBe('');
    expect(tree.toFile.stderr).toBe('');
    expect(tree.toFile.code).toBe(1);
    expect(tree.fileBytes).toBe(tree.run.stdout);
  });
});

// ---------------------------------------------------------------------------------------------
// stylish
// ---------------------------------------------------------------------------------------------

describe('stylish output (product.md §4.1)', () => {
  const ESC = '\u001b';
  let dir: string;
  let plain: Run;
  beforeAll(() => {
    dir = workspace('drafts');
    // Not a TTY (a pipe) and no colour variables at all: colour must be off by itself.
    plain = hefa(['check', 'warning-decision.md', 'error-decision.md', 'normative-gap.md', ...AS_OF], dir, {
      env: { NO_COLOR: undefined, FORCE_COLOR: undefined },
    });
  });

  it('groups by file: `line:col  severity  rule-id  message`, then an indented 依据 line', () => {
    expect(plain.code).toBe(1);
    const lines = plain.stdout.split('\n');
    const headers = lines.filter((l) => /^\S/.test(l) && /\.md$/.test(l));
    expect(headers).toEqual(['error-decision.md', 'normative-gap.md', 'warning-decision.md']);
    const finding = /^ {2}(\d+:\d+) +(error|warning|info) +([a-z][a-z0-9-]*) +(\S.*)$/;
    const shown: string[] = [];
    lines.forEach((l, i) => {
      const m = finding.exec(l);
      if (!m) return;
      shown.push(`${m[1]} ${m[2]} ${m[3]}`);
      // Every finding is followed by its basis, indented to where the message starts.
      const basis = lines[i + 1]!;
      expect(basis).toMatch(/^ +依据：《[^》]+》.*第[一二三四五六七八九十百千]+条/);
      expect(basis.indexOf('依据：')).toBe(l.indexOf(m[4]!));
    });
    expect(shown).toEqual([
      '2:5 error decision-public-participation',
      '13:1 warning structure-article-sequence',
      '6:30 warning decision-comment-period',
      '7:33 warning decision-review-time',
    ]);
    expect(plain.stdout).toMatch(/依据：《重大行政决策程序暂行条例》（国务院令第713号）第二十六条第二款/);
  });

  it('ends with the summary `✖ N 个问题（x 错误，y 警告）`', () => {
    expect(plain.stdout).toMatch(/^✖ 4 个问题（1 错误，3 警告），检查了 3 个文件$/m);
  });

  it('has no ANSI escapes when stdout is not a TTY', () => {
    expect(plain.stdout).not.toContain(ESC);
    expect(plain.stderr).toBe('');
  });

  it('has no ANSI escapes with --no-color, even when colour is forced', () => {
    const forced = hefa(['check', 'warning-decision.md', ...AS_OF], dir, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout, 'FORCE_COLOR turns colour on (so the checks here can see escapes)').toContain(ESC);
    const off = hefa(['check', 'warning-decision.md', '--no-color', ...AS_OF], dir, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(off.stdout).not.toContain(ESC);
    expect(off.stdout.replace(/\s+/g, ' ')).toBe(forced.stdout.replace(/\u001b\[[0-9;]*m/g, '').replace(/\s+/g, ' '));
  });
});

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

describe('check options (product.md §3)', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace('drafts');
  });

  it('--rule runs only that rule', () => {
    const r = hefa(['check', 'warning-decision.md', '--rule', 'decision-review-time', '-f', 'json', ...AS_OF], dir);
    expect(found(report(r))).toEqual(['warning-decision.md decision-review-time warning 7:33']);
  });

  it('--disable switches one rule off', () => {
    const r = hefa(['check', 'warning-decision.md', '--disable', 'decision-review-time', '-f', 'json', ...AS_OF], dir);
    expect(found(report(r))).toEqual(['warning-decision.md decision-comment-period warning 6:30']);
  });

  it('--quiet shows errors only (and the exit code still follows the errors)', () => {
    const r = hefa(['check', 'warning-decision.md', 'error-decision.md', '--quiet', ...AS_OF], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error +decision-public-participation/);
    expect(r.stdout).not.toMatch(/warning/);
    expect(r.stdout).not.toMatch(/^warning-decision\.md$/m);
    expect(r.stdout).toMatch(/✖ 1 个问题（1 错误，0 警告）/);
  });

  it('--kind forces the kind (JSON document.kind); --as-of in another form is echoed as ISO', () => {
    const inferred = report(hefa(['check', 'plain-notice.md', '-f', 'json', ...AS_OF], dir));
    expect(inferred.files[0]!.document!.kind).toBe('其他');
    const r = hefa(['check', 'plain-notice.md', '--kind', '行政规范性文件', '-f', 'json', '--as-of', '2027年1月5日'], dir);
    const rep = report(r);
    expect(rep.files[0]!.document!.kind).toBe('行政规范性文件');
    expect(rep.asOf).toBe('2027-01-05');
  });

  it('--ignore drops files from a directory walk', () => {
    // Without --ignore the walk finds 决策/old/… (the JSON tests above check the same tree).
    const t = workspace('tree');
    const r = hefa(['check', '.', '--ignore', '决策/old/**', '-f', 'json', ...AS_OF], t);
    expect(r.code).toBe(0);
    expect(report(r).files.map((f) => f.path)).toEqual(['决策/公租房决策.md', '规范性文件/绿化管理办法.md']);
  });

  it('a directory walk finds .md files at any depth and skips other files', () => {
    expect(report(tree.run).files.map((f) => f.path)).toContain('决策/old/农贸市场迁建决策.md');
    expect(tree.run.stdout).not.toContain('会议记录.txt');
  });

  it('bare `hefa <path>` is `hefa check <path>`', () => {
    const bare = hefa(['error-decision.md', 'warning-decision.md', ...AS_OF], dir);
    const check = hefa(['check', 'error-decision.md', 'warning-decision.md', ...AS_OF], dir);
    expect(bare.stdout).toBe(check.stdout);
    expect(bare.code).toBe(check.code);
    expect(bare.code).toBe(1);
  });

  it('`-` reads standard input, named by --stdin-filename', () => {
    const input = readFileSync(join(dir, 'warning-decision.md'), 'utf8');
    const r = hefa(['check', '-', '--stdin-filename', '草案/公租房决策.md', '-f', 'json', ...AS_OF], dir, { input });
    expect(r.stderr).toBe('');
    const rep = report(r);
    expect(rep.files.map((f) => f.path)).toEqual(['草案/公租房决策.md']);
    // The same text as the tree's 决策/公租房决策.md: the same findings at the same places.
    expect(found(rep).map((s) => s.split(' ').slice(1).join(' '))).toEqual(
      TREE_FINDINGS.filter((s) => s.startsWith('决策/公租房决策.md')).map((s) => s.split(' ').slice(1).join(' ')),
    );
  });

  it('--stdin-filename decides the format: a YAML record on stdin', () => {
    const input = readFileSync(join(ROOT, 'fixtures', 'decision-review-time', 'invalid-three-workdays.yaml'), 'utf8');
    const r = hefa(['-', '--stdin-filename', '殡葬改革实施方案.yaml', '--rule', 'decision-review-time', '-f', 'json', ...AS_OF], dir, {
      input,
    });
    expect(found(report(r))).toEqual(['殡葬改革实施方案.yaml decision-review-time warning 9:33']);
  });

  it('--help and --version exit 0', () => {
    const help = hefa(['--help'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/check/);
    expect(help.stdout).toMatch(/rules/);
    expect(help.stdout).toMatch(/init/);
    const checkHelp = hefa(['check', '--help'], dir);
    expect(checkHelp.code).toBe(0);
    for (const opt of ['--config', '--as-of', '--format', '--output', '--rule', '--disable', '--ignore', '--kind', '--fail-on', '--max-warnings', '--quiet', '--no-color', '--print-config', '--stdin-filename']) {
      expect(checkHelp.stdout).toContain(opt);
    }
    const version = hefa(['--version'], dir);
    expect(version.code).toBe(0);
    expect(version.stdout).toBe(`${PKG_VERSION}\n`);
  });
});

// ---------------------------------------------------------------------------------------------
// Config discovery, --config, overrides, --print-config
// ---------------------------------------------------------------------------------------------

describe('config discovery (product.md §5)', () => {
  let dir: string;
  beforeAll(() => {
    // hefa.config.yaml: decision-comment-period → error; overrides sub/archive/** → decision-review-time off.
    dir = workspace('config-discovery');
  });

  it('finds hefa.config.yaml in a parent folder; an override switches a rule off for matching files only', () => {
    const r = hefa(['check', '.', '-f', 'json', ...AS_OF], join(dir, 'sub'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(found(report(r))).toEqual([
      'archive/公租房决策.md decision-comment-period error 6:30',
      '公租房决策.md decision-comment-period error 6:30',
      '公租房决策.md decision-review-time warning 7:33',
    ]);
  });

  it('--config overrides discovery', () => {
    const r = hefa(['check', '.', '--config', '../other/alt.yaml', '-f', 'json', ...AS_OF], join(dir, 'sub'));
    expect(r.code).toBe(0);
    expect(found(report(r))).toEqual([
      'archive/公租房决策.md decision-comment-period warning 6:30',
      '公租房决策.md decision-comment-period warning 6:30',
    ]);
  });

  it('--print-config <file> prints the resolved rules for that file as JSON', () => {
    const archived = hefa(['check', '--print-config', 'sub/archive/公租房决策.md'], dir);
    expect(archived.code).toBe(0);
    const a = JSON.parse(archived.stdout) as { file: string; path: string; rules: Record<string, { severity: string; options: object }>; overrides: unknown[] };
    expect(a.file).toBe(join(dir, 'hefa.config.yaml'));
    expect(a.path).toBe('sub/archive/公租房决策.md');
    expect(a.rules['decision-comment-period']).toMatchObject({ severity: 'error' });
    expect(a.rules).not.toHaveProperty('decision-review-time');
    expect(a.overrides).toEqual([{ files: ['sub/archive/**'], line: 5 }]);
    expect(a.rules).not.toHaveProperty('structure-title-kind'); // not in hefa:recommended

    const current = JSON.parse(hefa(['check', '--print-config', 'sub/公租房决策.md'], dir).stdout) as typeof a;
    expect(current.rules['decision-review-time']).toEqual({
      severity: 'warning',
      options: { from: '合法性审查.送审日期', minParam: 'review.minWorkdays', to: '合法性审查.意见日期', unit: 'workdays' },
    });
    expect(current.overrides).toEqual([]);
    expect(Object.keys(current.rules).sort()).toEqual(Object.keys(current.rules));
  });
});

// ---------------------------------------------------------------------------------------------
// hefa rules
// ---------------------------------------------------------------------------------------------

describe('hefa rules', () => {
  const IDS = [
    'decision-public-participation', 'decision-comment-period', 'decision-hearing-notice', 'decision-expert-review',
    'decision-risk-assessment', 'decision-fair-competition', 'decision-legality-review', 'decision-review-time',
    'decision-review-before-discussion', 'decision-materials-before-discussion', 'decision-collective-discussion',
    'decision-party-report', 'decision-publication', 'decision-archive',
    'structure-article-sequence', 'structure-chapter-sequence', 'structure-effective-clause', 'structure-title-kind',
  ];
  let dir: string;
  beforeAll(() => {
    dir = workspace('drafts');
  });

  it('--format json lists every rule of rules.md §3 and §8, each with a basis', () => {
    const r = hefa(['rules', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { rules: { id: string; basis: { title: string; confidence: string }[] }[] };
    const ids = list.rules.map((x) => x.id);
    for (const id of IDS) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of list.rules) {
      expect(rule.basis.length, rule.id).toBeGreaterThan(0);
      for (const b of rule.basis) {
        expect(b.title, rule.id).toMatch(/\S/);
        expect(['law', 'policy', 'practice'], rule.id).toContain(b.confidence);
      }
    }
  });

  it('`hefa rules <id>` explains a rule: basis, options, examples', () => {
    const r = hefa(['rules', 'decision-review-time'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^decision-review-time：/);
    expect(r.stdout).toMatch(/依据：\n {2}《重大行政决策程序暂行条例》.*第二十六条/);
    expect(r.stdout).toMatch(/选项：\n(?: {2}.+\n)*? {2}minParam: "review\.minWorkdays"/);
    expect(r.stdout).toMatch(/示例：/);
    expect(r.stdout).toMatch(/✖ 报告 +fixtures\/decision-review-time\/invalid-three-workdays\.yaml/);
    expect(r.stdout).toMatch(/✔ 不报告 +fixtures\/decision-review-time\/valid-/);
  });

  it('an unknown id exits 2', () => {
    const r = hefa(['rules', 'no-such-rule'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/未知的规则“no-such-rule”/);
    expect(r.stdout).toBe('');
  });
});

// ---------------------------------------------------------------------------------------------
// hefa init
// ---------------------------------------------------------------------------------------------

describe('hefa init', () => {
  it('writes hefa.config.yaml and an example draft; the config loads and the draft checks', () => {
    const dir = workspace();
    const init = hefa(['init'], dir);
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/已写入 hefa\.config\.yaml/);
    expect(init.stdout).toMatch(/已写入 示例草案\.md/);
    const written = readFileSync(join(dir, 'hefa.config.yaml'), 'utf8');
    expect(written).toMatch(/^extends: \[hefa:recommended\]$/m);
    // The first line points editors (YAML Language Server) at the schema inside the installed package.
    expect(written.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/hefa/schemas/hefa.config.schema.json');
    expect(existsSync(join(ROOT, 'schemas', 'hefa.config.schema.json'))).toBe(true);
    expect(existsSync(join(dir, '示例草案.md'))).toBe(true);

    const check = hefa(['check', '示例草案.md', ...AS_OF], dir);
    expect(check.stderr).toBe('');
    expect([0, 1]).toContain(check.code);
    // The written config is the one in use, and it loads without a problem.
    const printed = hefa(['check', '--print-config', '示例草案.md'], dir);
    expect(printed.code).toBe(0);
    expect((JSON.parse(printed.stdout) as { file: string }).file).toBe(join(dir, 'hefa.config.yaml'));

    const again = hefa(['init', '--force'], dir);
    expect(again.code).toBe(0);
  });
});
