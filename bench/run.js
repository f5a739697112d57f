#!/usr/bin/env node
// The benchmark of the performance goals (docs/performance.md): hefa against the baselines over a corpus,
// every tool once per round in rotating order, medians over the rounds, peak memory per process.
//
// Usage: node bench/run.js [corpus] [--rounds N] [--only a,b] [--one file] [--one-runs N] [--out file] [--base dir] [--keep]
//   corpus      folder of Markdown files (default ../shared/corpus when present)
//   --rounds N  rounds (default 3); each runs every selected tool once (--one-runs times for the one-draft pair)
//   --only      tools to run, comma separated (names below; `hefa` = every hefa run, `one` = the one-draft pair,
//               `baselines` = every default baseline); default: the default set
//   --one       the single draft of the one-draft comparison (default a draft of fixtures/demo)
//   --out       JSON result file (default bench/results/latest.json)
//   --base dir  also run the cold audit of another built checkout of hefa (tool base-cold), for before/after
//
// Tools: hefa-cold, hefa-warm (only when `hefa audit --help` lists --cache), hefa-twice, hefa-one, remark-one,
// remark-parse, remark-cli, markdownlint, textlint, read-split; extras, only when named in --only:
// remark-parse-2w (two worker threads), remark-parse-2w-young (two workers, 192 MB young generation); base-cold (--base);
// check-cold, check-warm (`hefa check` without and with --cache, for when only check has a cache).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem, platform, release } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusStats, fmtMB, fmtMs, measure, median, table, hasGnuTime } from './lib.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bench = join(root, 'bench');
const started = Date.now();

