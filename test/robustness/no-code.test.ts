/**
 * No code from data, no network (product.md §6 "Safe", issue 8): rule files and config are data
 * only, and nothing hefa runs opens a connection.
 * - statically: no module under src/ imports a network, process or code-evaluation module, or
 *   evaluates code (eval, new Function, require, import() of a computed name);
 * - at run time: a full check with a preload that makes every network entry point throw;
 * - config `extends` naming a .js file, an npm package or a URL, and a rule file with a
 *   `!!js/function` tag, are refused (exit 2) and nothing is executed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, ROOT, expectNoCrash, hefa, sandbox, useSandboxes } from './helpers.js';

useSandboxes();

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Modules that reach the network, start processes or evaluate code. */
const FORBIDDEN_MODULES = ['net', 'http', 'https', 'http2', 'dns', 'dgram', 'tls', 'child_process', 'cluster', 'vm', 'inspector', 'repl', 'module'];
/**
 * Modules a file may import although listed above, each with its reason. (`--jobs`, worker threads,
 * does not exist yet; worker_threads is not in the list anyway: it runs hefa's own code.)
 */
const ALLOWED: Record<string, string[]> = {
  // createRequire(import.meta.url).resolve(…) finds chinese-days' JSON data file; nothing is required.
  'src/cn/calendar.ts': ['module'],
};

