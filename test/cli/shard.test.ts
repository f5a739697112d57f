/**
 * End-to-end: `hefa check --shard i/n` and `hefa merge`. The set is the demo county plus copies of the
 * corpus rules' invalid fixtures, so it has cross-document findings: three shards merged give the
 * unsharded report byte for byte (JSON, SARIF, stylish), also with inline directives on corpus findings,
 * --quiet shards and a baseline; merge refuses reports that are not the shards of one run (exit 2).
 */
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, ROOT, hefa, useCliSuite, workspace, type Run } from '../helpers/cli.js';

useCliSuite();

interface Report {
  files: { path: string; findings: { ruleId: string; suppressed: { kind: string } | null }[] }[];
  summary: { files: number };
  shard?: { index: number; count: number; files: { path: string; corpus: unknown; findings?: unknown[]; directives?: unknown[] }[] };
}

/** A folder `docs/` holding the demo county and the corpus rules' invalid fixtures (one folder each). */
function corpusSet(): string {
  const cwd = workspace();
  cpSync(join(ROOT, 'fixtures', 'demo'), join(cwd, 'docs', 'demo'), { recursive: true });
  for (const rule of ['corpus-duplicate-number', 'corpus-repealed-in-force', 'corpus-cites-invalid']) {
    for (const c of readdirSync(join(ROOT, 'fixtures', rule)).filter((n) => n.startsWith('invalid-'))) {
      cpSync(join(ROOT, 'fixtures', rule, c), join(cwd, 'docs', `${rule}-${c}`), { recursive: true });
    }
  }
  return cwd;
}

function ok(r: Run, code = 1): Run {
  expect(r.code, r.stderr).toBe(code);
  return r;
}

/** Write the n shards' JSON reports (extra check arguments alike); returns their file names. */
function shards(cwd: string, n: number, extra: string[] = [], prefix = 'shard'): string[] {
  const names: string[] = [];
  for (let i = 1; i <= n; i++) {
    const name = `${prefix}-${i}.json`;
    const r = hefa(['check', 'docs', '--shard', `${i}/${n}`, '--format', 'json', '-o', name, ...AS_OF, ...extra], cwd);
    expect([0, 1], r.stderr).toContain(r.code);
    expect(r.stderr).toContain(`第 ${i}/${n} 片`);
    names.push(name);
  }
  return names;
}

const corpusFindings = (report: Report): string[] =>
  report.files.flatMap((f) => f.findings.filter((x) => x.ruleId.startsWith('corpus-')).map((x) => `${f.path} ${x.ruleId}`));

