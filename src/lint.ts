/**
 * The check pipeline: config → rules → discover → per file (read → model → rules) → sorted result.
 * Returns data and prints nothing; the CLI decides what to show.
 */
import { relative, resolve } from 'node:path';
import type { CorpusSummary, DocKind, Finding, FileResult, LintResult, Rule, Severity, ShardData } from './types.js';
import { loadConfigCollecting, findConfigFile, validateRuleSettings, settingsForFile, overrideMatches, ConfigError } from './config/index.js';
import type { ResolvedConfig } from './config/index.js';
import { loadRules, BUILTIN_RULES_DIR } from './rules/load.js';
import { validateOptions } from './rules/options.js';
import { CHECK_KINDS } from './checks/index.js';
import { prepareRules, runRules, compareFindings, type EnabledRule, type RunEnv } from './rules/runner.js';
import { discover } from './input/discover.js';
import { decode, readInput, readInputBytes, type ReadOptions, type ReadResult } from './input/read.js';
import { inShard, type Shard } from './input/shard.js';
import { CacheStore, cacheFile } from './cache/store.js';
import { configDigest, groupKey, runKey, sha256, canonical } from './cache/key.js';
import type { EncodingOption } from './input/encoding.js';
import { buildDocument, summarizeDocument } from './document/build.js';
import { diagnostic } from './document/diagnostics.js';
import { createCalendar } from './cn/calendar.js';
import { isoToday } from './cn/periods.js';
import { DOC_POS } from './document/positions.js';
import { suggestionHint } from './config/suggest.js';
import { loadLawTable } from './laws/table.js';
import { addCorpusFindings, summarizeForCorpus } from './corpus/index.js';
import { applyDirectives, parseDirectives, SUPPRESSIBLE_DIAGNOSTICS } from './suppress/directives.js';
import { addFingerprints } from './suppress/baseline.js';

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

/** How a session reads its inputs (--encoding, config maxFileSize): pass to readInput/readStdin. */
export function readOptions(session: Session): ReadOptions {
  return { encoding: session.options.encoding ?? 'auto', maxFileSize: session.config.maxFileSize };
}

/** Enabled rules for one file (config + overrides + --rule/--disable), shared by files alike. */
function rulesFor(session: Session, relPath: string): RuleGroup {
  const { config } = session;
  const rel = relative(config.dir, resolve(session.cwd, relPath)).split('\\').join('/');
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
  const found = await discover(paths.filter((p) => p !== '-'), {
    cwd: session.cwd,
    ignore: session.config.ignore,
    ignoreBase: session.config.dir,
    cliIgnore: session.options.ignore ?? [],
  });
  const relOf = (file: string): string => relative(session.cwd, file).split('\\').join('/');
  const { shard } = run;
  const files = shard ? found.filter((f) => inShard(relOf(f), shard)) : found;
  const cache = run.cache ? openRunCache(session, run.cache) : null;
  const results: FileResult[] = [];
  const corpus: CorpusSummary[] = [];
  for (const file of files) {
    const rel = relOf(file);
    results.push(cache ? await checkCached(session, cache, file, rel, corpus) : checkText(session, rel, await readInput(file, readOptions(session)), corpus));
    onProgress?.(results.length, files.length);
  }
  // A cache that cannot be written is this run's notice only (not one a shard passes on to hefa merge).
  const cacheProblem = cache?.store.save(session.cwd) ?? null;
  if (stdin) results.push(checkText(session, stdin.filename, stdin.text, corpus));
  let result: LintResult;
  if (!shard) {
    result = await completeRun(session, results, corpus, { stdin });
  } else {
    // A shard: its own files' findings, and what hefa merge needs for the rest (src/commands/merge.ts).
    const raw = results.map((r) => ({ path: r.path, findings: JSON.stringify(r.findings), directives: r.directives }));
    result = await completeRun(session, results, corpus, { corpus: false });
    result.shard = shardData(session, paths, shard, run, raw, corpus, result);
  }
  if (cacheProblem) result.notices = [...result.notices, cacheProblem].sort();
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
  const read = stdin && path === stdin.filename ? stdin.text : await readInput(resolve(session.cwd, path), readOptions(session));
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

/** The sha256 of a file's bytes, or null when it cannot be read. */
async function hashOf(file: string, session: Session): Promise<string | null> {
  const r = await readInputBytes(file, readOptions(session));
  return r.ok ? sha256(r.bytes) : null;
}

/**
 * Check one file through the cache: the key is its bytes' hash with its rule settings and the run's
 * (src/cache/key.ts); a hit gives the stored per-file result and summary without building the model.
 * A result with an internal error is never stored.
 */
async function checkCached(session: Session, cache: RunCache, file: string, rel: string, corpus: CorpusSummary[]): Promise<FileResult> {
  const bytes = await readInputBytes(file, readOptions(session));
  if (!bytes.ok) return checkText(session, rel, bytes, corpus);
  const group = rulesFor(session, rel);
  let gk = cache.groups.get(group);
  if (gk === undefined) cache.groups.set(group, (gk = groupKey(group.rules, group.kind, group.unknownKey)));
  const key = sha256(`${cache.run}\n${gk}\n${rel}\n${sha256(bytes.bytes)}`);
  const hit = cache.store.get(key);
  if (hit && hit.path === rel && (await depsUnchanged(hit.deps, session))) {
    cache.store.keep(key);
    if (hit.corpus) corpus.push(hit.corpus);
    for (const n of hit.notices) session.env.notices.add(n);
    return hit.result;
  }
  // A miss: check it, noting the other files it reads and the notices its rules give.
  const deps: [string, string | null][] = [];
  const onRead = (dep: string, depBytes: Uint8Array | null): void => {
    deps.push([relative(session.cwd, dep).split('\\').join('/'), depBytes ? sha256(depBytes) : null]);
  };
  const outer = session.env.notices;
  const notices = new Set<string>();
  session.env.notices = notices;
  const before = corpus.length;
  let result: FileResult;
  try {
    result = checkText(session, rel, decode(bytes.bytes, session.options.encoding ?? 'auto'), corpus, onRead);
  } finally {
    session.env.notices = outer;
    for (const n of notices) outer.add(n);
  }
  if (!result.findings.some((f) => f.ruleId === 'internal-error')) {
    cache.store.put(key, { path: rel, deps, result, corpus: corpus.length > before ? corpus[corpus.length - 1]! : null, notices: [...notices].sort() });
  }
  return result;
}

async function depsUnchanged(deps: [string, string | null][], session: Session): Promise<boolean> {
  for (const [dep, hash] of deps) if ((await hashOf(resolve(session.cwd, dep), session)) !== hash) return false;
  return true;
}

export type { Severity };
