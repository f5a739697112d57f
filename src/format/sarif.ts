/**
 * SARIF 2.1.0 for code scanning (product.md §4.1): one run; `tool.driver.rules` lists every loaded
 * rule (not only those with findings) and the engine diagnostics, each with its basis in
 * `properties`; results carry a stable `partialFingerprints` entry and, when suppressed, a
 * `suppressions` entry: suppressed findings stay in the log so code scanning can close their alerts.
 *
 * Columns are 1-based UTF-16 code units, which is both hefa's unit and SARIF's default
 * (`columnKind: utf16CodeUnits`, SARIF §3.14.17). Paths are relative URIs under `SRCROOT`, one
 * percent-encoded segment at a time, so Chinese file names and spaces make valid URIs.
 * Nothing depends on the clock or the machine: the same input and --as-of give the same bytes.
 */
import { createHash } from 'node:crypto';
import type { Basis, Confidence, Finding, LintResult, Related, Rule, Severity } from '../types.js';
import { REPOSITORY_URL, RULES_HELP_URL } from '../links.js';
import { basisText, confidenceText } from './basis.js';

/** A rule as SARIF describes it: the loaded rule, the presets it is in, and whether hefa ships it. */
export interface SarifRule {
  rule: Rule;
  presets: string[];
  /** Built-in rules link to the README's rule table; a local rule folder's rules have no public page. */
  builtin: boolean;
}

export interface SarifOptions {
  version: string;
  rules: SarifRule[];
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The key of hefa's entry in `partialFingerprints`; bump the suffix if the recipe ever changes. */
export const FINGERPRINT_KEY = 'hefa/v1';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };
const CONFIDENCE_RANK: Record<Confidence, number> = { law: 2, policy: 1, practice: 0 };

/** Engine diagnostics (rules.md §2): not rules, but results refer to them, so they need descriptors too. */
const ENGINE_DIAGNOSTICS: { id: string; severity: Severity; title: string; description: string }[] = [
  { id: 'read-error', severity: 'error', title: '文件无法读取', description: '文件不存在、是二进制文件、为空或是目录；其余文件照常检查，退出码为 1。' },
  { id: 'parse-error', severity: 'error', title: '前置元数据或 YAML 记录无法解析', description: 'YAML 语法错误或不安全的标签；文件仍按正文读取。' },
  { id: 'meta-bad-date', severity: 'error', title: '日期无法识别或不存在', description: '字段中的日期不是可识别的写法，或该日期不存在（如 2023-02-30）。' },
  { id: 'meta-unknown-key', severity: 'info', title: '未知字段', description: '与已知字段只差一点的键，或重复给出的字段；可在配置中关闭或调整级别。' },
  { id: 'meta-text-mismatch', severity: 'warning', title: '字段与正文不一致', description: '施行日期、有效期、文号等字段与正文所写不一致；以字段为准。' },
  { id: 'internal-error', severity: 'error', title: 'hefa 内部错误', description: '检查这个文件时 hefa 出错；请把消息和输入文件报告给维护者。退出码为 2。' },
  { id: 'directive-invalid', severity: 'warning', title: '无法识别的行内指令', description: '以 hefa-disable 或 hefa-enable 开头但写法不对的指令，或没有写规则编号的指令；它不抑制任何问题。' },
  { id: 'directive-missing-reason', severity: 'warning', title: '行内指令没有写理由', description: '关闭规则的指令必须在规则编号后写“ -- 理由”；没有理由的指令不抑制任何问题。' },
  { id: 'directive-unknown-rule', severity: 'warning', title: '行内指令中的规则编号不存在', description: '指令中的规则编号不是已加载的规则，或是不能关闭的诊断（read-error、parse-error、internal-error）；其余编号照常生效。' },
  { id: 'directive-unused', severity: 'warning', title: '行内指令没有抑制任何问题', description: '使用 --report-unused-directives 时报告：指令所关闭的规则在该处没有问题，应删除指令。' },
];

