import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESETS_FILE, builtinPresets, matchIdGlob, resolvePresets } from '../../src/config/index.js';
import { parsePresets } from '../../src/config/presets.js';
import { FAKE_RULES, fakeRule, problemsOf, where } from './fixtures/helpers.js';

const asObject = (m: Map<string, string>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)));

describe('presets.yaml', () => {
  it('is found from the module and defines the three built-in presets', () => {
    expect(readFileSync(PRESETS_FILE, 'utf8')).toContain('hefa:recommended');
    expect([...builtinPresets().keys()]).toEqual(['hefa:recommended', 'hefa:strict', 'hefa:style']);
  });

  it('a broken presets file is reported with positions', () => {
    const problems = problemsOf(() =>
      parsePresets(
        'hefa:a: {include: [x], exlude: [y]}\nhefa:b: {exclude: [z]}\nhefa:c: {include: [x], escalate: {ids: [x], from: warn, to: error}}\nBad Name: {include: []}\n',
        '/p.yaml',
      ),
    );
    expect(where(problems)).toEqual(['1:24', '2:1', '3:51', '4:1']);
  });
});

describe('matchIdGlob', () => {
  it('matches * only', () => {
    expect(matchIdGlob('*', 'decision-comment-period')).toBe(true);
    expect(matchIdGlob('decision-*', 'decision-comment-period')).toBe(true);
    expect(matchIdGlob('decision-*', 'normative-no-fees')).toBe(false);
    expect(matchIdGlob('*-period', 'decision-comment-period')).toBe(true);
    expect(matchIdGlob('citation-short-name', 'citation-short-name')).toBe(true);
    expect(matchIdGlob('citation-short', 'citation-short-name')).toBe(false);
    expect(matchIdGlob('a.c', 'abc')).toBe(false);
  });
});

describe('resolvePresets', () => {
  it('hefa:recommended: every rule except citation-short-name and structure-title-kind, at default severity', () => {
    const m = resolvePresets(['hefa:recommended'], FAKE_RULES);
    expect(m.has('citation-short-name')).toBe(false);
    expect(m.has('structure-title-kind')).toBe(false);
    expect(m.size).toBe(FAKE_RULES.length - 2);
    for (const r of FAKE_RULES) if (m.has(r.id)) expect(m.get(r.id)).toBe(r.severity);
  });

  it('hefa:strict: every rule; warnings of decision/normative/validity become errors', () => {
    expect(asObject(resolvePresets(['hefa:strict'], FAKE_RULES))).toEqual({
      'citation-repealed': 'error',
      'citation-short-name': 'info',
      'corpus-duplicate-number': 'error',
      'decision-comment-period': 'error', // warning → error
      'decision-legality-review': 'error',
      'filing-late': 'warning', // §7: not escalated
      'normative-comment-period': 'info', // info stays info
      'normative-no-fees': 'error', // warning → error
      'structure-article-sequence': 'warning',
      'structure-effective-clause': 'warning',
      'structure-title-kind': 'info',
      'validity-expiring': 'error', // warning → error
    });
  });

  it('hefa:style: structure rules and citation-short-name only', () => {
    expect(asObject(resolvePresets(['hefa:style'], FAKE_RULES))).toEqual({
      'citation-short-name': 'info',
      'structure-article-sequence': 'warning',
      'structure-effective-clause': 'warning',
      'structure-title-kind': 'info',
    });
  });

  it('later presets override earlier ones for the rules they include', () => {
    const m = resolvePresets(['hefa:strict', 'hefa:recommended'], FAKE_RULES);
    expect(m.get('decision-comment-period')).toBe('warning'); // recommended resets it
    expect(m.get('citation-short-name')).toBe('info'); // recommended does not include it, strict's stays
    const n = resolvePresets(['hefa:recommended', 'hefa:strict'], FAKE_RULES);
    expect(n.get('decision-comment-period')).toBe('error');
  });

  it('no presets, unknown presets: nothing', () => {
    expect(resolvePresets([], FAKE_RULES).size).toBe(0);
    expect(resolvePresets(['hefa:nope'], FAKE_RULES).size).toBe(0);
  });

  it('a rule file may name a preset it belongs to', () => {
    const local = fakeRule('local-check', 'warning', { presets: ['hefa:style'] });
    expect(resolvePresets(['hefa:style'], [...FAKE_RULES, local]).get('local-check')).toBe('warning');
  });
});
