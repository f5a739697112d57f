#!/usr/bin/env node
// False-positive sampling for the content rules of rules.md §4 (docs/false-positives.md).
//
// Runs the built hefa over a folder of real texts as if each were a 行政规范性文件, collects the
// findings of each content rule, draws a deterministic sample per rule (the hits with the smallest
// SHA-256 of seed, rule and key: stable when a rule change adds or removes other hits) and prints
// every sampled hit with the sentence it sits in, for classification by hand:
//   T  true hit                     the clause really sets that measure (legitimate in a regulation,
//                                   a finding in a normative document)
//   R  restatement not recognised   the clause restates a superior law with its source
//   W  wrong match                  the wording is not that measure at all
//
//   npm run build
//   node scripts/fp-sample.js [--dir <folder>] [--per 50] [--seed 1] [--rule <id,…>]
//                             [--labels <file>] [--json <file>]
//
// A hit's key is file:line:column, the file relative to --dir, so keys and samples do not depend on
// where the checkout is. --labels reads lines `T|R|W <key>` (`#` starts a comment; a comment line that
// is just a rule id makes the labels after it apply to that rule only) and prints the table
// rule × class with precision = T / all classified; labels that name no sampled hit are counted.
// --json writes every hit (not only the sample) as JSON, for other counts.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative, resolve } from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONTENT_RULES = [
  'normative-no-licensing',
  'normative-no-penalty',
  'normative-no-coercion',
  'normative-no-fees',
  'normative-no-burden',
  'normative-fair-competition',
];

function parseArgs(argv) {
  const opts = {
    dir: '/work/shared/corpus/LawRefBook-Laws/行政法规',
    per: 50,
    seed: 1,
    rules: CONTENT_RULES,
    labels: null,
    json: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--dir') opts.dir = v();
    else if (a === '--per') opts.per = Number(v());
    else if (a === '--seed') opts.seed = Number(v());
    else if (a === '--rule') opts.rules = v().split(',').filter(Boolean);
    else if (a === '--labels') opts.labels = v();
    else if (a === '--json') opts.json = v();
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(opts.per) || opts.per < 1) throw new Error('--per must be a positive integer');
  if (!Number.isInteger(opts.seed)) throw new Error('--seed must be an integer');
  return opts;
}

/**
 * A sample of n hits (all when fewer): the n hits with the smallest hash of seed, rule and key
 * (bottom-k sampling). Deterministic, and stable when the rules change: a hit that survives a fix
 * keeps its rank, so the before and after samples of one seed differ only by the hits a fix removed
 * or added. A fresh seed draws an independent sample.
 */
function sample(items, n, seed) {
  const rank = (h) => createHash('sha256').update(`${seed}\u0000${h.rule}\u0000${h.key}`).digest('hex');
  return items
    .map((h) => [rank(h), h])
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .slice(0, n)
    .map(([, h]) => h);
}

/** Offset in a JS string of a 1-based UTF-16 column (the JSON's columns are UTF-16 units). */
const colIndex = (column) => column - 1;

/** The sentence (between 。；！？ or line ends) around [start, end) of a line. */
function sentenceOf(line, start, end) {
  let a = start;
  while (a > 0 && !'。；！？'.includes(line[a - 1])) a--;
  let b = end;
  while (b < line.length && !'。；！？'.includes(line[b])) b++;
  if (b < line.length) b++;
  return line.slice(a, b).trim();
}