/** `decision-comment-period` → `DecisionCommentPeriod` (SARIF §3.49.7 suggests an identifier-like name). */
function pascalName(id: string): string {
  return id
    .split('-')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : ''))
    .join('');
}

/** Basis in the key order of the JSON format (product.md §4.1). */
function basisProps(b: Basis): Record<string, string> {
  const out: Record<string, string> = { title: b.title };
  for (const k of ['number', 'version', 'article', 'quote'] as const) if (b[k] !== undefined) out[k] = b[k]!;
  out.confidence = b.confidence;
  return out;
}

/** One basis for a person, with version, confidence and the quoted text when the rule has it. */
function basisLine(b: Basis): string {
  const version = b.version ? `，${b.version} 版` : '';
  const quote = b.quote ? `：“${b.quote}”` : '';
  return `${basisText(b)}（${confidenceText(b)}${version}）${quote}`;
}

/** The strongest confidence among a rule's bases (a rule resting on a law is a law rule). */
function strongest(basis: Basis[]): Confidence | null {
  let best: Confidence | null = null;
  for (const b of basis) if (best === null || CONFIDENCE_RANK[b.confidence] > CONFIDENCE_RANK[best]) best = b.confidence;
  return best;
}

const sentence = (s: string): string => (/[。！？.!?]$/.test(s) ? s : `${s}。`);

function ruleDescriptor({ rule, presets, builtin }: SarifRule): Record<string, unknown> {
  const basis = rule.basis.map(basisLine);
  const full = [sentence(rule.title), ...(rule.description ? [sentence(rule.description.trim())] : []), `依据：${basis.join('；')}`].join('');
  const help = [
    sentence(rule.title),
    ...(rule.description ? [rule.description.trim()] : []),
    '依据：',
    ...basis.map((b) => `- ${b}`),
    `检查类型：${rule.kind}；预设：${presets.length ? presets.join('、') : '无（需在配置中开启）'}`,
    `hefa rules ${rule.id} 显示依据原文、选项和示例。`,
  ].join('\n');
  const out: Record<string, unknown> = {
    id: rule.id,
    name: pascalName(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: full },
  };
  if (builtin) out.helpUri = RULES_HELP_URL;
  out.help = { text: help };
  out.defaultConfiguration = { level: LEVEL[rule.severity] };
  out.properties = {
    basis: rule.basis.map(basisProps),
    confidence: strongest(rule.basis),
    tags: [...rule.tags],
    presets: [...presets],
    kind: rule.kind,
  };
  return out;
}

function diagnosticDescriptor(d: (typeof ENGINE_DIAGNOSTICS)[number]): Record<string, unknown> {
  return {
    id: d.id,
    name: pascalName(d.id),
    shortDescription: { text: d.title },
    fullDescription: { text: `${d.title}（引擎诊断，不是规则，没有法律依据）。${d.description}` },
    helpUri: RULES_HELP_URL,
    help: { text: `${d.title}（引擎诊断）。\n${d.description}` },
    defaultConfiguration: { level: LEVEL[d.severity] },
    properties: { basis: [], confidence: null, tags: ['引擎诊断'], presets: [], kind: 'engine' },
  };
}

