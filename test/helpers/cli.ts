/**
 * Running the built CLI in end-to-end tests: `hefa(args, cwd)` spawns `node bin/hefa.js`, and
 * `workspace(...cases)` copies fixtures/cli/<case>/ folders into a fresh temporary folder so that
 * config discovery (upward from cwd) never reaches the checkout. Call `useCliSuite()` once per file.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'hefa.js');
export const CASES = join(ROOT, 'fixtures', 'cli');
export const AS_OF = ['--as-of', '2026-11-29'];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI; colour off unless `env` says otherwise (a key set to undefined is removed). */
export function hefa(args: string[], cwd: string, opts: { input?: string | Buffer; env?: Record<string, string | undefined> } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...opts.env };
  delete env.HEFA_DEBUG;
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input: opts.input ?? '', encoding: 'utf8', env, timeout: 20000, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const workspaces: string[] = [];

/** A fresh temporary folder holding the contents of the named fixtures/cli case folders. */
export function workspace(...cases: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'hefa-cli-'));
  workspaces.push(dir);
  for (const c of cases) cpSync(join(CASES, c), dir, { recursive: true });
  return dir;
}

/** Checks before the suite (built binary, no stray config above tmp) and cleanup after it. */
export function useCliSuite(): void {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
      throw new Error('dist/cli.js is missing: these tests run the built binary; run `npm run build` first (`npm test` does).');
    }
    // A stray config above the temporary folder would be discovered by every run here.
    for (let d = tmpdir(); ; d = dirname(d)) {
      for (const name of ['hefa.config.yaml', '.hefarc.yaml', '.hefarc.yml']) {
        if (existsSync(join(d, name))) throw new Error(`${join(d, name)} would be found by config discovery in every test: remove it`);
      }
      if (dirname(d) === d) break;
    }
  });
  afterAll(() => {
    for (const d of workspaces.splice(0)) rmSync(d, { recursive: true, force: true });
  });
}
