/**
 * Inline suppression directives (issue 6): comments in a file that switch named rules off for a line,
 * a stretch of text or the whole file, each with a reason.
 *
 * Markdown (anywhere in the body, and inside a YAML record's 正文):
 *   <!-- hefa-disable-next-line rule-id[, rule-id…] -- 理由 -->
 *   <!-- hefa-disable-line rule-id -- 理由 -->          (at the end of the line it covers)
 *   <!-- hefa-disable rule-id -- 理由 --> … <!-- hefa-enable rule-id -->
 *   <!-- hefa-disable-file rule-id -- 理由 -->
 * YAML (front matter and records): the same after `#`, e.g. `# hefa-disable-next-line rule-id -- 理由`.
 *
 * Decisions: rule ids must be named (no bare "disable everything", no `*`); a reason is required, and a
 * directive without one suppresses nothing; `next-line` skips blank lines and comment-only lines; the
 * separator is `--` (or the Chinese dash `——`); ids are separated by commas (，、 too) or spaces.
 * Directives are comments, invisible to the Document model; comments inside fenced code blocks and
 * YAML block scalars' `#` lines are text, not directives. A comment that does not start with
 * `hefa-disable`/`hefa-enable` (an `expect:` marker of a fixture, `<!-- hefa-report -->`) is not one.
 */
import { Parser } from 'yaml';
import type { Directive, DirectiveKind, Finding, Pos } from '../types.js';
import { splitFrontMatter } from '../input/frontmatter.js';
import { LineIndex } from '../document/positions.js';
import { diagnostic } from '../document/diagnostics.js';
import { didYouMean, suggestionHint } from '../config/suggest.js';

/** The engine diagnostics about directives themselves (rules.md §2); none of them can be suppressed. */
export const DIRECTIVE_DIAGNOSTICS: readonly string[] = [
  'directive-invalid',
  'directive-missing-reason',
  'directive-unknown-rule',
  'directive-unused',
];

/** Engine diagnostics a directive may switch off, besides the loaded rules. */
export const SUPPRESSIBLE_DIAGNOSTICS: readonly string[] = ['meta-bad-date', 'meta-text-mismatch', 'meta-unknown-key'];

/** Ids that exist but no directive can switch off: run failures and the directive diagnostics. */
const NOT_SUPPRESSIBLE = new Set(['read-error', 'parse-error', 'internal-error', ...DIRECTIVE_DIAGNOSTICS]);

const KINDS: readonly DirectiveKind[] = ['disable-next-line', 'disable-line', 'disable', 'enable', 'disable-file'];

/** `hefa-` and a keyword that starts like one of ours; anything else after `hefa-` is not a directive. */
const HEAD = /^hefa-((?:disable|enable)[A-Za-z-]*)/;
/** The separator between rule ids and the reason. */
const SEPARATOR = /-{2,}|—{2,}/;
const ID_SPLIT = /[\s,，、;；]+/;
const MAX_LABEL = 80;

/** The parts of a comment's text (without `<!--`/`-->` or `#`), or null when it is not a directive. */
function parseBody(raw: string): Omit<Directive, 'pos' | 'line'> | null {
  const body = raw.trim();
  const m = HEAD.exec(body);
  if (!m) return null;
  const keyword = m[1]!;
  const kind = (KINDS as readonly string[]).includes(keyword) ? (keyword as DirectiveKind) : null;
  const rest = body.slice(m[0].length);
  const sep = SEPARATOR.exec(rest);
  let ruleIds = (sep ? rest.slice(0, sep.index) : rest).split(ID_SPLIT).filter(Boolean);
  let reason: string | null = sep ? rest.slice(sep.index + sep[0].length).trim() || null : null;
  if (!sep) {
    // A reason written without the separator (`rule-id 已经审核`): the Chinese words are not rule ids.
    const firstText = ruleIds.findIndex((id) => /[^\x20-\x7e]/.test(id));
    if (firstText >= 0) ruleIds = ruleIds.slice(0, firstText);
    reason = null;
  }
  return { kind, keyword, ruleIds, reason };
}

/** Text of 1-based line `n` without its line break. */
function lineText(source: string, lines: LineIndex, n: number): string {
  const start = lines.lineStart(n);
  const end = n < lines.starts.length ? lines.lineStart(n + 1) : source.length;
  return source.slice(start, end).replace(/\r?\n$|\r$/, '');
}

const HTML_ONLY = /^\s*(?:<!--[\s\S]*?-->\s*)+$/;
const YAML_COMMENT_ONLY = /^\s*#/;

/** The line a disable-next-line covers: the next line that is neither blank nor only comments. */
function nextLine(source: string, lines: LineIndex, after: number, syntax: 'html' | 'yaml'): number {
  const last = lines.starts.length;
  for (let n = after + 1; n <= last; n++) {
    const text = lineText(source, lines, n);
    if (text.trim() === '') continue;
    if (syntax === 'html' ? HTML_ONLY.test(text) : YAML_COMMENT_ONLY.test(text)) continue;
    return n;
  }
  return after + 1;
}

