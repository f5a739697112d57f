/**
 * Loading rule files: YAML data, one legal requirement per file, validated against the check kind's
 * option schema. Every problem of every file is collected before failing (architecture.md §1.6).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import type { Basis, CheckKind, Rule, Severity, When } from '../types.js';
import { DOC_KINDS, LEVELS, STATUSES } from '../types.js';
import { CHECK_KINDS } from '../checks/index.js';
import { validateOptions } from './options.js';
import { fromSnapshot } from './snapshot.js';
import { isMap, isSeq, LineCounter, locator, pairOf } from './yaml-pos.js';

export interface RuleProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export class RuleLoadError extends Error {
  constructor(readonly problems: RuleProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    this.name = 'RuleLoadError';
  }
}

/** The folder of built-in rules (works from src/ and dist/). */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

/** Folders under rules/ that hold data other than rules. */
const NON_RULE_DIRS = new Set(['laws', 'calendar']);
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const CONFIDENCES = ['law', 'policy', 'practice'];
/** The keys a rule file may have (rule.schema.json lists the same). */
export const TOP_KEYS = ['id', 'title', 'kind', 'severity', 'when', 'options', 'message', 'messages', 'basis', 'tags', 'description', 'aliases'];
/** The conditions of `when`. */
export const WHEN_KEYS = ['kind', 'status', 'statusAtLeast', 'concerns', 'level', 'issuerIs', 'trial'];
/** The keys of one `basis` entry. */
export const BASIS_KEYS = ['title', 'number', 'version', 'article', 'quote', 'confidence'];

/** Every rule file (*.yaml, *.yml) under a folder, sorted, skipping data folders and presets. */
export function ruleFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (!NON_RULE_DIRS.has(name)) walk(p);
      } else if (/\.ya?ml$/.test(name) && name !== 'presets.yaml') {
        out.push(p);
      }
    }
  };
  walk(dir);
  return out;
}

/** Load and validate the rules of several folders; throws RuleLoadError listing every problem. */
export function loadRules(dirs: string[], cwd = process.cwd()): Rule[] {
  const problems: RuleProblem[] = [];
  const rules: Rule[] = [];
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    let files: string[];
    try {
      files = ruleFiles(dir);
    } catch (e) {
      problems.push({ file: relative(cwd, dir) || dir, line: 1, column: 1, message: `无法读取规则目录：${(e as Error).message}` });
      continue;
    }
    for (const file of files) {
      const shown = relative(cwd, file).split('\\').join('/');
      const snap = dir === BUILTIN_RULES_DIR ? fromSnapshot<Rule>(file) : undefined;
      const rule = snap ? { ...snap, file: shown } : parseRuleFile(readFileSync(file, 'utf8'), shown, problems);
      if (!rule) continue;
      const prev = seen.get(rule.id);
      if (prev) {
        problems.push({ file: shown, line: 1, column: 1, message: `规则 id“${rule.id}”重复；已在 ${prev} 中定义` });
        continue;
      }
      seen.set(rule.id, shown);
      rules.push(rule);
    }
  }
  if (problems.length) throw new RuleLoadError(problems);
  return rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Parse one rule file; pushes problems and returns null when it does not load. */
