import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_PARAMS,
  findConfigFile,
  formatProblems,
  loadConfig,
  parseConfig,
} from '../../src/config/index.js';
import { fixture, problemsOf, where } from './fixtures/helpers.js';

const tmpRoots: string[] = [];
function tmpDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'hefa-config-'));
  tmpRoots.push(d);
  return d;
}
afterAll(() => {
  for (const d of tmpRoots) rmSync(d, { recursive: true, force: true });
});

/** Parse inline YAML as if it were a config file in `dir` (default: the mistakes fixture folder). */
function parse(yaml: string, dir = fixture('full')) {
  return parseConfig(yaml, path.join(dir, 'inline.yaml'));
}

describe('loadConfig: the example of product.md §5', () => {
  const file = fixture('full', 'hefa.config.yaml');
  const config = loadConfig(file);

  it('resolves every key', () => {
    expect(config.file).toBe(file);
    expect(config.dir).toBe(fixture('full'));
    expect(config.presets).toEqual(['hefa:recommended']);
    expect(config.ruleFolders).toEqual([]);
    expect(config.params).toEqual(DEFAULT_PARAMS);
    expect(config.jurisdiction).toEqual({
      name: '夹江县',
      level: '县',
      npcStandingCommittee: '夹江县人大常委会',
      superior: '乐山市人民政府',
    });
    expect(config.ignore).toEqual(['drafts/old/**']);
    expect(config.laws).toBe(fixture('full', 'laws-local.yaml'));
    expect(config.calendar).toEqual({ holidays: ['2027-01-01'], workdays: ['2027-02-07'] });
  });

  it('keeps the position of each rule setting', () => {
    expect(config.rules['citation-short-name']).toEqual({
      severity: 'off',
      pos: { file, line: 14, column: 3 },
    });
    expect(config.rules['decision-comment-period']).toEqual({
      severity: 'error',
      pos: { file, line: 15, column: 3 },
    });
    expect(config.overrides).toEqual([
      {
        files: ['archive/**'],
        rules: { 'structure-effective-clause': { severity: 'off', pos: { file, line: 18, column: 13 } } },
        pos: { file, line: 17, column: 5 },
      },
    ]);
  });

  it('is JSON-serialisable', () => {
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });
});

describe('loadConfig: defaults', () => {
  it('null gives the defaults relative to the current directory', () => {
    const config = loadConfig(null);
    expect(config.file).toBeNull();
    expect(config.dir).toBe(process.cwd());
    expect(config.presets).toEqual(['hefa:recommended']);
    expect(config.params).toEqual(DEFAULT_PARAMS);
    expect(config.params).not.toBe(DEFAULT_PARAMS);
    expect(config.rules).toEqual({});
    expect(config.overrides).toEqual([]);
    expect(config.laws).toBeNull();
    expect(config.jurisdiction).toBeNull();
  });

  it('an empty or all-comment file gives the defaults', () => {
    expect(parse('').presets).toEqual(['hefa:recommended']);
    expect(parse('# nothing yet\n').params).toEqual(DEFAULT_PARAMS);
  });

  it('a key with everything below commented out counts as not set', () => {
    const config = parse('extends:\nrules:\n  # citation-short-name: off\nparams:\noverrides:\n');
    expect(config.presets).toEqual(['hefa:recommended']);
    expect(config.rules).toEqual({});
  });

  it('params given override the defaults, the rest stay', () => {
    const config = parse('params:\n  filing.days: 15\n  validity.maxYears: 3\n');
    expect(config.params).toEqual({ ...DEFAULT_PARAMS, 'filing.days': 15, 'validity.maxYears': 3 });
  });

  it('reads a BOM, CRLF and every date form parseDate accepts', () => {
    const config = parse(
      '\uFEFFcalendar:\r\n  holidays: [2027/1/1, 2027.1.2, 2027年1月3日, 二〇二七年一月四日]\r\n  workdays: 2027-02-07\r\n',
    );
    expect(config.calendar).toEqual({
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'],
      workdays: ['2027-02-07'],
    });
  });
});

