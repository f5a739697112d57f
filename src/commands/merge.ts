/**
 * `hefa merge <json…>`: the JSON reports of the shards of one run (`hefa check --shard i/n --format
 * json`) into the report the unsharded run gives, byte for byte. A shard checks only its files and does
 * not run the cross-document rules (it cannot see the other files); its report carries every file's
 * compact corpus summary, directives and unsuppressed findings (ShardData). Merge concatenates the files,
 * then runs what the unsharded run does after its per-file step (completeRun: cross-document rules over
 * all summaries, directives) with the config of the current directory, which must be the config the
 * shards ran with (checked through configDigest).
 *
 * The inputs must be the shards of one run: each readable JSON written by `hefa check --shard`, with
 * this hefa's version and schemaVersion, one asOf, one count n and each index 1…n exactly once, the
 * same paths and options, and no file in two shards. Otherwise every problem is listed (exit 2).
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { CorpusSummary, FileResult, LintResult, ShardData } from '../types.js';
import { completeRun, UsageError, type Session } from '../lint.js';
import { configDigest } from '../cache/key.js';
import { fsErrorReason } from '../input/read.js';
import { SCHEMA_VERSION } from '../format/json.js';

/** One shard's report as read. */
export interface ShardReport {
  /** As given on the command line (named in problems). */
  file: string;
  version: string;
  asOf: string;
  files: FileResult[];
  shard: ShardData;
}

const WANTED = '应为 hefa check --shard i/n --format json 写出的报告';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The shape problems of one parsed report, or a report. */
function shapeOf(file: string, data: unknown, problems: string[]): ShardReport | null {
  if (!isObject(data) || data.tool !== 'hefa' || !Array.isArray(data.files)) {
    problems.push(`${file}: 不是 hefa check 的 JSON 报告：${WANTED}`);
    return null;
  }
  if (data.shard === undefined) {
    problems.push(`${file}: 不是分片报告（没有 shard 部分）：${WANTED}`);
    return null;
  }
  const s = data.shard;
  const files = data.files as unknown[];
  const bad = (what: string): null => {
    problems.push(`${file}: 分片报告的格式不对（${what}）：${WANTED}`);
    return null;
  };
  if (typeof data.version !== 'string' || typeof data.asOf !== 'string') return bad('version、asOf');
  if (!isObject(s) || !Number.isInteger(s.index) || !Number.isInteger(s.count) || typeof s.run !== 'string' || typeof s.config !== 'string') {
    return bad('shard 的 index、count、run、config');
  }
  if (!isObject(s.options) || !Array.isArray(s.notices) || !Array.isArray(s.files)) return bad('shard 的 options、notices、files');
  if (!files.every((f) => isObject(f) && typeof f.path === 'string' && Array.isArray(f.findings))) return bad('files');
  const shardFiles = s.files as unknown[];
  if (!shardFiles.every((f) => isObject(f) && typeof f.path === 'string' && (f.findings === undefined || Array.isArray(f.findings)))) {
    return bad('shard.files');
  }
  const paths = (files as { path: string }[]).map((f) => f.path).sort();
  const shardPaths = (shardFiles as { path: string }[]).map((f) => f.path).sort();
  if (paths.join('\n') !== shardPaths.join('\n')) return bad('files 与 shard.files 的文件不一致');
  // The report's findings are the unsuppressed ones unless the shard gives them (format/json.ts).
  const reported = new Map((files as FileResult[]).map((f) => [f.path, f]));
  const shard = s as unknown as ShardData;
  shard.files = (shardFiles as ShardData['files']).map((f) => ({ ...f, findings: f.findings ?? reported.get(f.path)!.findings }));
  if (data.schemaVersion !== SCHEMA_VERSION) {
    problems.push(`${file}: schemaVersion 为 ${JSON.stringify(data.schemaVersion)}，当前 hefa 为 ${SCHEMA_VERSION}：分片和合并应使用同一版本的 hefa`);
    return null;
  }
  return { file, version: data.version, asOf: data.asOf, files: files as FileResult[], shard };
}

/**
 * Read and check the shard reports; throws UsageError listing every problem (exit 2). `version` is
 * this hefa's: the shards must have been written by the same version.
 */
