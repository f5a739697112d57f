#!/usr/bin/env node
// The fast block reader (src/document/fast-blocks.ts) over a corpus: how many files and bytes it covers,
// why it gives up on the others, and its speed against readBlocks (remark-parse) on the files it covers.
// In one process, alternating, medians. Needs a build (npm run build).
// Usage: node bench/fast-blocks.js [corpus] [--rounds N]
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listMarkdown, median, fmtMs, table } from './lib.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const ri = args.indexOf('--rounds');
const rounds = ri >= 0 ? Number(args[ri + 1]) : 3;
const corpus = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds') ?? resolve(root, '../shared/corpus'));
if (!existsSync(corpus)) {
  console.error(`bench: ${corpus} 不存在`);
  process.exit(2);
}
const { fastBlocks, fastBlocksMiss } = await import(`${root}dist/document/fast-blocks.js`);
const { readBlocks, loadMarkdownParser } = await import(`${root}dist/document/markdown.js`);
await loadMarkdownParser();
const { splitFrontMatter } = await import(`${root}dist/input/frontmatter.js`);

const decoder = new TextDecoder();
const docs = [];
let allBytes = 0;
const reasons = new Map();
for (const file of listMarkdown(corpus)) {
  const buf = readFileSync(file);
  allBytes += buf.length;
  let source = decoder.decode(buf);
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  const { bodyStart } = splitFrontMatter(source);
  const miss = fastBlocksMiss(source, bodyStart);
  if (miss) reasons.set(miss.reason, (reasons.get(miss.reason) ?? 0) + 1);
  else docs.push({ source, bodyStart, bytes: buf.length });
}
const files = docs.length + [...reasons.values()].reduce((a, b) => a + b, 0);
const bytes = docs.reduce((a, d) => a + d.bytes, 0);
console.log(`语料 ${corpus}`);
console.log(`覆盖 ${docs.length}/${files} 个文件（${((docs.length / files) * 100).toFixed(1)}%），${(bytes / 1e6).toFixed(1)}/${(allBytes / 1e6).toFixed(1)} MB（${((bytes / allBytes) * 100).toFixed(1)}%）`);
console.log(`放弃的原因：${[...reasons].sort((a, b) => b[1] - a[1]).map(([r, c]) => `${r} ${c}`).join('，')}`);

const time = (fn) => {
  const t = process.hrtime.bigint();
  let blocks = 0;
  for (const d of docs) blocks += fn(d.source, d.bodyStart).length;
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, blocks };
};
const samples = { fastBlocks: [], readBlocks: [] };
for (let r = 0; r < rounds; r++) {
  for (const [name, fn] of r % 2 ? [['readBlocks', readBlocks], ['fastBlocks', fastBlocks]] : [['fastBlocks', fastBlocks], ['readBlocks', readBlocks]]) {
    samples[name].push(time(fn).ms);
  }
}
const f = median(samples.fastBlocks);
const s = median(samples.readBlocks);
console.log('\n' + table([
  ['读取器', '中位数', 'MB/s'],
  ['fastBlocks', fmtMs(f), (bytes / 1e6 / (f / 1000)).toFixed(0)],
  ['readBlocks', fmtMs(s), (bytes / 1e6 / (s / 1000)).toFixed(1)],
]));
console.log(`\nfastBlocks 用时为 readBlocks 的 ${((f / s) * 100).toFixed(1)}%（快 ${(s / f).toFixed(0)} 倍），${rounds} 轮交替，同一进程`);
