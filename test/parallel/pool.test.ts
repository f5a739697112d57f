/**
 * The worker pool (src/parallel/pool.ts) on its own, from the build (workers run dist/parallel/worker.js):
 * every task comes back once, with the unit the main thread's checkFile gives for that file, whatever
 * the number of workers; a worker that cannot open its session rejects the pool instead of hanging.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, useCliSuite } from '../helpers/cli.js';

useCliSuite();

const DEMO = join(ROOT, 'fixtures', 'demo');
const files = readdirSync(DEMO).filter((f) => /\.(md|yaml)$/.test(f)).sort();

// Imported from dist: a worker runs compiled JavaScript.
const { runPool } = (await import(join(ROOT, 'dist', 'parallel', 'pool.js'))) as typeof import('../../src/parallel/pool.js');
const { openSession, checkFile } = (await import(join(ROOT, 'dist', 'lint.js'))) as typeof import('../../src/lint.js');
const { loadMarkdownParser } = (await import(join(ROOT, 'dist', 'document', 'markdown.js'))) as typeof import('../../src/document/markdown.js');

describe('runPool', () => {
  const options = { cwd: DEMO, asOf: '2026-11-29' };
  const tasks = files.map((f, index) => ({ index, file: join(DEMO, f), rel: f }));

  it.each([[1], [2], [3]])('checks every file once with %i worker(s), as the main thread does', async (jobs) => {
    await loadMarkdownParser();
    const session = openSession(options);
    const expected = tasks.map((t) => JSON.stringify(checkFile(session, t.file, t.rel)));
    const got: string[] = new Array(tasks.length);
    let calls = 0;
    await runPool(options, tasks, jobs, (index, unit) => {
      calls++;
      got[index] = JSON.stringify(unit);
    });
    expect(calls).toBe(tasks.length);
    expect(got).toEqual(expected);
    // The units carry what the run needs: results with documents, corpus summaries, no stray notices.
    expect(got.every((u) => JSON.parse(u).result.document !== null)).toBe(true);
  }, 60_000);

  it('hashes what it reads when asked (the --cache path)', async () => {
    const session = openSession(options);
    const { readFileSync } = await import('node:fs');
    const { createHash } = await import('node:crypto');
    const hashed = tasks.slice(0, 3).map((t) => ({ ...t, hash: true }));
    const got: string[] = [];
    await runPool(options, hashed, 2, (index, unit) => {
      got[index] = JSON.stringify(unit);
    });
    expect(got).toEqual(hashed.map((t) => JSON.stringify(checkFile(session, t.file, t.rel, undefined, true))));
    expect(got.map((u) => JSON.parse(u).hash)).toEqual(hashed.map((t) => createHash('sha256').update(readFileSync(t.file)).digest('hex')));
  }, 60_000);

  it('rejects when a worker cannot start its session', async () => {
    const broken = { cwd: DEMO, asOf: '2026-11-29', configFile: join(DEMO, '不存在的配置.yaml') };
    await expect(runPool(broken, tasks, 2, () => {})).rejects.toThrow();
  }, 60_000);

  it('resolves at once with nothing to do', async () => {
    await expect(runPool(options, [], 2, () => {})).resolves.toBeUndefined();
  });
});

describe('workerCount', () => {
  it('starts one worker per FILES_PER_WORKER files to check, up to --jobs, and none for one', async () => {
    const { workerCount, FILES_PER_WORKER } = await import('../../src/lint.js');
    expect(FILES_PER_WORKER).toBe(100);
    expect(workerCount(0, 8)).toBe(0);
    expect(workerCount(100, 8)).toBe(0);
    expect(workerCount(101, 8)).toBe(2);
    expect(workerCount(264, 3)).toBe(3);
    expect(workerCount(264, 2)).toBe(2);
    expect(workerCount(5462, 1)).toBe(0);
    expect(workerCount(5462, 4)).toBe(4);
  });
});