describe('loadConfig: every problem at once, each at its exact place', () => {
  const file = fixture('mistakes', 'hefa.config.yaml');
  const problems = problemsOf(() => loadConfig(file));

  it('reports all 13 mistakes, sorted, with line:col', () => {
    expect(problems.every((p) => p.file === file)).toBe(true);
    expect(where(problems)).toEqual([
      '2:1', // extend → extends
      '5:10', // level 县级
      '7:3', // unknown param comment.minDay
      '8:16', // "30" is a string
      '9:22', // 2.5 is not an integer
      '11:24', // warn → warning
      '12:46', // option → options
      '15:11', // kind 规范性文件
      '16:5', // override without files
      '17:25', // empty glob
      '18:7', // laws file missing
      '20:26', // 2027-02-30 is not a day
      '21:14', // 明天 is not a date
    ]);
  });

  it('says what was wrong, what was expected, what was given, and suggests', () => {
    const m = problems.map((p) => p.message);
    expect(m[0]).toBe(
      '未知的配置项；应为 extends、jurisdiction、params、rules、overrides、ignore、laws、calendar、filing 或 maxFileSize；实际为 “extend”（是否想写 extends？）',
    );
    expect(m[1]).toBe('jurisdiction.level 不正确；应为 国家、省、市、县 或 乡；实际为 “县级”（是否想写 县？）');
    expect(m[2]).toContain('（是否想写 comment.minDays？）');
    expect(m[3]).toBe('参数 filing.days 的值不正确；应为 非负整数；实际为 “30”（去掉引号）');
    expect(m[4]).toBe('参数 validity.maxYears 的值不正确；应为 非负整数；实际为 2.5');
    expect(m[5]).toBe(
      'rules 中 citation-short-name 的设置不正确；应为 off、error、warning 或 info，或 {severity, options}；实际为 “warn”（是否想写 warning？）',
    );
    expect(m[6]).toContain('（是否想写 options？）');
    expect(m[7]).toContain('实际为 “规范性文件”（是否想写 行政规范性文件？）');
    expect(m[8]).toMatch(/^overrides 第 2 项缺少 files；/);
    expect(m[10]).toMatch(/^laws 指向的文件不存在；应为 .*；实际为 “\.\/no-such-laws\.yaml”/);
    expect(m[11]).toContain('实际为 “2027-02-30”');
    expect(m[12]).toContain('实际为 “明天”');
  });

  it('formats the error message as file:line:col: message, one per line', () => {
    const err = (() => {
      try {
        loadConfig(file);
      } catch (e) {
        return e as ConfigError;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(ConfigError);
    const lines = err!.message.split('\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe(`${file}:2:1: ${problems[0]!.message}`);
    expect(formatProblems(problems, fixture()).split('\n')[0]).toBe(`mistakes/hefa.config.yaml:2:1: ${problems[0]!.message}`);
  });
});

describe('loadConfig: extends', () => {
  it('refuses packages, code, files, unknown presets and missing folders, all at once', () => {
    const problems = problemsOf(() => loadConfig(fixture('bad-extends', 'hefa.config.yaml')));
    expect(where(problems)).toEqual(['3:5', '4:5', '5:5', '6:5', '7:5', '8:5', '9:5']);
    const m = problems.map((p) => p.message);
    expect(m[0]).toMatch(/^未知的预设；.*实际为 “hefa:strickt”（是否想写 hefa:strict？）$/);
    expect(m[1]).toMatch(/^extends 不支持 npm 包.*实际为 “eslint-config-standard”.*不能加载包或代码/);
    expect(m[2]).toMatch(/^extends 不能引用代码文件.*实际为 “\.\/plugin\.js”.*不能加载代码/);
    expect(m[3]).toMatch(/^规则文件夹不存在.*实际为 “\.\/missing-rules”/);
    expect(m[4]).toMatch(/^extends 不能引用单个文件/);
    expect(m[5]).toMatch(/实际为 “recommended”（是否想写 hefa:recommended？）$/);
    expect(m[6]).toMatch(/^extends 的值不正确；应为 hefa:recommended、hefa:strict、hefa:style 或 规则文件夹的路径.*；实际为 42$/);
  });

  it('takes a single string', () => {
    expect(parse('extends: hefa:strict\n').presets).toEqual(['hefa:strict']);
  });

  it('keeps presets in order; an empty list means no preset', () => {
    expect(parse('extends: [hefa:strict, hefa:style]\n').presets).toEqual(['hefa:strict', 'hefa:style']);
    expect(parse('extends: []\n').presets).toEqual([]);
  });

  it('accepts a local rule folder, resolved against the config file', () => {
    const config = loadConfig(fixture('local-rules', 'hefa.config.yaml'));
    expect(config.presets).toEqual(['hefa:style']);
    expect(config.ruleFolders).toEqual([fixture('local-rules', 'my-rules')]);
  });

  it('refuses a map', () => {
    const [p] = problemsOf(() => parse('extends: {a: 1}\n'));
    expect(p!.message).toMatch(/^extends 的类型不正确；.*实际为 映射 \{a: 1\}$/);
    expect(where([p!])).toEqual(['1:10']);
  });
});

describe('loadConfig: shapes', () => {
  it('rules: severities, {severity, options}, bad shapes', () => {
    const config = parse(
      'rules:\n  a-rule: info\n  b-rule: {options: {min: 3, words: [x, y]}}\n  c-rule: {severity: off, options: {}}\n',
    );
    expect(config.rules['a-rule']!.severity).toBe('info');
    expect(config.rules['b-rule']!.options).toEqual({ min: 3, words: ['x', 'y'] });
    expect(config.rules['b-rule']!.severity).toBeUndefined();
    expect(config.rules['c-rule']!.severity).toBe('off');

    const problems = problemsOf(() =>
      parse('rules:\n  a: 1\n  b: false\n  c: [error]\n  d:\n  e: {severity: eror}\n  f: {options: [1]}\nrules2: 1\n'),
    );
    expect(where(problems)).toEqual(['2:6', '3:6', '4:6', '5:3', '6:17', '7:16', '8:1']);
    expect(problems[0]!.message).toContain('hefa 不用数字表示级别');
    expect(problems[1]!.message).toContain('关闭规则请写 off');
    expect(problems[2]!.message).toContain('实际为 列表 [error]');
    expect(problems[3]!.message).toContain('实际为 空值');
    expect(problems[4]!.message).toContain('（是否想写 error？）');
    expect(problems[5]!.message).toMatch(/^规则 f 的 options 不正确；应为 选项名到值的映射；实际为 列表 \[1\]$/);
  });

  it('rules must be a map, overrides a list, params numbers', () => {
    const problems = problemsOf(() => parse('rules: [a]\noverrides: {files: x}\nparams: 5\ncalendar: [2027-01-01]\n'));
    expect(where(problems)).toEqual(['1:8', '2:12', '3:9', '4:11']);
    expect(problems[2]!.message).toMatch(/^params 的类型不正确/);
  });

  it('params: a nested group gets a hint to join the name with a dot', () => {
    const [p] = problemsOf(() => parse('params:\n  filing:\n    days: 15\n'));
    expect(p!.message).toContain('参数名用点号连成一个键，如 filing.days');
    expect(where([p!])).toEqual(['2:3']);
  });

  it('overrides: files as a string or list, kind, unknown keys', () => {
    const config = parse(
      'overrides:\n  - files: ./archive/**\n    kind: 其他\n  - files: ["a\\\\b/*.md", "*.yaml"]\n    rules: {x: warning}\n',
    );
    expect(config.overrides.map((o) => o.files)).toEqual([['archive/**'], ['a/b/*.md', '*.yaml']]);
    expect(config.overrides[0]!.kind).toBe('其他');
    expect(config.overrides[1]!.rules['x']!.severity).toBe('warning');

    const problems = problemsOf(() =>
      parse('overrides:\n  - file: [a]\n  - files: []\n  - files: /abs/**\n  - 3\n'),
    );
    expect(where(problems)).toEqual(['2:5', '2:5', '3:12', '4:12', '5:5']);
    expect(problems[0]!.message).toContain('（是否想写 files？）');
    expect(problems[1]!.message).toMatch(/^overrides 第 1 项缺少 files/);
    expect(problems[2]!.message).toMatch(/不能为空列表/);
    expect(problems[3]!.message).toMatch(/不能是绝对路径/);

    const [neg] = problemsOf(() => parse('overrides:\n  - files: ["!archive/**"]\n    kind: 其他\n'));
    expect(neg!.message).toMatch(/^overrides 第 1 项的 files 不能以 ! 开头/);
    expect(where([neg!])).toEqual(['2:13']);
    expect(parse('ignore: ["drafts/**", "!drafts/keep.md"]\n').ignore).toEqual(['drafts/**', '!drafts/keep.md']);
  });

  it('calendar: a date in both lists, unknown keys, a number', () => {
    const problems = problemsOf(() =>
      parse('calendar:\n  holidays: [2027-01-01, 20270102]\n  workdays: [2027-01-01]\n  holiday: []\n'),
    );
    expect(where(problems)).toEqual(['2:26', '3:14', '4:3']);
    expect(problems[0]!.message).toContain('实际为 20270102');
    expect(problems[1]!.message).toBe('日期 2027-01-01 同时出现在 holidays 和 workdays 中；应为 只出现在其中一个；实际为 holidays 与 workdays');
    expect(problems[2]!.message).toContain('（是否想写 holidays？）');
  });

  it('jurisdiction: unknown keys, empty names, level hints', () => {
    const problems = problemsOf(() =>
      parse('jurisdiction:\n  name: ""\n  level: 东城区\n  superior: 3\n  nmae: x\n'),
    );
    expect(where(problems)).toEqual(['2:9', '3:10', '4:13', '5:3']);
    expect(problems[1]!.message).toContain('市辖区、旗等县级行政区请写 县');
  });

  it('laws: refuses code, folders and non-YAML files', () => {
    expect(problemsOf(() => parse('laws: ./laws.js\n'))[0]!.message).toMatch(/^laws 不能引用代码文件/);
    expect(problemsOf(() => parse('laws: .\n'))[0]!.message).toMatch(/^laws 是一个目录/);
    expect(problemsOf(() => parse('laws: {a: 1}\n'))[0]!.message).toMatch(/^laws 不正确/);
  });

  it('a root that is not a map', () => {
    const [p] = problemsOf(() => parse('- extends\n'));
    expect(p!.message).toMatch(/^配置文件的顶层类型不正确；.*实际为 列表 - extends$/);
    expect(where([p!])).toEqual(['1:1']);
  });

  it('a key that is not a string', () => {
    const [p] = problemsOf(() => parse('rules:\n  [a, b]: off\n'));
    expect(p!.message).toMatch(/^键的类型不正确；应为 字符串；实际为 列表 \[a, b\]$/);
    expect(where([p!])).toEqual(['2:3']);
  });

  it('aliases are followed', () => {
    const config = parse('ignore: &ig [x/**]\noverrides:\n  - files: *ig\n    kind: 其他\n');
    expect(config.overrides[0]!.files).toEqual(['x/**']);
  });
});

describe('loadConfig: YAML errors', () => {
  it('a syntax error points at the YAML line:col', () => {
    const problems = problemsOf(() => parse('params: {}\nrules: {a: off]\n'));
    expect(where(problems)).toEqual(['2:15']);
    expect(problems[0]!.message).toMatch(/^YAML 语法错误：缩进不正确；应为 合法的 YAML（1\.2 核心模式）；实际为 “\]”（解析器：Flow map/);
    expect(where(problemsOf(() => parse('extends: hefa:strict\nparams: filing.days: 3\n')))).toEqual(['2:9']);
  });

  it('an unclosed quote is reported at the end of the file, where the parser notices it', () => {
    const problems = problemsOf(() => parse('rules:\n  a: "off\nparams: {}\n'));
    expect(problems[0]!.message).toMatch(/^YAML 语法错误：/);
  });

  it('tab indentation', () => {
    const [p] = problemsOf(() => parse('rules:\n\tx: off\n'));
    expect(p!.message).toMatch(/^YAML 语法错误：不能用制表符缩进/);
    expect(where([p!])).toEqual(['2:1']);
  });

  it('a duplicate key is reported, and the rest of the file is still checked', () => {
    const problems = problemsOf(() => parse('rules:\n  a: off\n  a: error\nfoo: 1\n'));
    expect(where(problems)).toEqual(['3:3', '4:1']);
    expect(problems[0]!.message).toMatch(/^YAML 语法错误：重复的键；应为 每个键只出现一次；实际为 “a”/);
  });

  it('two YAML documents in one file', () => {
    const [p] = problemsOf(() => parse('rules: {}\n---\nparams: {}\n'));
    expect(p!.message).toMatch(/只能有一个 YAML 文档/);
  });

  it('custom tags are not resolved (config is data)', () => {
    const problems = problemsOf(() => parse('laws: !!js/function "x"\n'));
    expect(problems[0]!.message).toMatch(/^YAML 语法错误：不支持的 YAML 标签/);
  });
});

describe('loadConfig: unreadable files', () => {
  it('a missing file', () => {
    const missing = path.join(tmpDir(), 'hefa.config.yaml');
    const [p] = problemsOf(() => loadConfig(missing));
    expect(p).toEqual({ file: missing, line: 1, column: 1, message: expect.stringMatching(/^无法读取配置文件；.*实际为 文件不存在$/) });
  });

  it('a directory', () => {
    const [p] = problemsOf(() => loadConfig(tmpDir()));
    expect(p!.message).toMatch(/^配置文件是一个目录/);
  });

  it('a GBK file', () => {
    const f = path.join(tmpDir(), 'hefa.config.yaml');
    writeFileSync(f, Buffer.from([0x6a, 0x3a, 0x20, 0xbc, 0xd0, 0xbd, 0xad, 0x0a])); // "j: 夹江" in GBK
    const [p] = problemsOf(() => loadConfig(f));
    expect(p!.message).toMatch(/^配置文件不是 UTF-8 编码/);
  });
});

describe('findConfigFile', () => {
  it('finds the nearest config upward, in name order, and stops at the root', () => {
    const root = tmpDir();
    const deep = path.join(root, 'a', 'b', 'c');
    mkdirSync(deep, { recursive: true });
    expect(findConfigFile(deep)).toBeNull();

    writeFileSync(path.join(root, '.hefarc.yml'), '');
    expect(findConfigFile(deep)).toBe(path.join(root, '.hefarc.yml'));

    writeFileSync(path.join(root, 'a', '.hefarc.yaml'), '');
    expect(findConfigFile(deep)).toBe(path.join(root, 'a', '.hefarc.yaml'));

    writeFileSync(path.join(root, 'a', 'hefa.config.yaml'), '');
    expect(findConfigFile(deep)).toBe(path.join(root, 'a', 'hefa.config.yaml'));
    expect(findConfigFile(root)).toBe(path.join(root, '.hefarc.yml'));

    // A directory with a config's name is not a config.
    mkdirSync(path.join(root, 'a', 'b', 'hefa.config.yaml'));
    expect(findConfigFile(deep)).toBe(path.join(root, 'a', 'hefa.config.yaml'));
  });

  it('accepts a relative start and returns an absolute path', () => {
    const found = findConfigFile(path.relative(process.cwd(), fixture('full')));
    expect(found).toBe(fixture('full', 'hefa.config.yaml'));
  });

  it('returns null at the filesystem root when nothing is there', () => {
    const rootDir = path.parse(process.cwd()).root;
    const found = findConfigFile(rootDir);
    expect(found === null || path.dirname(found) === rootDir).toBe(true);
  });
});

describe('loadConfig: hostile keys', () => {
  it('__proto__ as a rule id or option name stays a plain key', () => {
    const config = parse('rules:\n  __proto__: off\n  x: {options: {__proto__: {polluted: 1}}}\n');
    expect(Object.getPrototypeOf(config.rules)).toBe(Object.prototype);
    expect(Object.keys(config.rules)).toEqual(['__proto__', 'x']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(config.rules['x']!.options)).toBe(Object.prototype);
  });

  it('inherited property names are not parameters', () => {
    expect(problemsOf(() => parse('params:\n  constructor: 1\n'))[0]!.message).toMatch(/^未知的参数；/);
  });
});
