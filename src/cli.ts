/**
 * The command line: commander → options → the library → a formatter → an exit code.
 * The only module that touches process, stdout, stderr and the TTY.
 *
 * Exit codes (product.md §3.1): 0 ran and nothing at or above --fail-on; 1 findings at or above
 * --fail-on, more warnings than --max-warnings, or an input that could not be read; 2 could not do
 * its job (usage, config, rule file, a path that matches nothing, an internal error).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { DocKind, LintResult, Severity } from './types.js';
import { DOC_KINDS } from './types.js';
import { parseDate } from './cn/dates.js';
import { formatProblems, type ConfigError } from './config/problems.js';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: NodeJS.ReadableStream;
  isTTY: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** A usage problem detected after parsing (exit 2). */
class UsageError extends Error {}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

interface CheckOpts {
  config?: string;
  asOf?: string;
  format: string;
  output?: string;
  rule?: string[];
  disable?: string[];
  ignore?: string[];
  kind?: string;
  failOn: Severity;
  maxWarnings?: string;
  quiet?: boolean;
  color?: boolean;
  printConfig?: string;
  stdinFilename?: string;
  stdin?: boolean;
}

function validAsOf(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const iso = parseDate(v);
  if (!iso) throw new UsageError(`--as-of 的日期“${v}”无效；应为 2026-11-29 或 2026年11月29日 等形式`);
  return iso;
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

async function runCheck(paths: string[], opts: CheckOpts, io: Io): Promise<number> {
  const { openSession, lint } = await import('./lint.js');
  const session = openSession({
    cwd: io.cwd,
    configFile: opts.config,
    asOf: validAsOf(opts.asOf),
    only: opts.rule,
    disable: opts.disable,
    kind: validKind(opts.kind),
    ignore: opts.ignore,
  });
  if (opts.printConfig) {
    const { printableConfig } = await import('./config/index.js');
    const { relative } = await import('node:path');
    const rel = relative(session.config.dir, resolve(io.cwd, opts.printConfig)).split('\\').join('/');
    write(io, opts.output, JSON.stringify(printableConfig(session.config, rel, session.rules), null, 2) + '\n');
    return 0;
  }
  let maxWarnings: number | undefined;
  if (opts.maxWarnings !== undefined) {
    maxWarnings = Number(opts.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings 的值“${opts.maxWarnings}”无效；应为非负整数`);
  }
  if (opts.stdin && !paths.includes('-')) paths = [...paths, '-'];
  let stdin: { text: import('./input/read.js').ReadResult; filename: string } | undefined;
  if (paths.includes('-')) {
    const { readStdin } = await import('./input/read.js');
    stdin = { text: await readStdin(io.stdin), filename: opts.stdinFilename ?? '<stdin>' };
  }
  if (paths.length === 0) throw new UsageError('没有指定要检查的文件或目录；用法：hefa check <路径…>（“-”表示标准输入）');
  const result = await lint(paths, session, stdin);
  for (const n of result.notices) io.stderr(`提示：${n}\n`);
  const shown: LintResult = opts.quiet
    ? { ...result, files: result.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') })) }
    : result;
  if (opts.format === 'json') {
    const { formatJson } = await import('./format/json.js');
    write(io, opts.output, formatJson(shown, VERSION));
  } else {
    const { formatStylish } = await import('./format/stylish.js');
    write(io, opts.output, formatStylish(shown, { color: opts.output ? false : useColor(io, opts.color) }));
  }
  return exitCode(result, opts.failOn, maxWarnings);
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

function checkOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', '配置文件（默认：从当前目录向上查找 hefa.config.yaml、.hefarc.yaml、.hefarc.yml）')
    .option('--as-of <date>', '判断到期和期限的基准日期（默认：今天，北京时间）')
    .addOption(new Option('-f, --format <name>', '输出格式').choices(['stylish', 'json']).default('stylish'))
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
    .option('--stdin-filename <name>', '从标准输入（路径“-”）读取时使用的文件名');
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
  if (err?.name === 'ConfigError' || err?.name === 'RuleLoadError' || err?.name === 'PathError') {
    const title = err.name === 'ConfigError' ? '配置有误' : err.name === 'RuleLoadError' ? '规则文件有误' : '路径有误';
    // Config problems carry absolute paths; show them relative to cwd like every other path.
    const text = err.name === 'ConfigError' ? formatProblems((err as ConfigError).problems, io.cwd) : err.message;
    io.stderr(`hefa: ${title}：\n${text}\n`);
    return 2;
  }
  io.stderr(`hefa: 内部错误：${err?.message ?? String(e)}\n请把这条消息和输入文件报告给 hefa 的维护者。\n`);
  if (io.env.HEFA_DEBUG) io.stderr(`${err?.stack ?? ''}\n`);
  return 2;
}