export function parseRuleFile(text: string, file: string, problems: RuleProblem[]): Rule | null {
  const lc = new LineCounter();
  // Data only: the core schema, no custom tags, no merge keys; a tag (`!!js/function`) is never resolved.
  const doc = parseDocument(text, { lineCounter: lc, schema: 'core', uniqueKeys: true, prettyErrors: false, customTags: [], merge: false });
  const loc = locator(lc);
  const before = problems.length;
  const add = (node: unknown, message: string): void => {
    problems.push({ file, ...loc.at(node), message });
  };
  for (const e of doc.errors) {
    const p = lc.linePos(e.pos[0]);
    problems.push({ file, line: p.line, column: p.col, message: `YAML 语法错误：${e.message.split('\n')[0]}` });
  }
  // An unknown tag is only a warning to the yaml package (the value is kept as plain text): refuse it.
  for (const w of doc.warnings) {
    if (w.code !== 'TAG_RESOLVE_FAILED' && w.code !== 'BAD_COLLECTION_TYPE') continue;
    const p = lc.linePos(w.pos[0]);
    const tag = text.slice(w.pos[0], w.pos[1]).trim();
    problems.push({ file, line: p.line, column: p.col, message: `不支持 YAML 标签“${tag}”：规则文件是数据，hefa 不执行标签；应为普通的文字、数字、列表和映射` });
  }
  if (problems.length > before) return null;
  const root = doc.contents;
  if (!isMap(root)) {
    add(root, '规则文件应为一个映射（键: 值）');
    return null;
  }
  let data: Record<string, unknown>;
  try {
    data = root.toJS(doc, { maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (e) {
    // The yaml package stops expanding aliases past maxAliasCount ("billion laughs").
    add(root, `YAML 别名展开过多，疑似别名炸弹（${(e as Error).message.split('\n')[0]}）；规则文件应为普通数据`);
    return null;
  }
  for (const pair of root.items) {
    const key = String((pair.key as { value?: unknown })?.value);
    if (!TOP_KEYS.includes(key)) add(pair.key, `未知的键“${key}”；应为 ${TOP_KEYS.join('、')} 之一`);
  }
  const node = (k: string): unknown => pairOf(root, k)?.value ?? pairOf(root, k)?.key ?? root;
  const expectedId = basename(file).replace(/\.ya?ml$/, '');
  const id = data.id;
  if (typeof id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(id)) {
    add(node('id'), `规则 id 无效；应为小写字母、数字和连字符；实际为 ${JSON.stringify(id ?? null)}`);
  } else if (id !== expectedId) {
    add(node('id'), `规则 id 应与文件名一致；应为 ${expectedId}；实际为 ${id}`);
  }
  if (typeof data.title !== 'string' || !data.title) add(node('title'), '缺少 title（规则标题）');
  const kind: CheckKind | undefined = typeof data.kind === 'string' ? CHECK_KINDS.get(data.kind) : undefined;
  if (!kind) {
    add(node('kind'), `检查类型无效；应为 ${[...CHECK_KINDS.keys()].join('、')} 之一；实际为 ${JSON.stringify(data.kind ?? null)}`);
  }
  if (!SEVERITIES.includes(data.severity as Severity)) {
    add(node('severity'), `severity 无效；应为 error、warning、info 之一；实际为 ${JSON.stringify(data.severity ?? null)}`);
  }
  const when = readWhen(data.when, pairOf(root, 'when')?.value, add);
  const options = (data.options ?? {}) as Record<string, unknown>;
  if (typeof options !== 'object' || Array.isArray(options)) add(node('options'), 'options 应为映射');
  else if (kind) {
    const optionsNode = pairOf(root, 'options')?.value;
    for (const [name, message, index] of validateOptions(kind, options)) {
      const valueNode = pairOf(optionsNode, name)?.value;
      // A problem with one item of a list (an unsafe pattern) points at that item.
      const item = index !== undefined && isSeq(valueNode) ? valueNode.items[index] : undefined;
      add(item ?? valueNode ?? pairOf(optionsNode, name)?.key ?? node('options'), message);
    }
  }
  const messages: Record<string, string> = { ...(kind?.defaultMessages ?? {}) };
  if (typeof data.message === 'string') messages.default = data.message;
  if (data.messages !== undefined) {
    if (!isMap(pairOf(root, 'messages')?.value)) add(node('messages'), 'messages 应为映射（消息 id: 文本）');
    else Object.assign(messages, data.messages as Record<string, string>);
  }
  if (!messages.default && !kind?.defaultMessages) add(root, '缺少 message（发现…：应当…）');
  const basis = readBasis(data.basis, pairOf(root, 'basis')?.value, add, root);
  if (problems.length > before || !kind) return null;
  return {
    id: id as string,
    title: data.title as string,
    kind: kind.name,
    severity: data.severity as Severity,
    when,
    options,
    messages,
    basis,
    tags: Array.isArray(data.tags) ? (data.tags as string[]).map(String) : [],
    description: typeof data.description === 'string' ? data.description : undefined,
    file,
    presets: [],
  };
}

function readWhen(v: unknown, n: unknown, add: (node: unknown, m: string) => void): When {
  const when: When = {};
  if (v === undefined || v === null) return when;
  if (typeof v !== 'object' || Array.isArray(v)) {
    add(n, 'when 应为映射');
    return when;
  }
  const at = (k: string): unknown => pairOf(n, k)?.value ?? n;
  const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : [x]);
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const bad = (allowed: readonly string[]): void =>
      add(at(k), `when.${k} 的取值无效；应为 ${allowed.join('、')}；实际为 ${JSON.stringify(x)}`);
    switch (k) {
      case 'kind':
        if (list(x).every((y) => DOC_KINDS.includes(y as never))) when.kind = list(x) as When['kind'];
        else bad(DOC_KINDS);
        break;
      case 'status':
        if (list(x).every((y) => STATUSES.includes(y as never))) when.status = list(x) as When['status'];
        else bad(STATUSES);
        break;
      case 'statusAtLeast':
        if (STATUSES.includes(x as never)) when.statusAtLeast = x as When['statusAtLeast'];
        else bad(STATUSES);
        break;
      case 'level':
        if (list(x).every((y) => LEVELS.includes(y as never))) when.level = list(x) as When['level'];
        else bad(LEVELS);
        break;
      case 'concerns':
        when.concerns = list(x).map(String);
        break;
      case 'issuerIs':
        if (x === 'government' || x === 'department') when.issuerIs = x;
        else bad(['government', 'department']);
        break;
      case 'trial':
        if (typeof x === 'boolean') when.trial = x;
        else bad(['true', 'false']);
        break;
      default:
        add(pairOf(n, k)?.key ?? n, `when 中未知的条件“${k}”；应为 ${WHEN_KEYS.join('、')} 之一`);
    }
  }
  return when;
}

function readBasis(v: unknown, n: unknown, add: (node: unknown, m: string) => void, root: unknown): Basis[] {
  if (!Array.isArray(v) || v.length === 0) {
    add(n ?? root, '缺少 basis（法律依据）：没有依据的规则不能加载；应为 [{title, article?, version?, confidence}] 列表');
    return [];
  }
  const out: Basis[] = [];
  v.forEach((b, i) => {
    const bn = isSeq(n) ? n.items[i] : n;
    if (!b || typeof b !== 'object' || Array.isArray(b)) {
      add(bn, 'basis 的每一项应为映射 {title, article?, version?, confidence}');
      return;
    }
    const rec = b as Record<string, unknown>;
    for (const k of Object.keys(rec)) {
      if (!BASIS_KEYS.includes(k)) add(pairOf(bn, k)?.key ?? bn, `basis 中未知的键“${k}”；应为 ${BASIS_KEYS.join('、')} 之一`);
    }
    if (typeof rec.title !== 'string' || !rec.title) add(bn, 'basis 缺少 title（文件名称）');
    if (!CONFIDENCES.includes(rec.confidence as string)) {
      add(pairOf(bn, 'confidence')?.value ?? bn, `basis.confidence 无效；应为 law、policy、practice 之一；实际为 ${JSON.stringify(rec.confidence ?? null)}`);
    }
    const basis: Basis = { title: String(rec.title), confidence: rec.confidence as Basis['confidence'] };
    for (const k of ['number', 'version', 'article', 'quote'] as const) if (rec[k] !== undefined) basis[k] = String(rec[k]);
    out.push(basis);
  });
  return out;
}
