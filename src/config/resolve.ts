/**
 * From a loaded config to what runs on one file: presets, then `rules`, then every matching
 * `overrides` entry in order. Also the checks that need the loaded rules (ids, options).
 */
import path from 'node:path';
import picomatch from 'picomatch';
import type { DocKind, Rule, Severity } from '../types.js';
import { settingPositions } from './positions.js';
import { SEVERITIES, resolvePresets } from './presets.js';
import { oneOf, problemMessage, quote, sortProblems, type ConfigPos, type ConfigProblem } from './problems.js';
import { suggestionHint } from './suggest.js';
import type { Override, ResolvedConfig, RuleSetting } from './types.js';

/** Engine diagnostics (rules.md §2): ids reserved, not rules; only meta-unknown-key can be configured. */
export const ENGINE_DIAGNOSTICS: readonly string[] = [
  'read-error',
  'parse-error',
  'meta-bad-date',
  'meta-unknown-key',
  'meta-text-mismatch',
  'internal-error',
  // Problems of inline suppression directives (src/suppress/directives.ts).
  'directive-invalid',
  'directive-missing-reason',
  'directive-unknown-rule',
  'directive-unused',
];

/** The one engine diagnostic a config may switch off or re-grade, and its default severity. */
export const CONFIGURABLE_DIAGNOSTIC = 'meta-unknown-key';
const CONFIGURABLE_DIAGNOSTIC_SEVERITY: Severity = 'info';

/** The position of a setting, or the start of the config file. */
function settingPos(config: ResolvedConfig, setting: RuleSetting): ConfigPos {
  return setting.pos ?? { file: config.file ?? '(默认配置)', line: 1, column: 1 };
}

/** A rule as it runs on one file. */
export interface EnabledRule {
  severity: Severity;
  options: Record<string, unknown>;
}

/**
 * Check the rule settings of `rules` and every override against the loaded rules: unknown ids
 * (with a suggestion), bad severities, and options the rule's check kind rejects (`validateOptions`
 * receives the rule's own options merged with the setting's). Returns every problem found.
 */
