/**
 * The check pipeline: config → rules → discover → per file (read → model → rules) → sorted result.
 * Returns data and prints nothing; the CLI decides what to show.
 */
import { relative, resolve } from 'node:path';
import type { CorpusSummary, DocKind, Finding, FileResult, LintResult, Rule, Severity } from './types.js';
import { loadConfigCollecting, findConfigFile, validateRuleSettings, settingsForFile, overrideMatches, ConfigError } from './config/index.js';
import type { ResolvedConfig } from './config/index.js';
import { loadRules, BUILTIN_RULES_DIR } from './rules/load.js';
import { validateOptions } from './rules/options.js';
import { CHECK_KINDS } from './checks/index.js';
import { prepareRules, runRules, compareFindings, type EnabledRule, type RunEnv } from './rules/runner.js';
import { discover } from './input/discover.js';
import { readInput, type ReadOptions, type ReadResult } from './input/read.js';
import type { EncodingOption } from './input/encoding.js';
import { buildDocument, summarizeDocument } from './document/build.js';
import { diagnostic } from './document/diagnostics.js';
import { createCalendar } from './cn/calendar.js';
import { isoToday } from './cn/periods.js';
import { DOC_POS } from './document/positions.js';
import { suggestionHint } from './config/suggest.js';
import { loadLawTable } from './laws/table.js';
import { addCorpusFindings, summarizeForCorpus } from './corpus/index.js';

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
export function checkText(session: Session, path: string, read: ReadResult, corpus?: CorpusSummary[]): FileResult {
  try {
    return checkTextUnguarded(session, path, read, corpus);
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

function checkTextUnguarded(session: Session, path: string, read: ReadResult, corpus?: CorpusSummary[]): FileResult {
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
    read: readOptions(session),
  });
  const diagnostics = doc.diagnostics.flatMap((d) =>
    d.ruleId !== 'meta-unknown-key' ? [d] : group.unknownKey ? [{ ...d, severity: group.unknownKey }] : [],
  );
  const findings: Finding[] = [...diagnostics, ...runRules(doc, group.rules, session.env)];
  findings.sort(compareFindings);
  corpus?.push(summarizeForCorpus(doc, session.rules));
  return { path: relPath, document: summarizeDocument(doc), findings };
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
): Promise<LintResult> {
  const files = await discover(paths.filter((p) => p !== '-'), {
    cwd: session.cwd,
    ignore: session.config.ignore,
    ignoreBase: session.config.dir,
    cliIgnore: session.options.ignore ?? [],
  });
  const results: FileResult[] = [];
  const corpus: CorpusSummary[] = [];
  for (const file of files) {
    const rel = relative(session.cwd, file).split('\\').join('/');
    results.push(checkText(session, rel, await readInput(file, readOptions(session)), corpus));
    onProgress?.(results.length, files.length);
  }
  if (stdin) results.push(checkText(session, stdin.filename, stdin.text, corpus));
  // Cross-document rules, once every file is summarised (rules.md §8).
  addCorpusFindings(results, corpus, (p) => rulesFor(session, p).rules, session.env);
  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { asOf: session.asOf, files: results, notices: [...session.env.notices].sort() };
}

export type { Severity };
