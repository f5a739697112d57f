/**
 * The check pipeline: config → rules → discover → per file (read → model → rules) → sorted result.
 * Returns data and prints nothing; the CLI decides what to show.
 */
import { statSync, type Stats } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { CorpusSummary, DocKind, Finding, FileResult, LintResult, Rule, Severity, ShardData } from './types.js';
import { loadConfigCollecting, findConfigFile, validateRuleSettings, settingsForFile, overrideMatches, ConfigError } from './config/index.js';
import type { ResolvedConfig } from './config/index.js';
import { loadRules, BUILTIN_RULES_DIR } from './rules/load.js';
import { validateOptions } from './rules/options.js';
import { CHECK_KINDS } from './checks/index.js';
import { prepareRules, runRules, compareFindings, type EnabledRule, type RunEnv } from './rules/runner.js';
import { discoverFiles } from './input/discover.js';
import { decode, readInputBytesSync, type BytesResult, type ReadOptions, type ReadResult } from './input/read.js';
import { inShard, type Shard } from './input/shard.js';
import { CacheStore, cacheFile } from './cache/store.js';
import { configDigest, groupKey, runKey, sha256, canonical } from './cache/key.js';
import type { EncodingOption } from './input/encoding.js';
import { buildDocument, summarizeDocument } from './document/build.js';
import { diagnostic } from './document/diagnostics.js';
import { MarkdownParserNotLoaded, loadMarkdownParser } from './document/markdown.js';
import { createCalendar } from './cn/calendar.js';
import { isoToday } from './cn/periods.js';
import { DOC_POS } from './document/positions.js';
import { suggestionHint } from './config/suggest.js';
import { loadLawTable } from './laws/table.js';
import { addCorpusFindings, summarizeForCorpus } from './corpus/index.js';
import { applyDirectives, parseDirectives, SUPPRESSIBLE_DIAGNOSTICS } from './suppress/directives.js';
import { addFingerprints } from './suppress/baseline.js';
import { runPool, type PoolTask } from './parallel/pool.js';

/** Bad command-line usage found while opening a session (exit 2, shown as is). */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface SessionOptions {
  cwd: string;
  /** An explicit config file (--config); otherwise the nearest one upward from cwd. */
  configFile?: string;
  asOf?: string;
  /** --rule: run only these rules. */
  only?: string[];
  /** --disable: switch these off. */
  disable?: string[];
  /** --kind: force the document kind of every input. */
  kind?: DocKind;
  /** --ignore patterns, relative to cwd. */
  ignore?: string[];
  /** --encoding of the inputs (default auto: UTF-8, else GB18030 when it reads as Chinese text). */
  encoding?: EncodingOption;
  /** --report-unused-directives: report inline directives that suppressed nothing (directive-unused). */
  reportUnusedDirectives?: boolean;
  /** Give every finding its baseline fingerprint (--baseline, --write-baseline; src/suppress/baseline.ts). */
  fingerprints?: boolean;
}

/** Rules enabled for a set of files alike (same matching overrides). */
interface RuleGroup {
  rules: EnabledRule[];
  kind?: DocKind;
  /** Severity of meta-unknown-key, the one engine diagnostic config may set, or null when off. */
  unknownKey: Severity | null;
}

/** Everything a run needs, resolved once: config, rules, calendar. */
export interface Session {
  cwd: string;
  config: ResolvedConfig;
  rules: Rule[];
  asOf: string;
  options: SessionOptions;
  env: RunEnv;
  /** Enabled rules per override group, cached by a key of the matching overrides. */
  groups: Map<string, RuleGroup>;
}

