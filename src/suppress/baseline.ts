/**
 * Baselines (issue 6): adopt hefa on an existing corpus by recording today's findings, then report
 * only new ones. `--write-baseline <file>` records every current finding as `{path, ruleId,
 * fingerprint, count}`; `--baseline <file>` marks findings found there `suppressed: {kind: 'baseline'}`
 * (they stay in the output) and lists stale entries (recorded, no longer found) as a run notice.
 *
 * The fingerprint is sha256(rule id, path, the finding's matched text) — the source text of its range,
 * whitespace collapsed — never the line number, so it survives text inserted above; a finding with an
 * empty range (a document-level finding) uses its message instead. Matching counts: when the baseline
 * records n findings of a fingerprint and there are now more, the first n by position are known and
 * the later ones are new.
 *
 * Never recorded: read-error and internal-error (the run failed on the file) and the directive-*
 * diagnostics (mistakes in suppression comments are fixed, not baselined).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { FileResult, Finding, LintResult, Pos } from '../types.js';
import { LineIndex } from '../document/positions.js';

/** Version of the baseline file format. */
export const BASELINE_VERSION = 1;
/** The reason of a baseline suppression (JSON `suppressed.reason`, SARIF `justification`). */
export const BASELINE_REASON = '基线中已有';

export interface BaselineEntry {
  path: string;
  ruleId: string;
  fingerprint: string;
  count: number;
}

/** A problem of a baseline file: `file:line:col: message` (no position when the file cannot be read at all). */
export interface BaselineProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** A baseline file that cannot be used (exit 2). */
export class BaselineError extends Error {
  constructor(readonly problems: BaselineProblem[]) {
    super(problems.map((p) => (p.line ? `${p.file}:${p.line}:${p.column}: ${p.message}` : `${p.file}: ${p.message}`)).join('\n'));
    this.name = 'BaselineError';
  }
}

/** Whether findings of this id go into a baseline. */
export function baselinable(ruleId: string): boolean {
  return ruleId !== 'read-error' && ruleId !== 'internal-error' && !ruleId.startsWith('directive-');
}

