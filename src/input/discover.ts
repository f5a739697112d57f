/**
 * Discovering input files: explicit files as given, directories walked (walkFolder), globs expanded with fast-glob, filtered by
 * .gitignore-style patterns. The list is sorted so output never depends on the file system's order.
 */
import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';

export const DOCUMENT_EXTENSIONS = ['md', 'markdown', 'yaml', 'yml'];
/** Never documents: hefa's own config files, dependencies and VCS folders. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/hefa.config.yaml', '**/.hefarc.yaml', '**/.hefarc.yml'];

/**
 * `relative(cwd, abs)` with `/` separators: for a path inside cwd (every walked file) a slice, since
 * path.relative normalises both paths on every call and the run asks for thousands.
 */
export function relativePath(cwd: string, abs: string): string {
  if (abs.length > cwd.length + 1 && abs.startsWith(cwd) && (abs[cwd.length] === sep || abs[cwd.length] === '/') && !cwd.endsWith(sep) && isNormal(abs)) {
    return sep === '/' ? abs.slice(cwd.length + 1) : abs.slice(cwd.length + 1).split(sep).join('/');
  }
  return relative(cwd, abs).split(sep).join('/');
}

/**
 * Nothing relative() would normalise: no `.` or `..` segment, no doubled or trailing separator. (A
 * name starting with `.` fails too and takes the slow path; plain substring tests are cheaper than a
 * regular expression over thousands of paths.)
 */
function isNormal(p: string): boolean {
  for (const s of sep === '/' ? ['/'] : ['/', sep]) {
    if (p.includes(`${s}.`) || p.includes(`${s}${s}`) || p.endsWith(s)) return false;
  }
  return true;
}

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

/** Keep a walked entry: a file, or a link to something that is not a folder (a loop or a dangling link too). */
function keepEntry(path: string, isDirectory: boolean, isSymbolicLink: boolean): boolean {
  if (isDirectory) return false;
  if (isSymbolicLink) {
    try {
      if (statSync(path).isDirectory()) return false;
    } catch {
      // A loop or a dangling link: keep it, reading it says what is wrong.
    }
  }
  return true;
}

/**
 * Absolute paths of the entries matching a command-line glob `pattern` under `cwd` that are to be read
 * as documents. Symbolic links to folders are not followed (no loops, no walking out of the tree), but a
 * link is never skipped silently: a link to a file is a document, and a link that cannot be followed (a
 * loop, a dangling link) is listed so that reading it reports a read-error. fast-glob's `onlyFiles` would
 * drop every link when `followSymbolicLinks` is false, so entries are filtered here from their dirent.
 * A folder whose name matches (`x.md/`) is a folder: its contents are walked, it is not a document.
 * fast-glob is loaded only for a glob: folders are walked by walkFolder.
 */
async function walkGlob(pattern: string, cwd: string): Promise<string[]> {
  const fg = (await import('fast-glob')).default;
  const entries = await fg(pattern, {
    cwd,
    absolute: true,
    onlyFiles: false,
    objectMode: true,
    ignore: ALWAYS_IGNORED,
    followSymbolicLinks: false,
    suppressErrors: true,
  });
  return entries.filter((e) => keepEntry(e.path, e.dirent.isDirectory(), e.dirent.isSymbolicLink())).map((e) => e.path);
}

const DOCUMENT_NAME = new RegExp(`\\.(?:${DOCUMENT_EXTENSIONS.join('|')})$`);
const IGNORED_NAMES = new Set(['hefa.config.yaml']);

/**
 * The documents under a folder: what `**\/*.{md,markdown,yaml,yml}` gives with walkGlob's options, by a
 * plain synchronous walk (a quarter of fast-glob's time on the corpus, and no module to load). As
 * fast-glob does by default, names starting with `.` are skipped, files and folders alike (so .git and
 * .hefarc.yaml), and matching is case-sensitive; node_modules folders and hefa.config.yaml files are
 * never documents (ALWAYS_IGNORED); links are not followed; an unreadable folder is skipped
 * (fast-glob's suppressErrors). An explicit stack, not recursion: a folder tree may be very deep.
 * `rootRel` is the folder's path relative to cwd: each file's is built from it, not computed again.
 */
function walkFolder(root: string, rootRel: string): Discovered[] {
  const out: Discovered[] = [];
  const stack: Discovered[] = [{ abs: root, rel: rootRel }];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir.abs, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const name = e.name;
      if (name.charCodeAt(0) === 46 /* . */) continue;
      const entry = { abs: join(dir.abs, name), rel: dir.rel ? `${dir.rel}/${name}` : name };
      if (e.isDirectory()) {
        if (name !== 'node_modules') stack.push(entry);
        // A folder named x.md is walked, not read.
        continue;
      }
      if (!DOCUMENT_NAME.test(name) || IGNORED_NAMES.has(name)) continue;
      if (keepEntry(entry.abs, false, e.isSymbolicLink())) out.push(entry);
    }
  }
  return out;
}

/** A document to check: its absolute path and its path relative to cwd with `/` (relativePath). */
export interface Discovered {
  abs: string;
  rel: string;
}

/** Absolute paths of every document to check, sorted by their path relative to cwd. */
export async function discover(paths: string[], opts: DiscoverOptions): Promise<string[]> {
  return (await discoverFiles(paths, opts)).map((f) => f.abs);
}

/** Every document to check with its relative path, sorted by that path. */
export async function discoverFiles(paths: string[], opts: DiscoverOptions): Promise<Discovered[]> {
  const missing: string[] = [];
  const files = new Map<string, string>();
  const cfgIgnore = ignore().add(opts.ignore);
  const cliIgnore = ignore().add(opts.cliIgnore);
  const noPatterns = opts.ignore.length === 0 && opts.cliIgnore.length === 0;
  const ignored = (f: Discovered): boolean => {
    if (noPatterns) return false;
    const a = opts.ignoreBase === opts.cwd ? f.rel : relative(opts.ignoreBase, f.abs).split(sep).join('/');
    const b = f.rel;
    return (!!a && !a.startsWith('..') && cfgIgnore.ignores(a)) || (!!b && !b.startsWith('..') && cliIgnore.ignores(b));
  };
  const add = (found: Discovered[], p: string): void => {
    const kept = found.filter((f) => !ignored(f));
    if (kept.length === 0) missing.push(p);
    for (const f of kept) files.set(f.abs, f.rel);
  };
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : resolve(opts.cwd, p);
    if (!lstatSync(abs, { throwIfNoEntry: false })) {
      // A glob pattern given on the command line (quoted so the shell did not expand it).
      if (/[*?[{]/.test(p)) {
        add((await walkGlob(p, opts.cwd)).map((f) => ({ abs: f, rel: relativePath(opts.cwd, f) })), p);
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
      files.set(abs, relativePath(opts.cwd, abs));
      continue;
    }
    if (isDir) {
      // The folder's relative path once; its files' paths are that plus the names walked.
      add(walkFolder(abs, relativePath(opts.cwd, abs)), p);
    } else {
      // An explicit file is checked even when an ignore pattern matches it: the user asked for it.
      files.set(abs, relativePath(opts.cwd, abs));
    }
  }
  if (missing.length) throw new PathError(missing);
  return [...files].map(([abs, rel]) => ({ abs, rel })).sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}