function runHefa(dir, rules) {
  const args = [resolve(ROOT, 'bin/hefa.js'), 'check', dir, '--kind', '行政规范性文件', '--rule', ...rules, '--format', 'json'];
  let out;
  try {
    out = execFileSync(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 30, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    // Exit code 1 means “findings at the --fail-on level”: the report is on stdout all the same.
    if (e.status !== 1 || !e.stdout) throw e;
    out = e.stdout;
  }
  return JSON.parse(out);
}

function collect(report, dir) {
  const lineCache = new Map();
  const linesOf = (path) => {
    let l = lineCache.get(path);
    if (!l) {
      l = readFileSync(resolve(ROOT, path), 'utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
      lineCache.set(path, l);
    }
    return l;
  };
  const hits = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      if (!f.ruleId.startsWith('normative-')) continue;
      const line = linesOf(file.path)[f.line - 1] ?? '';
      const start = colIndex(f.column);
      const end = f.endLine === f.line ? colIndex(f.endColumn) : line.length;
      const match = /发现“(.*?)”：/.exec(f.message)?.[1] ?? line.slice(start, end);
      // Keys are relative to the sampled folder, so a label file works from any checkout.
      const name = relative(resolve(dir), resolve(ROOT, file.path)).split('\\').join('/');
      hits.push({
        rule: f.ruleId,
        key: `${name}:${f.line}:${f.column}`,
        path: file.path,
        line: f.line,
        column: f.column,
        match,
        sentence: sentenceOf(line, start, end),
      });
    }
  }
  const cmp = (x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : x.line - y.line || x.column - y.column);
  return hits.sort(cmp);
}

/**
 * Labels from a file: `T|R|W <key>` lines; a comment line naming a rule (`# normative-no-fees`)
 * makes the labels after it apply to that rule only, since one sentence can be a hit of two rules.
 */
function readLabels(file) {
  const labels = new Map();
  let rule = '';
  for (const raw of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const section = /^#\s*([a-z][\w-]*)\s*$/.exec(raw.trim());
    if (section) {
      rule = section[1];
      continue;
    }
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const m = /^([TRW])\s+(\S.*)$/.exec(line);
    if (!m) throw new Error(`${file}: bad label line: ${raw}`);
    labels.set(`${rule}\u0000${m[2].trim()}`, m[1]);
  }
  return labels;
}

/** The label of a hit: one given under its rule, else one given before any rule heading. */
const labelOf = (labels, h) => labels.get(`${h.rule}\u0000${h.key}`) ?? labels.get(`\u0000${h.key}`);

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const report = runHefa(opts.dir, opts.rules);
  const hits = collect(report, opts.dir);
  if (opts.json) writeFileSync(opts.json, JSON.stringify(hits, null, 1));
  const files = report.files.length;
  console.log(`# ${files} files under ${opts.dir}; seed ${opts.seed}; up to ${opts.per} hits sampled per rule`);
  console.log('');
  console.log('| rule | hits | files with a hit | sampled |');
  console.log('|---|---:|---:|---:|');
  const samples = new Map();
  for (const rule of opts.rules) {
    const mine = hits.filter((h) => h.rule === rule);
    const s = sample(mine, opts.per, opts.seed);
    s.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : x.line - y.line || x.column - y.column));
    samples.set(rule, s);
    console.log(`| ${rule} | ${mine.length} | ${new Set(mine.map((h) => h.path)).size} | ${s.length} |`);
  }
  if (opts.labels) {
    const labels = readLabels(opts.labels);
    const used = new Set();
    console.log('');
    console.log('| rule | sampled | true hit | restatement not recognised | wrong match | unclassified | precision |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const rule of opts.rules) {
      const s = samples.get(rule);
      const n = { T: 0, R: 0, W: 0, '?': 0 };
      for (const h of s) {
        const l = labelOf(labels, h);
        if (l) used.add(labels.has(`${h.rule}\u0000${h.key}`) ? `${h.rule}\u0000${h.key}` : `\u0000${h.key}`);
        n[l ?? '?']++;
      }
      const classified = n.T + n.R + n.W;
      const p = classified ? `${((100 * n.T) / classified).toFixed(0)}%` : '—';
      console.log(`| ${rule} | ${s.length} | ${n.T} | ${n.R} | ${n.W} | ${n['?']} | ${p} |`);
    }
    const unused = [...labels.keys()].filter((k) => !used.has(k)).length;
    if (unused) console.log(`\n${unused} of ${labels.size} labels name no hit of this sample (labels of another draw, or stale)`);
    return;
  }
  for (const rule of opts.rules) {
    console.log('');
    console.log(`## ${rule}`);
    for (const [i, h] of samples.get(rule).entries()) {
      console.log('');
      console.log(`${String(i + 1).padStart(2)}. ${h.key}`);
      console.log(`    “${h.match}” ⟶ ${h.sentence}`);
    }
  }
}

main();
