/**
 * The command line: commander → options → the library → a formatter → an exit code.
 * The only module that touches process, stdout, stderr and the TTY.
 *
 * Exit codes (product.md §3.1): 0 ran and nothing at or above --fail-on; 1 findings at or above
 * --fail-on, more warnings than --max-warnings, or an input that could not be read; 2 could not do
 * its job (usage, config, rule file, a path that matches nothing, an internal error).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { DocKind, LintResult, Severity } from './types.js';
import { DOC_KINDS } from './types.js';
import { parseDate } from './cn/dates.js';
import { formatProblems, type ConfigError } from './config/problems.js';
import type { Session } from './lint.js';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: NodeJS.ReadableStream;
  isTTY: boolean;
  /** Whether stderr is a terminal (progress lines are drawn only there); false when absent. */
  stderrIsTTY?: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** A usage problem detected after parsing (exit 2). */
class UsageError extends Error {}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The input and output options of every reporting command (check, audit, filing: reportOptions). */
interface ReportOpts {
  config?: string;
  asOf?: string;
  format: string;
  output?: string;
  ignore?: string[];
  kind?: string;
  color?: boolean;
  encoding?: 'auto' | 'utf8' | 'gb18030';
}

/** What check and audit add: rule selection, the cache and workers. */
interface RunOpts extends ReportOpts {
  rule?: string[];
  disable?: string[];
  cache?: boolean;
  cacheLocation?: string;
  jobs?: string;
}

interface CheckOpts extends RunOpts {
  failOn: Severity;
  maxWarnings?: string;
  quiet?: boolean;
  printConfig?: string;
  stdinFilename?: string;
  stdin?: boolean;
  baseline?: string;
  writeBaseline?: string;
  reportUnusedDirectives?: boolean;
  shard?: string;
}

function validAsOf(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const iso = parseDate(v);
  if (!iso) throw new UsageError(`--as-of 的日期“${v}”无效；应为 2026-11-29 或 2026年11月29日 等形式`);
  return iso;
}

/**
 * --jobs: a number caps the worker threads (1: everything in the main thread); `auto`, the default, is
 * half the available cores, as ESLint's `--concurrency auto` does: a core's second hardware thread adds
 * little to this CPU-bound work (on the 2-core benchmark machine two threads give 1.2 times one), and the
 * main thread still has results to take in. lint() starts workers only for runs large enough to repay
 * them (workerCount in src/lint.ts).
 */
