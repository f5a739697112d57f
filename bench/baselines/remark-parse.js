#!/usr/bin/env node
// Baseline: a bare unified + remark-parse + remark-frontmatter pass over every .md file: read the file,
// parse it to an mdast tree, nothing else. The floor any remark-based linter stands on.
// Usage: node bench/baselines/remark-parse.js <dir> [--workers N] [--young-mb MB]
//   --workers N    split the files over N worker threads (default: 1, this thread)
//   --young-mb MB  the workers' young generation (resourceLimits.maxYoungGenerationSizeMb)
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { listMarkdown, partition } from '../lib.js';

function parseAll(files) {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
  let nodes = 0;
  for (const file of files) {
    const tree = processor.parse(readFileSync(file, 'utf8'));
    nodes += tree.children.length;
  }
  return nodes;
}

if (!isMainThread) {
  parentPort.postMessage(parseAll(workerData.files));
} else {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : def;
  };
  const dir = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  if (!dir) {
    console.error('usage: remark-parse.js <dir> [--workers N] [--young-mb MB]');
    process.exit(2);
  }
  const workers = opt('--workers', 1);
  const youngMb = opt('--young-mb', 0);
  const files = listMarkdown(dir);
  let nodes = 0;
  if (workers <= 1) {
    nodes = parseAll(files);
  } else {
    const counts = await Promise.all(
      partition(files, workers).map(
        (part) =>
          new Promise((resolve, reject) => {
            const w = new Worker(new URL(import.meta.url), {
              workerData: { files: part },
              ...(youngMb ? { resourceLimits: { maxYoungGenerationSizeMb: youngMb } } : {}),
            });
            w.once('message', resolve);
            w.once('error', reject);
          }),
      ),
    );
    nodes = counts.reduce((a, b) => a + b, 0);
  }
  console.log(`${files.length} files, ${nodes} top-level nodes`);
}
