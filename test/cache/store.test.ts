/**
 * The cache file (src/cache/store.ts): entries round-trip as fresh objects, a save keeps only this
 * run's entries and is skipped when nothing changed, damage of any kind reads as a miss, the file is
 * replaced atomically, and --cache-location may name a file or a folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CacheStore, cacheFile, type CacheEntry } from '../../src/cache/store.js';

const dir = mkdtempSync(join(tmpdir(), 'hefa-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KEY_A = 'a'.repeat(64);
const KEY_B = 'b'.repeat(64);

function entry(path: string): CacheEntry {
  return {
    path,
    deps: [],
    result: {
      path,
      document: null,
      findings: [{ ruleId: 'x', severity: 'warning', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, basis: [], related: [], suppressed: null }],
    },
    corpus: null,
    notices: [],
  };
}

let n = 0;
const fresh = (): string => join(dir, `c${n++}`, '.hefacache');

describe('CacheStore', () => {
  it('stores entries and gives them back as fresh objects in a later run', () => {
    const file = fresh();
    const s = CacheStore.open(file, '1.0.0');
    expect(s.get(KEY_A)).toBeNull();
    const e = entry('a.md');
    s.put(KEY_A, e);
    e.result.findings[0]!.suppressed = { kind: 'directive', reason: 'later change' };
    expect(s.save(dir)).toBeNull();
    const t = CacheStore.open(file, '1.0.0');
    const got = t.get(KEY_A)!;
    expect(got).toEqual(entry('a.md'));
    got.result.findings.push(got.result.findings[0]!);
    expect(t.get(KEY_A)).toEqual(entry('a.md'));
  });

  it('keeps only entries kept or put in this run, and skips the write when nothing changed', () => {
    const file = fresh();
    const s = CacheStore.open(file, '1.0.0');
    s.put(KEY_A, entry('a.md'));
    s.put(KEY_B, entry('b.md'));
    s.save(dir);
    const written = statSync(file).mtimeMs;
    const same = CacheStore.open(file, '1.0.0');
    for (const k of [KEY_A, KEY_B]) {
      expect(same.get(k)).not.toBeNull();
      same.keep(k);
    }
    same.save(dir);
    expect(statSync(file).mtimeMs).toBe(written);
    const fewer = CacheStore.open(file, '1.0.0');
    fewer.get(KEY_A);
    fewer.keep(KEY_A);
    fewer.save(dir);
    const after = CacheStore.open(file, '1.0.0');
    expect(after.get(KEY_A)).not.toBeNull();
    expect(after.get(KEY_B)).toBeNull();
  });

  it.each([
    ['not there', null],
    ['empty', ''],
    ['binary', '\u0000\u0001\u0002'],
    ['another version', `hefa-cache\t2\t0.9.0\n${KEY_A}\t${JSON.stringify(entry('a.md'))}\n`],
    ['another format', `hefa-cache\t999\t1.0.0\n${KEY_A}\t${JSON.stringify(entry('a.md'))}\n`],
    ['a damaged entry', `hefa-cache\t2\t1.0.0\n${KEY_A}\t{"path": "a.md", "deps": [\n`],
    ['an entry of the wrong shape', `hefa-cache\t2\t1.0.0\n${KEY_A}\t{"path": 3}\n`],
    ['a line without a key', `hefa-cache\t2\t1.0.0\nshort\t{}\n`],
  ])('a cache file that is %s reads as empty and is rewritten', (_name, text) => {
    const file = fresh();
    mkdirSync(join(file, '..'), { recursive: true });
    if (text !== null) writeFileSync(file, text);
    const s = CacheStore.open(file, '1.0.0');
    expect(s.get(KEY_A)).toBeNull();
    s.put(KEY_B, entry('b.md'));
    expect(s.save(dir)).toBeNull();
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('hefa-cache\t2\t1.0.0');
    expect(CacheStore.open(file, '1.0.0').get(KEY_B)).toEqual(entry('b.md'));
  });

  it('a damaged cache is rewritten even when this run adds nothing', () => {
    const file = fresh();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, 'garbage');
    CacheStore.open(file, '1.0.0').save(dir);
    expect(readFileSync(file, 'utf8')).toBe('hefa-cache\t2\t1.0.0\n');
  });

  it('writes through a temporary file renamed over the cache, leaving nothing else behind', () => {
    const file = fresh();
    const s = CacheStore.open(file, '1.0.0');
    s.put(KEY_A, entry('a.md'));
    s.save(dir);
    expect(readdirSync(join(file, '..'))).toEqual(['.hefacache']);
  });

  it('a cache that cannot be written gives a notice, not an exception', () => {
    writeFileSync(join(dir, 'plain'), 'x');
    const s = CacheStore.open(join(dir, 'plain', 'cache'), '1.0.0');
    s.put(KEY_A, entry('a.md'));
    expect(s.save(dir)).toMatch(/^无法写入缓存文件 plain\/cache（.+）：本次结果未缓存$/);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});

describe('the stat index', () => {
  const stat = { size: 120, mtimeMs: 1_700_000_000_000.25, ctimeMs: 1_700_000_000_100.5, ino: 42, hash: 'c'.repeat(64), at: 1_700_000_005_000 };

  it('reads a path holding a tab or a newline', () => {
    const file = fresh();
    const s = CacheStore.open(file, '1.0.0');
    s.noteStat('a\tb\nc.md', stat);
    s.save(dir);
    expect(CacheStore.open(file, '1.0.0').stat('a\tb\nc.md')).toEqual(stat);
  });

  it('keeps the stats noted in a run for the next one, and drops the others', () => {
    const file = fresh();
    const s = CacheStore.open(file, '1.0.0');
    expect(s.stat('a.md')).toBeNull();
    s.noteStat('a.md', stat);
    s.noteStat('b.md', { ...stat, ino: 43 });
    expect(s.stat('a.md')).toEqual(stat);
    expect(s.save(dir)).toBeNull();
    const next = CacheStore.open(file, '1.0.0');
    expect(next.stat('a.md')).toEqual(stat);
    expect(next.stat('b.md')).toEqual({ ...stat, ino: 43 });
    next.keepStat('a.md');
    next.save(dir);
    const third = CacheStore.open(file, '1.0.0');
    expect(third.stat('a.md')).toEqual(stat);
    expect(third.stat('b.md')).toBeNull();
  });

  it('rewrites the file when only a stat changed, not when none did', () => {
    const file = fresh();
    const s = CacheStore.open(file, '1.0.0');
    s.noteStat('a.md', stat);
    s.save(dir);
    const written = statSync(file).mtimeMs;
    const same = CacheStore.open(file, '1.0.0');
    same.noteStat('a.md', stat);
    same.save(dir);
    expect(statSync(file).mtimeMs).toBe(written);
    const changed = CacheStore.open(file, '1.0.0');
    changed.noteStat('a.md', { ...stat, at: stat.at + 1 });
    changed.save(dir);
    expect(CacheStore.open(file, '1.0.0').stat('a.md')!.at).toBe(stat.at + 1);
  });

  it.each([
    ['too short', '@\t1\t2\t"a.md"'],
    ['a path that is not JSON', `@\t1\t2\t3\t4\t${'c'.repeat(64)}\t5\ta.md`],
    ['a bad number', `@\t1\tx\t3\t4\t${'c'.repeat(64)}\t5\t"a.md"`],
    ['a bad hash', '@\t1\t2\t3\t4\tnot-a-hash\t5\t"a.md"'],
  ])('a stat line that is %s reads as no record', (_name, line) => {
    const file = fresh();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, `hefa-cache\t2\t1.0.0\n${line}\n`);
    const s = CacheStore.open(file, '1.0.0');
    expect(s.stat('a.md')).toBeNull();
  });
});

describe('the run record', () => {
  const RUN_A = 'd'.repeat(64);
  const RUN_B = 'e'.repeat(64);

  it('gives back the record under its key only, and keeps it across a run that makes none', () => {
    const file = fresh();
    const s = CacheStore.open(file, '1.0.0');
    expect(s.run(RUN_A)).toBeNull();
    s.put(KEY_A, entry('a.md'));
    s.putRun(RUN_A, '{"result":"甲"}');
    expect(s.save(dir)).toBeNull();
    const next = CacheStore.open(file, '1.0.0');
    expect(next.run(RUN_A)).toBe('{"result":"甲"}');
    expect(next.run(RUN_B)).toBeNull();
    // A run that makes no record (a shard, standard input) leaves the old one.
    next.keep(KEY_A);
    next.save(dir);
    expect(CacheStore.open(file, '1.0.0').run(RUN_A)).toBe('{"result":"甲"}');
  });

  it('a kept record and kept entries leave the file as it was; a new record replaces the old', () => {
    const file = fresh();
    const s = CacheStore.open(file, '1.0.0');
    s.put(KEY_A, entry('a.md'));
    s.putRun(RUN_A, '{"result":1}');
    s.save(dir);
    const text = readFileSync(file, 'utf8');
    const written = statSync(file).mtimeMs;
    const same = CacheStore.open(file, '1.0.0');
    same.keep(KEY_A);
    same.keepRun(RUN_A);
    expect(same.save(dir)).toBeNull();
    expect(statSync(file).mtimeMs).toBe(written);
    const other = CacheStore.open(file, '1.0.0');
    other.keep(KEY_A);
    other.putRun(RUN_B, '{"result":2}');
    other.save(dir);
    const after = CacheStore.open(file, '1.0.0');
    expect(after.run(RUN_A)).toBeNull();
    expect(after.run(RUN_B)).toBe('{"result":2}');
    // Entries are written back byte for byte.
    expect(readFileSync(file, 'utf8').split('\n')[1]).toBe(text.split('\n')[1]);
  });

  it('a record line without a key reads as no record', () => {
    const file = fresh();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, 'hefa-cache\t2\t1.0.0\n!\tshort\t{}\n');
    expect(CacheStore.open(file, '1.0.0').run('short')).toBeNull();
  });
});

describe('cacheFile (--cache-location)', () => {
  it('a file as given, relative to cwd', () => {
    expect(cacheFile('x/hefa.cache', dir)).toBe(join(dir, 'x', 'hefa.cache'));
  });
  it('an existing folder, or a path ending in a slash, holds .hefacache', () => {
    mkdirSync(join(dir, 'folder'), { recursive: true });
    expect(cacheFile('folder', dir)).toBe(join(dir, 'folder', '.hefacache'));
    expect(cacheFile('new/', dir)).toBe(join(dir, 'new', '.hefacache'));
  });
});
