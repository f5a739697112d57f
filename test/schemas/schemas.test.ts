/**
 * The JSON Schemas shipped under schemas/ (hefa.config.schema.json, rule.schema.json): they are
 * what `node scripts/schemas.js` generates from the code (so they cannot drift from the loaders),
 * valid strict draft-07 schemas, and they agree with hefa's own loaders — every built-in rule file
 * and `hefa init`'s config validate; deliberately broken configs and rules fail both the schema and
 * the loader.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR, BASIS_KEYS, TOP_KEYS, WHEN_KEYS, loadRules, parseRuleFile, ruleFiles, type RuleProblem } from '../../src/rules/load.js';
import { CHECK_KINDS } from '../../src/checks/index.js';
import { CONFIG_KEYS, DEFAULT_PARAMS, builtinPresets } from '../../src/config/index.js';
import { openSession } from '../../src/lint.js';
import { CONFIG_SCHEMA_PATH, initFiles } from '../../src/commands/init.js';
import { CONFIG_SCHEMA_FILE, configSchema } from '../../src/schemas/config.js';
import { RULE_SCHEMA_FILE, ruleSchema } from '../../src/schemas/rule.js';
import { compile, draft07, type Check } from '../helpers/schemas.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCHEMAS = join(ROOT, 'schemas');
const RULES = loadRules([BUILTIN_RULES_DIR], ROOT);

const shipped = (name: string): Record<string, any> => JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8'));
const CONFIG = shipped(CONFIG_SCHEMA_FILE);
const RULE = shipped(RULE_SCHEMA_FILE);
const checkConfig: Check = compile(CONFIG);
const checkRule: Check = compile(RULE);

/** YAML as the loaders read it (1.2 core schema), as JSON for the validator. */
const yaml = (text: string): unknown => parse(text, { schema: 'core' }) as unknown;

const temps: string[] = [];
afterAll(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The problems hefa itself finds in a config: openSession in a folder holding only that config. */
function loaderProblems(text: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'hefa-schema-'));
  temps.push(dir);
  writeFileSync(join(dir, 'hefa.config.yaml'), text);
  try {
    openSession({ cwd: dir });
    return [];
  } catch (e) {
    return [(e as Error).message];
  }
}

function ruleProblems(text: string, id: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  parseRuleFile(text, `${id}.yaml`, problems);
  return problems;
}

describe('the shipped schemas', () => {
  it('are what scripts/schemas.js generates from the code (run `npm run build && node scripts/schemas.js` after a change)', () => {
    expect(readFileSync(join(SCHEMAS, CONFIG_SCHEMA_FILE), 'utf8')).toBe(JSON.stringify(configSchema(RULES), null, 2) + '\n');
    expect(readFileSync(join(SCHEMAS, RULE_SCHEMA_FILE), 'utf8')).toBe(JSON.stringify(ruleSchema(), null, 2) + '\n');
  });

  it('are valid draft-07 schemas that compile in strict mode', () => {
    for (const s of [CONFIG, RULE]) {
      expect(s.$schema).toBe('http://json-schema.org/draft-07/schema#');
      const ajv = draft07();
      expect(ajv.validateSchema(s), JSON.stringify(ajv.errors)).toBe(true);
      expect(() => ajv.compile(s)).not.toThrow();
    }
  });

  it('are in the package (package.json files) and init points the editor at the installed copy', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; files: string[] };
    expect(pkg.files).toContain('schemas');
    expect(CONFIG_SCHEMA_PATH).toBe(`./node_modules/${pkg.name}/schemas/${CONFIG_SCHEMA_FILE}`);
  });

  it('cover the loaders’ keys: config keys, params, presets, rule keys, when, basis, check kinds and their options', () => {
    expect(Object.keys(CONFIG.properties)).toEqual([...CONFIG_KEYS]);
    expect(Object.keys(CONFIG.properties.params.anyOf?.[0]?.properties ?? CONFIG.properties.params.properties)).toEqual(Object.keys(DEFAULT_PARAMS));
    const presets = JSON.stringify(CONFIG.properties.extends);
    for (const p of builtinPresets().keys()) expect(presets).toContain(`"${p}"`);
    for (const r of RULES) expect(CONFIG.definitions.rules.properties[r.id], r.id).toBeDefined();
    expect(Object.keys(RULE.properties)).toEqual([...TOP_KEYS]);
    expect(Object.keys(RULE.definitions.when.properties)).toEqual([...WHEN_KEYS]);
    expect(Object.keys(RULE.definitions.basis.properties)).toEqual([...BASIS_KEYS]);
    expect(RULE.oneOf.map((b: { properties: { kind: { const: string } } }) => b.properties.kind.const)).toEqual([...CHECK_KINDS.keys()]);
    for (const kind of CHECK_KINDS.values()) {
      expect(Object.keys(RULE.definitions[`options-${kind.name}`].properties)).toEqual(Object.keys(kind.options));
      expect(RULE.definitions[`options-${kind.name}`].required ?? []).toEqual(Object.entries(kind.options).filter(([, o]) => o.required).map(([n]) => n));
    }
  });
});

