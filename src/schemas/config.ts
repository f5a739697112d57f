/**
 * schemas/hefa.config.schema.json (draft-07), generated from the config loader's keys, the
 * parameters, the built-in presets, the check kinds and the built-in rules (each rule id is a
 * property of `rules` with its title, default severity and the options of its kind, so an editor
 * completes them). The loader (src/config/load.ts) stays the authority: the schema says what it
 * accepts, with descriptions in Chinese. Regenerate with `node scripts/schemas.js`.
 */
import type { Rule } from '../types.js';
import { DOC_KINDS, FILING_TARGET_TYPES, LEVELS } from '../types.js';
import { CHECK_KINDS } from '../checks/index.js';
import { CONFIG_KEYS } from '../config/load.js';
import { DEFAULT_PARAMS } from '../config/params.js';
import { builtinPresets } from '../config/presets.js';
import { CONFIGURABLE_DIAGNOSTIC, ENGINE_DIAGNOSTICS } from '../config/resolve.js';
import { basisText } from '../format/basis.js';
import { SCHEMA_BASE_URL } from '../links.js';
import { optionsSchema, type JsonSchema } from './options.js';

export const CONFIG_SCHEMA_FILE = 'hefa.config.schema.json';

/** Descriptions of the parameters (src/config/params.ts gives their basis). */
const PARAM_TEXT: Record<string, string> = {
  'comment.minDays': '重大行政决策公开征求意见的最短期限（日）。依据《重大行政决策程序暂行条例》第十五条第一款。',
  'comment.normativeMinWorkdays': '行政规范性文件公开征求意见的最短期限（工作日）。实践做法，请按本省规定调整。',
  'review.minWorkdays': '重大行政决策合法性审查的最短时间（工作日）。依据《重大行政决策程序暂行条例》第二十六条第二款。',
  'review.normativeMinWorkdays': '行政规范性文件合法性审核的最短时间（工作日）。实践做法，请按本省规定调整。',
  'validity.maxYears': '行政规范性文件有效期的上限（年）。实践做法（多数省份的规定），请按本省规定调整。',
  'validity.trialMaxYears': '试行、暂行文件有效期的上限（年）。实践做法，请按本省规定调整。',
  'validity.warnBeforeDays': '有效期届满前多少日起视为“即将到期”。实践做法。',
  'effective.minDelayDays': '公布到施行的最短间隔（日）。参照《规章制定程序条例》第三十二条、第三十六条，实践做法。',
  'filing.days': '公布后报送备案的期限（日）。依据监督法第三十九条、第四十条和地方组织法第七十五条；天数为实践做法。',
};

const DATE_PATTERN =
  '^\\s*(?:[0-9０-９]{4}\\s*[-/.．]\\s*[0-9０-９]{1,2}\\s*[-/.．]\\s*[0-9０-９]{1,2}|[0-9０-９]{4}\\s*年\\s*[0-9０-９]{1,2}\\s*月\\s*[0-9０-９]{1,2}\\s*日|[〇○零一二三四五六七八九十]{4}\\s*年\\s*[〇○零一二三四五六七八九十]{1,3}\\s*月\\s*[〇○零一二三四五六七八九十]{1,3}\\s*日)\\s*$';

/** `a` or `[a, …]`, as the loader's oneOrMany accepts. */
const oneOrMany = (item: JsonSchema, description: string, minItems = 0): JsonSchema => ({
  description,
  anyOf: [item, { type: 'array', ...(minItems ? { minItems } : {}), items: item }],
});

/** A key left empty (everything below it commented out) means "not set" to the loader. */
function orNull(s: JsonSchema): JsonSchema {
  if (typeof s.type === 'string') return { ...s, type: [s.type, 'null'] };
  const { description, ...rest } = s;
  return { description, anyOf: [rest, { type: 'null' }] };
}

const SEVERITY_OR_OFF = { type: 'string', enum: ['off', 'error', 'warning', 'info'] };

