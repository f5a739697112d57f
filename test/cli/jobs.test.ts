/**
 * --jobs: the per-file step on worker threads gives the same output, byte for byte, as the main thread
 * alone (check and audit, with and without --cache); bad values are usage errors (exit 2).
 * The workspace holds 12 copies of the demo set (264 documents: up to 3 workers at FILES_PER_WORKER),
 * so the cross-document rules see duplicates across copies and the pool really starts.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF, ROOT, hefa, useCliSuite } from '../helpers/cli.js';

useCliSuite();

const COPIES = 12;
const dir = mkdtempSync(join(tmpdir(), 'hefa-jobs-'));
for (let i = 0; i < COPIES; i++) cpSync(join(ROOT, 'fixtures', 'demo'), join(dir, `第${i + 1}批`), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => hefa([...args, ...AS_OF], dir);

describe('--jobs', () => {
  it('has enough documents to start workers', () => {
    const docs = readdirSync(join(dir, '第1批')).filter((f) => /\.(md|yaml)$/.test(f)).length * COPIES;
    expect(docs).toBeGreaterThanOrEqual(200);
  });

  it('gives the same check report at any --jobs', () => {
    const one = run(['check', '.', '--format', 'json', '--jobs', '1']);
    expect(one.code).toBe(1);
    expect(JSON.parse(one.stdout).files).toHaveLength(22 * COPIES);
    for (const jobs of ['2', '3', 'auto']) {
      const many = run(['check', '.', '--format', 'json', '--jobs', jobs]);
      expect(many.code, many.stderr).toBe(1);
      expect(many.stdout).toBe(one.stdout);
      expect(many.stderr).toBe(one.stderr);
    }
    // SARIF carries every finding with its suppression and fingerprints: identical too.
    expect(run(['check', '.', '--format', 'sarif', '--jobs', '2']).stdout).toBe(run(['check', '.', '--format', 'sarif', '--jobs', '1']).stdout);
  }, 120_000);

  it('gives the same audit report at any --jobs, with and without --cache', () => {
    const one = run(['audit', '.', '--format', 'json', '--jobs', '1']);
    expect(one.code, one.stderr).toBe(0);
    expect(run(['audit', '.', '--format', 'json', '--jobs', '2']).stdout).toBe(one.stdout);
    const cache = ['--cache-location', join(dir, '.cache-audit')];
    const cold = run(['audit', '.', '--format', 'json', '--jobs', '2', ...cache]);
    const warm = run(['audit', '.', '--format', 'json', '--jobs', '2', ...cache]);
    expect(cold.stdout).toBe(one.stdout);
    expect(warm.stdout).toBe(one.stdout);
  }, 120_000);

  it.each([['0'], ['-1'], ['1.5'], ['abc'], ['257']])('refuses --jobs %s (exit 2)', (value) => {
    for (const cmd of ['check', 'audit']) {
      const r = run([cmd, '.', '--jobs', value]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--jobs 的值“${value}”无效`);
      expect(r.stdout).toBe('');
    }
  });
});
