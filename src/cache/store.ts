/**
 * The cache file of `hefa check --cache` (default `.hefacache` in cwd). One text file: a header line
 * `hefa-cache <format> <version>`, then one line per checked file, `<key>\t<entry as JSON>`. The key
 * (src/cache/key.ts) is sha256 of the run's settings, the file's own rule settings, its path and the
 * sha256 of its bytes; the entry is the file's result before the corpus phase and suppression, its
 * corpus summary and its notices. Lines are parsed only when their key is asked for, so every hit
 * gets fresh objects and an unchanged entry is written back as the same bytes.
 *
 * Lines starting `@\t` are the stat index (statLine below): per file read in the run (inputs and the 正文文件 of YAML
 * records), its size, mtime, ctime, inode and the sha256 of its bytes, and when it was hashed. A later
 * run that finds the same stat takes the hash from here instead of reading and hashing the file (the
 * "metadata" strategy of ESLint's cache, with git's guard against racy timestamps: a stat is trusted
 * only when the file's ctime is well before the hash was taken — see statHash in src/lint.ts).
 *
 * The last line, `!\t<key>\t<JSON>`, is the run record: the whole result of the last complete run (after
 * the cross-document rules and suppression) under a key of the run's settings and every file's key, with
 * the other files it read. A run whose files all have the same keys takes it as its result without
 * decoding a single entry (src/lint.ts runRecordKey).
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

/** A file's stat when it was hashed, and the hash (the stat index). */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /** sha256 of the bytes. */
  hash: string;
  /** Date.now() just before the bytes were read. */
  at: number;
}

/** A stat line's text after `@\t`: the numbers and the hash tab-separated, then the path as JSON (it may hold tabs). */
function statLine(rel: string, s: FileStat): string {
  return `${s.size}\t${s.mtimeMs}\t${s.ctimeMs}\t${s.ino}\t${s.hash}\t${s.at}\t${JSON.stringify(rel)}`;
}

/** The path of a stat line, or null when the line is damaged. */
function statPath(line: string): string | null {
  let tab = -1;
  for (let k = 0; k < 6; k++) {
    tab = line.indexOf('\t', tab + 1);
    if (tab < 0) return null;
  }
  try {
    const rel = JSON.parse(line.slice(tab + 1)) as unknown;
    return typeof rel === 'string' ? rel : null;
  } catch {
    return null;
  }
}

function parseStatLine(line: string): FileStat | null {
  const f = line.split('\t', 6);
  const [size, mtimeMs, ctimeMs, ino, at] = [f[0], f[1], f[2], f[3], f[5]].map(Number) as [number, number, number, number, number];
  if (![size, mtimeMs, ctimeMs, ino, at].every(Number.isFinite) || !/^[0-9a-f]{64}$/.test(f[4] ?? '')) return null;
  return { size, mtimeMs, ctimeMs, ino, hash: f[4]!, at };
}

/** A line's JSON as read (its bytes in the cache file, decoded only when asked for) or as made in this run. */
type LineText = Buffer | string;

export class CacheStore {
  /** The cache file's bytes as read. */
  private buf: Buffer = Buffer.alloc(0);
  /** Entries as read: key → [start, end) of the entry's JSON in `buf`. */
  private readonly old = new Map<string, [number, number]>();
  private readonly next = new Map<string, LineText>();
  /** The stat index as read (line text by path), and as this run leaves it. */
  private readonly oldStats = new Map<string, string>();
  private readonly nextStats = new Map<string, string>();
  /** The run record (`!` line) as read, and as this run leaves it. */
  private oldRun: { key: string; start: number; end: number } | null = null;
  private nextRun: { key: string; json: LineText } | null = null;
  /** Whether the file on disk differs from what this run would write (absent, foreign, a new entry). */
  private dirty = false;

  private constructor(
    readonly file: string,
    private readonly header: string,
  ) {}

