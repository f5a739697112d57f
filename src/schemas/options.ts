/**
 * A check kind's option schema (the small DSL of types.ts) as JSON Schema, with Chinese
 * descriptions for editors. The constraints a kind checks in code (`validate`) are repeated here
 * where JSON Schema can say them, so an editor flags what `hefa check` would refuse.
 */
import type { CheckKind, OptionSchema } from '../types.js';
import { FILING_TARGET_TYPES } from '../types.js';
import { DEFAULT_PARAMS } from '../config/params.js';

export type JsonSchema = Record<string, unknown>;

/** Descriptions by `kind.option`; an option not listed gets a generic one. */
const OPTION_TEXT: Record<string, string> = {
  'requires-step.step': '程序记录的名称（前置元数据或 YAML 记录中的键，如 合法性审查、公开征求意见）',
  'requires-step.fields': '记录中必须写明的子项（如 开始、结束、意见日期）',
  'requires-step.alternatives': '可以替代该记录的其他记录（如 听证 之于 公开征求意见）',
  'duration.from': '起算日期的字段路径（如 公开征求意见.开始、公布.日期）',
  'duration.to': '终止日期的字段路径（如 公开征求意见.结束、施行日期）',
  'duration.min': '最短期间（与 unit 同单位）',
  'duration.max': '最长期间（与 unit 同单位）',
  'duration.minParam': '最短期间取自该参数（配置 params 中的名称），实践做法的数字由此可按本省调整',
  'duration.maxParam': '最长期间取自该参数（配置 params 中的名称）',
  'duration.unit': '期间单位：days 日（开始的当日不计入），workdays 工作日',
  'duration.excusedBy': '该字段有值时期间过短不报告（如 公开征求意见.缩短理由）',
  'duration.skipNegative': '终止日期早于起算日期时不报告（由其他规则处理）',
  'order.before': '应在前的步骤日期（字段路径列表）',
  'order.after': '应在后的步骤日期（字段路径列表）',
  'forbids-pattern.patterns': '禁止的表述（JavaScript 正则表达式列表）',
  'forbids-pattern.exceptions': '句子同时匹配其中之一时不报告（如转述上位法的句子）',
  'forbids-pattern.scope': '检查范围：body 正文，title 标题，article 条文',
  'requires-pattern.pattern': '必需的条款（JavaScript 正则表达式）',
  'requires-pattern.scope': '检查范围：body 正文，title 标题，article 条文，first-article 第一条',
  'requires-pattern.fieldAlternative': '该字段有值时视为满足要求',
  'numbering.units': '检查的单位：article 条，chapter 章，section 节',
  'doc-number.missing': '已公布的文件没有文号时报告（只针对带有记录的文件）',
  'doc-number.form': '文号不是“机关代字〔年份〕序号号”的形式时报告',
  'deadline.target': '检查的备案对象类型：npc 本级人大常委会，superior 上一级人民政府，government 本级人民政府',
  'deadline.check': 'overdue 逾期未备案，late 逾期备案，pending 尚未到期',
  'deadline.unit': '期限单位：days 日，workdays 工作日；缺省时取配置 filing.unit',
  'validity.check': 'missing 未写明有效期，too-long 有效期过长，expired 已届满，expiring 即将届满',
  'validity.maxParam': '有效期上限（年）取自该参数',
  'validity.trialMaxParam': '试行、暂行文件的有效期上限（年）取自该参数',
  'validity.warnParam': '届满前多少日起视为即将届满，取自该参数',
  'corpus.check': 'duplicate-number 文号重复，repealed-in-force 已被废止仍标为有效，cites-invalid 引用已废止或已到期的文件',
};

/** Element constraints a kind's `validate` enforces on list options. */
const ITEM_ENUMS: Record<string, readonly string[]> = {
  'numbering.units': ['article', 'chapter', 'section'],
  'deadline.target': FILING_TARGET_TYPES,
};

/** An option naming a parameter (`minParam`, `warnParam` …) takes one of the parameter names. */
const isParamOption = (name: string): boolean => /Param$/.test(name);

/** One option as JSON Schema. */
export function optionSchema(kind: string, name: string, o: OptionSchema): JsonSchema {
  const description = OPTION_TEXT[`${kind}.${name}`] ?? `检查类型 ${kind} 的选项 ${name}`;
  const out: JsonSchema = { description };
  switch (o.type) {
    case 'string':
      out.type = 'string';
      if (o.enum) out.enum = [...o.enum];
      else if (isParamOption(name)) out.enum = Object.keys(DEFAULT_PARAMS);
      if (o.default !== undefined) out.default = o.default;
      break;
    case 'number':
      out.type = o.integer ? 'integer' : 'number';
      if (o.min !== undefined) out.minimum = o.min;
      if (o.default !== undefined) out.default = o.default;
      break;
    case 'boolean':
      out.type = 'boolean';
      if (o.default !== undefined) out.default = o.default;
      break;
    case 'string[]': {
      const items: JsonSchema = { type: 'string' };
      const itemEnum = ITEM_ENUMS[`${kind}.${name}`];
      if (itemEnum) items.enum = [...itemEnum];
      out.type = 'array';
      out.items = items;
      if (o.default !== undefined) out.default = [...o.default];
      break;
    }
    case 'regex':
      out.type = 'string';
      break;
  }
  return out;
}

/**
 * The options of a kind as an object schema. `partial` (a rule setting in config): nothing is
 * required, since the rule's own options are merged under the setting's.
 */
export function optionsSchema(kind: CheckKind, partial: boolean): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, o] of Object.entries(kind.options)) properties[name] = optionSchema(kind.name, name, o);
  const out: JsonSchema = {
    description: `检查类型 ${kind.name} 的选项：${kind.summary}`,
    type: 'object',
    additionalProperties: false,
    properties,
  };
  const required = Object.entries(kind.options).filter(([, o]) => o.required).map(([n]) => n);
  if (!partial && required.length) out.required = required;
  // duration: at least one limit (duration.ts validate).
  if (!partial && kind.name === 'duration') {
    out.anyOf = ['min', 'max', 'minParam', 'maxParam'].map((n) => ({ required: [n] }));
  }
  return out;
}