/** Load config, rules and the law-status table and validate them; throws ConfigError, RuleLoadError or LawTableError (exit 2). */
export function openSession(options: SessionOptions): Session {
  const cwd = options.cwd;
  const configFile = options.configFile ? resolve(cwd, options.configFile) : findConfigFile(cwd);
  const { config, problems: configProblems } = loadConfigCollecting(configFile);
  const rules = loadRules([BUILTIN_RULES_DIR, ...config.ruleFolders], cwd);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const problems = [...configProblems, ...validateRuleSettings(config, byId, (rule, opts) =>
    validateOptions(CHECK_KINDS.get(rule.kind)!, { ...rule.options, ...opts }).map(([, m]) => m),
  )];
  for (const [flag, ids] of [['--rule', options.only], ['--disable', options.disable]] as const) {
    for (const id of ids ?? []) {
      if (!byId.has(id)) {
        const hint = suggestionHint(id, byId.keys());
        throw new UsageError(`${flag} 中未知的规则“${id}”${hint ? `（${hint}）` : ''}；可用 hefa rules 查看全部规则`);
      }
    }
  }
  if (problems.length) throw new ConfigError(problems);
  const laws = loadLawTable(config.laws, cwd);
  const asOf = options.asOf ?? isoToday();
  const calendar = createCalendar(config.calendar);
  return {
    cwd,
    config,
    rules,
    asOf,
    options,
    env: { params: config.params, asOf, calendar, notices: new Set(), settings: { jurisdiction: config.jurisdiction, filing: config.filing }, laws },
    groups: new Map(),
  };
}

/** How a session reads its inputs (--encoding, config maxFileSize): pass to readInputSync/readStdin. */
export function readOptions(session: Session): ReadOptions {
  return { encoding: session.options.encoding ?? 'auto', maxFileSize: session.config.maxFileSize };
}

/** Enabled rules for one file (config + overrides + --rule/--disable), shared by files alike. */
function rulesFor(session: Session, relPath: string): RuleGroup {
  const { config } = session;
  // Without overrides every file is in the one group: no need to work out its path from the config.
  const rel = config.overrides.length ? relative(config.dir, resolve(session.cwd, relPath)).split('\\').join('/') : '';
  const key = config.overrides.map((o) => (overrideMatches(o, rel) ? 1 : 0)).join('');
  let group = session.groups.get(key);
  if (!group) {
    const settings = settingsForFile(config, rel, session.rules);
    const enabled = new Map(settings.enabled);
    const { only, disable } = session.options;
    if (only?.length) {
      for (const id of [...enabled.keys()]) if (!only.includes(id)) enabled.delete(id);
      // --rule also runs a rule the config switched off: the user asked for it by name.
      for (const id of only) {
        if (!enabled.has(id)) {
          const rule = session.rules.find((r) => r.id === id)!;
          enabled.set(id, { severity: rule.severity, options: {} });
        }
      }
    }
    for (const id of disable ?? []) enabled.delete(id);
    group = { rules: prepareRules(session.rules, enabled), kind: settings.kind, unknownKey: enabled.get('meta-unknown-key')?.severity ?? null };
    session.groups.set(key, group);
  }
  return group;
}

/**
 * Check one already-read input. A bug in hefa on one file becomes an internal-error finding on that
 * file (exit 2), and the other files are still checked. With `corpus`, the document's summary for the
 * cross-document rules is added to it (src/corpus/).
 */
export function checkText(session: Session, path: string, read: ReadResult, corpus?: CorpusSummary[], onRead?: ReadOptions['onRead']): FileResult {
  try {
    return checkTextUnguarded(session, path, read, corpus, onRead);
  } catch (e) {
    if (e instanceof MarkdownParserNotLoaded) throw e;
    // Input nested deeper than the parsers' recursion allows is bad input, not a bug (product.md §6).
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      const message = '发现文件的结构嵌套过深，无法解析（超出调用栈）：应为正常嵌套的 Markdown 或 YAML';
      return { path, document: null, findings: [diagnostic('parse-error', 'error', message, DOC_POS)] };
    }
    const message = `发现 hefa 内部错误（${(e as Error)?.message ?? String(e)}）：请把该文件报告给 hefa 的维护者`;
    return { path, document: null, findings: [diagnostic('internal-error', 'error', message, DOC_POS)] };
  }
}

