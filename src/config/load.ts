/**
 * Find and load a config file (product.md §5): parse the YAML into nodes with positions, check
 * every key, and collect every problem before failing, so one run shows the user all of them.
 * A config is data: `extends` names built-in presets or rule folders, never a package or a script.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDate } from '../cn/dates.js';
import { DOC_KINDS, FILING_TARGET_TYPES, LEVELS, type FilingConfig, type FilingTargetRule, type FilingTargetType, type Level, type Severity } from '../types.js';
import { DEFAULT_PARAMS } from './params.js';
import { DEFAULT_MAX_FILE_SIZE } from '../input/read.js';
import { setSettingPositions, type SettingPositions } from './positions.js';
import { SEVERITIES, builtinPresets } from './presets.js';
import { ConfigError, oneOf, problemMessage, quote } from './problems.js';
import { suggestionHint } from './suggest.js';
import type { Jurisdiction, Override, ResolvedConfig, RuleSetting } from './types.js';
import { YamlWalker, isMap, isScalar, isSeq, type Entry, type Node } from './yaml-nodes.js';

/** Config file names, in the order they are looked for in each directory. */
export const CONFIG_FILE_NAMES: readonly string[] = ['hefa.config.yaml', '.hefarc.yaml', '.hefarc.yml'];

/** The keys a config file may have. */
export const CONFIG_KEYS: readonly string[] = [
  'extends',
  'jurisdiction',
  'params',
  'rules',
  'overrides',
  'ignore',
  'laws',
  'calendar',
  'filing',
  'maxFileSize',
];

/** The preset used when a config has no `extends`. */
export const DEFAULT_PRESETS: readonly string[] = ['hefa:recommended'];

const SETTING_VALUES = ['off', ...SEVERITIES] as const;
const OVERRIDE_KEYS = ['files', 'rules', 'kind'];
const SETTING_KEYS = ['severity', 'options'];
const CALENDAR_KEYS = ['holidays', 'workdays'];
const JURISDICTION_KEYS = ['name', 'level', 'npcStandingCommittee', 'superior'];
const FILING_KEYS = ['unit', 'targets'];
const FILING_TARGET_KEYS = ['issuer', 'to'];
const FILING_TO_KEYS = ['type', 'name'];
const FILING_UNITS = ['days', 'workdays'] as const;
const DATE_FORMS = '2027-01-01、2027/1/1、2027.1.1、2027年1月1日 或 二〇二七年一月一日';
/** File extensions of code: naming one in `extends` or `laws` is refused outright. */
const CODE_FILE = /\.(?:[cm]?[jt]sx?|json5?|node|wasm|sh|py)$/i;

