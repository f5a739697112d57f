/**
 * Walking a folder (src/input/discover.ts walkFolder) lists what fast-glob's `**\/*.{md,markdown,yaml,yml}`
 * with hefa's options lists (the walker it replaced for folders): dot names, node_modules, config files,
 * folders named like documents, links to files, folders, loops and nothing, upper-case extensions,
 * unreadable folders — and the same over the shared corpus when present.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fg from 'fast-glob';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/input/discover.js';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/hefa.config.yaml', '**/.hefarc.yaml', '**/.hefarc.yml'];

/** What the fast-glob walk gave, with the same link filter, sorted. */
async function reference(root: string): Promise<string[]> {
  const entries = await fg('**/*.{md,markdown,yaml,yml}', { cwd: root, absolute: true, onlyFiles: false, objectMode: true, ignore: ALWAYS_IGNORED, followSymbolicLinks: false, suppressErrors: true });
  return entries
    .filter((e) => {
      if (e.dirent.isDirectory()) return false;
      if (e.dirent.isSymbolicLink()) {
        try {
          return !statSync(e.path).isDirectory();
        } catch {
          return true;
        }
      }
      return true;
    })
    .map((e) => e.path)
    .sort();
}

const walked = async (root: string): Promise<string[]> => (await discover([root], { cwd: root, ignore: [], ignoreBase: root, cliIgnore: [] })).sort();

const dir = mkdtempSync(join(tmpdir(), 'hefa-walk-'));
afterAll(() => {
  chmodSync(join(dir, '锁住的'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('walking a folder', () => {
  it('lists what fast-glob listed', async () => {
    const file = (p: string, text = '# 标题\n') => {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), text);
    };
    for (const p of [
      'a.md', 'b.markdown', 'c.yaml', 'd.yml', 'e.txt', 'F.MD', 'g.Md', '.hidden.md', 'h.md.bak', 'md',
      '子目录/办法.md', '子目录/深/更深/通知.yaml', '.git/x.md', '.隐藏/y.md', 'node_modules/p/readme.md', 'x/node_modules/q.md',
      'hefa.config.yaml', '子目录/hefa.config.yaml', '.hefarc.yaml', '.hefarc.yml', 'hefa.config.yml', 'has space/文 件.md',
      '文件夹.md/里面.md', '锁住的/不可读.md',
    ]) file(p);
    symlinkSync(join(dir, 'a.md'), join(dir, '链接到文件.md'));
    symlinkSync(join(dir, '子目录'), join(dir, '链接到目录.md'));
    symlinkSync(join(dir, '子目录'), join(dir, '链接到目录'));
    symlinkSync(join(dir, '不存在.md'), join(dir, '悬空.md'));
    symlinkSync(join(dir, '环.md'), join(dir, '环.md'));
    // Unreadable for a non-root user; root still reads it, and both walkers agree either way.
    chmodSync(join(dir, '锁住的'), 0o000);
    const got = await walked(dir);
    expect(got).toEqual(await reference(dir));
    const names = got.map((p) => p.slice(dir.length + 1));
    expect(names).toContain('a.md');
    expect(names).toContain('文件夹.md/里面.md');
    expect(names).toContain('悬空.md');
    expect(names).toContain('环.md');
    expect(names).toContain('链接到文件.md');
    expect(names).not.toContain('链接到目录.md');
    expect(names).not.toContain('F.MD');
    expect(names).not.toContain('子目录/hefa.config.yaml');
    expect(names.some((n) => n.includes('node_modules') || n.startsWith('.'))).toBe(false);
  });

  it('walks a folder tree 1,000 levels deep', async () => {
    const deep = mkdtempSync(join(tmpdir(), 'hefa-deep-'));
    try {
      const p = join(deep, ...Array.from({ length: 1000 }, () => 'd'));
      mkdirSync(p, { recursive: true });
      writeFileSync(join(p, '深处.md'), '# 标题\n');
      const got = await walked(deep);
      expect(got).toHaveLength(1);
      expect(got).toEqual(await reference(deep));
    } finally {
      rmSync(deep, { recursive: true, force: true });
    }
  });

  const CORPUS = process.env.HEFA_CORPUS ?? '/work/shared/corpus';
  it.runIf(existsSync(CORPUS))('lists the shared corpus as fast-glob did', async () => {
    const got = await walked(CORPUS);
    expect(got.length).toBeGreaterThan(5000);
    expect(got).toEqual(await reference(CORPUS));
  }, 60_000);
});
