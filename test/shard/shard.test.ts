/**
 * --shard i/n (src/input/shard.ts): parsing, and a slice that depends only on the file's path — the
 * same on every machine and run, independent of the other files, the file system's order or --jobs.
 */
import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from '../../src/input/shard.js';

describe('parseShard', () => {
  it('reads i/n with 1 ≤ i ≤ n', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(parseShard('10/10')).toEqual({ index: 10, count: 10 });
  });
  it.each(['0/4', '5/4', '1/0', '2', '2/4/6', 'a/b', '-1/4', '1.5/4', '', '1/1234567'])('refuses %j', (text) => {
    expect(parseShard(text)).toBeNull();
  });
});

describe('shardOf', () => {
  const paths = Array.from({ length: 600 }, (_, i) => `docs/第${i}号文件.md`);

  it('is a fixed function of the path (pinned values: the slicing must never change silently)', () => {
    expect([1, 2, 3, 4].map((n) => shardOf('docs/夹江县养犬管理办法.md', n))).toEqual([1, 2, 2, 4]);
    expect(['a.md', 'b.md', 'c/d.yaml'].map((p) => shardOf(p, 3))).toEqual([1, 1, 2]);
  });

  it('puts every file in exactly one of n slices, whatever the order or the other files', () => {
    for (const n of [1, 2, 3, 4, 7]) {
      const slices = Array.from({ length: n }, (_, i) => paths.filter((p) => inShard(p, { index: i + 1, count: n })));
      expect(slices.flat().sort()).toEqual([...paths].sort());
      const reversed = [...paths].reverse().filter((p) => inShard(p, { index: 1, count: n }));
      expect(reversed.reverse()).toEqual(slices[0]);
      expect(paths.slice(0, 10).filter((p) => inShard(p, { index: 1, count: n }))).toEqual(slices[0]!.filter((p) => paths.slice(0, 10).includes(p)));
    }
  });

  it('spreads files evenly enough', () => {
    for (const n of [2, 3, 4]) {
      const sizes = Array.from({ length: n }, (_, i) => paths.filter((p) => shardOf(p, n) === i + 1).length);
      for (const s of sizes) expect(Math.abs(s - paths.length / n)).toBeLessThan(paths.length / n / 4);
    }
  });
});
