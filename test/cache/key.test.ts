/**
 * Cache keys and the merge fingerprint (src/cache/key.ts): canonical JSON, and which settings change
 * which fingerprint. Everything that can change a file's result changes the run key or its group key;
 * nothing machine-specific (absolute paths, positions in the config) does.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonical, configDigest, groupKey, runKey } from '../../src/cache/key.js';
import { openSession, type SessionOptions } from '../../src/lint.js';
import { prepareRules } from '../../src/rules/runner.js';
import { BUILTIN_RULES_DIR, loadRules } from '../../src/rules/load.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fresh folder with the given hefa.config.yaml (or none). */
function folder(config?: string): string {
  const d = mkdtempSync(join(tmpdir(), 'hefa-key-'));
  dirs.push(d);
  if (config !== undefined) writeFileSync(join(d, 'hefa.config.yaml'), config);
  return d;
}

const AS_OF = '2026-11-29';
const session = (cwd: string, o: Partial<SessionOptions> = {}) => openSession({ cwd, asOf: AS_OF, ...o });

describe('canonical', () => {
  it('sorts keys at every depth and leaves out `pos` and undefined', () => {
    expect(canonical({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined, pos: { line: 3 } } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
    expect(canonical({ a: 1, b: 2 })).toBe(canonical({ b: 2, a: 1 }));
  });
});

describe('runKey', () => {
  const base = runKey(session(folder()), '1.0.0');

  it('is the same for the same settings in another folder (no absolute paths)', () => {
    expect(runKey(session(folder()), '1.0.0')).toBe(base);
    expect(runKey(session(folder('# only a comment\n')), '1.0.0')).toBe(base);
  });

  it.each([
    ['the version', () => runKey(session(folder()), '1.0.1')],
    ['--as-of', () => runKey(session(folder(), { asOf: '2026-11-30' }), '1.0.0')],
    ['--kind', () => runKey(session(folder(), { kind: '行政规范性文件' }), '1.0.0')],
    ['--encoding', () => runKey(session(folder(), { encoding: 'gb18030' }), '1.0.0')],
    ['baseline fingerprints', () => runKey(session(folder(), { fingerprints: true }), '1.0.0')],
    ['params', () => runKey(session(folder('params:\n  comment.minDays: 45\n')), '1.0.0')],
    ['the calendar', () => runKey(session(folder('calendar:\n  holidays: [2027-01-04]\n')), '1.0.0')],
    ['the jurisdiction', () => runKey(session(folder('jurisdiction:\n  name: 夹江县\n  level: 县\n')), '1.0.0')],
    ['maxFileSize', () => runKey(session(folder('maxFileSize: 1000\n')), '1.0.0')],
  ])('changes with %s', (_name, key) => {
    expect(key()).not.toBe(base);
  });

  it('changes when a rule file or the law table changes', () => {
    const d = folder('extends: [hefa:recommended, ./local]\n');
    const file = join(d, 'local', 'local-title-kind.yaml');
    mkdirSync(join(d, 'local'));
    cpSync(join(BUILTIN_RULES_DIR, 'structure', 'structure-title-kind.yaml'), file);
    const text = readFileSync(file, 'utf8').replace(/^id: .*$/m, 'id: local-title-kind');
    writeFileSync(file, text);
    const before = runKey(session(d), '1.0.0');
    writeFileSync(file, text.replace(/^severity: .*$/m, 'severity: warning'));
    expect(runKey(session(d), '1.0.0')).not.toBe(before);
    const laws = folder('laws: laws.yaml\n');
    writeFileSync(join(laws, 'laws.yaml'), '- title: 夹江县测试条例\n  articles: 12\n  version: 2020-01-01\n');
    expect(runKey(session(laws), '1.0.0')).not.toBe(base);
  });

  it('does not change with `ignore`, or with rule settings (those are per file: groupKey)', () => {
    expect(runKey(session(folder('ignore: ["old/**"]\n')), '1.0.0')).toBe(base);
    expect(runKey(session(folder('rules:\n  structure-title-kind: error\n')), '1.0.0')).toBe(base);
  });
});

describe('groupKey', () => {
  const rules = loadRules([BUILTIN_RULES_DIR]);
  const one = (severity: 'error' | 'warning', options: Record<string, unknown> = {}) =>
    groupKey(prepareRules(rules, new Map([['structure-title-kind', { severity, options }]])), undefined, 'info');

  it('follows the enabled rules, their severities and options, the kind and meta-unknown-key', () => {
    expect(one('warning')).toBe(one('warning'));
    expect(one('error')).not.toBe(one('warning'));
    const enabled = prepareRules(rules, new Map([['structure-title-kind', { severity: 'warning', options: {} }]]));
    expect(groupKey(enabled, '行政规范性文件', 'info')).not.toBe(groupKey(enabled, undefined, 'info'));
    expect(groupKey(enabled, undefined, null)).not.toBe(groupKey(enabled, undefined, 'info'));
    expect(groupKey([], undefined, 'info')).not.toBe(one('warning'));
  });
});

describe('configDigest (hefa merge)', () => {
  const base = configDigest(session(folder()), '1.0.0');

  it('is the same in another folder, and ignores --kind and --encoding (they act only on reading)', () => {
    expect(configDigest(session(folder()), '1.0.0')).toBe(base);
    expect(configDigest(session(folder(), { kind: '行政规范性文件', encoding: 'gb18030' }), '1.0.0')).toBe(base);
  });

  it.each([
    ['rule settings', () => configDigest(session(folder('rules:\n  corpus-duplicate-number: warning\n')), '1.0.0')],
    ['overrides', () => configDigest(session(folder('overrides:\n  - files: ["a/**"]\n    rules: {corpus-cites-invalid: off}\n')), '1.0.0')],
    ['--disable', () => configDigest(session(folder(), { disable: ['corpus-cites-invalid'] }), '1.0.0')],
    ['--rule', () => configDigest(session(folder(), { only: ['corpus-cites-invalid'] }), '1.0.0')],
    ['--as-of', () => configDigest(session(folder(), { asOf: '2027-01-01' }), '1.0.0')],
    ['the version', () => configDigest(session(folder()), '2.0.0')],
  ])('changes with %s', (_name, digest) => {
    expect(digest()).not.toBe(base);
  });
});