/** A finding whose rule is neither loaded nor an engine diagnostic (cannot happen today; never crash on it). */
function unknownDescriptor(id: string): Record<string, unknown> {
  return {
    id,
    name: pascalName(id),
    shortDescription: { text: id },
    defaultConfiguration: { level: 'warning' },
    properties: { basis: [], confidence: null, tags: [], presets: [], kind: 'unknown' },
  };
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
export function pathUri(path: string): string {
  return path
    .split('/')
    .map((seg) => (seg === '.' || seg === '..' ? seg : encodeURIComponent(seg)))
    .join('/');
}

/**
 * The fingerprint recipe: sha256 of rule id, path and the message with whitespace collapsed (the
 * message quotes what was matched: the wording, the dates, the missing record), NUL-separated, first
 * 32 hex digits, then `:n` for the n-th identical finding in the file. It never uses line numbers,
 * so an alert survives text inserted above it, and changes when the offending text changes.
 */
export function fingerprint(ruleId: string, path: string, message: string, occurrence: number): string {
  const normal = message.normalize('NFC').replace(/\s+/g, ' ').trim();
  const hash = createHash('sha256').update(`${ruleId}\0${path}\0${normal}`, 'utf8').digest('hex').slice(0, 32);
  return `${hash}:${occurrence}`;
}

function location(path: string, pos: { line: number; column: number; endLine?: number; endColumn?: number }): Record<string, unknown> {
  const region: Record<string, number> = { startLine: Math.max(1, pos.line), startColumn: Math.max(1, pos.column) };
  if (pos.endLine !== undefined && pos.endColumn !== undefined) {
    // A SARIF region never ends before it starts: a reversed span collapses to its start.
    region.endLine = Math.max(region.startLine!, pos.endLine);
    region.endColumn = region.endLine === region.startLine ? Math.max(region.startColumn!, pos.endColumn) : Math.max(1, pos.endColumn);
  }
  return { physicalLocation: { artifactLocation: { uri: pathUri(path), uriBaseId: 'SRCROOT' }, region } };
}

function relatedLocation(r: Related, i: number): Record<string, unknown> {
  const out: Record<string, unknown> = { id: i + 1, ...location(r.path, { line: r.line, column: r.column }) };
  if (r.message) out.message = { text: r.message };
  return out;
}

function resultOf(path: string, f: Finding, ruleIndex: number, occurrence: number): Record<string, unknown> {
  const text = f.basis.length ? `${f.message}（依据：${f.basis.map(basisText).join('；')}）` : f.message;
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text },
    locations: [location(path, f)],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f.ruleId, path, f.message, occurrence) },
  };
  if (f.related.length) out.relatedLocations = f.related.map(relatedLocation);
  if (f.suppressed) {
    out.suppressions = [
      {
        kind: f.suppressed.kind === 'directive' ? 'inSource' : 'external',
        status: 'accepted',
        justification: f.suppressed.reason,
      },
    ];
  }
  const props: Record<string, unknown> = { basis: f.basis.map(basisProps), severity: f.severity };
  if (f.data) props.data = f.data;
  out.properties = props;
  return out;
}

export function formatSarif(result: LintResult, opts: SarifOptions): string {
  const descriptors: Record<string, unknown>[] = [];
  const index = new Map<string, number>();
  const add = (id: string, d: Record<string, unknown>): void => {
    if (index.has(id)) return;
    index.set(id, descriptors.length);
    descriptors.push(d);
  };
  const sorted = [...opts.rules].sort((a, b) => (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0));
  for (const r of sorted) add(r.rule.id, ruleDescriptor(r));
  for (const d of ENGINE_DIAGNOSTICS) add(d.id, diagnosticDescriptor(d));
  const strays = new Set<string>();
  for (const file of result.files) for (const f of file.findings) if (!index.has(f.ruleId)) strays.add(f.ruleId);
  for (const id of [...strays].sort()) add(id, unknownDescriptor(id));

  const results: Record<string, unknown>[] = [];
  for (const file of result.files) {
    const seen = new Map<string, number>();
    for (const f of file.findings) {
      const key = `${f.ruleId}\0${f.message}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      results.push(resultOf(file.path, f, index.get(f.ruleId)!, n));
    }
  }

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'hefa',
            fullName: `hefa ${opts.version}（行政规范性文件与重大行政决策合法性审查）`,
            version: opts.version,
            semanticVersion: opts.version,
            informationUri: REPOSITORY_URL,
            rules: descriptors,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
        properties: { asOf: result.asOf },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
