/**
 * Discovering input files: explicit files as given, directories walked with fast-glob, filtered by
 * .gitignore-style patterns. The list is sorted so output never depends on the file system's order.
 */
import { lstatSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import fg from 'fast-glob';
import ignore from 'ignore';

export const DOCUMENT_EXTENSIONS = ['md', 'markdown', 'yaml', 'yml'];
/** Never documents: hefa's own config files, dependencies and VCS folders. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/hefa.config.yaml', '**/.hefarc.yaml', '**/.hefarc.yml'];

export class PathError extends Error {
  constructor(readonly paths: string[]) {
    super(paths.map((p) => `${p}: 路径不存在或没有匹配的文件；应为存在的文件或目录`).join('\n'));
    this.name = 'PathError';
  }
}

export interface DiscoverOptions {
  cwd: string;
  /** Patterns relative to `ignoreBase` (the config file's folder). */
  ignore: string[];
  ignoreBase: string;
  /** Patterns from --ignore, relative to cwd. */
  cliIgnore: string[];
}

/**
 * Absolute paths of the entries matching `pattern` under `cwd` that are to be read as documents.
 * Symbolic links to folders are not followed (no loops, no walking out of the tree), but a link is
 * never skipped silently: a link to a file is a document, and a link that cannot be followed (a loop,
 * a dangling link) is listed so that reading it reports a read-error. fast-glob's `onlyFiles` would
 * drop every link when `followSymbolicLinks` is false, so entries are filtered here from their dirent.
 * A folder whose name matches (`x.md/`) is a folder: its contents are walked, it is not a document.
 */
async function walk(pattern: string, cwd: string): Promise<string[]> {
  const entries = await fg(pattern, {
    cwd,
    absolute: true,
    onlyFiles: false,
    objectMode: true,
    ignore: ALWAYS_IGNORED,
    followSymbolicLinks: false,
    suppressErrors: true,
  });
  const out: string[] = [];
  for (const e of entries) {
    if (e.dirent.isDirectory()) continue;
    if (e.dirent.isSymbolicLink()) {
      try {
        if (statSync(e.path).isDirectory()) continue;
      } catch {
        // A loop or a dangling link: keep it, reading it says what is wrong.
      }
    }
    out.push(e.path);
  }
  return out;
}

/** Absolute paths of every document to check, sorted by their path relative to cwd. */
export async function discover(paths: string[], opts: DiscoverOptions): Promise<string[]> {
  const missing: string[] = [];
  const files = new Set<string>();
  const cfgIgnore = ignore().add(opts.ignore);
  const cliIgnore = ignore().add(opts.cliIgnore);
  const ignored = (abs: string): boolean => {
    const a = relative(opts.ignoreBase, abs).split('\\').join('/');
    const b = relative(opts.cwd, abs).split('\\').join('/');
    return (!!a && !a.startsWith('..') && cfgIgnore.ignores(a)) || (!!b && !b.startsWith('..') && cliIgnore.ignores(b));
  };
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : resolve(opts.cwd, p);
    if (!lstatSync(abs, { throwIfNoEntry: false })) {
      // A glob pattern given on the command line (quoted so the shell did not expand it).
      if (/[*?[{]/.test(p)) {
        const found = await walk(p, opts.cwd);
        const kept = found.filter((f) => !ignored(f));
        if (kept.length === 0) missing.push(p);
        kept.forEach((f) => files.add(f));
        continue;
      }
      missing.push(p);
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      // It exists but cannot be followed (a symlink loop or a dangling link): a read-error on that file.
      files.add(abs);
      continue;
    }
    if (isDir) {
      const found = await walk(`**/*.{${DOCUMENT_EXTENSIONS.join(',')}}`, abs);
      const kept = found.filter((f) => !ignored(f));
      if (kept.length === 0) missing.push(p);
      kept.forEach((f) => files.add(f));
    } else {
      // An explicit file is checked even when an ignore pattern matches it: the user asked for it.
      files.add(abs);
    }
  }
  if (missing.length) throw new PathError(missing);
  return [...files].sort((a, b) => {
    const ra = relative(opts.cwd, a), rb = relative(opts.cwd, b);
    return ra < rb ? -1 : ra > rb ? 1 : 0;
  });
}