async function validJobs(v: string | undefined): Promise<number> {
  if (v === undefined || v === 'auto') return Math.max(1, (await import('node:os')).availableParallelism() >> 1);
  const n = Number(v);
  if (!/^[0-9]+$/.test(v) || !Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs 的值“${v}”无效；应为 1 到 256 的整数或 auto`);
  return n;
}

function validKind(v: string | undefined): DocKind | undefined {
  if (v === undefined) return undefined;
  if (!DOC_KINDS.includes(v as DocKind)) throw new UsageError(`--kind 的值“${v}”无效；应为 ${DOC_KINDS.join('、')} 之一`);
  return v as DocKind;
}

function write(io: Io, output: string | undefined, text: string): void {
  if (!output) return io.stdout(text);
  try {
    writeFileSync(resolve(io.cwd, output), text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '所在目录不存在' : code === 'EACCES' ? '没有写入权限' : code === 'EISDIR' ? '这是一个目录' : (e as Error).message;
    throw new UsageError(`无法写入输出文件 ${output}：${why}`);
  }
}

function useColor(io: Io, opt: boolean | undefined): boolean {
  if (opt === false || io.env.NO_COLOR !== undefined) return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}

/** The session options check and audit take from the same flags. */
function sessionOptions(opts: RunOpts, io: Io): import('./lint.js').SessionOptions {
  return {
    cwd: io.cwd,
    configFile: opts.config,
    asOf: validAsOf(opts.asOf),
    only: opts.rule,
    disable: opts.disable,
    kind: validKind(opts.kind),
    ignore: opts.ignore,
    encoding: opts.encoding,
  };
}

async function runCheck(paths: string[], opts: CheckOpts, io: Io): Promise<number> {
  const { openSession, lint, readOptions } = await import('./lint.js');
  const session = openSession({
    ...sessionOptions(opts, io),
    reportUnusedDirectives: opts.reportUnusedDirectives,
    fingerprints: Boolean(opts.baseline || opts.writeBaseline),
  });
  if (opts.printConfig) {
    const { printableConfig } = await import('./config/index.js');
    const { relative } = await import('node:path');
    const rel = relative(session.config.dir, resolve(io.cwd, opts.printConfig)).split('\\').join('/');
    write(io, opts.output, JSON.stringify(printableConfig(session.config, rel, session.rules), null, 2) + '\n');
    return 0;
  }
  const maxWarnings = validMaxWarnings(opts.maxWarnings);
  // Baseline files are read before the run: a missing or broken one is exit 2 without checking anything.
  const baseline = await readBaselines(io, opts.baseline, opts.writeBaseline);
  if (opts.stdin && !paths.includes('-')) paths = [...paths, '-'];
  let stdin: { text: import('./input/read.js').ReadResult; filename: string } | undefined;
  if (paths.includes('-')) {
    const { readStdin } = await import('./input/read.js');
    stdin = { text: await readStdin(io.stdin, readOptions(session)), filename: opts.stdinFilename ?? '<stdin>' };
  }
  if (paths.length === 0) throw new UsageError('没有指定要检查的文件或目录；用法：hefa check <路径…>（“-”表示标准输入）');
  const result = await lint(paths, session, stdin, undefined, await runOptions(opts, stdin !== undefined));
  baselineStep(io, result, session, baseline, opts.rule, opts.disable);
  for (const n of result.notices) io.stderr(`提示：${n}\n`);
  if (result.shard) {
    const { index, count } = result.shard;
    io.stderr(`提示：这是第 ${index}/${count} 片，只含本片的 ${result.files.length} 个文件；跨文件规则（corpus-*）由 hefa merge 合并各片的 JSON 报告时运行\n`);
  }
  return report(io, result, session, opts, maxWarnings);
}

function validMaxWarnings(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings 的值“${v}”无效；应为非负整数`);
  return n;
}

type BaselineModule = typeof import('./suppress/baseline.js');

/** --baseline and --write-baseline, read before the run (check) or the merge. */
interface Baselines {
  module: BaselineModule;
  known?: ReturnType<BaselineModule['readBaseline']>;
  previous?: ReturnType<BaselineModule['readBaseline']>;
  writeTo?: string;
}

async function readBaselines(io: Io, baseline: string | undefined, writeBaseline: string | undefined): Promise<Baselines | null> {
  if (!baseline && !writeBaseline) return null;
  const module = await import('./suppress/baseline.js');
  return {
    module,
    known: baseline ? module.readBaseline(resolve(io.cwd, baseline), baseline) : undefined,
    previous: writeBaseline ? module.readBaseline(resolve(io.cwd, writeBaseline), writeBaseline, true) : undefined,
    writeTo: writeBaseline,
  };
}

/** The baseline step after the run or the merge: known findings suppressed, the new baseline written. */
function baselineStep(io: Io, result: LintResult, session: Session, b: Baselines | null, only: string[] | undefined, disable: string[] | undefined): void {
  if (!b) return;
  const ruleIds = new Set(session.rules.map((r) => r.id));
  const ruleRan = (id: string): boolean => (!only?.length || only.includes(id) || !ruleIds.has(id)) && !disable?.includes(id);
  const step = b.module.baselineStep(result, { known: b.known, previous: b.previous, ruleRan });
  result.notices.push(...step.notices);
  if (step.text !== null) {
    write(io, b.writeTo, step.text);
    result.notices.push(`已写入基线 ${b.writeTo}（${step.entries} 条）`);
  }
}

