#!/usr/bin/env node
// Baseline: read every .md file, decode it, split off the front matter and split the body into lines —
// the I/O and string work every linter does before parsing.
// Usage: node bench/baselines/read-split.js <dir>
import { readFileSync } from 'node:fs';
import { listMarkdown } from '../lib.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: read-split.js <dir>');
  process.exit(2);
}
const decoder = new TextDecoder('utf-8');
const FENCE = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;
let lines = 0;
let bytes = 0;
const files = listMarkdown(dir);
for (const file of files) {
  const buf = readFileSync(file);
  bytes += buf.length;
  let text = decoder.decode(buf);
  let body = text;
  const open = FENCE.exec(text);
  if (open) {
    const rest = text.slice(open[0].length);
    const close = CLOSE.exec(rest);
    if (close) body = rest.slice(close.index + close[0].length);
  }
  lines += body.split(/\r\n|\r|\n/).length;
}
console.log(`${files.length} files, ${bytes} bytes, ${lines} lines`);