function ruleSetting(description: string, options: JsonSchema | null): JsonSchema {
  const object: JsonSchema = {
    type: 'object',
    additionalProperties: false,
    properties: {
      severity: { $ref: '#/definitions/severity' },
      ...(options ? { options } : {}),
    },
  };
  return { description, anyOf: [{ $ref: '#/definitions/severity' }, object] };
}

function ruleSettings(rules: Rule[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const r of rules) {
    const text = `${r.title}（默认 ${r.severity}；依据：${r.basis.map(basisText).join('；')}）`;
    properties[r.id] = ruleSetting(text, orNull({ description: '选项（与规则文件的选项合并，这里写的优先）', allOf: [{ $ref: `#/definitions/options-${r.kind}` }] }));
  }
  properties[CONFIGURABLE_DIAGNOSTIC] = ruleSetting('引擎诊断：与已知字段只差一点的键（默认 info）；只能设置级别', null);
  return {
    description: '规则编号 → 级别（off 关闭）或 {severity, options}',
    type: 'object',
    properties,
    propertyNames: {
      pattern: '^[a-z][a-z0-9-]*$',
      not: { enum: ENGINE_DIAGNOSTICS.filter((d) => d !== CONFIGURABLE_DIAGNOSTIC) },
    },
    additionalProperties: ruleSetting('本地规则文件夹中的规则', { type: ['object', 'null'], description: '选项（与规则文件的选项合并）' }),
  };
}

/** Globs relative to the config file's folder, written with `/`; never absolute. */
function globs(description: string, negation: boolean): JsonSchema {
  const item: JsonSchema = {
    type: 'string',
    minLength: 1,
    pattern: negation ? '^(?![/\\\\])(?![A-Za-z]:[/\\\\])\\s*\\S' : '^(?!\\s*!)(?![/\\\\])(?![A-Za-z]:[/\\\\])\\s*\\S',
  };
  return oneOrMany(item, description, 1);
}