/** The report of check and merge (--quiet shows errors only) and its exit code. */
async function report(io: Io, result: LintResult, session: Session, opts: MergeOpts, maxWarnings: number | undefined): Promise<number> {
  const shown: LintResult = opts.quiet
    ? { ...result, files: result.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') })) }
    : result;
  write(io, opts.output, await renderCheck(shown, opts, io, session));
  return exitCode(result, opts.failOn, maxWarnings);
}

/** --shard, --cache, --cache-location (implies --cache) as lint()'s run options. */
async function runOptions(opts: CheckOpts, stdin: boolean): Promise<import('./lint.js').RunOptions> {
  const run: import('./lint.js').RunOptions = { version: VERSION, baseline: opts.baseline, jobs: await validJobs(opts.jobs) };
  if (opts.shard !== undefined) {
    const { parseShard } = await import('./input/shard.js');
    const shard = parseShard(opts.shard);
    if (!shard) throw new UsageError(`--shard 的值“${opts.shard}”无效；应为 i/n（1 ≤ i ≤ n），如 2/4 表示 4 片中的第 2 片`);
    if (stdin) throw new UsageError('--shard 不能与标准输入（“-”、--stdin）同时使用：分片只划分文件和目录');
    if (opts.writeBaseline) throw new UsageError('--write-baseline 不能与 --shard 同时使用：每片只有一部分文件；请在 hefa merge 时写基线');
    run.shard = shard;
  }
  run.cache = await cacheOption(opts);
  return run;
}

/** --cache, --cache-location (implies --cache) as lint()'s cache option. */
async function cacheOption(opts: RunOpts): Promise<import('./lint.js').RunOptions['cache']> {
  if (!opts.cache && opts.cacheLocation === undefined) return undefined;
  const { DEFAULT_CACHE_LOCATION } = await import('./cache/store.js');
  return { location: opts.cacheLocation ?? DEFAULT_CACHE_LOCATION, version: VERSION };
}

type MergeOpts = Pick<CheckOpts, 'config' | 'format' | 'output' | 'failOn' | 'maxWarnings' | 'quiet' | 'color' | 'baseline' | 'writeBaseline'>;

/**
 * `hefa merge`: the JSON reports of a sharded run into the unsharded report (src/commands/merge.ts),
 * in any check format, with check's exit codes. Runs the cross-document rules, directives and the
 * baseline (the shards' --baseline unless given here) with the config of the current directory.
 */
async function runMerge(files: string[], opts: MergeOpts, io: Io): Promise<number> {
  const { openSession } = await import('./lint.js');
  const { readShardReports, checkMergeConfig, mergeShards } = await import('./commands/merge.js');
  const maxWarnings = validMaxWarnings(opts.maxWarnings);
  const reports = readShardReports(files, io.cwd, VERSION);
  const o = reports[0]!.shard.options;
  const baseline = opts.baseline ?? o.baseline ?? undefined;
  const session = openSession({
    cwd: io.cwd,
    configFile: opts.config,
    asOf: reports[0]!.asOf,
    only: o.rule ?? undefined,
    disable: o.disable ?? undefined,
    reportUnusedDirectives: o.reportUnusedDirectives,
    fingerprints: Boolean(baseline || opts.writeBaseline),
  });
  checkMergeConfig(reports, session, VERSION);
  // The baseline step of runCheck, with the shards' --rule/--disable.
  const baselines = await readBaselines(io, baseline, opts.writeBaseline);
  const result = await mergeShards(reports, session);
  baselineStep(io, result, session, baselines, o.rule ?? undefined, o.disable ?? undefined);
  for (const n of result.notices) io.stderr(`提示：${n}\n`);
  return report(io, result, session, opts, maxWarnings);
}

/** The formats of `hefa check` (product.md §4.1); each formatter is imported only when chosen. */
const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown'];

async function renderCheck(shown: LintResult, opts: CheckOpts, io: Io, session: import('./lint.js').Session): Promise<string> {
  switch (opts.format) {
    case 'json':
      return (await import('./format/json.js')).formatJson(shown, VERSION);
    case 'sarif': {
      const { formatSarif } = await import('./format/sarif.js');
      const { presetsOf } = await import('./commands/rules.js');
      const { BUILTIN_RULES_DIR } = await import('./rules/load.js');
      const presets = presetsOf(session.rules);
      const builtinDir = resolve(BUILTIN_RULES_DIR) + sep;
      const rules = session.rules.map((rule) => ({
        rule,
        presets: presets.get(rule.id) ?? [],
        builtin: resolve(io.cwd, rule.file).startsWith(builtinDir),
      }));
      return formatSarif(shown, { version: VERSION, rules });
    }
    case 'junit':
      return (await import('./format/junit.js')).formatJunit(shown, { failOn: opts.failOn });
    case 'github':
      return (await import('./format/github.js')).formatGithub(shown);
    case 'markdown':
      return (await import('./format/markdown.js')).formatMarkdown(shown);
    default:
      return (await import('./format/stylish.js')).formatStylish(shown, { color: opts.output ? false : useColor(io, opts.color) });
  }
}

/** The exit code of a check run (product.md §3.1). */
export function exitCode(result: LintResult, failOn: Severity, maxWarnings?: number): number {
  let warnings = 0;
  let fail = false;
  for (const file of result.files) {
    for (const f of file.findings) {
      if (f.suppressed) continue;
      if (f.ruleId === 'read-error') fail = true;
      if (SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]) fail = true;
      if (f.severity === 'warning') warnings++;
    }
  }
  if (maxWarnings !== undefined && warnings > maxWarnings) fail = true;
  if (result.files.some((file) => file.findings.some((f) => f.ruleId === 'internal-error'))) return 2;
  return fail ? 1 : 0;
}

