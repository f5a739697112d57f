/** relativePath (src/input/discover.ts): the fast slice gives what path.relative gives, `/`-separated. */
import { relative, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativePath } from '../../src/input/discover.js';

const slow = (cwd: string, abs: string): string => relative(cwd, abs).split(sep).join('/');

describe('relativePath', () => {
  it.each([
    ['/work/county', '/work/county/docs/办法.md'],
    ['/work/county', '/work/county/a.md'],
    ['/work/county', '/work/countyside/a.md'],
    ['/work/county', '/work/other/a.md'],
    ['/work/county', '/work/county'],
    ['/work/county', '/work/county/'],
    ['/work/county', '/work/county/docs/../a.md'],
    ['/work/county', '/work/county/./a.md'],
    ['/work/county', '/work/county//a.md'],
    ['/work/county', '/work/county/..a.md'],
    ['/work/county', '/work/county/a..md'],
    ['/', '/a/b.md'],
  ])('%s, %s', (cwd, abs) => {
    expect(relativePath(cwd, abs)).toBe(slow(cwd, abs));
  });

  it('agrees with path.relative on generated paths', () => {
    const segment = fc.constantFrom('a', 'b', '文件', '.', '..', '', '.md', 'a.md', 'x y');
    const path = fc.array(segment, { minLength: 1, maxLength: 6 }).map((s) => `/${s.join('/')}`);
    fc.assert(
      fc.property(path, fc.array(segment, { maxLength: 5 }), (cwd, rest) => {
        const abs = `${cwd}/${rest.join('/')}`;
        // cwd as the CLI has it: absolute and normalised.
        const normal = relative('/', cwd) ? `/${relative('/', cwd)}` : '/';
        expect(relativePath(normal, abs)).toBe(slow(normal, abs));
      }),
      { numRuns: 5000 },
    );
  });
});