export function configSchema(rules: Rule[]): JsonSchema {
  const presets = [...builtinPresets().keys()];
  const params: Record<string, JsonSchema> = {};
  for (const [name, value] of Object.entries(DEFAULT_PARAMS)) {
    params[name] = { description: PARAM_TEXT[name] ?? `参数 ${name}（默认 ${value}）`, type: 'integer', minimum: 0, default: value };
  }
  const extendsItem: JsonSchema = {
    anyOf: [
      { description: '内置预设', type: 'string', enum: presets },
      {
        description: '本地规则文件夹的路径（相对于配置文件），其中每个 .yaml 文件是一条规则',
        type: 'string',
        minLength: 1,
        allOf: [
          // `xxx:` is a preset or a package: only hefa's own presets exist (a Windows drive letter is a path).
          { not: { pattern: '^[A-Za-z][\\w-]*:(?![/\\\\])' } },
          { not: { pattern: '\\.(?:[cCmM]?[jJtT][sS][xX]?|[jJ][sS][oO][nN]5?|[nN][oO][dD][eE]|[wW][aA][sS][mM]|[sS][hH]|[pP][yY])$' } },
        ],
      },
    ],
  };
  const target: JsonSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['type'],
    properties: {
      type: { description: 'npc 本级人大常委会，superior 上一级人民政府，government 本级人民政府', type: 'string', enum: [...FILING_TARGET_TYPES] },
      name: { description: '备案机关的名称；缺省时按类型和 jurisdiction 命名', type: ['string', 'null'] },
    },
  };
  const properties: Record<string, JsonSchema> = {
    extends: oneOrMany(extendsItem, `内置预设（${presets.join('、')}）或本地规则文件夹；缺省为 hefa:recommended。只能引用数据，不加载包或代码`),
    jurisdiction: {
      description: '本机关所在的行政区域：用于备案对象的名称',
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { description: '行政区域名称，如 夹江县', type: ['string', 'null'], minLength: 1 },
        level: { description: '层级（区、旗写 县；乡镇、街道写 乡）', type: ['string', 'null'], enum: [...LEVELS, null] },
        npcStandingCommittee: { description: '本级人大常委会的名称，如 夹江县人大常委会', type: ['string', 'null'], minLength: 1 },
        superior: { description: '上一级人民政府的名称，如 乐山市人民政府', type: ['string', 'null'], minLength: 1 },
      },
    },
    params: {
      description: '规则使用的数字，每个都有名称和默认值（出自依据）；实践做法的数字应按本省规定调整',
      type: 'object',
      additionalProperties: false,
      properties: params,
    },
    rules: { $ref: '#/definitions/rules' },
    overrides: {
      description: '按路径覆盖：依次匹配的项在 rules 之后生效',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: globs('匹配的文件（通配符，相对于配置文件所在目录；不含 / 的模式匹配任意层级的文件名）', false),
          rules: orNull({ $ref: '#/definitions/rules' }),
          kind: { description: '强制这些文件的类型', type: 'string', enum: [...DOC_KINDS] },
        },
      },
    },
    ignore: globs('不检查的路径（.gitignore 写法，相对于配置文件所在目录）', true),
    laws: {
      description: '补充的法律状态表（YAML 文件，相对于配置文件）：本地已废止的文件等',
      type: 'string',
      pattern: '\\.[yY][aA]?[mM][lL]\\s*$',
    },
    calendar: {
      description: '对内置工作日历的补充（内置国务院公布的节假日和调休数据）',
      type: 'object',
      additionalProperties: false,
      properties: {
        holidays: orNull(oneOrMany({ $ref: '#/definitions/date' }, '补充的休息日')),
        workdays: orNull(oneOrMany({ $ref: '#/definitions/date' }, '补充的工作日（调休上班的周末）')),
      },
    },
    filing: {
      description: '备案：期限单位和按制定机关指定的备案对象（期限天数是参数 filing.days）',
      type: 'object',
      additionalProperties: false,
      properties: {
        unit: { description: '备案期限的单位：days 日，workdays 工作日', type: ['string', 'null'], enum: ['days', 'workdays', null] },
        targets: orNull({
          description: '按制定机关指定备案对象，替代默认对应关系；第一个匹配的项生效',
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['issuer', 'to'],
            properties: {
              issuer: oneOrMany(
                { type: 'string', minLength: 1, not: { pattern: '^\\s*/.*/[a-z]*\\s*$' } },
                '制定机关名称或通配符（* 任意多个字符，? 一个字符，{a,b} 其一；不支持正则表达式）',
                1,
              ),
              to: { description: '备案对象；无需备案写 []', anyOf: [target, { type: 'array', items: target }] },
            },
          },
        }),
      },
    },
    maxFileSize: {
      description: '读取的文件大小上限（字节，默认 20971520 即 20 MB）：更大的文件不读取，报告 read-error',
      type: 'integer',
      minimum: 1,
    },
  };
  const top: Record<string, JsonSchema> = {};
  for (const key of CONFIG_KEYS) top[key] = orNull(properties[key] ?? { description: `配置项 ${key}` });

  const definitions: Record<string, JsonSchema> = {
    severity: { description: 'off 关闭；error 错误；warning 警告；info 提示', ...SEVERITY_OR_OFF },
    rules: ruleSettings(rules),
    date: {
      description: '日期：2027-01-01、2027/1/1、2027.1.1、2027年1月1日 或 二〇二七年一月一日',
      type: 'string',
      pattern: DATE_PATTERN,
    },
  };
  for (const kind of CHECK_KINDS.values()) definitions[`options-${kind.name}`] = optionsSchema(kind, true);

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE_URL}${CONFIG_SCHEMA_FILE}`,
    title: 'hefa 配置文件（hefa.config.yaml、.hefarc.yaml）',
    description: '所有键都可省略。hefa 读取配置时的检查为准：它还核对规则编号、规则选项和文件路径是否存在。',
    type: ['object', 'null'],
    additionalProperties: false,
    properties: top,
    definitions,
  };
}
