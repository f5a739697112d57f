/**
 * The default terminal format: grouped by file, `line:col  severity  rule-id  message`, then the
 * basis on an indented line. `line:col severity rule-id` come first so alignment survives wide
 * Chinese characters in the message. Colour only when asked (the CLI decides from the TTY).
 */
import { Chalk } from 'chalk';
import type { LintResult, Severity } from '../types.js';
import { basisText } from './basis.js';
import { summarize } from './summary.js';
import { stripControls } from './escape.js';

const SEVERITY_TEXT: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

export function formatStylish(result: LintResult, opts: { color: boolean }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const out: string[] = [];
  for (const file of result.files) {
    const shown = file.findings.filter((f) => !f.suppressed);
    if (shown.length === 0) continue;
    // Paths, messages (with document text in them) and bases are neutralised before colouring:
    // an ESC or CR in a document must not reach the terminal (escape.ts).
    out.push(c.underline(stripControls(file.path)));
    const place = shown.map((f) => `${f.line}:${f.column}`);
    const pw = Math.max(...place.map((p) => p.length));
    const sw = Math.max(...shown.map((f) => SEVERITY_TEXT[f.severity].length));
    const rw = Math.max(...shown.map((f) => f.ruleId.length));
    shown.forEach((f, i) => {
      const sev = SEVERITY_TEXT[f.severity];
      out.push(`  ${c.dim(place[i]!.padEnd(pw))}  ${paint[f.severity](sev.padEnd(sw))}  ${c.dim(f.ruleId.padEnd(rw))}  ${stripControls(f.message)}`);
      if (f.basis.length) {
        out.push(`  ${' '.repeat(pw + sw + rw + 6)}${c.dim('依据：' + stripControls(f.basis.map(basisText).join('；')))}`);
      }
    });
    out.push('');
  }
  const s = summarize(result);
  const total = s.errors + s.warnings + s.infos;
  if (total === 0) {
    out.push(c.green(`✔ 检查了 ${s.files} 个文件，未发现问题`) + (s.suppressed ? `（${s.suppressed} 个已抑制）` : ''));
  } else {
    const parts = [`${s.errors} 错误`, `${s.warnings} 警告`];
    if (s.infos) parts.push(`${s.infos} 提示`);
    const line = `✖ ${total} 个问题（${parts.join('，')}）`;
    out.push((s.errors ? c.red.bold(line) : c.yellow.bold(line)) + c.dim(`，检查了 ${s.files} 个文件`));
  }
  out.push(c.dim('注：hefa 只提示可能的问题，不能证明文件合法；标注“需人工判断”的结论须由审查人员核实。'));
  return out.join('\n') + '\n';
}
