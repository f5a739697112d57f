/**
 * End-to-end: `hefa check --cache` / `--cache-location`. A cached run's output is byte-identical to an
 * uncached one (cold and warm, JSON and stylish); a warm run uses the stored results; changing one file
 * re-checks it and updates the cross-document findings of the others; a changed config, a changed
 * 正文文件 or a deleted file are picked up; a corrupt, truncated or foreign cache is ignored and rebuilt;
 * a cache that cannot be written is a notice, never a failure.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, ROOT, hefa, useCliSuite, workspace, type Run } from '../helpers/cli.js';

useCliSuite();

const DUP = 'corpus-duplicate-number';

/** The demo county plus the two documents sharing a 文号, under docs/. */
function set(): string {
  const cwd = workspace();
  cpSync(join(ROOT, 'fixtures', 'demo'), join(cwd, 'docs', 'demo'), { recursive: true });
  cpSync(join(ROOT, 'fixtures', DUP, 'invalid-two-documents'), join(cwd, 'docs', 'dup'), { recursive: true });
  return cwd;
}

function check(cwd: string, ...extra: string[]): Run {
  const r = hefa(['check', 'docs', ...AS_OF, ...extra], cwd);
  expect([0, 1], r.stderr).toContain(r.code);
  return r;
}

/** The result entries of a cache file (not its header, the stat index's `@` lines or the run record's `!` line). */
const isEntry = (l: string): boolean => l !== '' && !l.startsWith('@\t') && !l.startsWith('!\t');
const entries = (file: string): string[] => readFileSync(file, 'utf8').split('\n').slice(1).filter(isEntry);

interface Report {
  files: { path: string; findings: { ruleId: string; message: string }[] }[];
}
const ruleIdsOf = (r: Run, path: string): string[] => (JSON.parse(r.stdout) as Report).files.find((f) => f.path === path)!.findings.map((f) => f.ruleId);

