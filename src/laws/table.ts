/**
 * The law-status table (rules.md §6): which laws and regulations have stopped applying, since when,
 * replaced by what, repealed by which article, and how many articles the current text has. Data in
 * rules/laws/*.yaml (built in) plus the file config `laws:` names (local entries). Loaded and
 * validated like rule files: every problem of every file with file:line:col, then LawTableError
 * (exit 2).
 *
 * A file is a YAML list of entries:
 *   - title: 中华人民共和国合同法            # full official title (required)
 *     short: [合同法]                       # other names it is cited by
 *     kind: 法律                             # 法律 | 行政法规 | … (product.md §2.2)
 *     status: 废止                           # 废止 | 失效 (已废止 / 已失效 accepted); absent: no end recorded
 *     stoppedOn: 2021-01-01                  # the day it stopped applying
 *     successor: 中华人民共和国民法典
 *     repealedBy: 《中华人民共和国民法典》第一千二百六十条
 *     articles: 86                           # article count of the current text …
 *     version: 2021-01-22                    # … and that text's version date
 *     reenactedOn: 2015-07-01                # a new instrument of the same title took effect then
 *     source: LawRefBook-Laws 民法典/附则.md
 *     note: …
 * A user entry whose title (or a short name) is also in the built-in table replaces the built-in entry.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { fromSnapshot } from '../rules/snapshot.js';
import type { Basis, DocKind, LawEntry, LawStatus, LawTable } from '../types.js';
import { DOC_KINDS } from '../types.js';
import { parseDate } from '../cn/dates.js';
import { titleKey } from '../cn/titles.js';
import { CN_NUMERAL_CHARS } from '../cn/numerals.js';
import { isMap, isSeq, LineCounter, locator, pairOf } from '../rules/yaml-pos.js';

export interface LawTableProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** A law-status table file that cannot be used; the CLI treats it like RuleLoadError (exit 2). */
export class LawTableError extends Error {
  constructor(readonly problems: LawTableProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    this.name = 'LawTableError';
  }
}

/** The folder of the built-in table (works from src/ and dist/). */
export const BUILTIN_LAWS_DIR = fileURLToPath(new URL('../../rules/laws/', import.meta.url));

const KEYS = ['title', 'short', 'kind', 'status', 'stoppedOn', 'successor', 'repealedBy', 'articles', 'version', 'reenactedOn', 'source', 'note'];
const STATUS: Record<string, LawStatus> = { 废止: '废止', 已废止: '废止', 失效: '失效', 已失效: '失效' };
const DATE_KEYS = ['stoppedOn', 'version', 'reenactedOn'] as const;
const TEXT_KEYS = ['successor', 'repealedBy', 'source', 'note'] as const;

/** Every table file (*.yaml, *.yml) of a folder, sorted. */
export function tableFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .filter((n) => /\.ya?ml$/.test(n))
    .map((n) => join(dir, n))
    .filter((p) => statSync(p).isFile());
}

/** Parse one table file; pushes problems and returns the entries that are valid. */
export function parseLawFile(text: string, file: string, problems: LawTableProblem[]): LawEntry[] {
  const start = problems.length;
  const entries = parseEntries(text, file, problems);
  // This file's problems in reading order.
  const mine = problems.splice(start).sort((a, b) => a.line - b.line || a.column - b.column);
  problems.push(...mine);
  return entries;
}