function checkTextUnguarded(session: Session, path: string, read: ReadResult, corpus?: CorpusSummary[], onRead?: ReadOptions['onRead']): FileResult {
  const relPath = path;
  if (!read.ok) {
    return { path: relPath, document: null, findings: [diagnostic('read-error', 'error', read.message, DOC_POS)] };
  }
  const group = rulesFor(session, relPath);
  const kind = session.options.kind ?? group.kind;
  const doc = buildDocument(relPath, read.text, {
    forcedKind: kind,
    kindSource: session.options.kind ? 'option' : group.kind ? 'config' : undefined,
    cwd: session.cwd,
    read: onRead ? { ...readOptions(session), onRead } : readOptions(session),
  });
  const diagnostics = doc.diagnostics.flatMap((d) =>
    d.ruleId !== 'meta-unknown-key' ? [d] : group.unknownKey ? [{ ...d, severity: group.unknownKey }] : [],
  );
  const findings: Finding[] = [...diagnostics, ...runRules(doc, group.rules, session.env)];
  findings.sort(compareFindings);
  corpus?.push(summarizeForCorpus(doc, session.rules));
  const result: FileResult = { path: relPath, document: summarizeDocument(doc), findings };
  // Inline directives are applied by lint() after the corpus phase, so they cover corpus findings too.
  if (doc.source.includes('hefa-')) result.directives = parseDirectives(doc.source, doc.format);
  if (session.options.fingerprints) addFingerprints(findings, relPath, doc.source);
  return result;
}

/**
 * After the corpus phase: fingerprints for findings the per-file step could not give one (corpus
 * findings; the source is read again), then each file's inline directives (src/suppress/directives.ts).
 */
async function finishFiles(session: Session, results: FileResult[], source: (path: string) => Promise<string | null>, corpusRan = true): Promise<void> {
  const suppressible = new Set([...session.rules.map((r) => r.id), ...SUPPRESSIBLE_DIAGNOSTICS]);
  for (const r of results) {
    if (session.options.fingerprints && r.findings.some((f) => !f.fingerprint)) addFingerprints(r.findings, r.path, await source(r.path));
    if (!r.directives) continue;
    const group = rulesFor(session, r.path);
    const active = (id: string): boolean =>
      // A shard (corpusRan false) did not run the cross-document rules: their directives are not unused there.
      group.rules.some((e) => e.rule.id === id && (corpusRan || !e.kind.corpus)) ||
      (id === 'meta-unknown-key' ? group.unknownKey !== null : SUPPRESSIBLE_DIAGNOSTICS.includes(id));
    const diagnostics = applyDirectives(r.findings, r.directives, { suppressible, reportUnused: session.options.reportUnusedDirectives, active });
    delete r.directives;
    if (diagnostics.length) {
      r.findings.push(...diagnostics);
      r.findings.sort(compareFindings);
    }
  }
}

/** How lint() runs besides the session: a shard of the file list, a cache. */
export interface RunOptions {
  /** --shard: check only this slice of the files; the cross-document rules are left to `hefa merge`. */
  shard?: Shard;
  /** --cache: the cache file or folder (--cache-location) and hefa's version, part of every key. */
  cache?: { location: string; version: string };
  /** hefa's version, recorded in a shard's fingerprints. */
  version?: string;
  /** --baseline as given: a shard records it for hefa merge. */
  baseline?: string;
  /** --jobs: at most this many worker threads for the per-file step (default 1: this thread only). */
  jobs?: number;
}

/**
 * Files to check per worker: a worker costs about as much to start (its modules, its session) as
 * checking 100 typical documents (docs/performance.md), so a run starts one worker per 100 files to
 * check (cache hits do not count), up to --jobs, and none when that comes to one: one worker is only
 * the main thread's work moved elsewhere. The shape of ESLint's `--concurrency` (50 files there).
 */
export const FILES_PER_WORKER = 100;

/** How many workers check `files` files with at most `jobs` (0: the main thread checks them). */
export function workerCount(files: number, jobs: number): number {
  const n = Math.min(jobs, Math.ceil(files / FILES_PER_WORKER));
  return n <= 1 ? 0 : n;
}

/**
 * One file's part of a run as the per-file step gives it, in this thread or in a worker (src/parallel/):
 * its result before the corpus phase and suppression, its corpus summary, the notices its rules gave and
 * the other files its text was read from (a YAML record's 正文文件, with their sha256, for the cache).
 */
export interface FileUnit {
  result: FileResult;
  corpus: CorpusSummary | null;
  notices: string[];
  deps: [string, string | null][];
  /** With `hash` asked for: the sha256 of the bytes the step read (null when it could not read them). */
  hash?: string | null;
}

