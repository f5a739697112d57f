/**
 * `hefa rules`: the catalogue as a list, one rule explained (basis, options, examples), and the
 * Markdown table the README carries (generated, and tested against the rules, so it cannot drift).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rule } from '../types.js';
import type { Session } from '../lint.js';
import { resolvePresets } from '../config/index.js';
import { CHECK_KINDS } from '../checks/index.js';
import { basisText, confidenceText } from '../format/basis.js';

/** Where fixtures live in a checkout or an installed package. */
export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

const PRESETS = ['hefa:recommended', 'hefa:strict', 'hefa:style'];

/** The built-in presets each rule is in, by rule id. */
export function presetsOf(rules: Rule[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of PRESETS) {
    for (const id of resolvePresets([p], rules).keys()) out.set(id, [...(out.get(id) ?? []), p]);
  }
  return out;
}

export interface RuleExample {
  file: string;
  valid: boolean;
  text: string;
}

/** The fixtures of a rule, as examples (valid-* and invalid-* files under fixtures/<id>/). */
export function examplesOf(id: string): RuleExample[] {
  const dir = join(FIXTURES_DIR, id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .filter((f) => /^(valid|invalid)-/.test(f))
    .map((f) => ({ file: `fixtures/${id}/${f}`, valid: f.startsWith('valid-'), text: readFileSync(join(dir, f), 'utf8') }));
}

function ruleJson(rule: Rule, presets: string[]): Record<string, unknown> {
  return {
    id: rule.id,
    title: rule.title,
    kind: rule.kind,
    severity: rule.severity,
    when: rule.when,
    options: rule.options,
    basis: rule.basis,
    tags: rule.tags,
    presets,
    ...(rule.description ? { description: rule.description } : {}),
  };
}

export function listRules(session: Session, json: boolean): string {
  const presets = presetsOf(session.rules);
  if (json) {
    return JSON.stringify({ tool: 'hefa', schemaVersion: 1, rules: session.rules.map((r) => ruleJson(r, presets.get(r.id) ?? [])) }, null, 2) + '\n';
  }
  const w = Math.max(...session.rules.map((r) => r.id.length));
  const lines = session.rules.map(
    (r) => `${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${r.title}\n${' '.repeat(w + 11)}依据：${r.basis.map(basisText).join('；')}`,
  );
  return `${lines.join('\n')}\n\n共 ${session.rules.length} 条规则。hefa rules <id> 查看一条规则的依据、选项和示例。\n`;
}

export function explainRule(rule: Rule, session: Session, json: boolean): string {
  const presets = presetsOf(session.rules).get(rule.id) ?? [];
  const examples = examplesOf(rule.id);
  if (json) {
    return JSON.stringify({ ...ruleJson(rule, presets), messages: rule.messages, examples }, null, 2) + '\n';
  }
  const kind = CHECK_KINDS.get(rule.kind)!;
  const out: string[] = [];
  out.push(`${rule.id}：${rule.title}`);
  out.push(`级别：${rule.severity}    检查类型：${rule.kind}（${kind.summary}）`);
  out.push(`预设：${presets.length ? presets.join('、') : '无（需在配置中开启）'}`);
  if (Object.keys(rule.when).length) out.push(`适用条件：${JSON.stringify(rule.when)}`);
  if (kind.recordScope) out.push('记录类规则：只检查带有程序记录（前置元数据或 YAML 记录）的文件');
  if (rule.description) out.push(`说明：${rule.description}`);
  out.push('依据：');
  for (const b of rule.basis) {
    out.push(`  ${basisText(b)}${b.version ? `（${b.version} 版）` : ''} [${confidenceText(b)}，${b.confidence}]`);
    if (b.quote) out.push(`    “${b.quote}”`);
  }
  out.push('选项：');
  for (const [k, v] of Object.entries(rule.options)) out.push(`  ${k}: ${JSON.stringify(v)}`);
  if (examples.length) {
    out.push('示例：');
    for (const e of examples) {
      out.push(`  ${e.valid ? '✔ 不报告' : '✖ 报告'}  ${e.file}`);
      const body = e.text.split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('<!--')).slice(0, 6);
      for (const l of body) out.push(`      ${l.length > 80 ? l.slice(0, 80) + '…' : l}`);
    }
  }
  return out.join('\n') + '\n';
}

/** The README's rule table (Markdown), generated from the rules. */
export function rulesTable(rules: Rule[]): string {
  const presets = presetsOf(rules);
  const rows = rules.map((r) => {
    const basis = r.basis.map((b) => `${basisText(b)}（${b.confidence}）`).join('；');
    const p = (presets.get(r.id) ?? []).map((x) => x.replace('hefa:', '')).join(', ');
    return `| \`${r.id}\` | ${r.severity} | ${r.title} | ${basis} | ${p} |`;
  });
  return ['| 规则 | 级别 | 要求 | 依据（可信度） | 预设 |', '|---|---|---|---|---|', ...rows].join('\n');
}