interface FilingOpts extends ReportOpts {
  failOn?: Severity;
  quiet?: boolean;
  stdinFilename?: string;
}

/** `hefa filing`: the filing ledger (product.md §4.3); reports and exits 0 unless an input is unreadable or --fail-on is met. */
async function runFiling(paths: string[], opts: FilingOpts, io: Io): Promise<number> {
  const { openSession } = await import('./lint.js');
  const { filingReport, filingExitCode, quietReport } = await import('./commands/filing.js');
  const session = openSession({ cwd: io.cwd, configFile: opts.config, asOf: validAsOf(opts.asOf), kind: validKind(opts.kind), ignore: opts.ignore, encoding: opts.encoding });
  let stdin: { text: import('./input/read.js').ReadResult; filename: string } | undefined;
  if (paths.includes('-')) {
    const { readStdin } = await import('./input/read.js');
    stdin = { text: await readStdin(io.stdin), filename: opts.stdinFilename ?? '<stdin>' };
  }
  if (paths.length === 0) throw new UsageError('没有指定要列出备案义务的文件或目录；用法：hefa filing <路径…>（“-”表示标准输入）');
  const report = await filingReport(paths, session, stdin);
  for (const n of report.notices) io.stderr(`提示：${n}\n`);
  for (const e of report.readErrors) io.stderr(`hefa: 无法读取 ${e.path}：${e.message}\n`);
  for (const e of report.internalErrors) io.stderr(`hefa: 内部错误（${e.path}）：${e.message}\n请把这条消息和输入文件报告给 hefa 的维护者。\n`);
  const shown = opts.quiet ? quietReport(report) : report;
  let text: string;
  if (opts.format === 'json') text = (await import('./format/filing-json.js')).formatFilingJson(shown);
  else if (opts.format === 'csv') text = (await import('./format/filing-csv.js')).formatFilingCsv(shown);
  else if (opts.format === 'ics') text = (await import('./format/filing-ics.js')).formatFilingIcs(shown, VERSION);
  else text = (await import('./format/filing-table.js')).formatFilingTable(shown, { color: opts.output ? false : useColor(io, opts.color) });
  write(io, opts.output, text);
  return filingExitCode(report, opts.failOn);
}

interface AuditOpts extends RunOpts {
  failOn?: Severity;
  progress?: boolean;
}

