/**
 * End-to-end: the exit codes of `hefa` (product.md §3.1), by running the built binary.
 *
 * Every row copies its fixture folders (fixtures/cli/<case>/) into a fresh temporary folder, runs
 * `node bin/hefa.js …` there, and checks the exit code AND what the user reads on stdout/stderr.
 * Running in a temporary folder keeps config discovery (upward from cwd) away from the checkout.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AS_OF, CASES, ROOT, hefa, useCliSuite, workspace, type Run } from '../helpers/cli.js';

// ---------------------------------------------------------------------------------------------
// Running the binary: test/helpers/cli.ts
// ---------------------------------------------------------------------------------------------

useCliSuite();

// ---------------------------------------------------------------------------------------------

interface Row {
  name: string;
  /** fixtures/cli case folders copied into the workspace. */
  cases: string[];
  /** Extra files made at run time (binary and empty files are not kept in the repository). */
  setup?: (dir: string) => void;
  args: string[];
  code: 0 | 1 | 2;
  stdout?: RegExp[];
  stderr?: RegExp[];
  /** Assertions on the workspace after the run. */
  after?: (dir: string) => void;
}

const NUL_BYTES = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x01]);

const ROWS: Row[] = [
  // --- 0 and 1: ran ---------------------------------------------------------------------------
  {
    name: '0: a clean draft',
    cases: ['drafts'],
    args: ['check', 'clean-decision.md', ...AS_OF],
    code: 0,
    stdout: [/✔ 检查了 1 个文件，未发现问题/],
  },
  {
    name: '1: a draft with an error finding',
    cases: ['drafts'],
    args: ['check', 'error-decision.md', ...AS_OF],
    code: 1,
    stdout: [/^ {2}2:5 +error +decision-public-participation +发现没有公众参与的记录/m, /✖ 1 个问题（1 错误，0 警告）/],
  },
  {
    name: '0: warnings only',
    cases: ['drafts'],
    args: ['check', 'warning-decision.md', ...AS_OF],
    code: 0,
    stdout: [/warning +decision-comment-period/, /warning +decision-review-time/, /✖ 2 个问题（0 错误，2 警告）/],
  },
  {
    name: '1: warnings only, with --fail-on warning',
    cases: ['drafts'],
    args: ['check', 'warning-decision.md', '--fail-on', 'warning', ...AS_OF],
    code: 1,
    stdout: [/✖ 2 个问题（0 错误，2 警告）/],
  },
  {
    name: '0: --fail-on info with no info finding',
    cases: ['drafts'],
    args: ['check', 'clean-decision.md', '--fail-on', 'info', ...AS_OF],
    code: 0,
    stdout: [/未发现问题/],
  },
  {
    name: '1: --max-warnings 0 with warnings',
    cases: ['drafts'],
    args: ['check', 'warning-decision.md', '--max-warnings', '0', ...AS_OF],
    code: 1,
    stdout: [/✖ 2 个问题（0 错误，2 警告）/],
  },
  {
    name: '0: --max-warnings 2 with exactly 2 warnings (only more than n fails)',
    cases: ['drafts'],
    args: ['check', 'warning-decision.md', '--max-warnings', '2', ...AS_OF],
    code: 0,
    stdout: [/2 警告/],
  },
  {
    name: '1: a binary input is a read-error; the other file is still checked and reported',
    cases: ['drafts'],
    setup: (dir) => writeFileSync(join(dir, 'scan.md'), NUL_BYTES),
    args: ['check', 'scan.md', 'warning-decision.md', ...AS_OF],
    code: 1,
    stdout: [
      /^scan\.md\n {2}1:1 +error +read-error +文件是二进制文件/m,
      /^warning-decision\.md$/m,
      /decision-review-time +发现合法性审查仅用3个工作日/,
      /✖ 3 个问题（1 错误，2 警告），检查了 2 个文件/,
    ],
  },
  {
    name: '1: empty and whitespace-only inputs are read-errors (文件为空); the rest of the walk still runs',
    cases: ['drafts'],
    setup: (dir) => {
      mkdirSync(join(dir, 'inbox'));
      writeFileSync(join(dir, 'inbox', 'a-empty.md'), '');
      writeFileSync(join(dir, 'inbox', 'b-blank.yaml'), ' \n\u3000\r\n\t\n');
      cpSync(join(dir, 'warning-decision.md'), join(dir, 'inbox', 'c-decision.md'));
    },
    args: ['check', 'inbox', ...AS_OF],
    code: 1,
    stdout: [
      /^inbox\/a-empty\.md\n {2}1:1 +error +read-error +文件为空/m,
      /^inbox\/b-blank\.yaml\n {2}1:1 +error +read-error +文件为空/m,
      /^inbox\/c-decision\.md$/m,
      /✖ 4 个问题（2 错误，2 警告），检查了 3 个文件/,
    ],
  },

  // --- 2: could not do its job ----------------------------------------------------------------
  {
    name: '2: a path that does not exist (named in the message); nothing is reported',
    cases: ['drafts'],
    args: ['check', 'clean-decision.md', '不存在的草案.md', ...AS_OF],
    code: 2,
    stdout: [/^$/],
    stderr: [/不存在的草案\.md: 路径不存在或没有匹配的文件/],
  },
  {
    name: '2: a directory with no documents',
    cases: ['no-documents'],
    args: ['check', '附件', ...AS_OF],
    code: 2,
    stderr: [/附件: 路径不存在或没有匹配的文件/],
  },
  {
    name: '2: an unknown option',
    cases: ['drafts'],
    args: ['check', 'clean-decision.md', '--bogus'],
    code: 2,
    stderr: [/unknown option '--bogus'/],
  },
  {
    name: '2: a bad --as-of date',
    cases: ['drafts'],
    args: ['check', 'clean-decision.md', '--as-of', '2026-02-30'],
    code: 2,
    stderr: [/--as-of 的日期“2026-02-30”无效/],
  },
  {
    name: '2: an unknown --rule id',
    cases: ['drafts'],
    args: ['check', 'clean-decision.md', '--rule', 'no-such-rule', ...AS_OF],
    code: 2,
    stderr: [/未知的规则“no-such-rule”/],
  },
  {
    name: '2: a bad --kind',
    cases: ['drafts'],
    args: ['check', 'plain-notice.md', '--kind', '法规', ...AS_OF],
    code: 2,
    stderr: [/--kind 的值“法规”无效/, /行政规范性文件/],
  },
  {
    name: '2: a config with a YAML syntax error (file:line:col)',
    cases: ['drafts', 'broken-yaml'],
    args: ['check', 'clean-decision.md', ...AS_OF],
    code: 2,
    stderr: [/配置有误/, /hefa\.config\.yaml:3:1: YAML 语法错误：不能用制表符缩进/],
  },
  {
    name: '2: a config naming an unknown rule id (file, line, id and a did-you-mean)',
    cases: ['drafts', 'unknown-rule'],
    args: ['check', 'clean-decision.md', ...AS_OF],
    code: 2,
    stderr: [/hefa\.config\.yaml:3:3: 未知的规则.*“decision-reveiw-time”.*是否想写 decision-review-time/],
  },
  {
    name: '2: a config with several problems lists them all at once',
    cases: ['drafts', 'many-problems'],
    args: ['check', 'clean-decision.md', ...AS_OF],
    code: 2,
    stderr: [
      /hefa\.config\.yaml:1:1: 未知的配置项.*“extendz”.*是否想写 extends/,
      /hefa\.config\.yaml:3:20: 参数 comment\.minDays 的值不正确；应为 非负整数；实际为 -3/,
      /hefa\.config\.yaml:5:31: rules 中 structure-article-sequence 的设置不正确.*“loud”/,
      /hefa\.config\.yaml:6:34: jurisdiction\.level 不正确.*“区”/,
    ],
  },
  {
    name: '2: a rule option in config the check kind rejects',
    cases: ['drafts', 'config-bad-option'],
    args: ['check', 'clean-decision.md', ...AS_OF],
    code: 2,
    stderr: [/hefa\.config\.yaml:5:21: 规则 decision-review-time 的选项不正确：选项“unit”无效.*days、workdays/],
  },
  {
    name: '2: a local rule folder holding a rule without basis',
    cases: ['drafts', 'rule-without-basis'],
    args: ['check', 'clean-decision.md', ...AS_OF],
    code: 2,
    stderr: [/规则文件有误/, /^my-rules\/local-drafter\.yaml:\d+:\d+: 缺少 basis/m],
  },
  {
    name: '2: a local rule file with a bad option',
    cases: ['drafts', 'rule-bad-option'],
    args: ['check', 'clean-decision.md', ...AS_OF],
    code: 2,
    stderr: [/^my-rules\/local-comment-days\.yaml:9:9: 选项“unit”无效.*days、workdays.*"hours"/m],
  },
  {
    name: '2: hefa init where hefa.config.yaml exists (without --force); nothing is overwritten',
    cases: ['unknown-rule'],
    args: ['init'],
    code: 2,
    stderr: [/hefa\.config\.yaml.*已存在.*--force/],
    after: (dir) => {
      expect(readFileSync(join(dir, 'hefa.config.yaml'), 'utf8')).toBe(readFileSync(join(CASES, 'unknown-rule', 'hefa.config.yaml'), 'utf8'));
      expect(existsSync(join(dir, '示例草案.md'))).toBe(false);
    },
  },
];