/** The fingerprint of a finding: 16 hex digits of sha256(rule id NUL path NUL text), text NFC with whitespace collapsed. */
export function fingerprintOf(ruleId: string, path: string, text: string): string {
  const normal = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${ruleId}\0${path}\0${normal}`, 'utf8').digest('hex').slice(0, 16);
}

/** The source text of a finding's range, or null when the range is empty (or outside the source). */
export function matchedText(source: string, lines: LineIndex, p: Pos): string | null {
  const count = lines.starts.length;
  if (p.line < 1 || p.line > count || p.endLine < 1 || p.endLine > count) return null;
  const start = Math.min(source.length, lines.lineStart(p.line) + Math.max(0, p.column - 1));
  const end = Math.min(source.length, lines.lineStart(p.endLine) + Math.max(0, p.endColumn - 1));
  if (end <= start) return null;
  const text = source.slice(start, end);
  return text.trim() ? text : null;
}

/**
 * Give each finding without one its fingerprint. `source` is the file's text (positions refer to it);
 * null when it is not at hand, and then the message stands in for the matched text.
 */
export function addFingerprints(findings: Finding[], path: string, source: string | null): void {
  let lines: LineIndex | null = null;
  for (const f of findings) {
    if (f.fingerprint) continue;
    let text: string | null = null;
    if (source !== null) {
      lines ??= new LineIndex(source);
      text = matchedText(source, lines, f);
    }
    f.fingerprint = fingerprintOf(f.ruleId, path, text ?? f.message);
  }
}

const keyOf = (path: string, ruleId: string, fingerprint: string): string => `${path}\0${ruleId}\0${fingerprint}`;

function fingerprintOfFinding(file: FileResult, f: Finding): string {
  return f.fingerprint ?? fingerprintOf(f.ruleId, file.path, f.message);
}

/** Which entries a run speaks for: files it checked, rules it ran (--rule/--disable). */
export interface BaselineScope {
  checked: ReadonlySet<string>;
  ruleRan(ruleId: string): boolean;
}

/** The scope of a run's result: every file in it, and the rules `ruleRan` says. */
export function scopeOf(result: LintResult, ruleRan: (ruleId: string) => boolean = () => true): BaselineScope {
  return { checked: new Set(result.files.map((f) => f.path)), ruleRan };
}

const inScope = (scope: BaselineScope, e: { path: string; ruleId: string }): boolean => scope.checked.has(e.path) && scope.ruleRan(e.ruleId);

/**
 * Mark the findings the baseline knows as suppressed (kind baseline), the first `count` of each
 * fingerprint by position. Returns the stale entries — recorded, but fewer (or none) found now — of
 * the files and rules this run covered, each with the number not found as its count.
 */
export function applyBaseline(result: LintResult, entries: readonly BaselineEntry[], scope: BaselineScope): BaselineEntry[] {
  const remaining = new Map<string, number>();
  for (const e of entries) {
    const k = keyOf(e.path, e.ruleId, e.fingerprint);
    remaining.set(k, (remaining.get(k) ?? 0) + e.count);
  }
  for (const file of result.files) {
    for (const f of file.findings) {
      if (f.suppressed || !baselinable(f.ruleId)) continue;
      const k = keyOf(file.path, f.ruleId, fingerprintOfFinding(file, f));
      const n = remaining.get(k) ?? 0;
      if (n <= 0) continue;
      f.suppressed = { kind: 'baseline', reason: BASELINE_REASON };
      remaining.set(k, n - 1);
    }
  }
  const stale: BaselineEntry[] = [];
  for (const e of mergeDuplicates(entries)) {
    const left = remaining.get(keyOf(e.path, e.ruleId, e.fingerprint)) ?? 0;
    if (left > 0 && inScope(scope, e)) stale.push({ ...e, count: left });
  }
  return stale;
}

/** The entries of a run: every finding not suppressed by a directive (baseline-suppressed ones included). */
export function baselineEntries(result: LintResult): BaselineEntry[] {
  const counts = new Map<string, BaselineEntry>();
  for (const file of result.files) {
    for (const f of file.findings) {
      if (!baselinable(f.ruleId) || f.suppressed?.kind === 'directive') continue;
      const fingerprint = fingerprintOfFinding(file, f);
      const k = keyOf(file.path, f.ruleId, fingerprint);
      const e = counts.get(k);
      if (e) e.count++;
      else counts.set(k, { path: file.path, ruleId: f.ruleId, fingerprint, count: 1 });
    }
  }
  return sortEntries([...counts.values()]);
}

/**
 * A new baseline from a run: the run's entries, plus the old entries of files and rules the run did
 * not cover (checking one file, or one rule, does not forget the rest of the baseline).
 */
export function mergeBaseline(old: readonly BaselineEntry[], fresh: readonly BaselineEntry[], scope: BaselineScope): BaselineEntry[] {
  return mergeDuplicates([...old.filter((e) => !inScope(scope, e)), ...fresh]);
}

/** After writing a baseline: every finding it records is suppressed (the run then reports only what is not in it). */
export function suppressRecorded(result: LintResult): void {
  for (const file of result.files) {
    for (const f of file.findings) if (!f.suppressed && baselinable(f.ruleId)) f.suppressed = { kind: 'baseline', reason: BASELINE_REASON };
  }
}

function mergeDuplicates(entries: readonly BaselineEntry[]): BaselineEntry[] {
  const byKey = new Map<string, BaselineEntry>();
  for (const e of entries) {
    const k = keyOf(e.path, e.ruleId, e.fingerprint);
    const seen = byKey.get(k);
    if (seen) seen.count += e.count;
    else byKey.set(k, { ...e });
  }
  return sortEntries([...byKey.values()]);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sortEntries(entries: BaselineEntry[]): BaselineEntry[] {
  return entries.sort((a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));
}

/** The file's text: stable (sorted entries, fixed key order), one entry per line so diffs stay readable. */
export function formatBaseline(entries: readonly BaselineEntry[]): string {
  const rows = sortEntries([...entries]).map(
    (e) => `    {"path": ${JSON.stringify(e.path)}, "ruleId": ${JSON.stringify(e.ruleId)}, "fingerprint": ${JSON.stringify(e.fingerprint)}, "count": ${e.count}}`,
  );
  return `{\n  "tool": "hefa",\n  "version": ${BASELINE_VERSION},\n  "findings": [${rows.length ? `\n${rows.join(',\n')}\n  ` : ''}]\n}\n`;
}

/** Parse a baseline file's text; `file` names it in problems. Throws BaselineError listing every problem. */
export function parseBaseline(text: string, file: string): BaselineEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const at = jsonSyntaxError(text);
    const found = at.found === null ? '文件在此结束' : `“${at.found}”`;
    throw new BaselineError([{ file, ...new LineIndex(text).lineCol(at.offset), message: `JSON 语法错误；应为 hefa --write-baseline 写出的基线文件；实际为 ${found}` }]);
  }
  // Positions of values, for shape problems: JSON is YAML 1.2, so the YAML parser knows where each value is.
  const lines = new LineIndex(text);
  const doc = parseDocument(text);
  const where = (path: (string | number)[]): { line: number; column: number } => {
    for (let p = path; ; p = p.slice(0, -1)) {
      const node = (p.length ? doc.getIn(p, true) : doc.contents) as { range?: [number, number, number] } | null | undefined;
      if (node?.range) return lines.lineCol(node.range[0]);
      if (!p.length) return { line: 1, column: 1 };
    }
  };
  const problems: BaselineProblem[] = [];
  const problem = (path: (string | number)[], message: string): void => {
    problems.push({ file, ...where(path), message });
  };
  const obj = data as { version?: unknown; findings?: unknown } | null;
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
    throw new BaselineError([{ file, line: 1, column: 1, message: '不是 hefa 基线文件；应为含 version 和 findings 的 JSON 对象' }]);
  }
  if (obj.version !== BASELINE_VERSION) {
    problem(['version'], `基线文件的版本不正确；应为 ${BASELINE_VERSION}；实际为 ${obj.version === undefined ? '（缺少 version）' : JSON.stringify(obj.version)}`);
  }
  if (!Array.isArray(obj.findings)) {
    problem(['findings'], `findings 不正确；应为数组；实际为 ${obj.findings === undefined ? '（缺少 findings）' : JSON.stringify(obj.findings).slice(0, 40)}`);
    throw new BaselineError(problems);
  }
  const entries: BaselineEntry[] = [];
  obj.findings.forEach((raw: unknown, i: number) => {
    const e = raw as Partial<Record<keyof BaselineEntry, unknown>> | null;
    if (!e || typeof e !== 'object' || Array.isArray(e)) {
      problem(['findings', i], '基线条目不正确；应为 {path, ruleId, fingerprint, count}');
      return;
    }
    let ok = true;
    for (const key of ['path', 'ruleId', 'fingerprint'] as const) {
      if (typeof e[key] !== 'string' || e[key] === '') {
        problem(e[key] === undefined ? ['findings', i] : ['findings', i, key], `基线条目的 ${key} 不正确；应为非空字符串；实际为 ${e[key] === undefined ? '（缺少）' : JSON.stringify(e[key])}`);
        ok = false;
      }
    }
    if (typeof e.count !== 'number' || !Number.isInteger(e.count) || e.count < 1) {
      problem(e.count === undefined ? ['findings', i] : ['findings', i, 'count'], `基线条目的 count 不正确；应为正整数；实际为 ${e.count === undefined ? '（缺少）' : JSON.stringify(e.count)}`);
      ok = false;
    }
    if (ok) entries.push({ path: e.path as string, ruleId: e.ruleId as string, fingerprint: e.fingerprint as string, count: e.count as number });
  });
  if (problems.length) throw new BaselineError(problems);
  return mergeDuplicates(entries);
}

/**
 * Where JSON.parse failed: the offset of the first character that cannot continue valid JSON, and that
 * character (null at the end of the text). JSON.parse itself does not say where on every Node version.
 */
export function jsonSyntaxError(text: string): { offset: number; found: string | null } {
  const n = text.length;
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expect = (c: string): void => {
    if (text[i] !== c) fail();
    i++;
  };
  const string = (): void => {
    expect('"');
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34 /* " */) {
        i++;
        return;
      }
      if (c < 32) fail();
      if (c === 92 /* \ */) {
        i++;
        if (i < n && '"\\/bfnrt'.includes(text[i]!)) i++;
        else if (text[i] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 5;
        else fail();
        continue;
      }
      i++;
    }
    fail();
  };
  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          string();
          ws();
          expect(':');
        }
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect(close);
        return;
      }
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    if (NUMBER.exec(text)) i = NUMBER.lastIndex;
    else fail();
  };
  try {
    value();
    ws();
    if (i < n) fail();
  } catch (e) {
    if (typeof e !== 'number') return { offset: 0, found: text ? String.fromCodePoint(text.codePointAt(0)!) : null };
  }
  return { offset: i, found: i < n ? String.fromCodePoint(text.codePointAt(i)!) : null };
}

/**
 * Read a baseline file. `missingOk`: a file that does not exist is an empty baseline (--write-baseline
 * creates it); otherwise it is an error, as is anything unreadable or malformed.
 */
export function readBaseline(absPath: string, shownPath: string, missingOk = false): BaselineEntry[] {
  let text: string;
  try {
    text = readFileSync(absPath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && missingOk) return [];
    const why = code === 'ENOENT' ? '文件不存在（可先用 --write-baseline 生成）' : code === 'EISDIR' ? '这是一个目录' : code === 'EACCES' ? '没有读取权限' : (e as Error).message;
    throw new BaselineError([{ file: shownPath, message: `无法读取基线文件：${why}` }]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseBaseline(text, shownPath);
}

/** The run notice for stale entries: how many, and the first few by path and rule; `rewritten`: a new baseline was written without them. */
export function staleNotice(stale: readonly BaselineEntry[], rewritten = false, max = 5): string {
  const total = stale.reduce((n, e) => n + e.count, 0);
  const shown = stale.slice(0, max).map((e) => `${e.path} ${e.ruleId}${e.count > 1 ? ` ×${e.count}` : ''}`);
  const more = stale.length > max ? `等 ${stale.length} 处` : '';
  const next = rewritten ? '新写入的基线不再包含它们' : '可用 --write-baseline 重新生成基线';
  return `基线中有 ${total} 条已不存在（问题已修正或所在文字已改动）：${shown.join('；')}${more}；${next}`;
}

export interface BaselineRun {
  /** --baseline: the entries read from it. */
  known?: readonly BaselineEntry[];
  /** --write-baseline: the entries already in that file (empty when it does not exist yet). */
  previous?: readonly BaselineEntry[];
  /** Whether a rule ran in this run (--rule, --disable); engine diagnostics always run. */
  ruleRan?: (ruleId: string) => boolean;
}

/**
 * The baseline step of `hefa check`, after lint(): apply --baseline (stale entries become a notice),
 * then, for --write-baseline, build the new file's text and suppress what it records. Returns the
 * notices and the text to write (null without --write-baseline).
 */
export function baselineStep(result: LintResult, run: BaselineRun): { notices: string[]; text: string | null; entries: number } {
  const scope = scopeOf(result, run.ruleRan);
  const notices: string[] = [];
  if (run.known) {
    const stale = applyBaseline(result, run.known, scope);
    if (stale.length) notices.push(staleNotice(stale, Boolean(run.previous)));
  }
  if (!run.previous) return { notices, text: null, entries: 0 };
  const entries = mergeBaseline(run.previous, baselineEntries(result), scope);
  suppressRecorded(result);
  return { notices, text: formatBaseline(entries), entries: entries.reduce((n, e) => n + e.count, 0) };
}