function directiveAt(source: string, lines: LineIndex, raw: string, start: number, end: number, syntax: 'html' | 'yaml'): Directive | null {
  const parsed = parseBody(raw);
  if (!parsed) return null;
  const pos = lines.span(start, end);
  const line = parsed.kind === 'disable-next-line' ? nextLine(source, lines, pos.endLine, syntax) : parsed.kind === 'disable-line' ? pos.line : 0;
  return { ...parsed, pos, line };
}

/** HTML comments in source[from, to) outside the `skip` ranges. */
function htmlComments(source: string, from: number, to: number, skip: [number, number][], lines: LineIndex, out: Directive[]): void {
  const re = /<!--([\s\S]*?)-->/g;
  re.lastIndex = from;
  for (let m = re.exec(source); m && m.index + m[0].length <= to; m = re.exec(source)) {
    const at = m.index;
    if (skip.some(([s, e]) => at >= s && at < e)) continue;
    const d = directiveAt(source, lines, m[1]!, at, at + m[0].length, 'html');
    if (d) out.push(d);
  }
}

/** Fenced code blocks (``` or ~~~) of a Markdown body: their text is shown as code, not read as comments. */
function fencedRanges(source: string, from: number): [number, number][] {
  const out: [number, number][] = [];
  const re = /^ {0,3}(`{3,}|~{3,})[^\n\r]*$/gm;
  re.lastIndex = from;
  let open: { start: number; fence: string } | null = null;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const fence = m[1]!;
    if (!open) {
      // An opening backtick fence cannot have backticks in its info string.
      if (fence[0] === '`' && m[0].slice(m[0].indexOf(fence) + fence.length).includes('`')) continue;
      open = { start: m.index, fence };
    } else if (fence[0] === open.fence[0] && fence.length >= open.fence.length && m[0].trim() === fence) {
      out.push([open.start, m.index + m[0].length]);
      open = null;
    }
  }
  if (open) out.push([open.start, source.length]);
  return out;
}

/**
 * `#` comments of a YAML text starting at source offset `base` (comment lines inside block scalars are
 * text, and the YAML parser knows which is which). Returns their source ranges.
 */
function yamlComments(source: string, base: number, yaml: string, lines: LineIndex, out: Directive[]): [number, number][] {
  const ranges: [number, number][] = [];
  const walk = (t: unknown): void => {
    if (Array.isArray(t)) {
      for (const x of t) walk(x);
      return;
    }
    if (!t || typeof t !== 'object') return;
    const tok = t as { type?: string; offset?: number; source?: string };
    if (tok.type === 'comment' && typeof tok.offset === 'number' && typeof tok.source === 'string') {
      const start = base + tok.offset;
      ranges.push([start, start + tok.source.length]);
      const d = directiveAt(source, lines, tok.source.slice(1), start, start + tok.source.length, 'yaml');
      if (d) out.push(d);
      return;
    }
    for (const v of Object.values(t)) if (v && typeof v === 'object') walk(v);
  };
  for (const token of new Parser().parse(yaml)) walk(token);
  return ranges;
}

/**
 * The directives of one file's source, in source order. `format` is the Document's format: a YAML
 * record (`#` comments, and HTML comments inside its 正文) or Markdown (HTML comments in the body,
 * `#` comments in the front matter).
 */
export function parseDirectives(source: string, format: 'markdown' | 'yaml'): Directive[] {
  if (!source.includes('hefa-')) return [];
  const lines = new LineIndex(source);
  const out: Directive[] = [];
  if (format === 'yaml') {
    const comments = yamlComments(source, 0, source, lines, out);
    htmlComments(source, 0, source.length, comments, lines, out);
  } else {
    const fm = splitFrontMatter(source);
    if (fm.yaml !== null) yamlComments(source, fm.yamlStart, fm.yaml, lines, out);
    htmlComments(source, fm.bodyStart, source.length, fencedRanges(source, fm.bodyStart), lines, out);
  }
  return out.sort((a, b) => a.pos.line - b.pos.line || a.pos.column - b.pos.column);
}

export interface DirectiveOptions {
  /** Ids a directive may switch off: the loaded rules and SUPPRESSIBLE_DIAGNOSTICS. */
  suppressible: ReadonlySet<string>;
  /** --report-unused-directives: report directives (or ids in them) that suppressed nothing. */
  reportUnused?: boolean;
  /**
   * Whether a rule ran on this file. An id whose rule did not run (switched off by config, --rule or
   * --disable) is never reported unused: the directive may well be needed when it runs. Default: all ran.
   */
  active?: (ruleId: string) => boolean;
}

/** `hefa-disable-next-line a, b`, shortened for messages. */
export function directiveLabel(d: Directive): string {
  const label = `hefa-${d.keyword}${d.ruleIds.length ? ` ${d.ruleIds.join(', ')}` : ''}`;
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

const comparePlace = (l1: number, c1: number, l2: number, c2: number): number => l1 - l2 || c1 - c2;

interface Live {
  d: Directive;
  ids: string[];
  used: Set<string>;
}

/**
 * Apply a file's directives to its findings: a finding a directive covers gets
 * `suppressed: {kind: 'directive', reason}` (it stays in the output). Returns the directive
 * diagnostics: directive-invalid, directive-missing-reason, directive-unknown-rule and, with
 * `reportUnused`, directive-unused. A finding covered by several directives is credited to the most
 * specific (line, then range, then file), the first in source order among equals.
 */
export function applyDirectives(findings: Finding[], directives: readonly Directive[], opts: DirectiveOptions): Finding[] {
  const diags: Finding[] = [];
  const report = (ruleId: string, d: Directive, message: string): void => {
    diags.push(diagnostic(ruleId, 'warning', message, d.pos));
  };
  const lineLevel: Live[] = [];
  const fileLevel: Live[] = [];
  const disables: Live[] = [];
  const enables: { d: Directive; ids: string[] }[] = [];

  for (const d of directives) {
    const label = directiveLabel(d);
    if (d.kind === null) {
      const hint = didYouMean(d.keyword, KINDS);
      report('directive-invalid', d, `发现无法识别的指令“hefa-${d.keyword}”${hint ? `（是否想写 hefa-${hint}？）` : ''}：应为 ${KINDS.map((k) => `hefa-${k}`).join('、')} 之一`);
      continue;
    }
    if (d.kind !== 'enable' && d.ruleIds.length === 0) {
      report('directive-invalid', d, `发现指令“${label}”没有写规则编号：应逐一写明要关闭的规则编号（hefa 不支持一次关闭全部规则）`);
      continue;
    }
    const ids: string[] = [];
    for (const id of d.ruleIds) {
      if (opts.suppressible.has(id)) {
        if (!ids.includes(id)) ids.push(id);
      } else if (id === '*' || id === 'all') {
        report('directive-unknown-rule', d, `发现指令“${label}”中的“${id}”：hefa 不支持一次关闭全部规则，应逐一写明规则编号`);
      } else if (NOT_SUPPRESSIBLE.has(id)) {
        report('directive-unknown-rule', d, `发现指令“${label}”中的“${id}”不能用指令关闭：read-error、parse-error、internal-error 和 directive-* 不能关闭，应修正文件本身`);
      } else {
        const hint = suggestionHint(id, opts.suppressible);
        report('directive-unknown-rule', d, `发现指令“${label}”中的规则编号“${id}”不存在${hint ? `（${hint}）` : ''}：应为已加载的规则编号（hefa rules 列出全部）`);
      }
    }
    if (d.kind === 'enable') {
      enables.push({ d, ids: d.ruleIds.length ? ids : [] });
      continue;
    }
    if (d.reason === null) {
      report('directive-missing-reason', d, `发现指令“${label}”没有写理由，未生效：应在规则编号后写“ -- 理由”，说明为什么这里不适用`);
      continue;
    }
    if (ids.length === 0) continue;
    const live: Live = { d, ids, used: new Set() };
    (d.kind === 'disable-file' ? fileLevel : d.kind === 'disable' ? disables : lineLevel).push(live);
  }

  // Each disable covers, per id, from the end of its comment to the first later enable naming that id (or any bare enable).
  const ranges: { live: Live; id: string; end: Pos | null }[] = [];
  for (const live of disables) {
    const { endLine, endColumn } = live.d.pos;
    for (const id of live.ids) {
      const enable = enables.find(
        (e) => comparePlace(e.d.pos.line, e.d.pos.column, endLine, endColumn) >= 0 && (e.d.ruleIds.length === 0 || e.ids.includes(id)),
      );
      ranges.push({ live, id, end: enable?.d.pos ?? null });
    }
  }

  for (const f of findings) {
    if (f.suppressed || NOT_SUPPRESSIBLE.has(f.ruleId)) continue;
    const by =
      lineLevel.find((l) => l.d.line === f.line && l.ids.includes(f.ruleId)) ??
      ranges.find(
        (r) =>
          r.id === f.ruleId &&
          comparePlace(f.line, f.column, r.live.d.pos.endLine, r.live.d.pos.endColumn) >= 0 &&
          (!r.end || comparePlace(f.line, f.column, r.end.line, r.end.column) < 0),
      )?.live ??
      fileLevel.find((l) => l.ids.includes(f.ruleId));
    if (!by) continue;
    f.suppressed = { kind: 'directive', reason: by.d.reason! };
    by.used.add(f.ruleId);
  }

  if (opts.reportUnused) {
    for (const live of [...lineLevel, ...disables, ...fileLevel]) {
      const unused = live.ids.filter((id) => !live.used.has(id) && (opts.active?.(id) ?? true));
      if (!unused.length) continue;
      const which = unused.length === live.ids.length ? '' : `中的 ${unused.join('、')}`;
      report('directive-unused', live.d, `发现指令“${directiveLabel(live.d)}”${which}没有抑制任何问题：应删除${which ? '这些规则编号' : '该指令'}`);
    }
  }
  return diags.sort((a, b) => a.line - b.line || a.column - b.column);
}
