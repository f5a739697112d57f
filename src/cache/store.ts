/**
 * The cache file of `hefa check --cache` (default `.hefacache` in cwd). One text file: a header line
 * `hefa-cache <format> <version>`, then one line per checked file, `<key>\t<entry as JSON>`. The key
 * (src/cache/key.ts) is sha256 of the run's settings, the file's own rule settings, its path and the
 * sha256 of its bytes; the entry is the file's result before the corpus phase and suppression, its
 * corpus summary and its notices. Lines are parsed only when their key is asked for, so every hit
 * gets fresh objects and an unchanged entry is written back as the same text.
 *
 * Nothing here throws: a missing, corrupt or foreign cache file is ignored (and replaced on save);
 * a cache that cannot be written becomes a notice. Writes go to a temporary file that is renamed
 * over the cache, so a reader never sees half a file. Only the entries of this run's files are kept.
 */
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, relative, resolve } from 'node:path';
import type { CorpusSummary, FileResult } from '../types.js';
import { fsErrorReason } from '../input/read.js';
import { CACHE_FORMAT } from './key.js';

export const DEFAULT_CACHE_LOCATION = '.hefacache';

export interface CacheEntry {
  /** Relative to cwd, with `/`. */
  path: string;
  /** Other files the result was read from (a YAML record's 正文文件): path relative to cwd, sha256 or null (unreadable). */
  deps: [string, string | null][];
  /** The file's result before the corpus phase and suppression (findings of per-file rules, directives). */
  result: FileResult;
  corpus: CorpusSummary | null;
  /** Notices its rules gave (dates outside the working-day calendar). */
  notices: string[];
}

/** `--cache-location`: a file, or a folder (existing, or written with a trailing slash) to hold `.hefacache`. */
export function cacheFile(location: string, cwd: string): string {
  const abs = resolve(cwd, location);
  if (/[\\/]$/.test(location)) return join(abs, DEFAULT_CACHE_LOCATION);
  try {
    if (statSync(abs).isDirectory()) return join(abs, DEFAULT_CACHE_LOCATION);
  } catch {
    // Not there yet: a file.
  }
  return abs;
}

export class CacheStore {
  private readonly old = new Map<string, string>();
  private readonly next = new Map<string, string>();
  /** Whether the file on disk differs from what this run would write (absent, foreign, a new entry). */
  private dirty = false;

  private constructor(
    readonly file: string,
    private readonly header: string,
  ) {}

  /** Open the cache at `file` for hefa `version`; an unreadable or foreign file counts as empty. */
  static open(file: string, version: string): CacheStore {
    const store = new CacheStore(file, `hefa-cache\t${CACHE_FORMAT}\t${version}`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      store.dirty = true;
      return store;
    }
    const lines = text.split('\n');
    if (lines[0] !== store.header) {
      store.dirty = true;
      return store;
    }
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      const tab = line.indexOf('\t');
      if (tab !== 64) {
        store.dirty = true;
        continue;
      }
      store.old.set(line.slice(0, 64), line.slice(65));
    }
    return store;
  }

  /** The entry stored under `key`, as fresh objects; null when there is none or it does not parse. */
  get(key: string): CacheEntry | null {
    const json = this.old.get(key);
    if (json === undefined) return null;
    try {
      const entry = JSON.parse(json) as CacheEntry;
      if (entry && typeof entry.path === 'string' && Array.isArray(entry.deps) && entry.result && Array.isArray(entry.result.findings) && Array.isArray(entry.notices)) {
        return entry;
      }
    } catch {
      // A damaged line: treated as a miss, and replaced.
    }
    this.old.delete(key);
    this.dirty = true;
    return null;
  }

  /** Keep an entry get() returned for the next run. */
  keep(key: string): void {
    const json = this.old.get(key);
    if (json !== undefined) this.next.set(key, json);
  }

  /** Store a new entry (serialised now, so later changes to the objects do not reach the cache). */
  put(key: string, entry: CacheEntry): void {
    this.next.set(key, JSON.stringify(entry));
    this.dirty = true;
  }

  /**
   * Write the entries kept or put in this run, dropping the others (files not seen, stale versions).
   * Skipped when nothing changed. Returns a notice when the cache could not be written.
   */
  save(cwd: string): string | null {
    if (!this.dirty && this.next.size === this.old.size) return null;
    const parts = [this.header, '\n'];
    for (const [key, json] of this.next) parts.push(key, '\t', json, '\n');
    const tmp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(tmp, parts.join(''));
      renameSync(tmp, this.file);
      return null;
    } catch (e) {
      try {
        unlinkSync(tmp);
      } catch {
        // It was never written.
      }
      const shown = relative(cwd, this.file).split('\\').join('/') || this.file;
      return `无法写入缓存文件 ${shown}（${fsErrorReason(e)}）：本次结果未缓存`;
    }
  }
}