export function readShardReports(files: string[], cwd: string, version: string): ShardReport[] {
  const problems: string[] = [];
  const reports: ShardReport[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(resolve(cwd, file), 'utf8');
    } catch (e) {
      problems.push(`${file}: 无法读取（${fsErrorReason(e)}）`);
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      problems.push(`${file}: 不是 JSON（${(e as Error).message}）：${WANTED}`);
      continue;
    }
    const report = shapeOf(file, data, problems);
    if (report) reports.push(report);
  }
  if (problems.length === 0) problems.push(...setProblems(reports, version));
  if (problems.length) throw new UsageError(`无法合并分片报告：\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return reports;
}

/** Whether the reports are the n shards of one run, each once. */
function setProblems(reports: ShardReport[], version: string): string[] {
  const problems: string[] = [];
  const first = reports[0]!;
  for (const r of reports) {
    if (r.version !== version) problems.push(`${r.file}: 由 hefa ${r.version} 写出，当前 hefa 为 ${version}：分片和合并应使用同一版本的 hefa`);
    if (r.asOf !== first.asOf) {
      problems.push(`${r.file}: 基准日期（asOf）${r.asOf} 与 ${first.file} 的 ${first.asOf} 不同：应为同一次运行（同一 --as-of）的分片`);
    } else if (r.shard.count !== first.shard.count) {
      problems.push(`${r.file}: 是 ${r.shard.count} 片中的一片，而 ${first.file} 是 ${first.shard.count} 片中的一片：应为同一次运行的分片`);
    } else if (r.shard.run !== first.shard.run) {
      problems.push(`${r.file}: 与 ${first.file} 不是同一次运行的分片（检查的路径、选项或配置不同）：各分片应以同样的参数运行，只有 --shard 的序号不同`);
    }
  }
  if (problems.length) return problems;
  const n = first.shard.count;
  const byIndex = new Map<number, ShardReport>();
  for (const r of reports) {
    const i = r.shard.index;
    const seen = byIndex.get(i);
    if (i < 1 || i > n) problems.push(`${r.file}: 分片序号 ${i}/${n} 无效`);
    else if (seen) problems.push(`${r.file}: 第 ${i}/${n} 片与 ${seen.file} 重复：每一片只能给出一次`);
    else byIndex.set(i, r);
  }
  const missing = Array.from({ length: n }, (_, k) => k + 1).filter((i) => !byIndex.has(i));
  if (problems.length) return problems;
  if (missing.length) problems.push(`缺少第 ${missing.map((i) => `${i}/${n}`).join('、')} 片：应给出同一次运行的全部 ${n} 片报告`);
  const owner = new Map<string, string>();
  for (const r of reports) {
    for (const f of r.files) {
      const other = owner.get(f.path);
      if (other) problems.push(`${r.file}: 文件 ${f.path} 也在 ${other} 中：应为同一次运行的分片`);
      else owner.set(f.path, r.file);
    }
  }
  return problems;
}

/** Refuse to merge with a config other than the shards' (the cross-document rules would differ). */
export function checkMergeConfig(reports: ShardReport[], session: Session, version: string): void {
  const digest = configDigest(session, version);
  const first = reports[0]!;
  if (digest === first.shard.config) return;
  const config = session.config.file ? relative(session.cwd, session.config.file).split('\\').join('/') : '（无配置文件，使用默认配置）';
  throw new UsageError(
    `无法合并分片报告：\n  ${first.file}: 分片运行时的配置（规则、法律状态表或配置文件）与当前的配置 ${config} 不同：` +
      'hefa merge 应在运行分片的同一目录、以同一配置（同样的 -c）和同一版本的 hefa 运行',
  );
}

/** The unsharded run's result from the shards' reports (checked by readShardReports). */
export async function mergeShards(reports: ShardReport[], session: Session): Promise<LintResult> {
  const results: FileResult[] = [];
  const corpus: CorpusSummary[] = [];
  for (const r of reports) {
    const documents = new Map(r.files.map((f) => [f.path, f.document]));
    for (const f of r.shard.files) {
      const result: FileResult = { path: f.path, document: documents.get(f.path) ?? null, findings: f.findings };
      if (f.directives?.length) result.directives = f.directives;
      results.push(result);
      if (f.corpus) corpus.push(f.corpus);
    }
    for (const n of r.shard.notices) session.env.notices.add(n);
  }
  // The unsharded run sees files in path order; so does its corpus phase (src/corpus/ sorts by path).
  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return completeRun(session, results, corpus);
}
