/**
 * A pool that fails does not lose files: run from the TypeScript sources, the pool's worker file
 * (src/parallel/worker.js) does not exist, so every worker fails to start; lint() then checks the files
 * in the main thread, says so in a notice, and the result is otherwise the one --jobs 1 gives. Such a
 * run leaves no run record in the cache (its notice must not be served again).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint, openSession } from '../../src/lint.js';
import { ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hefa-fallback-'));
for (let i = 0; i < 6; i++) cpSync(join(ROOT, 'fixtures', 'demo'), join(dir, `第${i + 1}批`), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a failed worker pool', () => {
  it('checks the files in the main thread, with a notice, and the same findings', async () => {
    const session = () => openSession({ cwd: dir, asOf: '2026-11-29' });
    const one = await lint(['.'], session(), undefined, undefined, { jobs: 1 });
    expect(one.files.length).toBeGreaterThan(100);
    const cache = join(dir, '.hefacache');
    const failed = await lint(['.'], session(), undefined, undefined, { jobs: 2, cache: { location: cache, version: 'test' } });
    expect(failed.notices.some((n) => n.startsWith('工作线程出错'))).toBe(true);
    expect(failed.files).toEqual(one.files);
    expect(failed.notices.filter((n) => !n.startsWith('工作线程出错'))).toEqual(one.notices);
    // Entries are stored (each file was checked), but not the run record.
    const lines = readFileSync(cache, 'utf8').split('\n');
    expect(lines.filter((l) => /^[0-9a-f]{64}\t/.test(l))).toHaveLength(one.files.length);
    expect(lines.some((l) => l.startsWith('!\t'))).toBe(false);
  }, 60_000);
});
