/**
 * A throw-away folder of documents (and a config) for tests that lint a small set end to end.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { lint, openSession, type SessionOptions } from '../../src/lint.js';
import type { Finding, LintResult } from '../../src/types.js';

const made: string[] = [];
// Registered while the importing test file is collected: its folders go when the file is done.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new temporary folder, removed after the test file that made it. */
export function tempDir(prefix = 'hefa-set-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Write `files` (relative path → text) into a new temporary folder; a config is always written. */
export function docSet(files: Record<string, string>, config = 'extends: [hefa:recommended, hefa:style]\n'): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'hefa.config.yaml'), config);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Lint a folder (or the given paths in it) with only the named rules. */
export async function lintSet(dir: string, only: string[], opts: Partial<SessionOptions> = {}, paths = ['.']): Promise<LintResult> {
  const session = openSession({ cwd: dir, asOf: '2026-11-29', only, ...opts });
  return lint(paths, session);
}

/** Findings of a result as `path:line ruleId severity`, sorted. */
export function brief(result: LintResult): string[] {
  return result.files.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line} ${x.ruleId} ${x.severity}`)).sort();
}

/** All findings of one rule with their path. */
export function findingsOf(result: LintResult, ruleId: string): (Finding & { path: string })[] {
  return result.files.flatMap((f) => f.findings.filter((x) => x.ruleId === ruleId).map((x) => ({ ...x, path: f.path })));
}

/** A published county 办法 with front matter; `body` is the text after the title. */
export function county(opts: { title?: string; number?: string; status?: string; published?: string; extra?: string; body: string }): string {
  const title = opts.title ?? '夹江县农村集体经济组织合同管理办法';
  const lines = [
    '---',
    `标题: ${title}`,
    ...(opts.number ? [`文号: ${opts.number}`] : []),
    '制定机关: 夹江县人民政府',
    '类型: 行政规范性文件',
    `状态: ${opts.status ?? '已公布'}`,
    ...(opts.published ? [`公布日期: ${opts.published}`] : []),
    ...(opts.extra ? [opts.extra] : []),
    '---',
    '',
    `# ${title}`,
    '',
    opts.body,
    '',
  ];
  return lines.join('\n');
}