describe('rule.schema.json', () => {
  it('every built-in rule file validates', () => {
    const files = ruleFiles(BUILTIN_RULES_DIR);
    expect(files.length).toBe(RULES.length);
    for (const file of files) expect(checkRule(yaml(readFileSync(file, 'utf8'))), file).toEqual([]);
  });

  const GOOD = `id: local-no-fee
title: 不得违法收费
kind: forbids-pattern
severity: error
when: {kind: 行政规范性文件, statusAtLeast: 送审稿}
options: {patterns: ['收取[^。]{0,10}费']}
message: 发现“{{match}}”：不得违法收费
basis:
  - {title: 中华人民共和国行政许可法, article: 第五十八条, confidence: law}
`;

  it('a well-formed local rule passes both the schema and the loader', () => {
    expect(checkRule(yaml(GOOD))).toEqual([]);
    expect(ruleProblems(GOOD, 'local-no-fee')).toEqual([]);
  });

  const BROKEN: [string, string][] = [
    ['no basis', GOOD.replace(/basis:\n.*\n/, '')],
    ['empty basis', GOOD.replace(/basis:\n.*\n/, 'basis: []\n')],
    ['a basis without confidence', GOOD.replace(', confidence: law', '')],
    ['an unknown confidence', GOOD.replace('confidence: law', 'confidence: strong')],
    ['an unknown key', GOOD.replace('severity: error', 'severty: error')],
    ['an unknown check kind', GOOD.replace('kind: forbids-pattern', 'kind: regex-match')],
    ['an unknown severity', GOOD.replace('severity: error', 'severity: fatal')],
    ['an option the kind does not have', GOOD.replace('patterns:', 'pattern:')],
    ['a required option missing', GOOD.replace("options: {patterns: ['收取[^。]{0,10}费']}", 'options: {scope: body}')],
    ['an option of the wrong type', GOOD.replace("{patterns: ['收取[^。]{0,10}费']}", "{patterns: '收费'}")],
    ['an option value outside its enum', GOOD.replace('{patterns:', '{scope: chapter, patterns:')],
    ['no message for a kind without message templates', GOOD.replace(/message: .*\n/, '')],
    ['an unknown when condition', GOOD.replace('statusAtLeast: 送审稿', 'stage: 送审稿')],
    ['an unknown document kind in when', GOOD.replace('{kind: 行政规范性文件', '{kind: 法规')],
    ['an id that is not kebab-case', GOOD.replace('id: local-no-fee', 'id: Local_No_Fee')],
    ['a duration with no limit', `id: local-no-fee\ntitle: 期限\nkind: duration\nseverity: warning\noptions: {from: 公布.日期, to: 施行日期}\nbasis: [{title: 规章制定程序条例, confidence: law}]\n`],
    ['numbering units outside the set', `id: local-no-fee\ntitle: 序号\nkind: numbering\nseverity: warning\noptions: {units: [paragraph]}\nbasis: [{title: 立法法, confidence: practice}]\n`],
  ];

  it.each(BROKEN)('%s fails the schema and the loader', (_what, text) => {
    expect(checkRule(yaml(text)).length).toBeGreaterThan(0);
    const id = /^id: (.*)$/m.exec(text)![1]!;
    expect(ruleProblems(text, id).length).toBeGreaterThan(0);
  });
});