describe('hefa check --shard i/n and hefa merge', () => {
  let cwd: string;
  let full: Run;
  let report: Report;
  let names: string[];

  beforeAll(() => {
    cwd = corpusSet();
    full = ok(hefa(['check', 'docs', '--format', 'json', ...AS_OF], cwd));
    report = JSON.parse(full.stdout) as Report;
    names = shards(cwd, 3);
  });

  it('the set has cross-document findings in several files, and an unsharded report has no shard key', () => {
    const corpus = corpusFindings(report);
    expect(new Set(corpus.map((c) => c.split(' ')[0])).size).toBeGreaterThanOrEqual(6);
    expect(corpus.some((c) => c.endsWith('corpus-duplicate-number'))).toBe(true);
    expect(corpus.some((c) => c.endsWith('corpus-repealed-in-force'))).toBe(true);
    expect(corpus.some((c) => c.endsWith('corpus-cites-invalid'))).toBe(true);
    expect(report.shard).toBeUndefined();
    expect(full.stdout).not.toContain('"shard"');
  });

  it('the shards partition the files; each reports only per-file findings and carries every file’s summary', () => {
    const parts = names.map((n) => JSON.parse(readFileSync(join(cwd, n), 'utf8')) as Report);
    const paths = parts.flatMap((p) => p.files.map((f) => f.path));
    expect(paths.sort()).toEqual(report.files.map((f) => f.path).sort());
    parts.forEach((p, i) => {
      expect(p.files.length).toBeGreaterThan(0);
      expect(p.shard).toMatchObject({ index: i + 1, count: 3 });
      expect(p.shard!.files.map((f) => f.path)).toEqual(p.files.map((f) => f.path));
      expect(p.shard!.files.every((f) => f.corpus !== null && f.findings === undefined)).toBe(true);
      expect(corpusFindings(p)).toEqual([]);
      expect(p.summary.files).toBe(p.files.length);
    });
  });

  it('a shard is deterministic: the same slice and bytes on every run', () => {
    const again = hefa(['check', 'docs', '--shard', '2/3', '--format', 'json', ...AS_OF], cwd);
    expect(again.stdout).toBe(readFileSync(join(cwd, names[1]!), 'utf8'));
  });

  it('three shards merged equal the unsharded JSON byte for byte, in any order', () => {
    const merged = ok(hefa(['merge', '--format', 'json', ...names], cwd));
    expect(merged.stdout).toBe(full.stdout);
    expect(merged.stderr).toBe('');
    const reversed = ok(hefa(['merge', '--format', 'json', ...[...names].reverse()], cwd));
    expect(reversed.stdout).toBe(full.stdout);
  });

  it.each(['sarif', 'stylish', 'junit', 'github', 'markdown'])('merged shards equal the unsharded report as %s', (format) => {
    const unsharded = ok(hefa(['check', 'docs', '--format', format, ...AS_OF], cwd));
    const merged = ok(hefa(['merge', '--format', format, ...names], cwd));
    expect(merged.stdout).toBe(unsharded.stdout);
  });

  it('merge has check’s exit codes and -o', () => {
    for (const args of [['--fail-on', 'warning'], ['--max-warnings', '0'], ['--quiet']]) {
      const unsharded = hefa(['check', 'docs', '--format', 'json', ...AS_OF, ...args], cwd);
      const merged = hefa(['merge', '--format', 'json', ...names, ...args], cwd);
      expect(merged.code).toBe(unsharded.code);
      expect(merged.stdout).toBe(unsharded.stdout);
    }
    ok(hefa(['merge', '--format', 'json', '-o', 'merged.json', ...names], cwd));
    expect(readFileSync(join(cwd, 'merged.json'), 'utf8')).toBe(full.stdout);
  });

  it('shards written with --quiet still merge into the full report', () => {
    const quiet = shards(cwd, 3, ['--quiet'], 'quiet');
    const one = JSON.parse(readFileSync(join(cwd, quiet[0]!), 'utf8')) as Report;
    expect(one.shard!.files.some((f) => f.findings !== undefined)).toBe(true);
    expect(ok(hefa(['merge', '--format', 'json', ...quiet], cwd)).stdout).toBe(full.stdout);
  });

  it('with two shards, or one, the merge is the same', () => {
    expect(ok(hefa(['merge', '--format', 'json', ...shards(cwd, 2, [], 'two')], cwd)).stdout).toBe(full.stdout);
    expect(ok(hefa(['merge', '--format', 'json', ...shards(cwd, 1, [], 'one')], cwd)).stdout).toBe(full.stdout);
  });
});