/** `hefa audit`: the cleanup audit (product.md §4.2); reports and exits 0 unless an input is unreadable or --fail-on is met. */
async function runAudit(paths: string[], opts: AuditOpts, io: Io): Promise<number> {
  const { openSession, lint } = await import('./lint.js');
  const { auditResult, renderAudit, auditExitCode, createProgress } = await import('./commands/audit.js');
  const session = openSession(sessionOptions(opts, io));
  if (paths.length === 0) throw new UsageError('没有指定要清理审查的文件或目录；用法：hefa audit <路径…>');
  const run = { version: VERSION, jobs: await validJobs(opts.jobs), cache: await cacheOption(opts) };
  const progress = opts.progress !== false && io.stderrIsTTY ? createProgress(io.stderr) : undefined;
  let result: LintResult;
  try {
    result = await lint(paths, session, undefined, progress && ((done, total) => progress.update(done, total)), run);
  } finally {
    progress?.end();
  }
  for (const n of result.notices) io.stderr(`提示：${n}\n`);
  for (const file of result.files) {
    for (const f of file.findings) if (f.ruleId === 'read-error') io.stderr(`hefa: 无法读取 ${file.path}：${f.message}\n`);
  }
  const report = auditResult(result, session);
  const text = await renderAudit(report, opts.format as 'table' | 'json' | 'csv' | 'html', {
    color: opts.output ? false : useColor(io, opts.color),
    version: VERSION,
    jurisdiction: session.config.jurisdiction?.name ?? null,
  });
  write(io, opts.output, text);
  return auditExitCode(result, opts.failOn);
}

async function runRulesCommand(id: string | undefined, opts: { format: string; config?: string }, io: Io): Promise<number> {
  const { openSession } = await import('./lint.js');
  const { listRules, explainRule } = await import('./commands/rules.js');
  const session = openSession({ cwd: io.cwd, configFile: opts.config });
  if (id) {
    const rule = session.rules.find((r) => r.id === id);
    if (!rule) throw new UsageError(`未知的规则“${id}”；可用 hefa rules 查看全部规则`);
    io.stdout(explainRule(rule, session, opts.format === 'json'));
  } else {
    io.stdout(listRules(session, opts.format === 'json'));
  }
  return 0;
}

async function runInit(opts: { force?: boolean }, io: Io): Promise<number> {
  const { initFiles } = await import('./commands/init.js');
  const files = initFiles();
  const existing = files.filter((f) => existsSync(resolve(io.cwd, f.path)));
  if (existing.length && !opts.force) {
    throw new UsageError(`${existing.map((f) => f.path).join('、')} 已存在；不覆盖已有文件（可加 --force）`);
  }
  for (const f of files) {
    writeFileSync(resolve(io.cwd, f.path), f.content);
    io.stdout(`已写入 ${f.path}\n`);
  }
  io.stdout('下一步：hefa check 示例草案.md\n');
  return 0;
}

const CACHE_HELP = '缓存每个文件的检查结果，未改动的文件不再重新分析（按内容哈希、hefa 版本和配置）';
const CACHE_LOCATION_HELP = '缓存文件或目录（默认：当前目录下的 .hefacache；隐含 --cache）';
const JOBS_HELP = '最多用 n 个工作线程检查文件（默认 auto：可用 CPU 核数的一半；每 100 个待检查文件一个线程，不足 2 个时只用主线程；结果与 n 无关）';

function checkOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', '配置文件（默认：从当前目录向上查找 hefa.config.yaml、.hefarc.yaml、.hefarc.yml）')
    .option('--as-of <date>', '判断到期和期限的基准日期（默认：今天，北京时间）')
    .addOption(new Option('-f, --format <name>', '输出格式').choices(CHECK_FORMATS).default('stylish'))
    .option('-o, --output <file>', '把报告写入文件而不是标准输出')
    .option('--rule <id...>', '只运行这些规则')
    .option('--disable <id...>', '关闭这些规则')
    .option('--ignore <glob...>', '额外的忽略模式（相对当前目录）')
    .option('--kind <类型>', `强制所有输入的文件类型（${DOC_KINDS.join('、')}）`)
    .addOption(new Option('--fail-on <severity>', '达到该级别的问题使退出码为 1').choices(['error', 'warning', 'info']).default('error'))
    .option('--max-warnings <n>', '警告数超过 n 时退出码为 1')
    .option('--quiet', '只报告错误')
    .option('--no-color', '不使用颜色')
    .option('--print-config <file>', '显示该文件适用的最终配置（JSON）后退出')
    .option('--stdin', '从标准输入读取一个文档（同路径“-”）')
    .option('--stdin-filename <name>', '从标准输入（路径“-”）读取时使用的文件名')
    .option('--baseline <file>', '基线文件：其中已有的问题标为已抑制，只报告新问题')
    .option('--write-baseline <file>', '把当前的全部问题写入基线文件（已有的基线中未检查的文件和规则保留）')
    .option('--report-unused-directives', '报告没有抑制任何问题的行内指令（directive-unused）')
    .option('--shard <i/n>', '只检查文件列表 n 片中的第 i 片（按路径的哈希确定地划分；跨文件规则由 hefa merge 合并时运行）')
    .option('--cache', CACHE_HELP)
    .option('--cache-location <path>', CACHE_LOCATION_HELP)
    .option('--jobs <n>', JOBS_HELP)
    .addOption(new Option('--encoding <name>', '输入文件的编码（auto：UTF-8，否则按 GB18030 识别；带 BOM 的文件以 BOM 为准）').choices(['auto', 'utf8', 'gb18030']).default('auto'));
}

/** The input and output options audit and filing share (check has its own list in checkOptions). */
function reportOptions(cmd: Command, formats: string[], asOfHelp: string): Command {
  return cmd
    .option('-c, --config <file>', '配置文件（默认：从当前目录向上查找 hefa.config.yaml、.hefarc.yaml、.hefarc.yml）')
    .option('--as-of <date>', asOfHelp)
    .addOption(new Option('-f, --format <name>', '输出格式').choices(formats).default('table'))
    .option('-o, --output <file>', '把报告写入文件而不是标准输出')
    .option('--ignore <glob...>', '额外的忽略模式（相对当前目录）')
    .option('--kind <类型>', `强制所有输入的文件类型（${DOC_KINDS.join('、')}）`)
    .option('--no-color', '不使用颜色')
    .addOption(new Option('--encoding <name>', '输入文件的编码（auto：UTF-8，否则按 GB18030 识别；带 BOM 的文件以 BOM 为准）').choices(['auto', 'utf8', 'gb18030']).default('auto'));
}

