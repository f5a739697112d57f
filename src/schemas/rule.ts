/**
 * schemas/rule.schema.json (draft-07), generated from the rule loader's keys and the check-kind
 * registry: the top-level keys of a rule file, `when`, `basis`, and the options of each check kind
 * as a `oneOf` branch chosen by `kind`. The loader (src/rules/load.ts) stays the authority; the
 * schema gives editors completion and early errors. Regenerate with `node scripts/schemas.js`.
 */
import type { CheckKind } from '../types.js';
import { DOC_KINDS, LEVELS, STATUSES } from '../types.js';
import { CHECK_KINDS } from '../checks/index.js';
import { BASIS_KEYS, TOP_KEYS, WHEN_KEYS } from '../rules/load.js';
import { SCHEMA_BASE_URL } from '../links.js';
import { optionsSchema, type JsonSchema } from './options.js';

export const RULE_SCHEMA_FILE = 'rule.schema.json';

const ID_PATTERN = '^[a-z][a-z0-9-]*$';
const oneOrMany = (item: JsonSchema, description: string): JsonSchema => ({
  description,
  anyOf: [item, { type: 'array', items: item }],
});

const TOP: Record<string, JsonSchema> = {
  id: { description: '规则编号：与文件名相同（不含 .yaml），小写字母、数字和连字符；永不重用', type: 'string', pattern: ID_PATTERN },
  title: { description: '规则标题：一项法律要求，如“规范性文件不得设定行政处罚”', type: 'string', minLength: 1 },
  kind: { description: '检查类型（封闭集合）；决定 options 的写法', type: 'string', enum: [] },
  severity: { description: '默认级别', type: 'string', enum: ['error', 'warning', 'info'] },
  when: { $ref: '#/definitions/when' },
  options: { description: '检查类型的选项（见各检查类型）', type: ['object', 'null'] },
  message: { description: '消息模板：发现<什么>：<应当怎样>；{{名称}} 由检查类型填入；不写依据，不以句号结尾', type: 'string', minLength: 1 },
  messages: { description: '按消息编号的模板（检查类型使用多种消息时）；default 等同 message', type: 'object', additionalProperties: { type: 'string' } },
  basis: { description: '法律依据：没有依据的规则不能加载', type: 'array', minItems: 1, items: { $ref: '#/definitions/basis' } },
  tags: { description: '标签（如 设定权、期限）', type: 'array', items: { type: 'string' } },
  description: { description: '说明：适用范围、需人工判断之处等（hefa rules <id> 显示）', type: 'string' },
  aliases: { description: '改名前用过的编号', type: 'array', items: { type: 'string', pattern: ID_PATTERN } },
};

const WHEN: Record<string, JsonSchema> = {
  kind: oneOrMany({ type: 'string', enum: [...DOC_KINDS] }, '文件类型（其一即适用）'),
  status: oneOrMany({ type: 'string', enum: [...STATUSES] }, '文件状态（其一即适用）'),
  statusAtLeast: { description: '至少达到该阶段才适用：草案 < 送审稿 < 已公布', type: 'string', enum: [...STATUSES] },
  concerns: oneOrMany({ type: 'string' }, '文件的“涉及”中含有其一才适用（如 市场主体、群众切身利益）'),
  level: oneOrMany({ type: 'string', enum: [...LEVELS] }, '制定机关的层级（其一即适用）'),
  issuerIs: { description: 'government 人民政府（或其办公厅、室）制定，department 部门制定', type: 'string', enum: ['government', 'department'] },
  trial: { description: 'true 只适用于试行、暂行文件；false 只适用于其他文件', type: 'boolean' },
};

const BASIS: Record<string, JsonSchema> = {
  title: { description: '文件名称（不加书名号），如 中华人民共和国行政处罚法', type: 'string', minLength: 1 },
  number: { description: '文号或令号，如 国务院令第713号', type: ['string', 'number'] },
  version: { description: '所依据的版本（公布或修订日期），如 2021-01-22', type: ['string', 'number'] },
  article: { description: '条款，如 第十六条、第二十五条第二款', type: ['string', 'number'] },
  quote: { description: '条文原文', type: 'string' },
  confidence: { description: 'law 法律、行政法规（条文已核对）；policy 国办等政策文件；practice 实践做法（数字应作为参数）', type: 'string', enum: ['law', 'policy', 'practice'] },
};

/** Keys written in the loader but not described above get an open schema, so the schema never refuses what the loader takes. */
function described(keys: readonly string[], table: Record<string, JsonSchema>, what: string): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const k of keys) out[k] = table[k] ?? { description: `${what} ${k}` };
  return out;
}

function branch(kind: CheckKind): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    kind: { const: kind.name },
    options: { $ref: `#/definitions/options-${kind.name}` },
  };
  if (kind.defaultMessages) {
    const messages: Record<string, JsonSchema> = {};
    for (const [id, text] of Object.entries(kind.defaultMessages)) messages[id] = { description: `默认：${text}`, type: 'string' };
    properties.messages = { type: 'object', properties: messages };
  }
  const out: JsonSchema = { title: kind.name, description: kind.summary, properties };
  const needsOptions = Object.values(kind.options).some((o) => o.required);
  out.required = needsOptions ? ['kind', 'options'] : ['kind'];
  // A kind without message templates of its own needs the rule's message (load.ts).
  if (!kind.defaultMessages) {
    out.anyOf = [{ required: ['message'] }, { required: ['messages'], properties: { messages: { type: 'object', required: ['default'] } } }];
  }
  return out;
}

export function ruleSchema(): JsonSchema {
  const kinds = [...CHECK_KINDS.values()];
  const properties = described(TOP_KEYS, TOP, '键');
  properties.kind = { ...properties.kind, enum: kinds.map((k) => k.name) };
  const definitions: Record<string, JsonSchema> = {
    when: {
      description: '适用条件：全部成立时规则才运行',
      type: ['object', 'null'],
      additionalProperties: false,
      properties: described(WHEN_KEYS, WHEN, '条件'),
    },
    basis: {
      description: '一项依据',
      type: 'object',
      additionalProperties: false,
      required: ['title', 'confidence'],
      properties: described(BASIS_KEYS, BASIS, '依据的键'),
    },
  };
  for (const k of kinds) definitions[`options-${k.name}`] = optionsSchema(k, false);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE_URL}${RULE_SCHEMA_FILE}`,
    title: 'hefa 规则文件',
    description: '一条规则 = 一项法律要求：检查类型、默认级别、选项、消息和依据（rules/<组>/<id>.yaml）。hefa 加载规则时的检查为准。',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'title', 'kind', 'severity', 'basis'],
    properties,
    oneOf: kinds.map(branch),
    definitions,
  };
}