/**
 * The per-file step of one file (read unless its bytes are given → model → rules → corpus summary);
 * `hash` adds the sha256 of the bytes read, so that a cached run stores the result under the content
 * the step saw, even if the file changed after the cache looked at it.
 */
export function checkFile(session: Session, file: string, rel: string, bytes?: BytesResult, hash = false): FileUnit {
  const read = bytes ?? readInputBytesSync(file, readOptions(session));
  const unit = checkBytes(session, rel, read);
  if (hash) unit.hash = read.ok ? sha256(read.bytes) : null;
  return unit;
}

function checkBytes(session: Session, rel: string, read: BytesResult): FileUnit {
  const deps: [string, string | null][] = [];
  const onRead = (dep: string, depBytes: Uint8Array | null): void => {
    deps.push([relative(session.cwd, dep).split('\\').join('/'), depBytes ? sha256(depBytes) : null]);
  };
  const outer = session.env.notices;
  const notices = new Set<string>();
  session.env.notices = notices;
  const corpus: CorpusSummary[] = [];
  try {
    const result = checkText(session, rel, read.ok ? decode(read.bytes, session.options.encoding ?? 'auto') : read, corpus, onRead);
    return { result, corpus: corpus[0] ?? null, notices: [...notices].sort(), deps };
  } finally {
    session.env.notices = outer;
  }
}

/**
 * Run `hefa check` over paths (files, directories, globs; '-' is standard input). `onProgress` is
 * called after each file is checked (the CLI draws a progress line from it on a terminal).
 */
export async function lint(
  paths: string[],
  session: Session,
  stdin?: { text: ReadResult; filename: string },
  onProgress?: (done: number, total: number) => void,
  run: RunOptions = {},
): Promise<LintResult> {
  const found = await discoverFiles(paths.filter((p) => p !== '-'), {
    cwd: session.cwd,
    ignore: session.config.ignore,
    ignoreBase: session.config.dir,
    cliIgnore: session.options.ignore ?? [],
  });
  const { shard } = run;
  const discovered = shard ? found.filter((f) => inShard(f.rel, shard)) : found;
  const cache = run.cache ? openRunCache(session, run.cache) : null;
  // With a cache, every file's key first (its hash from the stat index, or from its bytes)...
  const probes = cache ? discovered.map((f) => probeCache(session, cache, f.abs, f.rel)) : null;
  // ...then the record of the last run: its whole result, when every file and setting is the same.
  const recordable = cache !== null && !stdin && !shard;
  if (recordable && probes!.every((p) => p.key)) {
    const recorded = readRunRecord(session, cache, probes!);
    if (recorded) {
      onProgress?.(discovered.length, discovered.length);
      const problem = cache.store.save(session.cwd);
      if (problem) recorded.notices = [...recorded.notices, problem].sort();
      return recorded;
    }
  }
  // Per file, in the order discover() gave: a cache hit, or a task for this thread or the workers.
  const units: (FileUnit | undefined)[] = new Array(discovered.length);
  const tasks: (PoolTask & { key?: string; expected?: string })[] = [];
  let done = 0;
  discovered.forEach(({ abs: file, rel }, index) => {
    const probe = probes ? lookupCache(session, cache!, probes[index]!) : null;
    if (probe?.unit) {
      units[index] = probe.unit;
      onProgress?.(++done, discovered.length);
    } else {
      // The file is read again when it is checked (its bytes are not held meanwhile), and hashed again.
      tasks.push({ index, file, rel, ...(probe ? { key: probe.key, expected: probe.hash, hash: true } : {}) });
    }
  });
  const poolFailed = await checkFiles(session, tasks, run.jobs ?? 1, (task, unit) => {
    units[task.index] = unit;
    if (cache && task.key && unit.hash !== undefined) {
      // Stored under the content the check read (a file changed since it was probed gets a new key).
      const key = unit.hash === task.expected || unit.hash === null ? task.key : fileKey(session, cache, task.rel, unit.hash);
      probes![task.index]!.key = unit.hash === null ? undefined : key;
      // A result with an internal error is never stored.
      if (unit.hash !== null && !unit.result.findings.some((f) => f.ruleId === 'internal-error')) {
        cache.store.put(key, { path: task.rel, deps: unit.deps, result: unit.result, corpus: unit.corpus, notices: unit.notices });
      }
      delete unit.hash;
    }
    onProgress?.(++done, discovered.length);
  });
  const results: FileResult[] = [];
  const corpus: CorpusSummary[] = [];
  for (const unit of units as FileUnit[]) {
    results.push(unit.result);
    if (unit.corpus) corpus.push(unit.corpus);
    for (const n of unit.notices) session.env.notices.add(n);
  }
  if (stdin) results.push(await withMarkdownParser(() => checkText(session, stdin.filename, stdin.text, corpus)));
  let result: LintResult;
  if (!shard) {
    result = await completeRun(session, results, corpus, { stdin });
  } else {
    // A shard: its own files' findings, and what hefa merge needs for the rest (src/commands/merge.ts).
    const raw = results.map((r) => ({ path: r.path, findings: JSON.stringify(r.findings), directives: r.directives }));
    result = await completeRun(session, results, corpus, { corpus: false });
    result.shard = shardData(session, paths, shard, run, raw, corpus, result);
  }
  if (cache) {
    // The record of this run, unless some file was unreadable, had no entry stored or a worker failed.
    const storable = (units as FileUnit[]).every((u) => !u.result.findings.some((f) => f.ruleId === 'internal-error' || f.ruleId === 'read-error'));
    if (recordable && storable && !poolFailed && probes!.every((p) => p.key)) {
      const deps = new Map<string, string | null>();
      for (const unit of units as FileUnit[]) for (const [dep, hash] of unit.deps) deps.set(dep, hash);
      cache.store.putRun(runRecordKey(session, cache, probes!), JSON.stringify({ deps: [...deps], result }));
    }
    // A cache that cannot be written is this run's notice only (not one a shard passes on to hefa merge).
    const cacheProblem = cache.store.save(session.cwd);
    if (cacheProblem) result.notices = [...result.notices, cacheProblem].sort();
  }
  return result;
}