/** The nearest hefa.config.yaml / .hefarc.yaml / .hefarc.yml from `cwd` upward, or null. */
export function findConfigFile(cwd: string): string | null {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The configuration used when there is no config file: paths relative to `dir`. */
export function defaultConfig(dir: string = path.resolve('.')): ResolvedConfig {
  return {
    file: null,
    dir: path.resolve(dir),
    presets: [...DEFAULT_PRESETS],
    ruleFolders: [],
    params: { ...DEFAULT_PARAMS },
    rules: {},
    overrides: [],
    ignore: [],
    laws: null,
    calendar: { holidays: [], workdays: [] },
    jurisdiction: null,
    filing: { unit: 'days', targets: [] },
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
  };
}

/**
 * Load and check a config file; null gives the defaults (paths relative to the current directory).
 * Throws ConfigError listing every problem of the file. Rule ids and rule options are checked later
 * by validateRuleSettings, once the rules are loaded.
 */
export function loadConfig(file: string | null): ResolvedConfig {
  if (file === null) return defaultConfig();
  const abs = path.resolve(file);
  const source = readConfigText(abs);
  return parseConfig(source, abs);
}

/** Check a config's text as if it were the file `file` (absolute); throws ConfigError. */
export function parseConfig(source: string, file: string): ResolvedConfig {
  const { config, problems } = parseConfigCollecting(source, file);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Load a config, returning what could be read and every problem found (the caller adds rule-id problems). */
export function loadConfigCollecting(file: string | null): { config: ResolvedConfig; problems: import('./problems.js').ConfigProblem[] } {
  if (file === null) return { config: defaultConfig(), problems: [] };
  const abs = path.resolve(file);
  return parseConfigCollecting(readConfigText(abs), abs);
}

function parseConfigCollecting(source: string, file: string): { config: ResolvedConfig; problems: import('./problems.js').ConfigProblem[] } {
  const abs = path.resolve(file);
  // A lone CR is a line break for the user; make it one for the parser too (same length, same offsets).
  const text = source.replace(/^\uFEFF/, '').replace(/\r(?!\n)/g, '\n');
  const w = new YamlWalker(abs, text);
  const config = defaultConfig(path.dirname(abs));
  config.file = abs;
  if (!w.broken) readRoot(w, config);
  return { config, problems: [...w.problems] };
}

function readConfigText(file: string): string {
  const fail = (what: string, actual: string, hint?: string): never => {
    throw new ConfigError([{ file, line: 1, column: 1, message: problemMessage(what, 'UTF-8 编码的 YAML 文件', actual, hint) }]);
  };
  let bytes: Buffer;
  try {
    const st = statSync(file);
    if (st.isDirectory()) fail('配置文件是一个目录', '目录');
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    return fail('无法读取配置文件', code === 'ENOENT' ? '文件不存在' : (code ?? String(e)));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('配置文件不是 UTF-8 编码', '其他编码（如 GBK）', '请另存为 UTF-8');
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Top level
// ---------------------------------------------------------------------------

function readRoot(w: YamlWalker, config: ResolvedConfig): void {
  const root = w.root();
  if (w.isNull(root)) return; // an empty (or all-comment) file: the defaults
  if (!isMap(root)) {
    w.report(root, '配置文件的顶层类型不正确', `映射（${CONFIG_KEYS.join('、')} 等键）`, w.describe(root));
    return;
  }
  for (const e of w.entries(root)) {
    // A key with nothing after it (everything below commented out) means "not set".
    if (w.isNull(e.value)) continue;
    const value = e.value!;
    switch (e.key) {
      case 'extends':
        readExtends(w, value, config);
        break;
      case 'params':
        readParams(w, value, config);
        break;
      case 'rules':
        config.rules = readRules(w, value, 'rules');
        break;
      case 'overrides':
        config.overrides = readOverrides(w, value);
        break;
      case 'ignore':
        config.ignore = readGlobs(w, value, e.keyNode, 'ignore');
        break;
      case 'laws':
        config.laws = readLaws(w, value, config);
        break;
      case 'calendar':
        config.calendar = readCalendar(w, value);
        break;
      case 'jurisdiction':
        config.jurisdiction = readJurisdiction(w, value);
        break;
      case 'filing':
        config.filing = readFiling(w, value);
        break;
      case 'maxFileSize':
        config.maxFileSize = readMaxFileSize(w, value);
        break;
      default:
        w.report(e.keyNode, '未知的配置项', oneOf(CONFIG_KEYS), quote(e.key), suggestionHint(e.key, CONFIG_KEYS));
    }
  }
}

/** Report every key of a map that is not one of `known`. */
function unknownKeys(w: YamlWalker, entries: Entry[], known: readonly string[], what: string): Entry[] {
  return entries.filter((e) => {
    if (known.includes(e.key)) return true;
    w.report(e.keyNode, what, oneOf(known), quote(e.key), suggestionHint(e.key, known));
    return false;
  });
}

/** A non-empty string value, or null after reporting it. */
function nonEmptyString(w: YamlWalker, node: Node | null, at: Node, what: string, expected = '非空字符串'): string | null {
  const s = w.str(node);
  if (s === null || s.trim() === '') {
    w.report(w.isNull(node) ? at : node, `${what} 不正确`, expected, w.describe(node));
    return null;
  }
  return s.trim();
}

/** Set a key as an own data property (a key named __proto__ must not change the prototype). */
function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A value that may be one item or a list of items. */
function oneOrMany(w: YamlWalker, node: Node): (Node | null)[] {
  return isSeq(node) ? w.items(node) : [node];
}

// ---------------------------------------------------------------------------
// extends
// ---------------------------------------------------------------------------

function readExtends(w: YamlWalker, node: Node, config: ResolvedConfig): void {
  const presets = builtinPresets();
  const names = [...presets.keys()];
  const expected = `${oneOf([...names, '规则文件夹的路径（相对于配置文件）'])}`;
  if (!isSeq(node) && !isScalar(node)) {
    w.report(node, 'extends 的类型不正确', `字符串或字符串列表：${expected}`, w.describe(node));
    return;
  }
  config.presets = [];
  config.ruleFolders = [];
  for (const item of oneOrMany(w, node)) {
    const s = w.str(item);
    if (s === null || s.trim() === '') {
      w.report(item ?? node, 'extends 的值不正确', expected, w.describe(item));
      continue;
    }
    const value = s.trim();
    if (presets.has(value)) {
      config.presets.push(value);
      continue;
    }
    const bad = (what: string, hint?: string): void => w.report(item, what, expected, quote(value), hint);
    if (/^[a-z][\w-]*:/i.test(value) && !/^[a-z]:[\\/]/i.test(value)) {
      bad(
        '未知的预设',
        suggestionHint(value, names) ??
          (/^(npm|node|file|https?|git):/i.test(value) ? '配置只能引用内置预设或本地规则文件夹，不能加载包或代码' : undefined),
      );
      continue;
    }
    const bare = `hefa:${value}`;
    const abs = path.resolve(config.dir, value);
    if (isDirectory(abs)) {
      if (!config.ruleFolders.includes(abs)) config.ruleFolders.push(abs);
    } else if (CODE_FILE.test(value)) {
      bad('extends 不能引用代码文件', '配置是数据，不能加载代码；规则请写成 YAML 规则文件放在文件夹中');
    } else if (isFile(abs)) {
      bad('extends 不能引用单个文件', '请引用存放 YAML 规则文件的文件夹');
    } else if (presets.has(bare)) {
      bad('未知的预设', `是否想写 ${bare}？`);
    } else if (/^(?:@[\w.-]+\/)?[\w.-]+$/.test(value) && !value.startsWith('.')) {
      bad('extends 不支持 npm 包，也找不到同名的规则文件夹', '配置只能引用内置预设或本地规则文件夹，不能加载包或代码');
    } else {
      bad('规则文件夹不存在', `按配置文件所在目录解析为 ${abs}`);
    }
  }
}

// ---------------------------------------------------------------------------
// params
// ---------------------------------------------------------------------------

function readParams(w: YamlWalker, node: Node, config: ResolvedConfig): void {
  const names = Object.keys(DEFAULT_PARAMS);
  if (!isMap(node)) {
    w.report(node, 'params 的类型不正确', '参数名到非负整数的映射', w.describe(node));
    return;
  }
  for (const e of w.entries(node)) {
    if (!Object.hasOwn(DEFAULT_PARAMS, e.key)) {
      const group = names.filter((n) => n.startsWith(`${e.key}.`));
      const hint =
        group.length > 0 && e.value && isMap(e.value)
          ? `参数名用点号连成一个键，如 ${group[0]}`
          : suggestionHint(e.key, names);
      w.report(e.keyNode, '未知的参数', oneOf(names), quote(e.key), hint);
      continue;
    }
    const v = e.value;
    if (v && isScalar(v) && typeof v.value === 'number' && Number.isInteger(v.value) && v.value >= 0) {
      setOwn(config.params, e.key, v.value);
      continue;
    }
    const s = w.str(v);
    const hint = s !== null && /^\s*\d+\s*$/.test(s) ? '去掉引号' : undefined;
    w.report(w.isNull(v) ? e.keyNode : v, `参数 ${e.key} 的值不正确`, '非负整数', w.describe(v), hint);
  }
}

// ---------------------------------------------------------------------------
// rules
// ---------------------------------------------------------------------------

function readRules(w: YamlWalker, node: Node, where: string): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  if (!isMap(node)) {
    w.report(node, `${where} 的类型不正确`, '规则编号到设置的映射', w.describe(node));
    return out;
  }
  for (const e of w.entries(node)) {
    const setting = readRuleSetting(w, e, where);
    if (setting) setOwn(out, e.key, setting);
  }
  return out;
}

function readRuleSetting(w: YamlWalker, e: Entry, where: string): RuleSetting | null {
  const id = e.key;
  const pos = w.pos(e.keyNode);
  const expected = `${oneOf(SETTING_VALUES)}，或 {severity, options}`;
  const v = e.value;
  if (v && isScalar(v) && v.value !== null) {
    const severity = readSeverity(w, v, `${where} 中 ${id} 的设置不正确`, expected);
    return severity ? { severity, pos } : null;
  }
  if (!v || !isMap(v)) {
    w.report(w.isNull(v) ? e.keyNode : v, `${where} 中 ${id} 的设置不正确`, expected, w.describe(v));
    return null;
  }
  const setting: RuleSetting = { pos };
  const positions: SettingPositions = { option: {} };
  let ok = true;
  for (const s of unknownKeys(w, w.entries(v), SETTING_KEYS, `规则 ${id} 的设置中有未知的键`)) {
    if (s.key === 'severity') {
      const severity = s.value && isScalar(s.value) ? readSeverity(w, s.value, `规则 ${id} 的 severity 不正确`, oneOf(SETTING_VALUES)) : null;
      if (!s.value || !isScalar(s.value)) w.report(s.value ?? s.keyNode, `规则 ${id} 的 severity 不正确`, oneOf(SETTING_VALUES), w.describe(s.value));
      if (severity) setting.severity = severity;
      else ok = false;
    } else if (s.key === 'options') {
      if (w.isNull(s.value)) continue;
      if (!s.value || !isMap(s.value)) {
        w.report(s.value ?? s.keyNode, `规则 ${id} 的 options 不正确`, '选项名到值的映射', w.describe(s.value));
        ok = false;
        continue;
      }
      positions.options = w.pos(s.value);
      const options: Record<string, unknown> = {};
      for (const o of w.entries(s.value)) {
        setOwn(options, o.key, o.value ? o.value.toJS(w.doc, { maxAliasCount: 100 }) : null);
        positions.option[o.key] = w.pos(o.value, o.keyNode);
      }
      setting.options = options;
    }
  }
  if (!ok) return null;
  setSettingPositions(setting, positions);
  return setting;
}

function readSeverity(w: YamlWalker, node: Node, what: string, expected: string): Severity | 'off' | null {
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === 'string' && (SETTING_VALUES as readonly string[]).includes(value)) {
    return value as Severity | 'off';
  }
  let hint: string | undefined;
  if (typeof value === 'string') hint = suggestionHint(value, SETTING_VALUES);
  else if (value === false) hint = '关闭规则请写 off';
  else if (typeof value === 'number') hint = 'hefa 不用数字表示级别';
  w.report(node, what, expected, w.describe(node), hint);
  return null;
}

// ---------------------------------------------------------------------------
// overrides, ignore
// ---------------------------------------------------------------------------

function readOverrides(w: YamlWalker, node: Node): Override[] {
  const out: Override[] = [];
  if (!isSeq(node)) {
    w.report(node, 'overrides 的类型不正确', '列表，每项为 {files, rules, kind}', w.describe(node));
    return out;
  }
  w.items(node).forEach((item, i) => {
    const where = `overrides 第 ${i + 1} 项`;
    if (!item || !isMap(item)) {
      w.report(item ?? node, `${where}的类型不正确`, '{files, rules, kind}', w.describe(item));
      return;
    }
    const o: Override = { files: [], rules: {}, pos: w.pos(item) };
    let hasFiles = false;
    let ok = true;
    for (const e of unknownKeys(w, w.entries(item), OVERRIDE_KEYS, `${where}中有未知的键`)) {
      if (e.key === 'files') {
        hasFiles = true;
        if (w.isNull(e.value)) {
          w.report(e.value ?? e.keyNode, `${where}的 files 不正确`, '通配符或通配符列表', '空值');
          ok = false;
          continue;
        }
        o.files = readGlobs(w, e.value!, e.keyNode, `${where}的 files`, false);
        if (o.files.length === 0) ok = false;
      } else if (e.key === 'rules') {
        if (!w.isNull(e.value)) o.rules = readRules(w, e.value!, `${where}的 rules`);
      } else if (e.key === 'kind') {
        const kind = readEnum(w, e.value, e.keyNode, `${where}的 kind`, DOC_KINDS);
        if (kind) o.kind = kind;
        else ok = false;
      }
    }
    if (!hasFiles) {
      w.report(item, `${where}缺少 files`, '通配符或通配符列表（相对于配置文件所在目录）', w.describe(item));
      ok = false;
    }
    if (ok) out.push(o);
  });
  return out;
}

/** Globs: one string or a list of strings, relative to the config dir, written with `/`. */
function readGlobs(w: YamlWalker, node: Node, at: Node, what: string, negation = true): string[] {
  if (!isSeq(node) && !isScalar(node)) {
    w.report(node, `${what} 的类型不正确`, '通配符或通配符列表', w.describe(node));
    return [];
  }
  const out: string[] = [];
  const items = oneOrMany(w, node);
  if (isSeq(node) && items.length === 0) {
    w.report(node, `${what} 不能为空列表`, '至少一个通配符', '[]');
  }
  for (const item of items) {
    const s = nonEmptyString(w, item, at, what, '非空的通配符字符串');
    if (s === null) continue;
    const glob = normaliseGlob(s);
    if (path.isAbsolute(s) || /^[a-z]:[\\/]/i.test(s)) {
      w.report(item, `${what} 不能是绝对路径`, '相对于配置文件所在目录的通配符', quote(s));
      continue;
    }
    if (!negation && glob.startsWith('!')) {
      w.report(item, `${what} 不能以 ! 开头`, '要匹配的文件的通配符', quote(s), '要排除文件，请另写一项 overrides 把设置改回');
      continue;
    }
    if (!out.includes(glob)) out.push(glob);
  }
  return out;
}

/** `./a\b/**` → `a/b/**` (keeps a leading `!`). */
export function normaliseGlob(glob: string): string {
  let g = glob.trim().replace(/\\/g, '/');
  const neg = g.startsWith('!');
  if (neg) g = g.slice(1);
  while (g.startsWith('./')) g = g.slice(2);
  return neg ? `!${g}` : g;
}

function readEnum<T extends string>(
  w: YamlWalker,
  node: Node | null,
  at: Node,
  what: string,
  values: readonly T[],
  extraHint?: (s: string) => string | undefined,
): T | null {
  const s = w.str(node);
  if (s !== null && (values as readonly string[]).includes(s.trim())) return s.trim() as T;
  const hint = s === null ? undefined : (extraHint?.(s.trim()) ?? suggestionHint(s.trim(), values));
  w.report(w.isNull(node) ? at : node, `${what} 不正确`, oneOf(values), w.describe(node), hint);
  return null;
}

// ---------------------------------------------------------------------------
// laws, calendar, jurisdiction
// ---------------------------------------------------------------------------

function readLaws(w: YamlWalker, node: Node, config: ResolvedConfig): string | null {
  const s = nonEmptyString(w, node, node, 'laws', '法律状态表 YAML 文件的路径（相对于配置文件）');
  if (s === null) return null;
  const abs = path.resolve(config.dir, s);
  const expected = '法律状态表 YAML 文件的路径（相对于配置文件）';
  if (CODE_FILE.test(s)) {
    w.report(node, 'laws 不能引用代码文件', expected, quote(s), '配置是数据，不能加载代码');
  } else if (isDirectory(abs)) {
    w.report(node, 'laws 是一个目录', expected, quote(s));
  } else if (!isFile(abs)) {
    w.report(node, 'laws 指向的文件不存在', expected, quote(s), `按配置文件所在目录解析为 ${abs}`);
  } else if (!/\.ya?ml$/i.test(s)) {
    w.report(node, 'laws 不是 YAML 文件', expected, quote(s));
  } else {
    return abs;
  }
  return null;
}

function readCalendar(w: YamlWalker, node: Node): ResolvedConfig['calendar'] {
  const out: ResolvedConfig['calendar'] = { holidays: [], workdays: [] };
  if (!isMap(node)) {
    w.report(node, 'calendar 的类型不正确', '{holidays: [日期…], workdays: [日期…]}', w.describe(node));
    return out;
  }
  const seen = new Map<string, string>();
  for (const e of unknownKeys(w, w.entries(node), CALENDAR_KEYS, 'calendar 中有未知的键')) {
    if (w.isNull(e.value)) continue;
    const list = e.key === 'holidays' ? out.holidays : out.workdays;
    for (const item of oneOrMany(w, e.value!)) {
      const iso = item && isScalar(item) && typeof item.value === 'string' ? parseDate(item.value) : null;
      if (iso === null) {
        w.report(item ?? e.keyNode, `calendar.${e.key} 中的日期不正确`, DATE_FORMS, w.describe(item));
        continue;
      }
      const other = seen.get(iso);
      if (other && other !== e.key) {
        w.report(item, `日期 ${iso} 同时出现在 holidays 和 workdays 中`, '只出现在其中一个', `${other} 与 ${e.key}`);
        continue;
      }
      seen.set(iso, e.key);
      if (!list.includes(iso)) list.push(iso);
    }
  }
  out.holidays.sort();
  out.workdays.sort();
  return out;
}

function levelHint(s: string): string | undefined {
  const stripped = s.replace(/级$/, '');
  if (stripped !== s && (LEVELS as readonly string[]).includes(stripped)) return `是否想写 ${stripped}？`;
  if (/区$/.test(s) || s === '旗') return '市辖区、旗等县级行政区请写 县';
  if (/镇$/.test(s) || s === '街道') return '乡镇、街道请写 乡';
  if (/自治区$|直辖市$/.test(s)) return '省级请写 省';
  if (/州$|盟$/.test(s)) return '地级请写 市';
  return undefined;
}

function readJurisdiction(w: YamlWalker, node: Node): Jurisdiction | null {
  if (!isMap(node)) {
    w.report(node, 'jurisdiction 的类型不正确', '{name, level, npcStandingCommittee, superior}', w.describe(node));
    return null;
  }
  const j: Jurisdiction = {};
  for (const e of unknownKeys(w, w.entries(node), JURISDICTION_KEYS, 'jurisdiction 中有未知的键')) {
    if (w.isNull(e.value)) continue;
    if (e.key === 'level') {
      const level = readEnum<Level>(w, e.value, e.keyNode, 'jurisdiction.level', LEVELS, levelHint);
      if (level) j.level = level;
      continue;
    }
    const s = nonEmptyString(w, e.value, e.keyNode, `jurisdiction.${e.key}`, '机关或地方的名称');
    if (s === null) continue;
    if (e.key === 'name') j.name = s;
    else if (e.key === 'npcStandingCommittee') j.npcStandingCommittee = s;
    else if (e.key === 'superior') j.superior = s;
  }
  return j;
}

// ---------------------------------------------------------------------------
// filing
// ---------------------------------------------------------------------------

/**
 * `filing: {unit, targets}` (product.md §5.4): the deadline's unit, and filing targets per issuer
 * pattern, replacing the default mapping for the issuers they match (first matching entry wins).
 * Issuer patterns are globs (`*`, `?`, `{a,b}`), never regular expressions: config is data.
 */
function readFiling(w: YamlWalker, node: Node): FilingConfig {
  const out: FilingConfig = { unit: 'days', targets: [] };
  if (!isMap(node)) {
    w.report(node, 'filing 的类型不正确', '{unit: days|workdays, targets: [{issuer, to}]}', w.describe(node));
    return out;
  }
  for (const e of w.entries(node)) {
    if (!FILING_KEYS.includes(e.key)) {
      const hint = /^(?:days|day|deadline|期限|天数)$/i.test(e.key)
        ? '备案期限的天数是参数，请写 params: {filing.days: 30}'
        : suggestionHint(e.key, FILING_KEYS);
      w.report(e.keyNode, 'filing 中有未知的键', oneOf(FILING_KEYS), quote(e.key), hint);
      continue;
    }
    if (w.isNull(e.value)) continue;
    if (e.key === 'unit') {
      const unit = readEnum(w, e.value, e.keyNode, 'filing.unit', FILING_UNITS, (v) =>
        /^(?:工作日|workday)$/.test(v) ? '是否想写 workdays？' : /^(?:日|天|自然日|day)$/.test(v) ? '是否想写 days？' : undefined,
      );
      if (unit) out.unit = unit;
    } else {
      out.targets = readFilingTargets(w, e.value!);
    }
  }
  return out;
}

function readFilingTargets(w: YamlWalker, node: Node): FilingTargetRule[] {
  const out: FilingTargetRule[] = [];
  const shape = '列表，每项为 {issuer: 制定机关名称的通配符, to: [{type: npc|superior|government, name: 备案机关}]}';
  if (!isSeq(node)) {
    w.report(node, 'filing.targets 的类型不正确', shape, w.describe(node));
    return out;
  }
  w.items(node).forEach((item, i) => {
    const where = `filing.targets 第 ${i + 1} 项`;
    if (!item || !isMap(item)) {
      w.report(item ?? node, `${where}的类型不正确`, '{issuer, to}', w.describe(item));
      return;
    }
    let issuer: string[] | null = null;
    let to: FilingTargetRule['to'] | null = null;
    let hasTo = false;
    let ok = true;
    for (const e of unknownKeys(w, w.entries(item), FILING_TARGET_KEYS, `${where}中有未知的键`)) {
      if (e.key === 'issuer') {
        issuer = w.isNull(e.value) ? [] : readIssuerGlobs(w, e.value!, e.keyNode, `${where}的 issuer`);
        if (issuer.length === 0) {
          if (w.isNull(e.value)) w.report(e.value ?? e.keyNode, `${where}的 issuer 不正确`, '制定机关名称或通配符（如 夹江县*局）', '空值');
          ok = false;
        }
      } else {
        hasTo = true;
        to = readFilingTo(w, e.value, e.keyNode, where);
        if (to === null) ok = false;
      }
    }
    if (issuer === null) {
      w.report(item, `${where}缺少 issuer`, '制定机关名称或通配符（如 夹江县*局）', w.describe(item));
      ok = false;
    }
    if (!hasTo) {
      w.report(item, `${where}缺少 to`, '备案机关列表 [{type, name}]（无需备案写 []）', w.describe(item));
      ok = false;
    }
    if (ok && issuer && to) out.push({ issuer, to });
  });
  return out;
}

/** Issuer patterns: one glob or a list; `/…/` regular expressions are refused (config is data). */
function readIssuerGlobs(w: YamlWalker, node: Node, at: Node, what: string): string[] {
  if (!isSeq(node) && !isScalar(node)) {
    w.report(node, `${what} 的类型不正确`, '制定机关名称、通配符或它们的列表', w.describe(node));
    return [];
  }
  const out: string[] = [];
  for (const item of oneOrMany(w, node)) {
    const s = nonEmptyString(w, item, at, what, '制定机关名称或通配符（如 夹江县*局）');
    if (s === null) continue;
    if (/^\/.*\/[a-z]*$/.test(s)) {
      w.report(item, `${what} 不支持正则表达式`, '通配符：* 任意多个字符，? 一个字符，{a,b} 其一', quote(s));
      continue;
    }
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

function readFilingTo(w: YamlWalker, node: Node | null, at: Node, where: string): FilingTargetRule['to'] | null {
  const expected = '备案机关列表 [{type: npc|superior|government, name: 备案机关名称}]（无需备案写 []）';
  if (w.isNull(node) || (node && !isSeq(node) && !isMap(node))) {
    w.report(w.isNull(node) ? at : node, `${where}的 to 不正确`, expected, w.describe(node));
    return null;
  }
  const out: FilingTargetRule['to'] = [];
  let ok = true;
  for (const item of oneOrMany(w, node!)) {
    if (!item || !isMap(item)) {
      w.report(item ?? node, `${where}的 to 中的备案机关不正确`, '{type: npc|superior|government, name: 备案机关名称}', w.describe(item));
      ok = false;
      continue;
    }
    let type: FilingTargetType | null = null;
    let name: string | undefined;
    let hasType = false;
    for (const e of unknownKeys(w, w.entries(item), FILING_TO_KEYS, `${where}的 to 中有未知的键`)) {
      if (e.key === 'type') {
        hasType = true;
        type = readEnum(w, e.value, e.keyNode, `${where}的 to.type`, FILING_TARGET_TYPES, (v) =>
          /人大/.test(v) ? '人大常委会请写 npc' : /上级|上一级/.test(v) ? '上一级人民政府请写 superior' : /政府/.test(v) ? '本级人民政府请写 government' : undefined,
        );
        if (!type) ok = false;
      } else if (!w.isNull(e.value)) {
        const s = nonEmptyString(w, e.value, e.keyNode, `${where}的 to.name`, '备案机关的名称');
        if (s === null) ok = false;
        else name = s;
      }
    }
    if (!hasType) {
      w.report(item, `${where}的 to 中的备案机关缺少 type`, oneOf(FILING_TARGET_TYPES), w.describe(item));
      ok = false;
    }
    if (type) out.push(name === undefined ? { type } : { type, name });
  }
  return ok ? out : null;
}

// ---------------------------------------------------------------------------
// maxFileSize
// ---------------------------------------------------------------------------

/** `maxFileSize`: the largest input read, in bytes (a positive integer); larger files are a read-error. */
function readMaxFileSize(w: YamlWalker, node: Node): number {
  if (isScalar(node) && typeof node.value === 'number' && Number.isSafeInteger(node.value) && node.value > 0) return node.value;
  const s = w.str(node);
  const hint = s !== null && /^\s*\d+\s*(?:[kmg]i?b?|字节)?\s*$/i.test(s) ? '只写字节数，不加引号和单位（如 20 MB 写 20971520）' : undefined;
  w.report(node, 'maxFileSize 不正确', `正整数（字节数；默认 ${DEFAULT_MAX_FILE_SIZE}，即 20 MB）`, w.describe(node), hint);
  return DEFAULT_MAX_FILE_SIZE;
}
