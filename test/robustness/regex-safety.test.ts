/**
 * Regular-expression safety (product.md §6, issue 8): patterns from rule files and config run in
 * linear time per starting position or are refused at load (src/rules/regex-safety.ts says why this
 * checker and not re2js or safe-regex2). Every pattern of every built-in rule passes the checker and
 * runs fast on pathological text.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { regexHazard, regexSafetyProblem } from '../../src/rules/regex-safety.js';
import { BUILTIN_RULES_DIR, ruleFiles } from '../../src/rules/load.js';
import { CHECK_KINDS } from '../../src/checks/index.js';
import { openSession } from '../../src/lint.js';
import { combine } from '../../src/checks/scope.js';

/** Every regex option of every built-in rule file, by the check kind's option schema. */
function builtinPatterns(): { where: string; pattern: string }[] {
  const out: { where: string; pattern: string }[] = [];
  for (const file of ruleFiles(BUILTIN_RULES_DIR)) {
    const data = parse(readFileSync(file, 'utf8')) as { id: string; kind: string; options?: Record<string, unknown> };
    const kind = CHECK_KINDS.get(data.kind);
    if (!kind || !data.options) continue;
    for (const [name, schema] of Object.entries(kind.options)) {
      const v = data.options[name];
      const where = `${relative(BUILTIN_RULES_DIR, file)} ${name}`;
      if (schema.type === 'regex' && typeof v === 'string') out.push({ where, pattern: v });
      if (schema.type === 'string[]' && schema.regex && Array.isArray(v)) v.forEach((p, i) => out.push({ where: `${where}[${i}]`, pattern: String(p) }));
    }
  }
  return out;
}

const PATTERNS = builtinPatterns();

describe('built-in rules', () => {
  it('have regex options to check (patterns, exceptions, pattern …)', () => {
    expect(PATTERNS.length).toBeGreaterThan(20);
  });

  it('every pattern passes the safety checker', () => {
    const refused = PATTERNS.map((p) => ({ ...p, why: regexHazard(p.pattern) })).filter((p) => p.why);
    expect(refused).toEqual([]);
  });

  it('every pattern scans 50,000 characters of pathological text within the time bound', () => {
    const N = 50000;
    const fill = (unit: string): string => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);
    const INPUTS: Record<string, string> = {
      '的': fill('的'),
      '罚款': fill('罚款'),
      '（ unclosed': fill('（'),
      '《 unclosed': fill('《'),
      '( unclosed': fill('('),
      '（一） + 的…': '（一）' + fill('的'),
      '处处处': fill('处'),
      'ambiguous 由部门指定': fill('由部门指定'),
      'ambiguous 不收取费': fill('不收取费'),
      'ambiguous 未经批准': fill('未经批准'),
      'ambiguous 依照《条例》规定': fill('依照《条例》规定'),
      'ambiguous 根据《': fill('根据《'),
      'spaces': fill(' \u3000'),
      'digits': fill('0１二'),
    };
    // Linear patterns take well under this on 50,000 characters (the slowest built-in, normative-basis-cited
    // on “根据《根据《…”, about 0.3 s: 80 × 100 bounded steps per 根据); a backtracking blow-up takes minutes.
    const BOUND_MS = 1500;
    let total = 0;
    const slow: string[] = [];
    for (const { where, pattern } of PATTERNS) {
      const global = new RegExp(pattern, 'g');
      const plain = new RegExp(pattern);
      for (const [name, text] of Object.entries(INPUTS)) {
        const t = performance.now();
        global.lastIndex = 0;
        // As forbids-pattern runs it: every match of the sentence; and as requires-pattern: test().
        for (let m = global.exec(text); m; m = global.exec(text)) if (m[0].length === 0) global.lastIndex++;
        plain.test(text);
        const ms = performance.now() - t;
        total += ms;
        if (ms > BOUND_MS) slow.push(`${where} on ${name}: ${ms.toFixed(0)} ms — ${pattern}`);
      }
    }
    console.log(`${PATTERNS.length} built-in patterns × ${Object.keys(INPUTS).length} pathological inputs of ${N} characters: ${total.toFixed(0)} ms in all`);
    expect(slow).toEqual([]);
  }, 120000);

  it('every rule’s list of patterns also compiles as one alternation (as forbids-pattern runs it)', () => {
    const lists = new Map<string, string[]>();
    for (const p of PATTERNS) {
      const key = p.where.replace(/\[\d+\]$/, '');
      lists.set(key, [...(lists.get(key) ?? []), p.pattern]);
    }
    for (const [, list] of lists) expect(() => combine(list)).not.toThrow();
  });
});

