/**
 * GitHub Actions workflow commands: one annotation per finding,
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule-id>::<message>%0A依据：…`;
 * warning → `::warning`, info → `::notice`. Suppressed findings are not annotated. A closing plain
 * line gives the counts for the job log.
 *
 * Escaping follows @actions/core (toolkit `command.ts`): in the message `%`, CR and LF become
 * `%25`, `%0D`, `%0A`; in property values also `:` → `%3A` and `,` → `%2C`. So one finding is
 * always one line, and nothing taken from a document (a quoted `::error`, a line break) can start
 * a command of its own. Control characters (ANSI escapes included) are dropped first.
 *
 * GitHub shows at most 10 annotations of each level per step and 50 per job; for larger sets
 * upload SARIF instead (docs/ci.md). Paths are relative to the working directory: run hefa from
 * the repository root so they match the checkout.
 */
import type { LintResult, Severity } from '../types.js';
import { basisText } from './basis.js';
import { summarize } from './summary.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** C0 and C1 control characters except tab, LF and CR (which the escapes below handle), and DEL. */
// Matches ESC of ANSI sequences too, so a document cannot colour or rewrite the log.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Escape a command's message (toolkit `escapeData`). */
export function escapeData(s: string): string {
  return s.replace(CONTROL, '').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a command property's value (toolkit `escapeProperty`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(result: LintResult): string {
  const out: string[] = [];
  for (const file of result.files) {
    for (const f of file.findings) {
      if (f.suppressed) continue;
      const props = [
        `file=${escapeProperty(file.path)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(',');
      const text = f.basis.length ? `${f.message}\n依据：${f.basis.map(basisText).join('；')}` : f.message;
      out.push(`::${COMMAND[f.severity]} ${props}::${escapeData(text)}`);
    }
  }
  const s = summarize(result);
  const total = s.errors + s.warnings + s.infos;
  const suppressed = s.suppressed ? `，${s.suppressed} 个已抑制` : '';
  out.push(
    total === 0
      ? `hefa：检查了 ${s.files} 个文件，未发现问题${suppressed}`
      : `hefa：${total} 个问题（${s.errors} 错误，${s.warnings} 警告，${s.infos} 提示），检查了 ${s.files} 个文件${suppressed}`,
  );
  return out.join('\n') + '\n';
}
