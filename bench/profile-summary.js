#!/usr/bin/env node
// Where the time goes in a V8 CPU profile (`node --cpu-prof`): self time by package / hefa module and the
// top functions by self time. Inclusive ("total") time of hefa's own pipeline stages is listed too.
// Usage: node bench/profile-summary.js <file.cpuprofile> [--top N]
import { readFileSync } from 'node:fs';
import { fmtMs, table } from './lib.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: profile-summary.js <file.cpuprofile> [--top N]');
  process.exit(2);
}
const topIndex = process.argv.indexOf('--top');
const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 25;
const prof = JSON.parse(readFileSync(file, 'utf8'));

// Time per sample: the gaps between samples (V8 records them in timeDeltas, µs).
const self = new Map(); // node id -> µs
for (let i = 0; i < prof.samples.length; i++) {
  const id = prof.samples[i];
  self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i + 1] ?? 0));
}
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** The package or hefa module a frame belongs to. */
function group(cf) {
  const { url, functionName } = cf;
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(program)') return '(program: V8/native)';
    return functionName ? `(native) ${functionName}` : '(native)';
  }
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 14).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = /\/dist\/(.*)\.js$/.exec(url);
  if (dist) return `hefa ${dist[1]}`;
  if (url.startsWith('node:')) return 'node core';
  return url.replace(/^file:\/\//, '');
}

/** A coarser family: markdown parsing, YAML, hefa, GC, other. */
function family(g) {
  if (/^(micromark|mdast-util|remark|unified|unist|vfile|decode-named|character-entities|bail|trough|devlop|zwitch|longest-streak|ccount|trim-lines|is-plain-obj|extend)/.test(g)) return 'remark / micromark（Markdown 解析）';
  if (g === 'yaml') return 'yaml（前置元数据）';
  if (g.startsWith('hefa ')) return 'hefa 自己的代码';
  if (g === 'GC') return 'GC（垃圾回收）';
  return '其他（Node 内部、原生、启动）';
}

const selfBy = (key) => {
  const m = new Map();
  for (const [id, us] of self) {
    const k = key(byId.get(id).callFrame);
    m.set(k, (m.get(k) ?? 0) + us);
  }
  return [...m].sort((a, b) => b[1] - a[1]);
};
const clip = (s) => (s.length > 90 ? `${s.slice(0, 87)}…` : s);
const pct = (us) => `${((us / total) * 100).toFixed(1)}%`;
const ms = (us) => fmtMs(us / 1000);

console.log(`采样总时长 ${ms(total)}（${prof.samples.length} 个样本）\n`);
console.log(table([['类别', '自身时间', '占比'], ...selfBy((cf) => family(group(cf))).map(([k, us]) => [k, ms(us), pct(us)])]));
console.log('\n' + table([['包 / 模块', '自身时间', '占比'], ...selfBy(group).slice(0, top).map(([k, us]) => [clip(k), ms(us), pct(us)])]));
const fname = (cf) => `${cf.functionName || '(anonymous)'} ${group(cf)}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
console.log('\n' + table([['函数（自身时间）', '自身时间', '占比'], ...selfBy(fname).slice(0, top).map(([k, us]) => [clip(k), ms(us), pct(us)])]));

// Inclusive time of hefa functions: a sample counts once per function on its stack.
const incl = new Map();
for (const [id, us] of self) {
  const seen = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) {
    const cf = byId.get(n).callFrame;
    const g = group(cf);
    if (!g.startsWith('hefa ')) continue;
    const k = `${cf.functionName || '(anonymous)'} ${g}`;
    if (seen.has(k)) continue;
    seen.add(k);
    incl.set(k, (incl.get(k) ?? 0) + us);
  }
}
const inclRows = [...incl].sort((a, b) => b[1] - a[1]).slice(0, top);
console.log('\n' + table([['hefa 函数（含调用）', '总时间', '占比'], ...inclRows.map(([k, us]) => [k, ms(us), pct(us)])]));
