/**
 * `--shard i/n`: the i-th of n deterministic slices of a run's file list (a CI matrix). A file's slice
 * is a stable hash of its path relative to cwd (with `/`), so it depends on nothing but that path: not
 * on the file system's order, not on --jobs, not on which other files exist. Adding a file never moves
 * another one to a different slice, so each slice's cache (--cache) stays warm.
 *
 * A shard checks only its files and leaves the cross-document rules to `hefa merge`, which has every
 * file's corpus summary (src/commands/merge.ts).
 */
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `2/4` → {index: 2, count: 4}; null when the text is not `i/n` with 1 ≤ i ≤ n. */
export function parseShard(text: string): Shard | null {
  const m = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(text);
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return null;
  return { index, count };
}

/** The slice (1-based) a file belongs to among `count`: the first 32 bits of sha256(path) mod count. */
export function shardOf(relPath: string, count: number): number {
  return (createHash('sha256').update(relPath, 'utf8').digest().readUInt32BE(0) % count) + 1;
}

export function inShard(relPath: string, shard: Shard): boolean {
  return shardOf(relPath, shard.count) === shard.index;
}
