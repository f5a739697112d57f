/**
 * Rules cannot drift from their docs and tests (architecture.md §1.3, §5): every rule has fixtures,
 * a legal basis with a confidence, messages in the house grammar, and a row in the README's rule
 * table, which must equal what `rulesTable` generates from the rule files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR, loadRules } from '../src/rules/load.js';
import { rulesTable } from '../src/commands/rules.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'fixtures');
const README = join(ROOT, 'README.md');
const TABLE_START = '<!-- rules-table:start -->';
const TABLE_END = '<!-- rules-table:end -->';

const RULES = loadRules([BUILTIN_RULES_DIR], ROOT);

/** rules.md §3: 重大行政决策. */
const DECISION_RULES = [
  'decision-public-participation',
  'decision-comment-period',
  'decision-hearing-notice',
  'decision-expert-review',
  'decision-risk-assessment',
  'decision-fair-competition',
  'decision-legality-review',
  'decision-review-time',
  'decision-review-before-discussion',
  'decision-materials-before-discussion',
  'decision-collective-discussion',
  'decision-party-report',
  'decision-publication',
  'decision-archive',
];

/** rules.md §8: the structure rules. */
const STRUCTURE_RULES = [
  'structure-article-sequence',
  'structure-chapter-sequence',
  'structure-effective-clause',
  'structure-title-kind',
];

function fixturesOf(id: string): string[] {
  const dir = join(FIXTURES, id);
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

describe('the catalogue', () => {
  it.each([...DECISION_RULES, ...STRUCTURE_RULES])('%s is loaded', (id) => {
    expect(RULES.map((r) => r.id)).toContain(id);
  });
});

describe.each(RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it('has at least one valid and one invalid fixture', () => {
    const files = fixturesOf(rule.id);
    expect(files.filter((f) => f.startsWith('valid-')), `fixtures/${rule.id}/valid-*`).not.toEqual([]);
    expect(files.filter((f) => f.startsWith('invalid-')), `fixtures/${rule.id}/invalid-*`).not.toEqual([]);
  });

  it('names its legal basis, each with a confidence', () => {
    expect(rule.basis.length).toBeGreaterThan(0);
    for (const b of rule.basis) {
      expect(b.title.trim()).not.toBe('');
      expect(['law', 'policy', 'practice']).toContain(b.confidence);
    }
  });

  it('has a title or a description', () => {
    expect((rule.title ?? '').trim() || (rule.description ?? '').trim()).not.toBe('');
  });

  it('words its messages 发现…：… without a trailing 。', () => {
    const messages = Object.entries(rule.messages);
    expect(messages.length).toBeGreaterThan(0);
    for (const [name, text] of messages) {
      const where = `${rule.id} messages.${name}: ${text}`;
      expect(text.startsWith('发现'), where).toBe(true);
      expect(text.includes('：'), where).toBe(true);
      expect(text.trimEnd().endsWith('。'), where).toBe(false);
    }
  });
});

describe('README rule table', () => {
  it('equals the table generated from the rule files (npm run rules-table)', () => {
    expect(existsSync(README), 'README.md exists').toBe(true);
    const text = readFileSync(README, 'utf8');
    const start = text.indexOf(TABLE_START);
    const end = text.indexOf(TABLE_END);
    expect(start, `README.md has ${TABLE_START}`).toBeGreaterThanOrEqual(0);
    expect(end, `README.md has ${TABLE_END} after ${TABLE_START}`).toBeGreaterThan(start);
    const block = text.slice(start + TABLE_START.length, end).trim();
    expect(block).toBe(rulesTable(RULES));
  });

  it.each(RULES.map((r) => r.id))('lists %s', (id) => {
    const text = existsSync(README) ? readFileSync(README, 'utf8') : '';
    expect(text).toContain(`| \`${id}\` |`);
  });
});
