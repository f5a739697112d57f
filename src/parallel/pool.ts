/**
 * The --jobs worker pool: the per-file step (read → model → rules → corpus summary) of many files on
 * worker threads. Files go out in small batches to whichever worker is free, so a worker that drew long
 * documents does not hold the others up; every unit comes back with its index in the file list, and
 * lint() puts them back in that order, so the result does not depend on which worker checked what.
 *
 * Each worker gets a larger young generation than V8's default: the per-file step allocates many
 * short-lived strings and nodes, and with the default 16 MB semi-space much of the run is scavenges
 * (docs/performance.md). A worker that fails (it cannot start, or throws) ends the pool; lint() checks
 * the files it did not get back in the main thread, so a run never loses a file.
 */
import { Worker } from 'node:worker_threads';
import type { SessionOptions, FileUnit } from '../lint.js';

/** One file for a worker: its place in the run's file list, its path, and whether to hash what it reads (--cache). */
export interface PoolTask {
  index: number;
  file: string;
  rel: string;
  hash?: boolean;
}

export type PoolReply = { index: number; unit: FileUnit }[];

/** Files per message: small enough to balance the workers, large enough that messages cost little. */
const BATCH = 8;

/** Young generation of each worker (MB): measured best between 32 and 128 on the corpus (docs/performance.md). */
export const WORKER_YOUNG_GENERATION_MB = 32;

/**
 * Check `tasks` on `jobs` workers; `onUnit` is called for each file as its unit arrives. Resolves when
 * every task is done; rejects with the first worker failure, after which `onUnit` is not called again.
 */
export function runPool(options: SessionOptions, tasks: PoolTask[], jobs: number, onUnit: (index: number, unit: FileUnit) => void): Promise<void> {
  const url = new URL('./worker.js', import.meta.url);
  return new Promise((resolvePool, rejectPool) => {
    let next = 0;
    let pending = tasks.length;
    let failed = false;
    const workers: Worker[] = [];
    const finish = (error?: Error): void => {
      if (failed) return;
      if (error) failed = true;
      for (const w of workers) void w.terminate();
      if (error) rejectPool(error);
      else resolvePool();
    };
    const feed = (worker: Worker): void => {
      if (next >= tasks.length) return;
      const batch = tasks.slice(next, next + BATCH);
      next += batch.length;
      worker.postMessage(batch);
    };
    if (pending === 0) return resolvePool();
    for (let w = 0; w < jobs; w++) {
      const worker = new Worker(url, { workerData: { options }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      workers.push(worker);
      worker.on('message', (reply: PoolReply) => {
        if (failed) return;
        for (const { index, unit } of reply) onUnit(index, unit);
        pending -= reply.length;
        if (pending === 0) finish();
        else feed(worker);
      });
      worker.on('error', (e) => finish(e instanceof Error ? e : new Error(String(e))));
      worker.on('exit', (code) => {
        if (pending > 0) finish(new Error(`工作线程意外退出（退出码 ${code}）`));
      });
      // Two batches in flight, so a worker has the next one while its answer travels back.
      feed(worker);
      feed(worker);
    }
  });
}