describe('regexHazard refuses what can backtrack catastrophically', () => {
  const REFUSED: [string, RegExp][] = [
    ['(a+)+$', /量词嵌套/],
    ['(罚款{1,9}|款){1,20}$', /量词嵌套/],
    ['([^。]+)*的', /量词嵌套/],
    ['(\\s*罚款)*x', /无界量词/],
    ['(a|a)*b', /相同开头的分支/],
    ['(a|ab)*c', /相同开头的分支/],
    ['(\\s|\u3000)+x', /相同开头的分支/],
    ['(a?){30}a{30}', /空文字/],
    ['([^，]{0,20}){0,20}x', /空文字/],
    ['(x[^x]*y?)*z', /可以匹配相同字符的量词/],
    ['\\s*\\s*x', /两个无界量词/],
    ['.*x.*y', /两个无界量词/],
    ['[^》]*[^。]*罚款', /两个无界量词/],
    ['(ab*)*b*c', /两个无界量词|量词嵌套/],
    ['(罚款+)+$', /无界量词/],
    ['(\\d)\\1', /反向引用/],
    ['(?<n>罚)\\k<n>', /反向引用/],
    ['(?<!不.*)收取', /环视中含有无界量词/],
    ['收取(?=[^。]+费)', /环视中含有无界量词/],
    // Linear per start, quadratic per scan: unbounded quantifiers must come last (rule 6).
    ['《[^》]+》', /无界量词（\*、\+ 或 \{n,\}）后面还有内容/],
    ['[0-9]+年内不得', /无界量词/],
    ['\\s*$', /无界量词/],
    ['(规定|办法)(（[^）]*）)*$', /无界量词/],
    ['(a|b)*c', /无界量词/],
    // Bounded, but too many paths per position.
    ['[^x]{0,1000}[^y]{0,1000}[^z]{0,1000}q', /有上限的量词组合过大/],
  ];
  for (const [pattern, why] of REFUSED) {
    it(`${pattern}`, () => {
      expect(regexHazard(pattern)).toMatch(why);
      expect(regexSafetyProblem(pattern)).toMatch(new RegExp(`^正则表达式“.+”可能导致回溯爆炸（.+）；应为不含嵌套量词的表达式$`));
    });
  }
});

describe('regexHazard accepts what runs in linear time per position', () => {
  const ACCEPTED = [
    '收取[^。；，]{0,15}费',
    '(?<!(不|禁止|严禁)[^。；，]{0,20})收取',
    '(规定|办法|细则)(（[^）]{0,40}）|\\([^)]{0,40}\\)){0,4}\\s{0,10}$', // delimited: every iteration ends with ）
    '(\\d{1,3}\\.){3}\\d{1,3}', // delimited, and small
    '(罚款{1,5}){1,9}$', // delimited by its first character: each iteration starts at 罚
    '《[^》]{1,100}》',
    '^([（(][一二三四五六七八九十]{1,3}[）)]|[0-9０-９]{1,2}[.．、])[^。；]{0,200}的[；;。]?$',
    '(a|b){0,20}c',
    '(a|ab){2}', // tiny: at most 4 ways
    '收取.*', // an unbounded quantifier at the very end never backtracks
    '罚款[0-9]+', // likewise
    'x+y?', // nothing after x+ can fail
    '[\\]\\\\-]{1,3}', // class escapes
    '\\u4e00{1,2}\\x41?\\cJ?[\\b]',
  ];
  for (const pattern of ACCEPTED) {
    it(pattern, () => {
      expect(() => new RegExp(pattern)).not.toThrow();
      expect(regexHazard(pattern)).toBeNull();
    });
  }
});

describe('refused at load, with the place of the pattern', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hefa-regex-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rule = (id: string, options: string): string =>
    `id: ${id}\ntitle: 测试\nkind: forbids-pattern\nseverity: warning\noptions:\n${options}\nmessage: 发现{{match}}：应当删除（需人工判断）\nbasis: [{title: 测试依据, confidence: practice}]\n`;

  it('a rule file: <file>:<line>:<col>: 正则表达式“…”可能导致回溯爆炸（…）；应为不含嵌套量词的表达式', () => {
    mkdirSync(join(dir, 'rules1'));
    writeFileSync(join(dir, 'rules1', 'local-bad.yaml'), rule('local-bad', "  patterns:\n    - '收取'\n    - '(罚款|罚)+$'\n  exceptions: ['(\\d)\\1']"));
    writeFileSync(join(dir, 'hefa.config.yaml'), 'extends: [hefa:recommended, ./rules1]\n');
    let message = '';
    try {
      openSession({ cwd: dir });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'rules1/local-bad.yaml:8:7: 正则表达式“(罚款|罚)+$”可能导致回溯爆炸（重复的分组中有可以匹配相同开头的分支）；应为不含嵌套量词的表达式',
      'rules1/local-bad.yaml:9:16: 正则表达式“(\\d)\\1”可能导致回溯爆炸（含有反向引用）；应为不含嵌套量词的表达式',
    ]);
  });

  it('config options: refused like any invalid option, at the option in the config', () => {
    mkdirSync(join(dir, 'c2'));
    writeFileSync(join(dir, 'c2', 'hefa.config.yaml'), "rules:\n  normative-no-fees:\n    options:\n      patterns: ['(a+)+$']\n");
    let problems: { line: number; column: number; message: string }[] = [];
    try {
      openSession({ cwd: join(dir, 'c2') });
    } catch (e) {
      problems = (e as { problems: typeof problems }).problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/正则表达式“\(a\+\)\+\$”可能导致回溯爆炸（量词嵌套：重复的分组内又有可变长度的量词）；应为不含嵌套量词的表达式/);
    expect(problems[0]!.line).toBe(4);
  });

  it('two patterns of one list with the same group name cannot be combined: refused at load', () => {
    mkdirSync(join(dir, 'rules3'));
    writeFileSync(join(dir, 'rules3', 'local-names.yaml'), rule('local-names', "  patterns: ['(?<x>收取)', '(?<x>征收)']"));
    mkdirSync(join(dir, 'c3'));
    writeFileSync(join(dir, 'c3', 'hefa.config.yaml'), 'extends: [../rules3]\n');
    expect(() => openSession({ cwd: join(dir, 'c3') })).toThrow(/不能合并为一个.*同名的命名分组只能出现一次/);
  });
});