/**
 * The run-level phases over the per-file results of a whole set: the cross-document rules over every
 * file's corpus summary (rules.md §8), then fingerprints and inline directives (finishFiles), then
 * sorting. `hefa merge` calls this too, on the results and summaries of all shards, so that merged
 * shards give the unsharded report byte for byte: whatever is done to the results after the per-file
 * step belongs here. `corpus: false` (a shard) leaves out the cross-document rules.
 */
export async function completeRun(
  session: Session,
  results: FileResult[],
  corpus: CorpusSummary[],
  opts: { corpus?: boolean; stdin?: { text: ReadResult; filename: string } } = {},
): Promise<LintResult> {
  const corpusRan = opts.corpus !== false;
  // Cross-document rules, once every file is summarised (rules.md §8).
  if (corpusRan) addCorpusFindings(results, corpus, (p) => rulesFor(session, p).rules, session.env);
  await finishFiles(session, results, (p) => sourceOf(session, p, opts.stdin), corpusRan);
  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { asOf: session.asOf, files: results, notices: [...session.env.notices].sort() };
}

/** A checked file's text again (fingerprints of corpus findings), or null when it cannot be read. */
async function sourceOf(session: Session, path: string, stdin?: { text: ReadResult; filename: string }): Promise<string | null> {
  if (stdin && path === stdin.filename) return stdin.text.ok ? stdin.text.text : null;
  const bytes = readInputBytesSync(resolve(session.cwd, path), readOptions(session));
  const read = bytes.ok ? decode(bytes.bytes, session.options.encoding ?? 'auto') : bytes;
  return read.ok ? read.text : null;
}

/** The `shard` part of a shard's report: fingerprints, options, notices, and per file its summary, directives and unsuppressed findings. */
function shardData(
  session: Session,
  paths: string[],
  shard: Shard,
  run: RunOptions,
  raw: { path: string; findings: string; directives?: FileResult['directives'] }[],
  corpus: CorpusSummary[],
  result: LintResult,
): ShardData {
  const config = configDigest(session, run.version ?? '');
  const { only, disable, ignore, kind, encoding, reportUnusedDirectives } = session.options;
  const options = { rule: only ?? null, disable: disable ?? null, reportUnusedDirectives: Boolean(reportUnusedDirectives), baseline: run.baseline ?? null };
  const summaries = new Map(corpus.map((c) => [c.path, c]));
  return {
    index: shard.index,
    count: shard.count,
    run: sha256(canonical({ config, count: shard.count, paths, ignore: ignore ?? [], kind: kind ?? null, encoding: encoding ?? 'auto', options })),
    config,
    options,
    notices: result.notices,
    files: raw
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((r) => ({
        path: r.path,
        corpus: summaries.get(r.path) ?? null,
        ...(r.directives?.length ? { directives: r.directives } : {}),
        findings: JSON.parse(r.findings) as Finding[],
      })),
  };
}