// ---------------------------------------------------------------------------------------------- options
const argv = process.argv.slice(2);
const flags = {};
const positional = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--keep' || a === '--help' || a === '-h') flags[a.replace(/^-+/, '')] = true;
  else if (a.startsWith('--')) {
    const [k, v] = a.includes('=') ? a.slice(2).split(/=(.*)/s) : [a.slice(2), argv[++i]];
    if (v === undefined) fail(`${a} 缺少取值`);
    flags[k] = v;
  } else positional.push(a);
}
if (flags.help || flags.h) {
  const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
  console.log(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
for (const k of Object.keys(flags)) {
  if (!['rounds', 'only', 'one', 'one-runs', 'out', 'keep', 'base'].includes(k)) fail(`未知选项 --${k}`);
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

const defaultCorpus = resolve(root, '../shared/corpus');
const corpus = resolve(positional[0] ?? (existsSync(defaultCorpus) ? defaultCorpus : fail('请给出语料目录（默认的 ../shared/corpus 不存在）')));
if (!existsSync(corpus)) fail(`${corpus} 不存在`);
const rounds = Number(flags.rounds ?? 3);
if (!Number.isInteger(rounds) || rounds < 1) fail('--rounds 应为正整数');
const oneRuns = Number(flags['one-runs'] ?? 5);
if (!Number.isInteger(oneRuns) || oneRuns < 1) fail('--one-runs 应为正整数');
const oneFile = resolve(flags.one ?? join(root, 'fixtures/demo/规范性文件-行政规范性文件管理办法（送审稿）.md'));
if (!existsSync(oneFile)) fail(`${oneFile} 不存在`);
const outFile = resolve(flags.out ?? join(bench, 'results/latest.json'));
const baseHefa = flags.base ? join(resolve(flags.base), 'bin/hefa.js') : null;
if (baseHefa && !existsSync(baseHefa)) fail(`${baseHefa} 不存在`);

// ---------------------------------------------------------------------------------------------- tools
const node = process.execPath;
const hefa = join(root, 'bin/hefa.js');
const benchConfig = join(bench, 'hefa.bench.yaml');
const binOf = (pkg, name) => {
  const dir = join(root, 'node_modules', pkg);
  const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const bin = typeof json.bin === 'string' ? json.bin : json.bin[name ?? pkg];
  return join(dir, bin);
};
const versionOf = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

const work = mkdtempSync(join(tmpdir(), 'hefa-bench-'));
const hefaHelp = spawnSync(node, [hefa, 'audit', '--help'], { encoding: 'utf8' }).stdout ?? '';
const hasCache = /--cache\b/.test(hefaHelp);
const checkHasCache = !hasCache && /--cache\b/.test(spawnSync(node, [hefa, 'check', '--help'], { encoding: 'utf8' }).stdout ?? '');
const cacheLocation = /--cache-location\b/.test(hefaHelp) ? ['--cache-location', join(work, 'hefa-cache')] : [];
const checkCache = ['--cache', '--cache-location', join(work, 'hefa-check-cache')];
const twiceDir = join(work, 'twice');

/** hefa audit over `dir` with every rule (hefa:strict), JSON into the work folder. */
const audit = (dir, out, extra = [], bin = hefa) => [bin, 'audit', dir, '-c', benchConfig, '--format', 'json', '-o', join(work, out), '--no-progress', ...extra];

/**
 * Every tool: the node arguments, the exit codes that count as a finished run (linters exit 1 on findings),
 * where it runs and what it stands for. `per` is how many times it runs per round.
 */
const TOOLS = {
  'hefa-cold': { args: audit(corpus, 'cold.json'), ok: [0, 1], label: 'hefa audit（冷启动，全部规则）' },
  'hefa-warm': { args: audit(corpus, 'warm.json', ['--cache', ...cacheLocation]), ok: [0, 1], label: 'hefa audit --cache（缓存命中）', needs: () => hasCache, prime: true },
  'hefa-twice': { args: audit(twiceDir, 'twice.json'), ok: [0, 1], label: 'hefa audit（语料两份）', setup: setupTwice },
  'hefa-one': { args: [hefa, 'check', oneFile], ok: [0, 1], label: 'hefa check one.md', per: oneRuns },
  'remark-one': { args: [binOf('remark-cli', 'remark'), oneFile], ok: [0, 1], label: 'remark one.md', per: oneRuns },
  'remark-parse': { args: [join(bench, 'baselines/remark-parse.js'), corpus], ok: [0], label: 'unified+remark-parse+frontmatter（单线程）' },
  'remark-cli': { args: [binOf('remark-cli', 'remark'), corpus, '--quiet', '--frail'], ok: [0, 1], label: `remark-cli ${versionOf('remark-cli')} --quiet --frail` },
  markdownlint: { args: [binOf('markdownlint-cli2'), '**/*.md'], cwd: corpus, ok: [0, 1], label: `markdownlint-cli2 ${versionOf('markdownlint-cli2')}（默认规则）` },
  textlint: { args: [binOf('textlint'), '--config', join(bench, '.textlintrc'), '--rules-base-directory', bench, corpus], ok: [0, 1], label: `textlint ${versionOf('textlint')}（空规则）` },
  'read-split': { args: [join(bench, 'baselines/read-split.js'), corpus], ok: [0], label: '只读取并切分' },
  'check-cold': { args: [hefa, 'check', corpus, '-c', benchConfig, '--format', 'json', '-o', join(work, 'check-cold.json')], ok: [0, 1], label: 'hefa check（冷启动，全部规则）', extra: true },
  'check-warm': { args: [hefa, 'check', corpus, '-c', benchConfig, '--format', 'json', '-o', join(work, 'check-warm.json'), ...checkCache], ok: [0, 1], label: 'hefa check --cache（缓存命中）', extra: true, needs: () => hasCache || checkHasCache, prime: true },
  'base-cold': { args: audit(corpus, 'base-cold.json', [], baseHefa ?? hefa), ok: [0, 1], label: `基准 ${flags.base ?? ''} 的 hefa audit（冷启动）`, extra: true },
  'remark-parse-2w': { args: [join(bench, 'baselines/remark-parse.js'), corpus, '--workers', '2'], ok: [0], label: 'remark-parse，2 个工作线程', extra: true },
  'remark-parse-2w-young': { args: [join(bench, 'baselines/remark-parse.js'), corpus, '--workers', '2', '--young-mb', '192'], ok: [0], label: 'remark-parse，2 个工作线程，新生代 192 MB', extra: true },
};
const GROUPS = {
  hefa: ['hefa-cold', 'hefa-warm', 'hefa-twice', 'hefa-one'],
  one: ['hefa-one', 'remark-one'],
  baselines: ['remark-parse', 'remark-cli', 'markdownlint', 'textlint', 'read-split', 'remark-one'],
};
let selected = flags.only
  ? [...new Set(flags.only.split(',').map((s) => s.trim()).filter(Boolean).flatMap((n) => GROUPS[n] ?? [n]))]
  : Object.keys(TOOLS).filter((n) => !TOOLS[n].extra || (n === 'base-cold' && baseHefa));
if (baseHefa && !selected.includes('base-cold')) selected.push('base-cold');
for (const n of selected) if (!TOOLS[n]) fail(`未知的工具“${n}”；可用：${[...Object.keys(TOOLS), ...Object.keys(GROUPS)].join(', ')}`);
const skipped = selected.filter((n) => TOOLS[n].needs && !TOOLS[n].needs());
selected = selected.filter((n) => !skipped.includes(n));

function setupTwice() {
  // Two copies of the corpus in one folder; hard links when the file system allows (fast, no space).
  mkdirSync(twiceDir, { recursive: true });
  for (const copy of ['a', 'b']) {
    const r = spawnSync('cp', ['-al', corpus, join(twiceDir, copy)]);
    if (r.status !== 0) cpSync(corpus, join(twiceDir, copy), { recursive: true });
  }
}

// ---------------------------------------------------------------------------------------------- run
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
delete env.NODE_OPTIONS;
const stats = corpusStats(corpus);
const gnuTime = await hasGnuTime;
console.log(`语料：${corpus}（${stats.files} 个 .md 文件，${(stats.bytes / 1e6).toFixed(1)} MB）`);
console.log(`轮数：${rounds}；工具：${selected.join(', ')}${skipped.length ? `；跳过（hefa audit 尚无 --cache${checkHasCache ? '，只有 check 有' : ''}）：${skipped.join(', ')}` : ''}`);
console.log(`机器：${cpus().length} 核 ${cpus()[0]?.model ?? ''}，Node ${process.version}，峰值内存：${gnuTime ? 'GNU time %M' : '/proc VmHWM 轮询'}`);
const loadBefore = loadavg();
if (loadBefore[0] > cpus().length * 0.5) console.log(`注意：开始时负载 ${loadBefore[0].toFixed(2)}，结果可能偏慢、波动大`);

const samples = Object.fromEntries(selected.map((n) => [n, []]));
let failed = false;

async function runOnce(name, round) {
  const tool = TOOLS[name];
  const r = await measure(node, tool.args, { cwd: tool.cwd ?? root, env, stderrFile: join(work, `${name}.stderr`) });
  const ok = r.signal === null && tool.ok.includes(r.code);
  samples[name].push({ round, ms: r.ms, cpuMs: r.cpuMs, rssKB: r.rssKB, code: r.code, signal: r.signal });
  if (!ok) {
    failed = true;
    console.error(`\n${name} 失败（退出码 ${r.code ?? r.signal}）：\n${r.stderr}`);
  }
  return r;
}

for (const name of selected) TOOLS[name].setup?.();
for (const name of selected) {
  if (!TOOLS[name].prime) continue;
  // Twice: the first run fills the cache; the second is a rerun like every measured one. setupTwice's hard
  // links change the corpus files' ctime, so the first rerun reads those files once more before trusting
  // their stats (the cache's guard against racy timestamps, src/lint.ts statHash).
  process.stdout.write(`预热 ${name} … `);
  const times = [];
  for (let k = 0; k < 2; k++) times.push((await measure(node, TOOLS[name].args, { cwd: root, env, stderrFile: join(work, `${name}.prime.stderr`) })).ms);
  console.log(times.map(fmtMs).join('，'));
}

for (let round = 0; round < rounds; round++) {
  // Rotate the order each round so that no tool always runs first (or right after the heaviest one).
  const order = selected.map((_, i) => selected[(i + round) % selected.length]);
  process.stdout.write(`第 ${round + 1}/${rounds} 轮：`);
  for (const name of order) {
    const per = TOOLS[name].per ?? 1;
    // The one-draft pair alternates run by run.
    if (name === 'remark-one' && selected.includes('hefa-one')) continue;
    if (name === 'hefa-one' && selected.includes('remark-one')) {
      for (let k = 0; k < per; k++) {
        for (const n of k % 2 ? ['remark-one', 'hefa-one'] : ['hefa-one', 'remark-one']) await runOnce(n, round);
      }
      process.stdout.write(` one ${fmtMs(median(samples['hefa-one'].filter((s) => s.round === round).map((s) => s.ms)))}/${fmtMs(median(samples['remark-one'].filter((s) => s.round === round).map((s) => s.ms)))}`);
      continue;
    }
    let last;
    for (let k = 0; k < per; k++) last = await runOnce(name, round);
    process.stdout.write(` ${name} ${fmtMs(last.ms)}`);
  }
  console.log('');
}

// ---------------------------------------------------------------------------------------------- report
// hefa must have read every file: the audit report lists one document per input.
const documentsIn = (out) => {
  try {
    return JSON.parse(readFileSync(join(work, out), 'utf8')).documents.length;
  } catch {
    return null;
  }
};
const hefaDocuments = {};
for (const [name, out, expected] of [['hefa-cold', 'cold.json', stats.inputs], ['base-cold', 'base-cold.json', stats.inputs], ['hefa-warm', 'warm.json', stats.inputs], ['hefa-twice', 'twice.json', 2 * stats.inputs]]) {
  if (!selected.includes(name)) continue;
  hefaDocuments[name] = documentsIn(out);
  if (hefaDocuments[name] === null) {
    failed = true;
    console.error(`${name}：无法读取报告`);
  } else if (hefaDocuments[name] !== expected) {
    // A config's ignore patterns may leave files out; say so, but it is not a failure.
    console.error(`注意：${name} 的报告中有 ${hefaDocuments[name]} 份文件，目录中有 ${expected} 个 Markdown/YAML 文件`);
  }
}
const summary = {};
for (const name of selected) {
  const s = samples[name];
  summary[name] = {
    label: TOOLS[name].label,
    command: ['node', ...TOOLS[name].args.map((a) => (a.startsWith(root) ? relative(root, a) || '.' : a))].join(' '),
    medianMs: median(s.map((x) => x.ms)),
    minMs: Math.min(...s.map((x) => x.ms)),
    maxMs: Math.max(...s.map((x) => x.ms)),
    medianCpuMs: median(s.map((x) => x.cpuMs)),
    medianRssKB: median(s.map((x) => x.rssKB)),
    maxRssKB: Math.max(...s.map((x) => x.rssKB)),
    runs: s.length,
  };
}
const m = (n) => summary[n]?.medianMs;
const goals = [
  { id: 'cold-vs-remark-parse', text: '冷启动 ÷ 单线程 remark-parse', value: m('hefa-cold') / m('remark-parse'), max: 0.6 },
  { id: 'cold-vs-remark-cli', text: '冷启动 ÷ remark-cli', value: m('hefa-cold') / m('remark-cli'), max: 0.3 },
  { id: 'warm-vs-cold', text: '--cache 重跑 ÷ 冷启动', value: m('hefa-warm') / m('hefa-cold'), max: 0.1 },
  { id: 'cold-peak-rss-mb', text: '冷启动峰值内存（MB）', value: summary['hefa-cold'] ? summary['hefa-cold'].maxRssKB / 1024 : NaN, max: 500 },
  { id: 'twice-vs-once', text: '语料两份 ÷ 一份', value: m('hefa-twice') / m('hefa-cold'), max: 2.1 },
  { id: 'one-vs-remark', text: 'hefa check one.md ÷ remark one.md', value: m('hefa-one') / m('remark-one'), max: 1.0 },
].map((g) => ({ ...g, pass: Number.isFinite(g.value) ? g.value <= g.max : null }));

const rows = [['工具', '中位数', '最快', '最慢', 'CPU 时间', '峰值内存', '次数', '说明']];
for (const name of selected) {
  const s = summary[name];
  rows.push([name, fmtMs(s.medianMs), fmtMs(s.minMs), fmtMs(s.maxMs), fmtMs(s.medianCpuMs), fmtMB(s.maxRssKB), String(s.runs), s.label]);
}
console.log('\n' + table(rows));
const grows = [['目标', '实测', '要求', '']];
for (const g of goals) {
  const fmt = (v) => (g.id === 'cold-peak-rss-mb' ? v.toFixed(0) : v.toFixed(2));
  grows.push([g.text, Number.isFinite(g.value) ? fmt(g.value) : '—', `≤ ${g.max}`, g.pass === null ? '（未测）' : g.pass ? '✔' : '✖']);
}
console.log('\n' + table(grows));
const baseRatio = baseHefa ? m('hefa-cold') / m('base-cold') : null;
if (baseRatio !== null) console.log(`\n冷启动 ÷ 基准（${flags.base}）的冷启动：${baseRatio.toFixed(2)}`);
const checkWarmRatio = m('check-warm') / m('check-cold');
if (Number.isFinite(checkWarmRatio)) console.log(`\nhefa check：--cache 重跑 ÷ 冷启动 ${checkWarmRatio.toFixed(2)}`);

const seconds = (Date.now() - started) / 1000;
const git = (args) => {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};
const result = {
  date: new Date().toISOString(),
  durationSeconds: Math.round(seconds),
  git: { commit: git(['rev-parse', 'HEAD']), dirty: Boolean(git(['status', '--porcelain', '--untracked-files=no'])) },
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, totalMemMB: Math.round(totalmem() / 2 ** 20), platform: `${platform()} ${release()}`, node: process.version, loadBefore, loadAfter: loadavg() },
  corpus: { path: corpus, ...stats },
  oneDraft: relative(root, oneFile),
  rounds,
  peakMemory: gnuTime ? 'GNU time %M (peak RSS of the process)' : '/proc/<pid>/status VmHWM, polled every 20 ms',
  hefaHasCache: hasCache,
  hefaDocuments,
  base: baseHefa ? { dir: resolve(flags.base), coldVsBase: baseRatio } : null,
  checkWarmVsCold: Number.isFinite(checkWarmRatio) ? checkWarmRatio : null,
  tools: summary,
  goals,
  samples,
};
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(result, null, 2) + '\n');
console.log(`\n用时 ${Math.floor(seconds / 60)} 分 ${Math.round(seconds % 60)} 秒；结果写入 ${relative(process.cwd(), outFile)}`);
if (!flags.keep) rmSync(work, { recursive: true, force: true });
else console.log(`临时目录保留在 ${work}`);
process.exitCode = failed ? 1 : 0;