describe('hefa check --cache', () => {
  let cwd: string;
  let json: Run;
  let stylish: Run;

  beforeAll(() => {
    cwd = set();
    json = check(cwd, '--format', 'json');
    stylish = check(cwd);
  });

  it('cold and warm cached runs give the uncached output byte for byte (JSON and stylish), with the same exit code', () => {
    const cold = check(cwd, '--format', 'json', '--cache');
    expect(existsSync(join(cwd, '.hefacache'))).toBe(true);
    const written = statSync(join(cwd, '.hefacache')).mtimeMs;
    const warm = check(cwd, '--format', 'json', '--cache');
    for (const r of [cold, warm]) {
      expect(r.stdout).toBe(json.stdout);
      expect(r.code).toBe(json.code);
      expect(r.stderr).toBe(json.stderr);
    }
    expect(check(cwd, '--cache').stdout).toBe(stylish.stdout);
    // Nothing changed: the warm runs did not rewrite the cache.
    expect(statSync(join(cwd, '.hefacache')).mtimeMs).toBe(written);
    const files = (JSON.parse(json.stdout) as Report).files.length;
    expect(entries(join(cwd, '.hefacache'))).toHaveLength(files);
  });

  it('a warm run uses the stored results instead of reading the documents again', () => {
    check(cwd, '--cache');
    const cache = join(cwd, '.hefacache');
    const original = readFileSync(cache, 'utf8');
    // The run record (`!` line) is the whole result of the last run: with nothing changed, it is the
    // result. Alter a message in it (the line stays valid JSON): the warm run must show it.
    const record = original.split('\n').find((l) => l.startsWith('!\t'))!;
    expect(record).toBeDefined();
    writeFileSync(cache, original.replace(record, record.replace('"message":"', '"message":"（来自运行记录）')));
    expect(check(cwd, '--format', 'json', '--cache').stdout).toContain('（来自运行记录）');
    // Without the record, each file's stored entry is used: alter one of those.
    const entriesOnly = original.split('\n').filter((l) => !l.startsWith('!\t')).join('\n');
    const altered = entriesOnly.replace('"message":"', '"message":"（来自缓存）');
    expect(altered).not.toBe(entriesOnly);
    writeFileSync(cache, altered);
    expect(check(cwd, '--format', 'json', '--cache').stdout).toContain('（来自缓存）');
    writeFileSync(cache, original);
  });

  it('changing one file re-checks it and updates the cross-document finding of the other', () => {
    const local = set();
    const a = 'docs/dup/城区公共绿地认建认养管理办法.md';
    const b = 'docs/dup/城区门前责任区管理办法.md';
    const before = check(local, '--format', 'json', '--cache');
    expect(ruleIdsOf(before, a)).toContain(DUP);
    expect(ruleIdsOf(before, b)).toContain(DUP);
    writeFileSync(join(local, a), readFileSync(join(local, a), 'utf8').replace('夹府规〔2023〕3号', '夹府规〔2023〕9号'));
    const after = check(local, '--format', 'json', '--cache');
    expect(ruleIdsOf(after, a)).not.toContain(DUP);
    expect(ruleIdsOf(after, b)).not.toContain(DUP);
    expect(after.stdout).toBe(check(local, '--format', 'json').stdout);
    // …and back: the other file's finding returns although that file was never re-read.
    writeFileSync(join(local, a), readFileSync(join(local, a), 'utf8').replace('夹府规〔2023〕9号', '夹府规〔2023〕3号'));
    expect(check(local, '--format', 'json', '--cache').stdout).toBe(before.stdout);
  });

  it('a changed config, --as-of, rule selection or --report-unused-directives is never served from the cache', () => {
    const local = set();
    // A directive that suppresses nothing: only --report-unused-directives reports it.
    writeFileSync(join(local, 'docs', '指令.md'), '# 夹江县测试办法\n\n<!-- hefa-disable-next-line normative-no-penalty -- 下一行没有罚款 -->\n第一条　为了测试，制定本办法。\n');
    check(local, '--format', 'json', '--cache');
    writeFileSync(join(local, 'hefa.config.yaml'), `rules:\n  ${DUP}: warning\nparams:\n  comment.minDays: 40\n`);
    const uncached = check(local, '--format', 'json');
    expect(uncached.stdout).not.toBe(check(local, '--format', 'json', '--disable', DUP).stdout);
    expect(check(local, '--format', 'json', '--cache').stdout).toBe(uncached.stdout);
    expect(check(local, '--format', 'json', '--report-unused-directives').stdout).toContain('directive-unused');
    for (const extra of [['--disable', DUP], ['--rule', DUP], ['--as-of', '2030-01-01'], ['--report-unused-directives'], []]) {
      expect(check(local, '--format', 'json', '--cache', ...extra).stdout).toBe(check(local, '--format', 'json', ...extra).stdout);
    }
  });

  it('a YAML record is re-checked when its 正文文件 changes', () => {
    const local = workspace();
    mkdirSync(join(local, 'docs'));
    writeFileSync(
      join(local, 'docs', '办法.yaml'),
      '标题: 夹江县测试管理办法\n类型: 行政规范性文件\n状态: 已公布\n公布日期: 2024-01-02\n正文文件: 正文.txt\n',
    );
    writeFileSync(join(local, 'docs', '正文.txt'), '第一条　为了测试，制定本办法。\n\n第三条　本办法自2024年2月1日起施行。\n');
    const first = check(local, '--format', 'json', '--cache');
    expect(first.stdout).toContain('structure-article-sequence');
    writeFileSync(join(local, 'docs', '正文.txt'), '第一条　为了测试，制定本办法。\n\n第二条　本办法自2024年2月1日起施行。\n');
    const second = check(local, '--format', 'json', '--cache');
    expect(second.stdout).not.toContain('structure-article-sequence');
    expect(second.stdout).toBe(check(local, '--format', 'json').stdout);
    rmSync(join(local, 'docs', '正文.txt'));
    expect(check(local, '--format', 'json', '--cache').stdout).toBe(check(local, '--format', 'json').stdout);
  });

  it('entries of files no longer in the run are dropped', () => {
    const local = set();
    check(local, '--cache');
    const n = entries(join(local, '.hefacache')).length;
    rmSync(join(local, 'docs', 'dup'), { recursive: true });
    check(local, '--cache');
    expect(entries(join(local, '.hefacache'))).toHaveLength(n - 2);
  });

  it.each([
    ['garbage', () => '\u0000\u0001 not a cache at all {'],
    ['a truncated file', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['another version’s cache', (text: string) => text.replace(/^hefa-cache\t(\d+)\t[^\n]*/, 'hefa-cache\t$1\t0.0.1')],
    ['a damaged entry', (text: string) => text.replace(/\t\{"path"/, '\t{"path"]]')],
    ['an empty file', () => ''],
  ])('%s in the cache is ignored and rebuilt', (_name, damage) => {
    const local = set();
    const expected = check(local, '--format', 'json');
    check(local, '--cache');
    const cache = join(local, '.hefacache');
    const good = readFileSync(cache, 'utf8');
    writeFileSync(cache, damage(good));
    const r = check(local, '--format', 'json', '--cache');
    expect(r.stdout).toBe(expected.stdout);
    expect(r.stderr).toBe('');
    expect(readFileSync(cache, 'utf8').split('\n')[0]).toBe(good.split('\n')[0]);
    expect(entries(cache)).toHaveLength(good.split('\n').slice(1).filter(isEntry).length);
    expect(check(local, '--format', 'json', '--cache').stdout).toBe(expected.stdout);
  });

  it('--cache-location: a file (folders created), or a folder that holds .hefacache; it implies --cache', () => {
    const local = set();
    const expected = check(local, '--format', 'json').stdout;
    expect(check(local, '--format', 'json', '--cache-location', 'tmp/cache/hefa.cache').stdout).toBe(expected);
    expect(entries(join(local, 'tmp', 'cache', 'hefa.cache')).length).toBeGreaterThan(0);
    mkdirSync(join(local, 'cachedir'));
    expect(check(local, '--format', 'json', '--cache', '--cache-location', 'cachedir').stdout).toBe(expected);
    expect(existsSync(join(local, 'cachedir', '.hefacache'))).toBe(true);
    expect(check(local, '--format', 'json', '--cache-location', 'newdir/').stdout).toBe(expected);
    expect(existsSync(join(local, 'newdir', '.hefacache'))).toBe(true);
    expect(existsSync(join(local, '.hefacache'))).toBe(false);
    // No temporary files are left behind.
    expect(readdirSync(join(local, 'cachedir'))).toEqual(['.hefacache']);
  });

  it('a cache that cannot be written is a notice; the report and exit code are unchanged', () => {
    const local = set();
    const expected = check(local, '--format', 'json');
    writeFileSync(join(local, 'a-file'), 'x');
    const r = check(local, '--format', 'json', '--cache-location', 'a-file/cache');
    expect(r.stdout).toBe(expected.stdout);
    expect(r.code).toBe(expected.code);
    expect(r.stderr).toContain('提示：无法写入缓存文件 a-file/cache');
  });

  it('shards can use a cache each, and their merge is unchanged', () => {
    const local = set();
    const full = check(local, '--format', 'json').stdout;
    const names: string[] = [];
    for (const pass of [1, 2]) {
      for (const i of [1, 2]) {
        const name = `s${i}.json`;
        hefa(['check', 'docs', '--shard', `${i}/2`, '--cache-location', `.hefacache-${i}`, '--format', 'json', '-o', name, ...AS_OF], local);
        if (pass === 2) names.push(name);
      }
    }
    expect(hefa(['merge', '--format', 'json', ...names], local).stdout).toBe(full);
  });
});

describe('the stat index of --cache', () => {
  /** The `@` lines (`@ size mtimeMs ctimeMs ino sha256 at "path"`) as [path, size, mtimeMs, ctimeMs, ino, sha256, at]. */
  const stats = (file: string): [string, number, number, number, number, string, number][] =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('@\t'))
      .map((l) => {
        const f = l.split('\t');
        return [JSON.parse(f.slice(7).join('\t')) as string, Number(f[1]), Number(f[2]), Number(f[3]), Number(f[4]), f[5]!, Number(f[6])];
      });

  it('records every file read, and a file rewritten with the same size and its old mtime is checked again', async () => {
    const local = set();
    const file = join(local, 'docs', 'dup', '城区门前责任区管理办法.md');
    // A whole-second mtime, so that it can be set back exactly after the change below.
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    // Files changed well before the run: their stats are trusted on the next run (src/lint.ts statHash).
    await new Promise((r) => setTimeout(r, 2200));
    check(local, '--cache');
    const cache = join(local, '.hefacache');
    const recorded = stats(cache);
    expect(recorded.map((s) => s[0]).sort()).toEqual(entries(cache).map((l) => (JSON.parse(l.slice(65)) as { path: string }).path).sort());
    for (const [, , , ctimeMs, , , at] of recorded) expect(at - ctimeMs).toBeGreaterThan(2000);
    expect(ruleIdsOf(check(local, '--format', 'json', '--cache'), 'docs/dup/城区门前责任区管理办法.md')).toContain(DUP);

    // Same length, same mtime, different 文号: only the ctime tells.
    const before = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('夹府规[2023]3号', '夹府规[2023]4号'));
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(statSync(file).size).toBe(before.size);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    const after = check(local, '--format', 'json', '--cache');
    expect(ruleIdsOf(after, 'docs/dup/城区门前责任区管理办法.md')).not.toContain(DUP);
    expect(after.stdout).toBe(check(local, '--format', 'json').stdout);
  }, 30_000);
});