export function validateRuleSettings(
  config: ResolvedConfig,
  rules: Map<string, Rule>,
  validateOptions: (rule: Rule, options: Record<string, unknown>) => string[],
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const ids = [...rules.keys(), CONFIGURABLE_DIAGNOSTIC];
  const check = (settings: Record<string, RuleSetting>): void => {
    for (const [id, setting] of Object.entries(settings)) {
      const pos = settingPos(config, setting);
      const add = (message: string, at = pos): void => {
        problems.push({ file: at.file, line: at.line, column: at.column, message });
      };
      if (setting.severity !== undefined && !(['off', ...SEVERITIES] as string[]).includes(setting.severity)) {
        add(problemMessage(`规则 ${id} 的级别不正确`, oneOf(['off', ...SEVERITIES]), quote(String(setting.severity))));
      }
      if (ENGINE_DIAGNOSTICS.includes(id)) {
        if (id !== CONFIGURABLE_DIAGNOSTIC) {
          add(problemMessage('引擎诊断不能在配置中设置', `规则编号（只有 ${CONFIGURABLE_DIAGNOSTIC} 可以设置）`, quote(id)));
        } else if (setting.options && Object.keys(setting.options).length > 0) {
          add(problemMessage(`${id} 没有选项`, '只设置级别，如 off', 'options'), settingPositions(setting)?.options ?? pos);
        }
        continue;
      }
      const rule = rules.get(id);
      if (!rule) {
        add(problemMessage('未知的规则', '已加载的规则编号（hefa rules 列出全部）', quote(id), suggestionHint(id, ids)));
        continue;
      }
      if (setting.options !== undefined) {
        const merged = { ...rule.options, ...setting.options };
        const where = settingPositions(setting);
        for (const message of validateOptions(rule, merged)) {
          // Point at the option the message names, when it names one of the options written here.
          const named = Object.keys(setting.options).find((k) => new RegExp(`(^|[^\\w.-])${escapeRegExp(k)}($|[^\\w-])`).test(message));
          const at = (named && where?.option[named]) || where?.options || pos;
          add(`规则 ${id} 的选项不正确：${message}`, at);
        }
      }
    }
  };
  check(config.rules);
  for (const o of config.overrides) check(o.rules);
  return sortProblems(problems);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A file's path relative to the config dir, with `/`; an absolute path is made relative first. */
export function relativeToConfig(config: ResolvedConfig, file: string): string {
  let rel = path.isAbsolute(file) ? path.relative(config.dir, file) : file;
  rel = rel.split(path.sep).join('/').replace(/\\/g, '/');
  while (rel.startsWith('./')) rel = rel.slice(2);
  return rel;
}

const matchers = new WeakMap<Override, (p: string) => boolean>();

/**
 * True when an override applies to a path relative to the config dir. Globs follow picomatch;
 * a glob without `/` matches the file name at any depth (as in .gitignore), and dot files match.
 */
export function overrideMatches(o: Override, relPath: string): boolean {
  let m = matchers.get(o);
  if (!m) {
    // picomatch's own `basename` option also applies to patterns with slashes, so spell it out.
    const globs = o.files.map((g) => (g.includes('/') ? g : `**/${g}`));
    m = picomatch(globs, { dot: true });
    matchers.set(o, m);
  }
  return m(relPath);
}

/** True when a rule was loaded from one of the config's local rule folders. */
function fromRuleFolder(rule: Rule, folders: string[]): boolean {
  if (folders.length === 0 || !rule.file) return false;
  const file = path.resolve(rule.file);
  return folders.some((f) => {
    const rel = path.relative(f, file);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  });
}

/**
 * The rules that run on one file, with severity and options, and the kind the config sets for it.
 * Order: presets (in `extends` order) and the rules of local rule folders at their default
 * severity; then `rules`; then each matching override in order. A later severity replaces an
 * earlier one (`off` removes the rule); options are merged key by key over the rule's own options.
 * A setting that only gives options does not switch a rule on. Unknown ids are skipped (see
 * validateRuleSettings). `enabled` also holds `meta-unknown-key` (an engine diagnostic, not a
 * Rule) unless the config switches it off.
 */
export function settingsForFile(
  config: ResolvedConfig,
  relPath: string,
  rules: Rule[],
): { enabled: Map<string, EnabledRule>; kind?: DocKind } {
  const rel = relativeToConfig(config, relPath);
  const severities = resolvePresets(config.presets, rules);
  for (const rule of rules) {
    if (!severities.has(rule.id) && fromRuleFolder(rule, config.ruleFolders)) severities.set(rule.id, rule.severity);
  }
  const byId = new Map(rules.map((r) => [r.id, r]));
  const options = new Map<string, Record<string, unknown>>();
  let diagnostic: Severity | null = CONFIGURABLE_DIAGNOSTIC_SEVERITY;
  const apply = (settings: Record<string, RuleSetting>): void => {
    for (const [id, s] of Object.entries(settings)) {
      if (id === CONFIGURABLE_DIAGNOSTIC) {
        if (s.severity === 'off') diagnostic = null;
        else if (s.severity) diagnostic = s.severity;
        continue;
      }
      if (!byId.has(id)) continue;
      if (s.severity === 'off') severities.delete(id);
      else if (s.severity) severities.set(id, s.severity);
      if (s.options) options.set(id, { ...options.get(id), ...s.options });
    }
  };
  apply(config.rules);
  let kind: DocKind | undefined;
  for (const o of config.overrides) {
    if (!overrideMatches(o, rel)) continue;
    apply(o.rules);
    if (o.kind) kind = o.kind;
  }
  const enabled = new Map<string, EnabledRule>();
  const ids = [...severities.keys()].filter((id) => byId.has(id));
  if (diagnostic) ids.push(CONFIGURABLE_DIAGNOSTIC);
  for (const id of ids.sort()) {
    if (id === CONFIGURABLE_DIAGNOSTIC && !byId.has(id)) {
      enabled.set(id, { severity: diagnostic!, options: {} });
      continue;
    }
    enabled.set(id, { severity: severities.get(id)!, options: { ...byId.get(id)!.options, ...options.get(id) } });
  }
  return kind === undefined ? { enabled } : { enabled, kind };
}

/** A copy of a JSON-like value with object keys sorted at every level. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

/**
 * The resolved config for one file (`--print-config`): JSON-serialisable, keys in a fixed order
 * (maps sorted by key), so the same config prints the same bytes.
 */
export function printableConfig(config: ResolvedConfig, relPath: string, rules: Rule[]): object {
  const rel = relativeToConfig(config, relPath);
  const { enabled, kind } = settingsForFile(config, rel, rules);
  const j = config.jurisdiction;
  return {
    file: config.file,
    dir: config.dir,
    path: rel,
    kind: kind ?? null,
    extends: { presets: [...config.presets], ruleFolders: [...config.ruleFolders] },
    overrides: config.overrides
      .filter((o) => overrideMatches(o, rel))
      .map((o) => ({ files: [...o.files], line: o.pos.line })),
    rules: Object.fromEntries(
      [...enabled].map(([id, r]) => [id, { severity: r.severity, options: sortKeys(r.options) }]),
    ),
    params: sortKeys(config.params),
    ignore: [...config.ignore],
    laws: config.laws,
    calendar: { holidays: [...config.calendar.holidays], workdays: [...config.calendar.workdays] },
    jurisdiction: j
      ? {
          name: j.name ?? null,
          level: j.level ?? null,
          npcStandingCommittee: j.npcStandingCommittee ?? null,
          superior: j.superior ?? null,
        }
      : null,
    filing: {
      unit: config.filing.unit,
      targets: config.filing.targets.map((t) => ({
        issuer: [...t.issuer],
        to: t.to.map((x) => ({ type: x.type, name: x.name ?? null })),
      })),
    },
  };
}