function parseEntries(text: string, file: string, problems: LawTableProblem[]): LawEntry[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, schema: 'core', uniqueKeys: true, prettyErrors: false });
  const loc = locator(lc);
  const add = (node: unknown, message: string): void => {
    problems.push({ file, ...loc.at(node), message });
  };
  for (const e of doc.errors) {
    const p = lc.linePos(e.pos[0]);
    problems.push({ file, line: p.line, column: p.col, message: `YAML 语法错误：${e.message.split('\n')[0]}` });
  }
  if (doc.errors.length) return [];
  const root = doc.contents;
  if (root === null || root === undefined) return [];
  if (!isSeq(root)) {
    add(root, '法律状态表应为一个列表，每项是一部法律（- title: …）');
    return [];
  }
  const out: LawEntry[] = [];
  root.items.forEach((node) => {
    if (!isMap(node)) {
      add(node, '法律状态表的每一项应为映射 {title, short?, status?, stoppedOn?, successor?, repealedBy?, articles?, version?, …}');
      return;
    }
    const before = problems.length;
    const v = node.toJSON() as Record<string, unknown>;
    const at = (k: string): unknown => pairOf(node, k)?.value ?? pairOf(node, k)?.key ?? node;
    for (const pair of node.items) {
      const k = String((pair.key as { value?: unknown })?.value);
      if (!KEYS.includes(k)) add(pair.key, `未知的键“${k}”；应为 ${KEYS.join('、')} 之一`);
    }
    const title = typeof v.title === 'string' ? v.title.trim() : '';
    if (!title) add(at('title'), `缺少 title（法律、法规的全称）；实际为 ${JSON.stringify(v.title ?? null)}`);
    else if (/[《》]/.test(title)) add(at('title'), `title 不要带书名号；应为 ${title.replace(/[《》]/g, '')}；实际为 ${title}`);

    let short: string[] = [];
    if (v.short !== undefined && v.short !== null) {
      const list = typeof v.short === 'string' ? [v.short] : v.short;
      if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || x.trim() === '')) {
        add(at('short'), `short 应为简称的列表，如 [合同法]；实际为 ${JSON.stringify(v.short)}`);
      } else short = list.map((x: string) => x.trim());
    }
    let kind: DocKind | undefined;
    if (v.kind !== undefined) {
      if (DOC_KINDS.includes(v.kind as DocKind)) kind = v.kind as DocKind;
      else add(at('kind'), `kind 无效；应为 ${DOC_KINDS.join('、')} 之一；实际为 ${JSON.stringify(v.kind)}`);
    }
    let status: LawStatus | undefined;
    if (v.status !== undefined) {
      status = STATUS[String(v.status)];
      if (!status) add(at('status'), `status 无效；应为 废止、失效（也接受 已废止、已失效）之一；实际为 ${JSON.stringify(v.status)}`);
    }
    const dates: Partial<Record<(typeof DATE_KEYS)[number], string>> = {};
    for (const k of DATE_KEYS) {
      if (v[k] === undefined) continue;
      const iso = parseDate(v[k]);
      if (!iso) add(at(k), `${k} 不是有效的日期；应为 YYYY-MM-DD；实际为 ${JSON.stringify(v[k])}`);
      else dates[k] = iso;
    }
    const texts: Partial<Record<(typeof TEXT_KEYS)[number], string>> = {};
    for (const k of TEXT_KEYS) {
      if (v[k] === undefined) continue;
      if (typeof v[k] !== 'string' || (v[k] as string).trim() === '') add(at(k), `${k} 应为非空字符串；实际为 ${JSON.stringify(v[k])}`);
      else texts[k] = (v[k] as string).trim();
    }
    let articles: number | undefined;
    if (v.articles !== undefined) {
      if (typeof v.articles !== 'number' || !Number.isInteger(v.articles) || v.articles < 1) {
        add(at('articles'), `articles 应为正整数（现行文本的条数）；实际为 ${JSON.stringify(v.articles)}`);
      } else articles = v.articles;
    }
    if (v.status === undefined) {
      for (const k of ['stoppedOn', 'successor', 'repealedBy'] as const) {
        if (v[k] !== undefined) add(at(k), `写了 ${k} 却没有 status；应同时写明 status: 废止 或 失效`);
      }
    }
    if (articles !== undefined && dates.version === undefined) {
      add(at('articles'), '写了 articles 却没有 version；应写明所计条数的文本的版本日期（version: YYYY-MM-DD）');
    }
    if (texts.repealedBy && !/^《[^《》]+》/.test(texts.repealedBy)) {
      add(at('repealedBy'), `repealedBy 应写成《法律名称》第X条；实际为 ${JSON.stringify(texts.repealedBy)}`);
    }
    if (problems.length > before || !title) return;
    const entry: LawEntry = { title, short, file, line: loc.at(node).line };
    if (kind) entry.kind = kind;
    if (status) entry.status = status;
    if (dates.stoppedOn) entry.stoppedOn = dates.stoppedOn;
    if (texts.successor) entry.successor = texts.successor;
    if (texts.repealedBy) entry.repealedBy = texts.repealedBy;
    if (articles !== undefined) entry.articles = articles;
    if (dates.version) entry.version = dates.version;
    if (dates.reenactedOn) entry.reenactedOn = dates.reenactedOn;
    if (texts.source) entry.source = texts.source;
    if (texts.note) entry.note = texts.note;
    POSITIONS.set(entry, loc.at(pairOf(node, 'title')?.value ?? node));
    out.push(entry);
  });
  return out;
}

/** Where each entry's title is written, for duplicate messages (kept off the entries themselves). */
const POSITIONS = new WeakMap<LawEntry, { line: number; column: number }>();

/** The keys an entry is found by: its title and short names, with and without 中华人民共和国. */
export function entryKeys(e: LawEntry): string[] {
  return [...new Set([e.title, ...e.short].map((t) => titleKey(t, true)))];
}