describe('hefa.config.schema.json', () => {
  it('`hefa init`’s config validates, starts with the yaml-language-server line, and loads', () => {
    const config = initFiles().find((f) => f.path === 'hefa.config.yaml')!.content;
    expect(config.split('\n')[0]).toBe(`# yaml-language-server: $schema=${CONFIG_SCHEMA_PATH}`);
    expect(checkConfig(yaml(config))).toEqual([]);
    expect(loaderProblems(config)).toEqual([]);
  });

  it('the commented-out examples of `hefa init` validate once uncommented', () => {
    const config = initFiles().find((f) => f.path === 'hefa.config.yaml')!.content;
    // Uncomment `# key: …` lines and their indented continuation; prose comments stay comments.
    const uncommented = config
      .split('\n')
      .map((l) => (/^# (?:[a-z]+:|  )/.test(l) ? l.slice(2) : l))
      .join('\n');
    expect(uncommented).toMatch(/^params:/m);
    expect(uncommented).toMatch(/^filing:/m);
    expect(checkConfig(yaml(uncommented))).toEqual([]);
    expect(loaderProblems(uncommented)).toEqual([]);
  });

  it('the README’s example config validates', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /## 配置[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(checkConfig(yaml(block))).toEqual([]);
  });

  it('an empty config, and keys left empty, are valid (the loader reads them as not set)', () => {
    for (const text of ['', '# nothing\n', 'extends:\nrules:\nparams:\n']) {
      expect(checkConfig(yaml(text)), text).toEqual([]);
      expect(loaderProblems(text), text).toEqual([]);
    }
  });

  const VALID = `extends: [hefa:strict, hefa:style]
jurisdiction: {name: 夹江县, level: 县, npcStandingCommittee: 夹江县人大常委会, superior: 乐山市人民政府}
params: {comment.minDays: 20, filing.days: 15}
rules:
  structure-article-sequence: off
  decision-comment-period: {severity: error, options: {unit: workdays}}
  meta-unknown-key: warning
overrides:
  - files: ["archive/**", "*.yaml"]
    kind: 行政规范性文件
    rules: {structure-effective-clause: off}
ignore: "drafts/old/**"
calendar: {holidays: [2027-01-01, 2027年2月8日], workdays: 2027/2/7}
filing:
  unit: workdays
  targets:
    - issuer: [夹江县*局]
      to: [{type: government, name: 夹江县人民政府}]
    - issuer: 夹江县档案馆
      to: []
`;

  it('a config using every key validates and loads', () => {
    expect(checkConfig(yaml(VALID))).toEqual([]);
    expect(loaderProblems(VALID)).toEqual([]);
  });

  const BROKEN: [string, string][] = [
    ['an unknown top-level key', VALID.replace('extends:', 'extend:')],
    ['a misspelt preset', VALID.replace('hefa:strict', 'hefa:stricter')],
    ['a package in extends', VALID.replace('hefa:style', 'npm:eslint-config-x')],
    ['a code file in extends', VALID.replace('hefa:style', './rules.js')],
    ['an unknown parameter', VALID.replace('comment.minDays', 'comment.minDay')],
    ['a nested parameter', VALID.replace('params: {comment.minDays: 20, filing.days: 15}', 'params: {comment: {minDays: 20}}')],
    ['a negative parameter', VALID.replace('comment.minDays: 20', 'comment.minDays: -1')],
    ['a quoted parameter', VALID.replace('comment.minDays: 20', 'comment.minDays: "20"')],
    ['a severity that does not exist', VALID.replace('structure-article-sequence: off', 'structure-article-sequence: loud')],
    ['a numeric severity', VALID.replace('structure-article-sequence: off', 'structure-article-sequence: 0')],
    ['an unknown key in a rule setting', VALID.replace('{severity: error, options', '{level: error, options')],
    ['an option the rule’s kind does not have', VALID.replace('{unit: workdays}', '{units: workdays}')],
    ['an option value outside its enum', VALID.replace('{unit: workdays}', '{unit: hours}')],
    ['an engine diagnostic other than meta-unknown-key', VALID.replace('meta-unknown-key: warning', 'read-error: off')],
    ['an override without files', VALID.replace('  - files: ["archive/**", "*.yaml"]\n    kind', '  - kind')],
    ['an override with a negated glob', VALID.replace('"archive/**", ', '"!archive/**", ')],
    ['an override with an unknown kind', VALID.replace('kind: 行政规范性文件', 'kind: 红头文件')],
    ['an absolute ignore path', VALID.replace('ignore: "drafts/old/**"', 'ignore: "/etc/**"')],
    ['an unreadable calendar date', VALID.replace('2027年2月8日', '下周一')],
    ['an unknown calendar key', VALID.replace('calendar: {holidays', 'calendar: {festivals')],
    ['a level that is not one of the five', VALID.replace('level: 县', 'level: 区')],
    ['an unknown jurisdiction key', VALID.replace('superior: 乐山市人民政府', 'parent: 乐山市人民政府')],
    ['a filing unit that does not exist', VALID.replace('unit: workdays\n  targets', 'unit: hours\n  targets')],
    ['a filing issuer written as a regular expression', VALID.replace('[夹江县*局]', '["/夹江县.*局/"]')],
    ['a filing target of an unknown type', VALID.replace('type: government', 'type: court')],
    ['a filing target entry without to', VALID.replace('    - issuer: 夹江县档案馆\n      to: []\n', '    - issuer: 夹江县档案馆\n')],
    ['laws pointing at a JSON file', `${VALID}laws: ./laws.json\n`],
    ['a top level that is a list', '- extends: [hefa:recommended]\n'],
  ];

  it.each(BROKEN)('%s fails the schema and the loader', (_what, text) => {
    expect(checkConfig(yaml(text)).length).toBeGreaterThan(0);
    expect(loaderProblems(text).length).toBeGreaterThan(0);
  });
});
