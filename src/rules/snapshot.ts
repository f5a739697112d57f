/**
 * A build-time snapshot of the built-in data files (rule files, the law-status table) parsed and
 * validated once, so a run does not re-parse ~175 KB of YAML: that parse was the largest part of
 * hefa's start-up (about 130 ms of a 480 ms single-draft run). Each entry is keyed by the file's
 * path inside the package, its size and its mtime: an edited file misses the snapshot and is parsed
 * from YAML as before, so the snapshot can never hide a change. User rule folders and user law
 * files are never snapshotted.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (src/ and dist/ both sit one level below it). */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where `npm run build` writes the snapshot (scripts/snapshot-builtins.js). */
export const SNAPSHOT_FILE = fileURLToPath(new URL('../builtin-snapshot.json', import.meta.url));

interface Entry {
  size: number;
  mtimeMs: number;
  value: unknown;
}

let loaded: Record<string, Entry> | null | undefined;

function snapshot(): Record<string, Entry> | null {
  if (loaded === undefined) {
    try {
      loaded = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Record<string, Entry>;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

function keyOf(file: string): string {
  return relative(ROOT, file).split('\\').join('/');
}

/** The snapshotted value of a built-in file, or undefined when absent or out of date. */
export function fromSnapshot<T>(file: string): T | undefined {
  const snap = snapshot();
  if (!snap) return undefined;
  const entry = snap[keyOf(file)];
  if (!entry) return undefined;
  try {
    const st = statSync(file);
    if (st.size !== entry.size || st.mtimeMs !== entry.mtimeMs) return undefined;
  } catch {
    return undefined;
  }
  return entry.value as T;
}

/** Write the snapshot: file → parsed value (only files that parsed without problems). */
export function writeSnapshot(values: Map<string, unknown>): number {
  const out: Record<string, Entry> = {};
  for (const [file, value] of [...values].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const st = statSync(file);
    out[keyOf(file)] = { size: st.size, mtimeMs: st.mtimeMs, value };
  }
  writeFileSync(SNAPSHOT_FILE, JSON.stringify(out));
  loaded = undefined;
  return Object.keys(out).length;
}