/** Run the CLI; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let code = 0;
  const program = new Command('hefa')
    .description('合法（hefa）：行政规范性文件与重大行政决策合法性审查工具。只提示可能的问题，不能证明文件合法。')
    .version(VERSION, '-v, --version', '显示版本')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  checkOptions(
    program
      .command('check [paths...]', { isDefault: true })
      .description('合法性审查（默认命令：hefa 草案.md 等于 hefa check 草案.md）'),
  ).action(async (paths: string[], opts: CheckOpts) => {
    code = await runCheck(paths, opts, io);
  });

  program
    .command('merge <reports...>')
    .description('合并 hefa check --shard i/n --format json 写出的各片报告，得到与不分片运行相同的报告（应在同一目录、以同一配置运行）')
    .option('-c, --config <file>', '配置文件（应与运行分片时相同；默认：从当前目录向上查找）')
    .addOption(new Option('-f, --format <name>', '输出格式').choices(CHECK_FORMATS).default('stylish'))
    .option('-o, --output <file>', '把报告写入文件而不是标准输出')
    .addOption(new Option('--fail-on <severity>', '达到该级别的问题使退出码为 1').choices(['error', 'warning', 'info']).default('error'))
    .option('--max-warnings <n>', '警告数超过 n 时退出码为 1')
    .option('--quiet', '只报告错误')
    .option('--no-color', '不使用颜色')
    .option('--baseline <file>', '基线文件（默认：分片运行时的 --baseline）')
    .option('--write-baseline <file>', '把合并后的全部问题写入基线文件')
    .action(async (reports: string[], opts: MergeOpts) => {
      code = await runMerge(reports, opts, io);
    });

  reportOptions(program.command('filing [paths...]'), ['table', 'json', 'csv', 'ics'], '判断期限的基准日期（默认：今天，北京时间）')
    .description('备案义务与期限：每件已公布的行政规范性文件向谁备案、何时到期、是否已按期备案')
    .addOption(new Option('--fail-on <severity>', '有该级别的备案问题时退出码为 1（error：未备案已逾期；warning：另加逾期备案；info：另加未备案未到期）').choices(['error', 'warning', 'info']))
    .option('--quiet', '只列出需要处理的行（未备案已逾期、未备案未到期、备案未记录）')
    .option('--stdin-filename <name>', '从标准输入（路径“-”）读取时使用的文件名')
    .action(async (paths: string[], opts: FilingOpts) => {
      code = await runFiling(paths, opts, io);
    });

  reportOptions(program.command('audit [paths...]'), ['table', 'json', 'csv', 'html'], '判断到期的基准日期（默认：今天，北京时间）')
    .description('清理审查：按基准日期把一批文件分为有效、即将到期、已到期、已废止、未定有效期，并提出清理建议')
    .option('--rule <id...>', '只运行这些规则')
    .option('--disable <id...>', '关闭这些规则')
    .addOption(new Option('--fail-on <severity>', '有该级别的问题时退出码为 1（默认只在文件无法读取时为 1）').choices(['error', 'warning', 'info']))
    .option('--no-progress', '不在终端显示进度')
    .option('--cache', CACHE_HELP)
    .option('--cache-location <path>', CACHE_LOCATION_HELP)
    .option('--jobs <n>', JOBS_HELP)
    .action(async (paths: string[], opts: AuditOpts) => {
      code = await runAudit(paths, opts, io);
    });

  program
    .command('rules [id]')
    .description('列出全部规则，或说明一条规则：依据、选项、示例')
    .addOption(new Option('-f, --format <name>', '输出格式').choices(['text', 'json']).default('text'))
    .option('-c, --config <file>', '配置文件（用于加载本地规则目录）')
    .action(async (id: string | undefined, opts: { format: string; config?: string }) => {
      code = await runRulesCommand(id, opts, io);
    });

  program
    .command('init')
    .description('写入带注释的 hefa.config.yaml 和一份示例草案')
    .option('--force', '覆盖已有文件')
    .action(async (opts: { force?: boolean }) => {
      code = await runInit(opts, io);
    });

  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  try {
    await program.parseAsync(argv, { from: 'node' });
    return code;
  } catch (e) {
    return handleError(e, io);
  }
}

function handleError(e: unknown, io: Io): number {
  if (e instanceof CommanderError) {
    // Help and version are successful exits; everything else commander rejects is bad usage.
    return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
  }
  const err = e as Error;
  if (err instanceof UsageError || err?.name === 'UsageError') {
    io.stderr(`hefa: ${err.message}\n`);
    return 2;
  }
  if (err?.name === 'ConfigError' || err?.name === 'RuleLoadError' || err?.name === 'LawTableError' || err?.name === 'PathError' || err?.name === 'BaselineError') {
    const title =
      err.name === 'ConfigError' ? '配置有误' : err.name === 'RuleLoadError' ? '规则文件有误' : err.name === 'LawTableError' ? '法律状态表有误' : err.name === 'BaselineError' ? '基线文件有误' : '路径有误';
    // Config problems carry absolute paths; show them relative to cwd like every other path.
    const text = err.name === 'ConfigError' ? formatProblems((err as ConfigError).problems, io.cwd) : err.message;
    io.stderr(`hefa: ${title}：\n${text}\n`);
    return 2;
  }
  io.stderr(`hefa: 内部错误：${err?.message ?? String(e)}\n请把这条消息和输入文件报告给 hefa 的维护者。\n`);
  if (io.env.HEFA_DEBUG) io.stderr(`${err?.stack ?? ''}\n`);
  return 2;
}
