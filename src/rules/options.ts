/**
 * Validating a rule's options against its check kind's option schema, and filling defaults.
 */
import type { CheckKind, OptionSchema } from '../types.js';

/** Problems as [option name, message]; empty when the options are valid. */
export function validateOptions(kind: CheckKind, options: Record<string, unknown>): [string, string][] {
  const problems: [string, string][] = [];
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
    if (problem) problems.push([name, `选项“${name}”无效：${problem}；应为${describe(schema)}；实际为 ${JSON.stringify(v)}`]);
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

function regexProblem(p: unknown): string | null {
  if (typeof p !== 'string') return '不是字符串';
  try {
    new RegExp(p);
    return null;
  } catch (e) {
    return `正则表达式“${p}”无法编译（${(e as Error).message}）`;
  }
}

function checkValue(s: OptionSchema, v: unknown): string | null {
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
      if (s.regex) for (const p of v) { const r = regexProblem(p); if (r) return r; }
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