  /**
   * Open the cache at `file` for hefa `version`; an unreadable or foreign file counts as empty. The
   * file is read as bytes and only split into lines here: an entry's JSON is decoded when its key is
   * asked for, and a kept entry is written back as the same bytes.
   */
  static open(file: string, version: string): CacheStore {
    const store = new CacheStore(file, `hefa-cache\t${CACHE_FORMAT}\t${version}`);
    let buf: Buffer;
    try {
      buf = readFileSync(file);
    } catch {
      store.dirty = true;
      return store;
    }
    const n = buf.length;
    let eol = buf.indexOf(10);
    if (eol < 0) eol = n;
    if (buf.toString('utf8', 0, eol) !== store.header) {
      store.dirty = true;
      return store;
    }
    store.buf = buf;
    for (let pos = eol + 1; pos < n; pos = eol + 1) {
      eol = buf.indexOf(10, pos);
      if (eol < 0) eol = n;
      if (eol === pos) continue;
      const first = buf[pos];
      if (first === 0x40 /* @ */ && buf[pos + 1] === 9) {
        const line = buf.toString('utf8', pos + 2, eol);
        const rel = statPath(line);
        if (rel !== null) store.oldStats.set(rel, line);
        else store.dirty = true;
      } else if (first === 0x21 /* ! */ && buf[pos + 1] === 9 && eol - pos > 67 && buf[pos + 66] === 9) {
        store.oldRun = { key: buf.toString('latin1', pos + 2, pos + 66), start: pos + 67, end: eol };
      } else if (eol - pos > 65 && buf[pos + 64] === 9) {
        store.old.set(buf.toString('latin1', pos, pos + 64), [pos + 65, eol]);
      } else {
        store.dirty = true;
      }
    }
    return store;
  }

  /** The entry stored under `key`, as fresh objects; null when there is none or it does not parse. */
  get(key: string): CacheEntry | null {
    const at = this.old.get(key);
    if (at === undefined) return null;
    try {
      const entry = JSON.parse(this.buf.toString('utf8', at[0], at[1])) as CacheEntry;
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

  /** Keep an entry stored under `key` for the next run, as the same bytes. */
  keep(key: string): void {
    const at = this.old.get(key);
    if (at !== undefined) this.next.set(key, this.buf.subarray(at[0], at[1]));
  }

  /**
   * The run record stored under `key` (the JSON text put with putRun), or null. One record is kept: the
   * last complete run's, so that a run in which no file changed need not even read its files' entries.
   */
  run(key: string): string | null {
    return this.oldRun?.key === key ? this.buf.toString('utf8', this.oldRun.start, this.oldRun.end) : null;
  }

  /** Keep the run record run() gave for the next run. */
  keepRun(key: string): void {
    if (this.oldRun?.key === key) this.nextRun = { key, json: this.buf.subarray(this.oldRun.start, this.oldRun.end) };
  }

  /** Store this run's record (JSON text on one line). */
  putRun(key: string, json: string): void {
    this.nextRun = { key, json };
  }

  /** The stat index's record of a file (path relative to cwd), from the last run or this one. */
  stat(rel: string): FileStat | null {
    const line = this.nextStats.get(rel) ?? this.oldStats.get(rel);
    return line === undefined ? null : parseStatLine(line);
  }

  /** Record a file's stat and hash for the next run. */
  noteStat(rel: string, stat: FileStat): void {
    this.nextStats.set(rel, statLine(rel, stat));
  }

  /** Keep the record stat() gave for the next run, as it was. */
  keepStat(rel: string): void {
    const line = this.nextStats.get(rel) ?? this.oldStats.get(rel);
    if (line !== undefined) this.nextStats.set(rel, line);
  }

  /** Store a new entry (serialised now, so later changes to the objects do not reach the cache). */
  put(key: string, entry: CacheEntry): void {
    this.next.set(key, JSON.stringify(entry));
    this.dirty = true;
  }

  private statsChanged(): boolean {
    if (this.nextStats.size !== this.oldStats.size) return true;
    for (const [rel, line] of this.nextStats) if (this.oldStats.get(rel) !== line) return true;
    return false;
  }

  /** Whether this run leaves another run record than the one read (a run that makes none keeps the old one). */
  private runChanged(): boolean {
    if (!this.nextRun) return false;
    return this.nextRun.key !== this.oldRun?.key || typeof this.nextRun.json === 'string';
  }

  /**
   * Write the entries kept or put in this run, its stat index and its run record, dropping the others
   * (files not seen, stale versions). Skipped when nothing changed. Returns a notice when the cache could
   * not be written.
   */
  save(cwd: string): string | null {
    if (!this.dirty && this.next.size === this.old.size && !this.statsChanged() && !this.runChanged()) return null;
    const parts: LineText[] = [this.header, '\n'];
    for (const [key, json] of this.next) parts.push(key, '\t', json, '\n');
    for (const line of this.nextStats.values()) parts.push('@\t', line, '\n');
    const run = this.nextRun ?? (this.oldRun && { key: this.oldRun.key, json: this.buf.subarray(this.oldRun.start, this.oldRun.end) });
    if (run) parts.push('!\t', run.key, '\t', run.json, '\n');
    const tmp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(tmp, Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));
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