describe('hefa merge applies directives and the baseline as the unsharded run does', () => {
  let cwd: string;

  beforeAll(() => {
    cwd = corpusSet();
    // A directive on a cross-document finding (the shard cannot apply it) and one on a per-file finding.
    const dup = join(cwd, 'docs', 'corpus-duplicate-number-invalid-two-documents', '城区门前责任区管理办法.md');
    writeFileSync(
      dup,
      readFileSync(dup, 'utf8').replace(/^夹府规\[2023\]3号/m, '<!-- hefa-disable-next-line corpus-duplicate-number -- 另一件已撤回 -->\n\n夹府规[2023]3号'),
    );
    const file = readdirSync(join(cwd, 'docs', 'demo')).find((n) => n.endsWith('.md'))!;
    const demo = join(cwd, 'docs', 'demo', file);
    writeFileSync(demo, `${readFileSync(demo, 'utf8')}\n<!-- hefa-disable-file structure-article-sequence, normative-basis-cited -- 示例 -->\n`);
  });

  it('a directive on a corpus finding suppresses it in the merged report exactly as unsharded', () => {
    for (const extra of [[], ['--report-unused-directives']]) {
      const unsharded = ok(hefa(['check', 'docs', '--format', 'json', ...AS_OF, ...extra], cwd));
      const report = JSON.parse(unsharded.stdout) as Report;
      const suppressed = report.files.flatMap((f) => f.findings.filter((x) => x.suppressed).map((x) => x.ruleId));
      expect(suppressed).toContain('corpus-duplicate-number');
      const names = shards(cwd, 3, extra, `dir${extra.length}`);
      const parts = names.map((n) => JSON.parse(readFileSync(join(cwd, n), 'utf8')) as Report);
      expect(parts.some((p) => p.shard!.files.some((f) => f.directives))).toBe(true);
      // The shard did not run the cross-document rules: their directives are not unused there.
      const own = parts.flatMap((p) => p.files).find((f) => f.path.endsWith('invalid-two-documents/城区门前责任区管理办法.md'))!;
      expect(own.findings.map((x) => x.ruleId)).not.toContain('directive-unused');
      expect(ok(hefa(['merge', '--format', 'json', ...names], cwd)).stdout).toBe(unsharded.stdout);
    }
  });

  it('shards run with --baseline merge into the unsharded --baseline report', () => {
    ok(hefa(['check', 'docs', '--write-baseline', 'baseline.json', ...AS_OF], cwd), 0);
    const unsharded = ok(hefa(['check', 'docs', '--baseline', 'baseline.json', '--format', 'json', ...AS_OF], cwd), 0);
    expect((JSON.parse(unsharded.stdout) as Report).files.some((f) => f.findings.some((x) => x.suppressed?.kind === 'baseline'))).toBe(true);
    const names = shards(cwd, 3, ['--baseline', 'baseline.json'], 'base');
    const merged = ok(hefa(['merge', '--format', 'json', ...names], cwd), 0);
    expect(merged.stdout).toBe(unsharded.stdout);
  });

  it('--write-baseline belongs to merge, not to a shard', () => {
    const r = hefa(['check', 'docs', '--shard', '1/2', '--write-baseline', 'b.json', ...AS_OF], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--write-baseline 不能与 --shard 同时使用');
  });
});

describe('hefa merge refuses what is not the shards of one run (exit 2, naming the file)', () => {
  let cwd: string;
  let names: string[];

  beforeAll(() => {
    cwd = corpusSet();
    names = shards(cwd, 3);
    hefa(['check', 'docs', '--format', 'json', '-o', 'full.json', ...AS_OF], cwd);
    hefa(['check', 'docs', '--shard', '3/3', '--format', 'json', '-o', 'other-date.json', '--as-of', '2026-11-28'], cwd);
    hefa(['check', 'docs', '--shard', '3/4', '--format', 'json', '-o', 'of-four.json', ...AS_OF], cwd);
    hefa(['check', 'docs', '--shard', '3/3', '--format', 'json', '-o', 'disabled.json', '--disable', 'corpus-cites-invalid', ...AS_OF], cwd);
    hefa(['check', 'docs/demo', '--shard', '3/3', '--format', 'json', '-o', 'other-paths.json', ...AS_OF], cwd);
    writeFileSync(join(cwd, 'broken.json'), '{"tool": "hefa",');
  });

  const refused = (args: string[], ...expected: string[]): void => {
    const r = hefa(['merge', ...args], cwd);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('无法合并分片报告');
    for (const e of expected) expect(r.stderr).toContain(e);
  };

  it('a missing shard', () => refused(names.slice(0, 2), '缺少第 3/3 片'));
  it('a shard given twice', () => refused([...names, names[1]!], `${names[1]}: 第 2/3 片与 ${names[1]} 重复`));
  it('a report without --shard', () => refused([names[0]!, 'full.json'], 'full.json: 不是分片报告'));
  it('another --as-of', () => refused([names[0]!, names[1]!, 'other-date.json'], 'other-date.json: 基准日期（asOf）2026-11-28'));
  it('another shard count', () => refused([names[0]!, names[1]!, 'of-four.json'], 'of-four.json: 是 4 片中的一片'));
  it('other options', () => refused([names[0]!, names[1]!, 'disabled.json'], 'disabled.json: 与 shard-1.json 不是同一次运行的分片'));
  it('other paths', () => refused([names[0]!, names[1]!, 'other-paths.json'], 'other-paths.json: 与 shard-1.json 不是同一次运行的分片'));
  it('a file that is not JSON, or not there', () => refused(['broken.json', 'missing.json'], 'broken.json: 不是 JSON', 'missing.json: 无法读取（文件不存在）'));
  it('another hefa version', () => {
    const text = readFileSync(join(cwd, names[2]!), 'utf8').replace(/"version": "[^"]*"/, '"version": "0.0.1"');
    writeFileSync(join(cwd, 'old.json'), text);
    refused([names[0]!, names[1]!, 'old.json'], 'old.json: 由 hefa 0.0.1 写出');
  });
  it('a config other than the shards’', () => {
    const other = workspace();
    cpSync(join(cwd, 'docs'), join(other, 'docs'), { recursive: true });
    for (const n of names) cpSync(join(cwd, n), join(other, n));
    writeFileSync(join(other, 'hefa.config.yaml'), 'rules:\n  corpus-duplicate-number: warning\n');
    const r = hefa(['merge', ...names], other);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${names[0]}: 分片运行时的配置`);
    expect(r.stderr).toContain('hefa.config.yaml');
  });
  it('bad --shard values', () => {
    for (const v of ['0/3', '4/3', 'a/b']) {
      const r = hefa(['check', 'docs', '--shard', v, ...AS_OF], cwd);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--shard 的值“${v}”无效`);
    }
    const stdin = hefa(['check', '-', '--shard', '1/2', ...AS_OF], cwd, { input: '第一条 内容。\n' });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('--shard 不能与标准输入');
  });
});