describe('exit codes (product.md §3.1)', () => {
  it.each(ROWS)('$name', (row) => {
    const dir = workspace(...row.cases);
    row.setup?.(dir);
    const r = hefa(row.args, dir);
    const shown = `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
    expect(r.code, shown).toBe(row.code);
    for (const re of row.stdout ?? []) expect(r.stdout, shown).toMatch(re);
    for (const re of row.stderr ?? []) expect(r.stderr, shown).toMatch(re);
    // A run that did its job says nothing on stderr; a failed one never shows a stack trace.
    if (row.code !== 2) expect(r.stderr, shown).toBe('');
    else expect(r.stderr, shown).not.toMatch(/\n\s+at .+:\d+:\d+\)?$/m);
    row.after?.(dir);
  });
});

/**
 * Behaviour product.md asks for that the CLI does not have yet. Each test names the bug; see the
 * report that came with these tests for the reproduction and a suggested fix.
 */
describe('reported bugs', () => {
  it('a symlink loop given on the command line is a read-error on that file, and the rest still runs (product.md §6)', () => {
    const dir = workspace('drafts');
    symlinkSync('loop.md', join(dir, 'loop.md'));
    const r = hefa(['check', 'loop.md', 'warning-decision.md', ...AS_OF], dir);
    const shown = `exit ${r.code}\n${r.stdout}\n${r.stderr}`;
    expect(r.code, shown).toBe(1);
    expect(r.stdout, shown).toMatch(/^loop\.md\n {2}1:1 +error +read-error +.*符号链接循环/m);
    expect(r.stdout, shown).toMatch(/decision-review-time/);
  });

  it('-o into a folder that does not exist is a clear error naming the file, not an internal error', () => {
    const dir = workspace('drafts');
    const r = hefa(['check', 'warning-decision.md', '-f', 'json', '-o', 'reports/hefa.json', ...AS_OF], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/reports\/hefa\.json/);
    expect(r.stderr).not.toMatch(/内部错误/);
  });

  it('a near-miss --rule id gets a did-you-mean and no made-up config position', () => {
    const dir = workspace('drafts');
    const r = hefa(['check', 'warning-decision.md', '--rule', 'decision-review-tim', ...AS_OF], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/decision-review-tim/);
    expect(r.stderr).toMatch(/是否想写 decision-review-time/);
    expect(r.stderr).not.toMatch(/:0:0/);
  });

  it('--stdin reads standard input like `-` (product.md §2.1: "`-` or `--stdin`")', () => {
    const dir = workspace('drafts');
    const input = readFileSync(join(dir, 'error-decision.md'), 'utf8');
    const r = hefa(['check', '--stdin', '--stdin-filename', '农贸市场迁建决策.md', ...AS_OF], dir, { input });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^农贸市场迁建决策\.md\n {2}2:5 +error +decision-public-participation/m);
  });

  it('a config with a bad value and an unknown rule id lists both at once', () => {
    const dir = workspace('drafts', 'mixed-problems');
    const r = hefa(['check', 'clean-decision.md', ...AS_OF], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/hefa\.config\.yaml:3:20: 参数 comment\.minDays 的值不正确/);
    expect(r.stderr).toMatch(/hefa\.config\.yaml:5:3: 未知的规则.*“decision-reveiw-time”/);
  });
});
