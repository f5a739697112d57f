/**
 * JUnit XML for CI test reports: one <testsuite>, one <testcase> per checked file. A file fails
 * exactly when it would make `hefa check` exit 1: every finding at or above --fail-on (and every
 * read-error) is one <failure type="rule-id">; findings below the threshold and suppressed ones are
 * listed in the test case's <system-out>, so they are visible but do not fail it. (--max-warnings
 * counts the whole run and has no per-file failure.)
 *
 * Every string is escaped for XML 1.0, attributes also for line breaks and tabs (a parser would
 * otherwise fold them into spaces), and characters XML cannot hold at all (most C0 controls, lone
 * surrogates, U+FFFE, U+FFFF) become U+FFFD. No timestamps and `time="0"`: output is byte-stable.
 */
import type { Finding, LintResult, Severity } from '../types.js';
import { basisText } from './basis.js';

export interface JunitOptions {
  failOn: Severity;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const SEVERITY_TEXT: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Characters XML 1.0 cannot contain, even escaped (§2.2 Char). */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escape text content: `&`, `<`, `>` (so `]]>` cannot appear), CR kept as a reference, invalid characters replaced. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML_CHAR, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escape an attribute value (always written in double quotes): as text, plus quotes and whitespace that attribute normalisation would fold. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function fails(f: Finding, failOn: Severity): boolean {
  return !f.suppressed && (f.ruleId === 'read-error' || RANK[f.severity] >= RANK[failOn]);
}

function describe(f: Finding): string {
  const lines = [`${f.line}:${f.column} ${SEVERITY_TEXT[f.severity]} ${f.ruleId}`, f.message];
  if (f.basis.length) lines.push(`依据：${f.basis.map(basisText).join('；')}`);
  if (f.suppressed) lines.push(`已抑制（${f.suppressed.kind === 'directive' ? '行内指令' : '基线'}）：${f.suppressed.reason}`);
  return lines.join('\n');
}

export function formatJunit(result: LintResult, opts: JunitOptions): string {
  const cases: string[] = [];
  let failures = 0;
  for (const file of result.files) {
    const failing = file.findings.filter((f) => fails(f, opts.failOn));
    const other = file.findings.filter((f) => !fails(f, opts.failOn));
    failures += failing.length > 0 ? 1 : 0;
    const path = xmlAttr(file.path);
    const body: string[] = [];
    for (const f of failing) {
      body.push(`      <failure type="${xmlAttr(f.ruleId)}" message="${xmlAttr(`${f.line}:${f.column} ${f.message}`)}">${xmlText(describe(f))}</failure>`);
    }
    if (other.length) body.push(`      <system-out>${xmlText(other.map(describe).join('\n\n'))}</system-out>`);
    const open = `    <testcase classname="hefa" name="${path}" file="${path}" time="0"`;
    cases.push(body.length ? `${open}>\n${body.join('\n')}\n    </testcase>` : `${open}/>`);
  }
  const n = result.files.length;
  const counts = `tests="${n}" failures="${failures}" errors="0" skipped="0" time="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hefa" ${counts}>`,
    `  <testsuite name="hefa check（截至 ${xmlAttr(result.asOf)}）" ${counts}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
