/**
 * Determinism (product.md §6, issue 8): the same input, config and --as-of give byte-identical output,
 * run after run and whatever order the file system lists the files in (files created in different
 * orders, paths given in different orders). `--jobs` does not exist yet; when it does, this file is
 * where "identical with any --jobs" belongs.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, ROOT, expectNoCrash, hefa, sandbox, useSandboxes } from './helpers.js';

useSandboxes();

/** The demo county and every rule fixture file: about two hundred documents of every kind. */
function corpus(): { path: string; bytes: Buffer }[] {
  const out: { path: string; bytes: Buffer }[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'cli') walk(p, `${rel}${name}/`);
      } else if (/\.(md|ya?ml)$/.test(name)) out.push({ path: `${rel}${name}`, bytes: readFileSync(p) });
    }
  };
  walk(join(ROOT, 'fixtures'), '');
  return out;
}

/** A seeded shuffle (mulberry32), so the test is itself reproducible. */
function shuffled<T>(items: T[], seed: number): T[] {
  const a = [...items];
  let s = seed >>> 0;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** A sandbox with the corpus under set/, its files created in the given order, with scrambled mtimes. */
function materialise(files: { path: string; bytes: Buffer }[], mtimeSeed: number): string {
  const dir = sandbox();
  files.forEach((f, i) => {
    const p = join(dir, 'set', f.path);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, f.bytes);
    const t = new Date(Date.UTC(2020, 0, 1) + ((i * 7919 + mtimeSeed * 104729) % 100000) * 1000);
    utimesSync(p, t, t);
  });
  return dir;
}

describe('determinism', () => {
  const files = corpus();

  it('has a corpus to shuffle', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('byte-identical JSON and stylish output across repeated runs and any creation order of the files', () => {
    const orders = [files, [...files].reverse(), shuffled(files, 1), shuffled(files, 2)];
    const outputs = orders.map((order, k) => {
      const dir = materialise(order, k);
      const json = hefa(['check', 'set', '--format', 'json', ...AS_OF], dir);
      const again = hefa(['check', 'set', '--format', 'json', ...AS_OF], dir);
      const stylish = hefa(['check', 'set', ...AS_OF], dir);
      expectNoCrash(json);
      expect(again.stdout).toBe(json.stdout);
      return { json: json.stdout, stylish: stylish.stdout, code: json.code, stderr: json.stderr };
    });
    const first = outputs[0]!;
    expect(JSON.parse(first.json).summary.files).toBe(files.length);
    for (const o of outputs.slice(1)) {
      expect(o.json).toBe(first.json);
      expect(o.stylish).toBe(first.stylish);
      expect(o.code).toBe(first.code);
      expect(o.stderr).toBe(first.stderr);
    }
  }, 120000);

  it('the order of paths on the command line does not matter', () => {
    const dir = materialise(files.filter((f) => f.path.startsWith('demo/')), 0);
    const names = readdirSync(join(dir, 'set', 'demo')).sort().map((n) => `set/demo/${n}`);
    const a = hefa(['check', ...names, '--format', 'json', ...AS_OF], dir);
    const b = hefa(['check', ...[...names].reverse(), '--format', 'json', ...AS_OF], dir);
    const c = hefa(['check', ...shuffled(names, 3), 'set/demo', '--format', 'json', ...AS_OF], dir);
    expectNoCrash(a);
    expect(b.stdout).toBe(a.stdout);
    // A file named twice (on its own and through its folder) is checked once.
    expect(c.stdout).toBe(a.stdout);
  }, 60000);
});
