/**
 * Validating a rule's options against its check kind's option schema, and filling defaults.
 */
import type { CheckKind, OptionSchema } from '../types.js';
import { regexSafetyProblem } from './regex-safety.js';

/**
 * Problems as [option name, message, list index?]; empty when the options are valid. The index, when
 * present, names the item of a list option the problem is about (a rule file points at that item).
 */
export function validateOptions(kind: CheckKind, options: Record<string, unknown>): [string, string, number?][] {
  const problems: [string, string, number?][] = [];
  for (const name of Object.keys(options)) {
    if (!(name in kind.options)) {
      problems.push([name, `检查类型 ${kind.name} 没有选项“${name}”；应为 ${Object.keys(kind.options).join('、')} 之一`]);
    }
  }
  for (const [name, schema] of Object.entries(kind.options)) {
    const v = options[name];
    if (v === undefined || v === null) {
      if (schema.required) problems.push([name, `缺少必需的选项“${name}”；应为${describe(schema)}`]);
      continue;
    }
    const problem = checkValue(schema, v);
    if (typeof problem === 'string') problems.push([name, `选项“${name}”无效：${problem}；应为${describe(schema)}；实际为 ${JSON.stringify(v)}`]);
    // A pattern refused for safety is reported as is: the message names the pattern and why.
    else if (problem) problems.push(problem.index === undefined ? [name, problem.message] : [name, problem.message, problem.index]);
  }
  if (problems.length === 0 && kind.validate) problems.push(...kind.validate(options));
  return problems;
}

function describe(s: OptionSchema): string {
  switch (s.type) {
    case 'string':
      return s.enum ? ` ${s.enum.join('、')} 之一` : '字符串';
    case 'number':
      return s.integer ? '整数' : '数字';
    case 'boolean':
      return ' true 或 false';
    case 'string[]':
      return s.regex ? '正则表达式列表' : '字符串列表';
    case 'regex':
      return '正则表达式';
  }
}

/** A refused (unsafe) pattern: reported without the generic “选项…无效” wrapping. */
interface UnsafePattern {
  message: string;
  index?: number;
}

/**
 * A pattern that does not compile (a string), one that may backtrack catastrophically (regex-safety.ts;
 * refused at load, never run), or null. Patterns are compiled without flags here and with `g` when run.
 */
function regexProblem(p: unknown, index?: number): string | UnsafePattern | null {
  if (typeof p !== 'string') return '不是字符串';
  try {
    new RegExp(p);
  } catch (e) {
    return `正则表达式“${p}”无法编译（${(e as Error).message}）`;
  }
  const unsafe = regexSafetyProblem(p);
  return unsafe ? { message: unsafe, index } : null;
}

function checkValue(s: OptionSchema, v: unknown): string | UnsafePattern | null {
  switch (s.type) {
    case 'string':
      if (typeof v !== 'string') return '类型不对';
      if (s.enum && !s.enum.includes(v)) return '取值不在范围内';
      return null;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return '类型不对';
      if (s.integer && !Number.isInteger(v)) return '不是整数';
      if (s.min !== undefined && v < s.min) return `小于 ${s.min}`;
      return null;
    case 'boolean':
      return typeof v === 'boolean' ? null : '类型不对';
    case 'string[]': {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return '类型不对';
      if (!s.regex) return null;
      for (let i = 0; i < v.length; i++) {
        const r = regexProblem(v[i], i);
        if (r) return r;
      }
      // The checks run a list as one alternation (scope.ts combine): it must compile as one too.
      try {
        new RegExp(v.map((p) => `(?:${p})`).join('|'));
      } catch (e) {
        return `这些正则表达式不能合并为一个（${(e as Error).message}）：同名的命名分组只能出现一次`;
      }
      return null;
    }
    case 'regex':
      return regexProblem(v);
  }
}

/** Options with defaults filled in. */
export function withDefaults(kind: CheckKind, options: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(kind.options)) {
    const v = options[name];
    if (v !== undefined && v !== null) out[name] = v;
    else if ('default' in schema && schema.default !== undefined) out[name] = schema.default;
  }
  return out;
}