class Table implements LawTable {
  private readonly byKey = new Map<string, LawEntry>();
  constructor(readonly entries: readonly LawEntry[]) {
    for (const e of entries) for (const k of entryKeys(e)) this.byKey.set(k, e);
  }
  lookup(title: string): LawEntry | null {
    return this.byKey.get(titleKey(title, true)) ?? null;
  }
}

/**
 * Merge several files' entries: a duplicate key within one layer (built-in, or the user's file) is a
 * problem; a user entry replaces every built-in entry that shares a key with it.
 */
function merge(layers: LawEntry[][], problems: LawTableProblem[], cwd: string): LawEntry[] {
  let result: LawEntry[] = [];
  for (const layer of layers) {
    const seen = new Map<string, LawEntry>();
    for (const e of layer) {
      for (const k of entryKeys(e)) {
        const prev = seen.get(k);
        if (prev && prev !== e) {
          const pos = POSITIONS.get(e) ?? { line: e.line, column: 1 };
          problems.push({
            file: e.file,
            ...pos,
            message: `“${k}”重复：已在 ${shown(prev.file, cwd)}:${prev.line} 的“${prev.title}”中使用；同一名称只能指向一部法律`,
          });
        } else seen.set(k, e);
      }
    }
    const replaced = new Set(layer.flatMap(entryKeys));
    result = [...result.filter((e) => !entryKeys(e).some((k) => replaced.has(k))), ...layer];
  }
  return result;
}

function shown(file: string, cwd: string): string {
  return (relative(cwd, file) || file).split('\\').join('/');
}

const builtinCache = new Map<string, LawEntry[]>();

function readLayer(files: string[], problems: LawTableProblem[], cwd: string): LawEntry[] {
  const out: LawEntry[] = [];
  for (const file of files) {
    const name = shown(file, cwd);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      problems.push({ file: name, line: 1, column: 1, message: `无法读取法律状态表：${(e as Error).message}` });
      continue;
    }
    out.push(...parseLawFile(text, name, problems));
  }
  return out;
}

/** The built-in layer: from the build-time snapshot where it is current, else parsed from YAML. */
function readBuiltinLayer(files: string[], problems: LawTableProblem[], cwd: string): LawEntry[] {
  const out: LawEntry[] = [];
  for (const file of files) {
    const snap = fromSnapshot<LawEntry[]>(file);
    if (snap) out.push(...snap.map((e) => ({ ...e, file: shown(file, cwd) })));
    else out.push(...readLayer([file], problems, cwd));
  }
  return out;
}

/**
 * Load the built-in table and, when given, the user's file (config `laws:`). Throws LawTableError
 * listing every problem. The built-in layer is read once per process.
 */
export function loadLawTable(userFile: string | null, cwd = process.cwd(), builtinDir = BUILTIN_LAWS_DIR): LawTable {
  const problems: LawTableProblem[] = [];
  let builtin = builtinCache.get(builtinDir);
  if (!builtin) {
    let files: string[] = [];
    try {
      files = tableFiles(builtinDir);
    } catch (e) {
      problems.push({ file: shown(builtinDir, cwd), line: 1, column: 1, message: `无法读取法律状态表目录：${(e as Error).message}` });
    }
    builtin = builtinDir === BUILTIN_LAWS_DIR ? readBuiltinLayer(files, problems, cwd) : readLayer(files, problems, cwd);
    merge([builtin], problems, cwd);
    if (problems.length === 0) builtinCache.set(builtinDir, builtin);
  }
  const layers = [builtin];
  if (userFile) layers.push(readLayer([userFile], problems, cwd));
  const entries = merge(layers, problems, cwd);
  if (problems.length) throw new LawTableError(problems);
  return new Table(entries);
}

/** A table from entries already in memory (tests, and callers that build their own). */
export function lawTableOf(entries: LawEntry[]): LawTable {
  return new Table(entries);
}

const NUM = `[0-9${CN_NUMERAL_CHARS}]+`;
const REPEALED_BY = new RegExp(`^《([^《》]+)》\\s*((?:第${NUM}条)(?:第${NUM}款)?)?`);

/** The repealing provision as a basis entry (《中华人民共和国民法典》第一千二百六十条 → {title, article}). */
export function repealBasis(e: LawEntry): Basis | null {
  if (!e.repealedBy) return null;
  const m = REPEALED_BY.exec(e.repealedBy);
  if (!m) return null;
  const b: Basis = { title: m[1]!, confidence: 'law' };
  if (m[2]) b.article = m[2];
  return b;
}