interface RunCache {
  store: CacheStore;
  /** The per-run part of every key. */
  run: string;
  /** groupKey of each rule group. */
  groups: WeakMap<RuleGroup, string>;
}

function openRunCache(session: Session, opts: { location: string; version: string }): RunCache {
  return { store: CacheStore.open(cacheFile(opts.location, session.cwd), opts.version), run: runKey(session, opts.version), groups: new WeakMap() };
}

/**
 * The per-file step of `tasks`: on worker threads when there are enough files (workerCount), else
 * here. `onUnit` gets each task's unit once, in any order. Files a
 * failed pool did not give back are checked here, with a notice; the result says whether that happened.
 */
async function checkFiles<T extends PoolTask>(session: Session, tasks: T[], jobs: number, onUnit: (task: T, unit: FileUnit) => void): Promise<boolean> {
  const workers = workerCount(tasks.length, jobs);
  const got = new Set<number>();
  let failed = false;
  if (workers > 0) {
    const byIndex = new Map(tasks.map((t) => [t.index, t]));
    try {
      await runPool({ ...session.options, asOf: session.asOf }, tasks, workers, (index, unit) => {
        got.add(index);
        onUnit(byIndex.get(index)!, unit);
      });
      return false;
    } catch (e) {
      failed = true;
      session.env.notices.add(`工作线程出错（${(e as Error).message}）：其余文件已在主线程中检查`);
    }
  }
  for (const task of tasks) {
    if (got.has(task.index)) continue;
    onUnit(task, await withMarkdownParser(() => checkFile(session, task.file, task.rel, undefined, task.hash)));
  }
  return failed;
}

/** Run a per-file step; when its body needs remark-parse before it is loaded, load it and run the step again. */
async function withMarkdownParser<T>(step: () => T): Promise<T> {
  try {
    return step();
  } catch (e) {
    if (!(e instanceof MarkdownParserNotLoaded)) throw e;
    await loadMarkdownParser();
    return step();
  }
}

/**
 * How long before the hash was taken a file's ctime must be for its stat to stand for its content.
 * File timestamps tick coarsely (a few ms on Linux, 2 s on FAT): a file written again within the same
 * tick after it was read keeps its stat, so only files already older than this when read are trusted
 * (git's "racy clean" rule). A file edited just before a run is hashed again next time, then trusted.
 */
export const STAT_TRUST_MARGIN_MS = 2000;

/**
 * The sha256 of a file's bytes through the cache's stat index: when size, mtime, ctime and inode are
 * those recorded with a trusted hash, that hash without reading the file; otherwise the file is read
 * and its stat recorded. Null when it cannot be read.
 */
function statHash(session: Session, cache: RunCache, file: string, rel: string): { hash: string } | { hash: null; failure: BytesResult } {
  const max = session.config.maxFileSize;
  let st: Stats | undefined;
  try {
    st = statSync(file);
  } catch {
    // readInputBytesSync says why.
  }
  const known = st?.isFile() && st.size <= max ? cache.store.stat(rel) : null;
  const same = Boolean(st && known && known.size === st.size && known.mtimeMs === st.mtimeMs && known.ctimeMs === st.ctimeMs && known.ino === st.ino);
  if (same && known!.ctimeMs < known!.at - STAT_TRUST_MARGIN_MS) {
    cache.store.keepStat(rel);
    return { hash: known!.hash };
  }
  const at = Date.now();
  const bytes = readInputBytesSync(file, readOptions(session));
  if (!bytes.ok) return { hash: null, failure: bytes };
  const hash = sha256(bytes.bytes);
  if (same && known!.hash === hash && !(known!.ctimeMs < at - STAT_TRUST_MARGIN_MS)) {
    // Still too recent to trust: the record as it was (the cache file need not be rewritten for it).
    cache.store.keepStat(rel);
  } else if (st) {
    // The stat taken before reading: if the file changed in between, it no longer matches next time.
    cache.store.noteStat(rel, { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, hash, at });
  }
  return { hash };
}

