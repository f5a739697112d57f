#!/usr/bin/env node
// One draft: `hefa check one.md` against `remark one.md` (remark-cli), run alternately, medians.
// Usage: node bench/one-draft.js [file] [runs]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const file = process.argv[2] ?? `${root}fixtures/demo`;
const runs = Number(process.argv[3] ?? 11);
if (!existsSync(file)) {
  console.error(`bench: ${file} 不存在`);
  process.exit(2);
}
const remark = `${root}node_modules/remark-cli/cli.js`;
const commands = {
  hefa: [`${root}bin/hefa.js`, 'check', file, '--format', 'json'],
  remark: [remark, file, '--quiet'],
};
const times = { hefa: [], remark: [] };
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(commands)) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    times[name].push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status === 2) {
      console.error(`${name} failed: ${r.stderr}`);
      process.exit(2);
    }
  }
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const h = median(times.hefa), r = median(times.remark);
console.log(`file: ${file}`);
console.log(`runs: ${runs} each, alternating`);
console.log(`hefa check:  median ${h.toFixed(0)} ms`);
console.log(`remark-cli:  median ${r.toFixed(0)} ms`);
console.log(`ratio hefa/remark: ${(h / r).toFixed(2)}`);
