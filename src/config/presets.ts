/**
 * Built-in presets (rules.md §9). They are data in `rules/presets.yaml`; this module loads them,
 * checks their shape, and resolves a list of preset names into enabled rules with severities.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rule, Severity } from '../types.js';
import { ConfigError, oneOf, type ConfigProblem } from './problems.js';
import { YamlWalker, isMap, isSeq, type Node } from './yaml-nodes.js';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** One preset: which rule ids it switches on, and which severities it raises. */
export interface Preset {
  name: string;
  include: string[];
  exclude: string[];
  escalate: { ids: string[]; from: Severity; to: Severity }[];
}

/** Where the built-in presets live: `rules/presets.yaml` of the hefa package (works from src/ and dist/). */
export const PRESETS_FILE = fileURLToPath(new URL('../../rules/presets.yaml', import.meta.url));

let cache: Map<string, Preset> | null = null;

/** The built-in presets by name, in file order. Throws ConfigError when the presets file is invalid. */
export function builtinPresets(): Map<string, Preset> {
  if (!cache) cache = parsePresets(readFileSync(PRESETS_FILE, 'utf8'), PRESETS_FILE);
  return cache;
}

/** Parse and check a presets file's text. */
export function parsePresets(source: string, file: string): Map<string, Preset> {
  const w = new YamlWalker(file, source.replace(/^\uFEFF/, ''));
  const out = new Map<string, Preset>();
  const root = w.broken ? null : w.root();
  if (!w.broken) {
    if (!root || !isMap(root)) {
      w.report(root, '预设文件的顶层类型不正确', '预设名到预设的映射', w.describe(root));
    } else {
      for (const { key, keyNode, value } of w.entries(root)) {
        if (!/^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/.test(key)) {
          w.report(keyNode, '预设名不合法', '形如 hefa:recommended 的名称', `“${key}”`);
          continue;
        }
        const preset = parsePreset(w, key, keyNode, value);
        if (preset) out.set(key, preset);
      }
    }
  }
  if (w.problems.length > 0) throw new ConfigError(w.problems);
  return out;
}

function parsePreset(w: YamlWalker, name: string, keyNode: Node, value: Node | null): Preset | null {
  if (!value || !isMap(value)) {
    w.report(value ?? keyNode, '预设的类型不正确', '含 include、exclude、escalate 的映射', w.describe(value));
    return null;
  }
  const preset: Preset = { name, include: [], exclude: [], escalate: [] };
  let hasInclude = false;
  for (const e of w.entries(value)) {
    switch (e.key) {
      case 'include':
        hasInclude = true;
        preset.include = idGlobs(w, e.value, e.keyNode, 'include');
        break;
      case 'exclude':
        preset.exclude = idGlobs(w, e.value, e.keyNode, 'exclude');
        break;
      case 'escalate': {
        const list = e.value && isSeq(e.value) ? w.items(e.value) : [e.value];
        for (const item of list) {
          const esc = parseEscalate(w, item, e.keyNode);
          if (esc) preset.escalate.push(esc);
        }
        break;
      }
      default:
        w.report(e.keyNode, '未知的预设项', oneOf(['include', 'exclude', 'escalate']), `“${e.key}”`);
    }
  }
  if (!hasInclude) w.report(keyNode, '预设缺少 include', '规则编号通配符列表', '无');
  return preset;
}

function parseEscalate(w: YamlWalker, node: Node | null, at: Node): Preset['escalate'][number] | null {
  if (!node || !isMap(node)) {
    w.report(node ?? at, 'escalate 的类型不正确', '{ids, from, to}', w.describe(node));
    return null;
  }
  let ids: string[] = [];
  let from: Severity | null = null;
  let to: Severity | null = null;
  let bad = false;
  for (const e of w.entries(node)) {
    if (e.key === 'ids') ids = idGlobs(w, e.value, e.keyNode, 'ids');
    else if (e.key === 'from' || e.key === 'to') {
      const s = w.str(e.value);
      if (s === null || !(SEVERITIES as readonly string[]).includes(s)) {
        bad = true;
        w.report(e.value ?? e.keyNode, `escalate.${e.key} 不正确`, oneOf(SEVERITIES), w.describe(e.value));
      } else if (e.key === 'from') from = s as Severity;
      else to = s as Severity;
    } else w.report(e.keyNode, '未知的 escalate 项', oneOf(['ids', 'from', 'to']), `“${e.key}”`);
  }
  if (!from || !to) {
    if (!bad) w.report(node, 'escalate 缺少 from 或 to', '{ids, from, to}', w.describe(node));
    return null;
  }
  return { ids, from, to };
}

function idGlobs(w: YamlWalker, node: Node | null, at: Node, key: string): string[] {
  const list = node && isSeq(node) ? w.items(node) : [node];
  const out: string[] = [];
  for (const item of list) {
    const s = w.str(item);
    if (s === null || !/^[a-z0-9*-]+$/.test(s)) {
      w.report(item ?? at, `${key} 中的规则编号通配符不正确`, '由小写字母、数字、- 和 * 组成的字符串', w.describe(item));
    } else out.push(s);
  }
  return out;
}

/** True when a rule id matches an id glob (`*` matches any run of characters, nothing else is special). */
export function matchIdGlob(glob: string, id: string): boolean {
  if (!glob.includes('*')) return glob === id;
  const re = new RegExp(`^${glob.split('*').map(escapeRegExp).join('.*')}$`);
  return re.test(id);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when the preset switches the rule on (its globs, or the rule file naming the preset). */
export function presetIncludes(preset: Preset, rule: Rule): boolean {
  if (rule.presets?.includes(preset.name)) return true;
  return (
    preset.include.some((g) => matchIdGlob(g, rule.id)) && !preset.exclude.some((g) => matchIdGlob(g, rule.id))
  );
}

/**
 * Resolve preset names (in `extends` order) into enabled rule id → severity. A preset sets the
 * rules it includes at their default severity, raised by its `escalate` entries; later presets
 * override earlier ones for the rules they include. Unknown preset names are ignored here
 * (loadConfig reports them).
 */
export function resolvePresets(presets: string[], rules: Rule[]): Map<string, Severity> {
  const all = builtinPresets();
  const out = new Map<string, Severity>();
  for (const name of presets) {
    const preset = all.get(name);
    if (!preset) continue;
    for (const rule of rules) {
      if (!presetIncludes(preset, rule)) continue;
      let severity = rule.severity;
      for (const esc of preset.escalate) {
        if (severity === esc.from && esc.ids.some((g) => matchIdGlob(g, rule.id))) severity = esc.to;
      }
      out.set(rule.id, severity);
    }
  }
  return out;
}
