/**
 * Helpers of the robustness tests (issue 8): run the built binary in a fresh temporary folder next to
 * a known good document, and check that no stack trace reaches the user.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'hefa.js');
export const AS_OF = ['--as-of', '2026-11-29'];
/** A draft with exactly two warnings (decision-comment-period, decision-review-time). */
export const GOOD = join(ROOT, 'fixtures', 'cli', 'drafts', 'warning-decision.md');
/** How the good draft shows up in stylish output: its two warnings. */
export const GOOD_REPORTED = [/^good\.md$/m, /warning +decision-comment-period/, /warning +decision-review-time/];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Run `node bin/hefa.js …` in `cwd`; colour off, no debug stack traces. */
export function hefa(args: string[], cwd: string, opts: { input?: string | Buffer; env?: Record<string, string>; timeout?: number } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...opts.env };
  delete env.HEFA_DEBUG;
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: env as NodeJS.ProcessEnv,
    timeout: opts.timeout ?? 60000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t };
}

const dirs: string[] = [];

/** A fresh temporary folder holding good.md (the known draft with two warnings). */
export function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hefa-robust-'));
  dirs.push(dir);
  copyFileSync(GOOD, join(dir, 'good.md'));
  return dir;
}

/** Built binary present, no stray config above the temporary folder; folders removed afterwards. */
export function useSandboxes(): void {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first (`npm test` does).');
    for (const name of ['hefa.config.yaml', '.hefarc.yaml', '.hefarc.yml']) {
      if (existsSync(join(tmpdir(), name)) || existsSync(join(tmpdir(), '..', name))) throw new Error(`a stray ${name} above ${tmpdir()} would be found by every run`);
    }
  });
  afterAll(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
}

/** No JavaScript stack trace (`    at fn (file:line:col)`) and no "internal error" reaches the user. */
export function expectNoCrash(r: Run): void {
  const shown = `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
  expect(r.stderr, shown).not.toMatch(/^\s+at\s/m);
  expect(r.stdout, shown).not.toMatch(/^\s+at\s.*[(:]\d+/m);
  expect(r.stderr + r.stdout, shown).not.toMatch(/internal-error|内部错误/);
}
