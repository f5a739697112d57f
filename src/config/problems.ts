/**
 * Config problems: where (file:line:col), what was wrong, what was expected, what was given.
 * Every config error the user sees goes through here so the wording stays uniform
 * (architecture.md §6: `<file>:<line>:<col>: <what is wrong>；应为 <what>；实际为 <value>` plus a hint).
 */
import path from 'node:path';

/** One problem of a config file, 1-based line and column (UTF-16 units). */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** A place in a config file. */
export interface ConfigPos {
  file: string;
  line: number;
  column: number;
}

/** Format one problem as `file:line:col: message`; `base` makes the file path relative to it. */
export function formatProblem(p: ConfigProblem, base?: string): string {
  let file = p.file;
  if (base && path.isAbsolute(file)) {
    const rel = path.relative(base, file);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) file = rel;
  }
  return `${file.split(path.sep).join('/')}:${p.line}:${p.column}: ${p.message}`;
}

/** Format problems one per line, sorted by file, line, column. */
export function formatProblems(problems: ConfigProblem[], base?: string): string {
  return sortProblems(problems)
    .map((p) => formatProblem(p, base))
    .join('\n');
}

/** Problems in file, line, column order (stable for problems at the same place). */
export function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : 0) ||
        a.p.line - b.p.line ||
        a.p.column - b.p.column ||
        a.i - b.i,
    )
    .map((x) => x.p);
}

/** A config file that cannot be used; `problems` lists every problem found, not just the first. */
export class ConfigError extends Error {
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    const sorted = sortProblems(problems);
    super(formatProblems(sorted));
    this.name = 'ConfigError';
    this.problems = sorted;
  }
}

/** Build the message `<what>；应为 <expected>；实际为 <actual>` with an optional trailing hint. */
export function problemMessage(what: string, expected: string, actual: string, hint?: string): string {
  return `${what}；应为 ${expected}；实际为 ${actual}${hint ? `（${hint}）` : ''}`;
}

/** Quote a string the way messages quote user text. */
export function quote(s: string): string {
  const short = s.length > 60 ? `${s.slice(0, 59)}…` : s;
  return `“${short}”`;
}

/** A list of alternatives for "应为 …": `a、b 或 c`. */
export function oneOf(values: readonly string[]): string {
  if (values.length === 0) return '（无）';
  if (values.length === 1) return values[0]!;
  return `${values.slice(0, -1).join('、')} 或 ${values[values.length - 1]}`;
}
