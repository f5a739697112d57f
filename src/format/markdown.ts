/**
 * A summary for a pull-request comment (GitHub-flavoured Markdown): the counts, then one table per
 * file with 行:列 | 级别 | 规则 | 说明 | 依据. The tables together hold at most `maxRows` findings
 * (default 100, well under GitHub's 65 536-character comment limit); the rest is one
 * “…还有 M 条” line. Suppressed findings are counted, not listed.
 *
 * Everything from a document is escaped for a table cell: `|` and Markdown punctuation by backslash,
 * `&`, `<`, `>` as entities (no HTML, no comments), line breaks as spaces, control characters dropped,
 * and `@` followed by a name gets a zero-width space so quoting “@某人” never notifies anyone.
 * The first line is an HTML comment a bot can look for to update its previous comment.
 */
import type { Finding, LintResult, Severity } from '../types.js';
import { basisText } from './basis.js';
import { summarize } from './summary.js';

export interface MarkdownOptions {
  maxRows?: number;
}

export const MARKDOWN_MAX_ROWS = 100;
export const MARKDOWN_MARKER = '<!-- hefa-report -->';

const SEVERITY_TEXT: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Escape text for a Markdown table cell (or any inline position). */
export function markdownCell(s: string): string {
  return s
    .replace(CONTROL, '')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]~|#!]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(?=[\p{L}\p{N}_-])/gu, '@\u200B');
}

function row(f: Finding): string {
  const basis = f.basis.length ? f.basis.map(basisText).join('；') : '—';
  return `| ${f.line}:${f.column} | ${SEVERITY_TEXT[f.severity]} | \`${f.ruleId.replace(/`/g, '')}\` | ${markdownCell(f.message)} | ${markdownCell(basis)} |`;
}

export function formatMarkdown(result: LintResult, opts: MarkdownOptions = {}): string {
  const maxRows = opts.maxRows ?? MARKDOWN_MAX_ROWS;
  const s = summarize(result);
  const total = s.errors + s.warnings + s.infos;
  const out: string[] = [MARKDOWN_MARKER, '### hefa 合法性审查', ''];
  const suppressed = s.suppressed ? `，另有 ${s.suppressed} 个已抑制` : '';
  if (total === 0) {
    out.push(`✔ 检查了 ${s.files} 个文件，未发现问题${suppressed}。`);
  } else {
    out.push(`✖ **${total}** 个问题（${s.errors} 错误，${s.warnings} 警告，${s.infos} 提示），检查了 ${s.files} 个文件${suppressed}。`);
    let shown = 0;
    for (const file of result.files) {
      const findings = file.findings.filter((f) => !f.suppressed);
      if (findings.length === 0 || shown >= maxRows) continue;
      const take = findings.slice(0, maxRows - shown);
      shown += take.length;
      out.push('', `**${markdownCell(file.path)}**`, '', '| 行:列 | 级别 | 规则 | 说明 | 依据 |', '|---|---|---|---|---|', ...take.map(row));
    }
    if (total > shown) out.push('', `…还有 ${total - shown} 条（完整报告：hefa check --format stylish 或 json）`);
  }
  out.push('', '<sub>hefa 只提示可能的问题，不能证明文件合法；标注“需人工判断”的结论须由审查人员核实。</sub>');
  return out.join('\n') + '\n';
}