/** A file's key in the cache, as far as its stat or its bytes give it (probeCache). */
interface CacheProbe {
  file: string;
  rel: string;
  /** The key; absent when the file could not be read (`failure` says why). */
  key?: string;
  /** The sha256 of its bytes, from the stat index or from reading them. */
  hash?: string;
  failure?: BytesResult;
}

/**
 * A file's cache key: its bytes' hash with its rule settings and the run's (src/cache/key.ts). The hash
 * comes from the stat index when the stat is trusted, else from the bytes (which are not kept: a run
 * over thousands of files would hold them all).
 */
function probeCache(session: Session, cache: RunCache, file: string, rel: string): CacheProbe {
  const h = statHash(session, cache, file, rel);
  if (h.hash === null) return { file, rel, failure: h.failure };
  return { file, rel, key: fileKey(session, cache, rel, h.hash), hash: h.hash };
}

function fileKey(session: Session, cache: RunCache, rel: string, hash: string): string {
  const group = rulesFor(session, rel);
  let gk = cache.groups.get(group);
  if (gk === undefined) cache.groups.set(group, (gk = groupKey(group.rules, group.kind, group.unknownKey)));
  return sha256(`${cache.run}\n${gk}\n${rel}\n${hash}`);
}

/**
 * A probed file through the cache: a hit gives the stored unit without building the model (nor, with a
 * trusted stat, reading the file); otherwise the key and the hash it was probed with, to check and
 * store. An unreadable file's unit (its read-error) is never stored.
 */
function lookupCache(session: Session, cache: RunCache, probe: CacheProbe): { unit: FileUnit; key?: undefined; hash?: undefined } | { unit?: undefined; key: string; hash: string } {
  const { file, rel, key, hash } = probe;
  if (key === undefined || hash === undefined) return { unit: checkFile(session, file, rel, probe.failure) };
  const hit = cache.store.get(key);
  if (hit && hit.path === rel && depsUnchanged(hit.deps, session, cache)) {
    cache.store.keep(key);
    return { unit: { result: hit.result, corpus: hit.corpus, notices: hit.notices, deps: hit.deps } };
  }
  // A miss: the file is checked, and the result stored under the content the check reads.
  return { key, hash };
}

/**
 * The key of a run record: the run's settings, --report-unused-directives (the one option that acts
 * only after the per-file step) and every file's path and key in order.
 */
function runRecordKey(session: Session, cache: RunCache, probes: CacheProbe[]): string {
  const head = `${cache.run}\n${session.options.reportUnusedDirectives ? 1 : 0}\n`;
  return sha256(head + probes.map((p) => `${p.rel}\t${p.key}`).join('\n'));
}

/**
 * The result of the last run when it was this run (same key) and the other files it read (正文文件)
 * are unchanged; every file's entry is then kept as it was. Null otherwise.
 */
function readRunRecord(session: Session, cache: RunCache, probes: CacheProbe[]): LintResult | null {
  const key = runRecordKey(session, cache, probes);
  const text = cache.store.run(key);
  if (text === null) return null;
  let record: { deps: [string, string | null][]; result: LintResult };
  try {
    record = JSON.parse(text) as typeof record;
    if (!Array.isArray(record?.deps) || !Array.isArray(record.result?.files) || !Array.isArray(record.result.notices)) return null;
  } catch {
    return null;
  }
  if (!depsUnchanged(record.deps, session, cache)) return null;
  for (const p of probes) cache.store.keep(p.key!);
  cache.store.keepRun(key);
  return record.result;
}

/** Whether the other files a cached result was read from (正文文件) still have the recorded hashes. */
function depsUnchanged(deps: [string, string | null][], session: Session, cache: RunCache): boolean {
  for (const [dep, hash] of deps) if (statHash(session, cache, resolve(session.cwd, dep), dep).hash !== hash) return false;
  return true;
}

export type { Severity };