describe('static: src/ never imports the network, processes or an evaluator', () => {
  const files = sources(join(ROOT, 'src'));

  it('has sources to look at', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it(`no import of ${FORBIDDEN_MODULES.join(', ')} (with or without node:)`, () => {
    const found: string[] = [];
    const re = new RegExp(`(?:from\\s+|import\\s*\\(\\s*|require\\s*\\(\\s*)['"](?:node:)?(${FORBIDDEN_MODULES.join('|')})(?:/[\\w/]*)?['"]`, 'g');
    for (const f of files) {
      const rel = relative(ROOT, f);
      for (const m of readFileSync(f, 'utf8').matchAll(re)) {
        if (!(ALLOWED[rel] ?? []).includes(m[1]!)) found.push(`${rel}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('no eval, new Function, require, fetch, process.binding or import() of a computed name', () => {
    const found: string[] = [];
    const checks: [RegExp, string][] = [
      [/\beval\s*\(/, 'eval('],
      [/\bnew\s+Function\s*\(/, 'new Function('],
      [/(?<![.\w])require\s*\(/, 'require('],
      [/(?<![.\w])fetch\s*\(/, 'fetch('],
      [/process\.binding\s*\(/, 'process.binding('],
      [/\bimport\s*\(\s*(?!['"])/, 'import(<computed>)'],
      // createRequire only to resolve a file's path, never to load a module.
      [/createRequire\([^)]*\)(?!\.resolve\()/, 'createRequire(…) used to require'],
    ];
    for (const f of files) {
      // Comments may mention these words; code may not.
      const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      for (const [re, what] of checks) if (re.test(code)) found.push(`${relative(ROOT, f)}: ${what}`);
    }
    expect(found).toEqual([]);
  });

  it('the dependencies are data and text libraries only (no network client)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const name of Object.keys(pkg.dependencies)) {
      expect(name).not.toMatch(/axios|got|node-fetch|undici|request|superagent|ws\b|socket/);
    }
  });
});

describe('at run time: a whole check with every network entry point booby-trapped', () => {
  it('completes normally and touches none of them', () => {
    const dir = sandbox();
    const marker = join(dir, 'network-used');
    const preload = join(dir, 'no-network.cjs');
    writeFileSync(
      preload,
      `const fs = require('fs');
const trap = (name) => function () { fs.appendFileSync(${JSON.stringify(marker)}, name + '\\n'); throw new Error('network access: ' + name); };
const net = require('net'); net.connect = net.createConnection = trap('net.connect'); net.Socket.prototype.connect = trap('Socket.connect');
const dns = require('dns'); dns.lookup = trap('dns.lookup'); dns.resolve = trap('dns.resolve'); dns.promises.lookup = trap('dns.promises.lookup');
for (const m of ['http', 'https']) { const h = require(m); h.request = trap(m + '.request'); h.get = trap(m + '.get'); }
globalThis.fetch = trap('fetch');
const cp = require('child_process'); for (const k of ['spawn', 'exec', 'execFile', 'fork', 'spawnSync', 'execSync', 'execFileSync']) cp[k] = trap('child_process.' + k);
`,
    );
    mkdirSync(join(dir, 'demo'));
    for (const f of readdirSync(join(ROOT, 'fixtures', 'demo'))) {
      if (/\.(md|ya?ml)$/.test(f)) writeFileSync(join(dir, 'demo', f), readFileSync(join(ROOT, 'fixtures', 'demo', f)));
    }
    for (const args of [['check', 'demo', 'good.md', ...AS_OF], ['check', 'demo', '--format', 'json', ...AS_OF], ['rules'], ['rules', 'decision-review-time']]) {
      const r = hefa(args, dir, { env: { NODE_OPTIONS: `--require ${preload}` } });
      expectNoCrash(r);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBeLessThan(2);
      expect(existsSync(marker), existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe(false);
    }
    // The trap itself works: a script that does look a name up is caught.
    spawnSync(process.execPath, ['-e', "try { require('dns').lookup('example.com', () => {}) } catch {}"], { env: { ...process.env, NODE_OPTIONS: `--require ${preload}` } });
    expect(readFileSync(marker, 'utf8')).toBe('dns.lookup\n');
  });
});

describe('rule files and config are data: code is refused (exit 2), never run', () => {
  const refused = (config: string, files: Record<string, string> = {}): ReturnType<typeof hefa> => {
    const dir = sandbox();
    writeFileSync(join(dir, 'hefa.config.yaml'), config);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const r = hefa(['check', 'good.md', ...AS_OF], dir);
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    return r;
  };
  const PWN = `require('fs').writeFileSync(require('path').join(__dirname, 'pwned'), 'x'); module.exports = {};`;

  it('extends: a .js file (even one that exists)', () => {
    const r = refused('extends: [./plugin.js]\n', { 'plugin.js': PWN });
    expect(r.stderr).toMatch(/hefa\.config\.yaml:1:11: extends 不能引用代码文件/);
  });

  it('extends: an .mjs / .cjs / .ts file', () => {
    for (const f of ['x.mjs', 'x.cjs', 'x.ts']) expect(refused(`extends: [./${f}]\n`, { [f]: PWN }).stderr).toMatch(/extends 不能引用代码文件/);
  });

  it('extends: an npm package name (scoped or not)', () => {
    expect(refused('extends: [hefa-plugin-evil]\n').stderr).toMatch(/extends 不支持 npm 包/);
    expect(refused('extends: ["@evil/rules"]\n').stderr).toMatch(/extends 不支持 npm 包/);
    expect(refused('extends: ["npm:hefa-rules"]\n').stderr).toMatch(/配置只能引用内置预设或本地规则文件夹，不能加载包或代码/);
  });

  it('extends: a URL', () => {
    for (const url of ['https://example.com/rules.yaml', 'http://10.0.0.1/x', 'file:///etc/passwd', 'git:github.com/x/y']) {
      expect(refused(`extends: ["${url}"]\n`).stderr).toMatch(/配置只能引用内置预设或本地规则文件夹，不能加载包或代码/);
    }
  });

  it('laws: a code file', () => {
    expect(refused('laws: ./laws.js\n', { 'laws.js': PWN }).stderr).toMatch(/laws 不能引用代码文件/);
  });

  it('a YAML tag in the config (!!js/function) is refused', () => {
    expect(refused('params: !!js/function "function () {}"\n').stderr).toMatch(/hefa\.config\.yaml:1:9: .*标签/);
  });

  it('a rule file with a !!js/function (or any) tag is refused at its place', () => {
    const rule = [
      'id: local-evil',
      `title: !!js/function "function () { require('fs').writeFileSync('pwned', 'x') }"`,
      'kind: forbids-pattern',
      'severity: warning',
      'options: {patterns: [!!js/regexp /收取/]}',
      'message: 发现{{match}}：应当删除',
      'basis: [{title: 测试, confidence: practice}]',
      '',
    ].join('\n');
    const r = refused('extends: [hefa:recommended, ./my-rules]\n', { 'my-rules/local-evil.yaml': rule });
    expect(r.stderr).toContain('hefa: 规则文件有误：');
    expect(r.stderr).toContain('my-rules/local-evil.yaml:2:8: 不支持 YAML 标签“!!js/function”：规则文件是数据，hefa 不执行标签；应为普通的文字、数字、列表和映射');
    expect(r.stderr).toContain('my-rules/local-evil.yaml:5:22: 不支持 YAML 标签“!!js/regexp”');
  });

  it('a rule file that is an alias bomb is refused, quickly', () => {
    let bomb = 'id: local-bomb\ntitle: x\nkind: forbids-pattern\nseverity: warning\nmessage: 发现x：应当y\nbasis: [{title: t, confidence: law}]\n';
    bomb += 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
    const names = 'abcdefgh';
    for (let i = 1; i < names.length; i++) bomb += `${names[i]}: &${names[i]} [${Array(10).fill(`*${names[i - 1]}`).join(', ')}]\n`;
    bomb += 'options: {patterns: *h}\n';
    const r = refused('extends: [./my-rules]\n', { 'my-rules/local-bomb.yaml': bomb });
    expect(r.stderr).toMatch(/my-rules\/local-bomb\.yaml:1:1: YAML 别名展开过多，疑似别名炸弹/);
    expect(r.ms).toBeLessThan(10000);
  });
});
