/**
 * A worker of the --jobs pool (pool.ts): opens the same session as the main thread (the options, with
 * the main thread's --as-of fixed so both agree on "today"), then checks each batch of files it is sent
 * and answers with their per-file units. Nothing else runs here: the cross-document phase, suppression
 * and sorting stay in the main thread, which is why the output is the same at any --jobs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, openSession, type SessionOptions } from '../lint.js';
import { loadMarkdownParser } from '../document/markdown.js';
import type { PoolReply, PoolTask } from './pool.js';

const session = openSession(workerData.options as SessionOptions);
// A worker checks many files: load the Markdown parser before the first instead of on demand.
await loadMarkdownParser();

parentPort!.on('message', (batch: PoolTask[]) => {
  const reply: PoolReply = [];
  for (const task of batch) {
    reply.push({ index: task.index, unit: checkFile(session, task.file, task.rel, undefined, task.hash) });
  }
  parentPort!.postMessage(reply);
});
