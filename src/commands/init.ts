/**
 * `hefa init`: a commented hefa.config.yaml and an example draft to try hefa on.
 */
import { DEFAULT_PARAMS } from '../config/index.js';

/**
 * The schema an editor (YAML Language Server: VS Code's YAML extension and others) validates the
 * config against: the copy inside the locally installed package, so it always matches the hefa
 * version that reads the config. A global install can point at the published URL instead.
 */
export const CONFIG_SCHEMA_PATH = './node_modules/hefa/schemas/hefa.config.schema.json';

export function initFiles(): { path: string; content: string }[] {
  const params = Object.entries(DEFAULT_PARAMS)
    .map(([k, v]) => `#   ${k}: ${v}`)
    .join('\n');
  const config = `# yaml-language-server: $schema=${CONFIG_SCHEMA_PATH}
# hefa 配置文件。所有键都可省略；说明见 hefa 的 README。第一行让编辑器按 hefa 的 JSON Schema 补全和检查本文件。
# 预设：hefa:recommended（默认）、hefa:strict（警告升级为错误）、hefa:style（体例），或本地规则目录
extends: [hefa:recommended]

# 本机关所在的行政区域（用于备案对象的名称）
# jurisdiction: {name: 夹江县, level: 县, npcStandingCommittee: 夹江县人大常委会, superior: 乐山市人民政府}

# 规则使用的数字（默认值如下，出自 rules.md 所列依据；实践做法的数字请按本省规定调整）
# params:
${params}

# 单条规则的级别或选项；off 关闭
# rules:
#   structure-article-sequence: off
#   decision-comment-period: {severity: error}

# 按路径覆盖
# overrides:
#   - files: ["archive/**"]
#     rules: {structure-effective-clause: off}

# 不检查的路径（.gitignore 写法）
# ignore: ["drafts/old/**"]

# 备案（hefa filing 与 filing-* 规则）：期限天数是参数 filing.days；unit 为 days（日历日）或 workdays（工作日）；
# targets 按制定机关名称（通配符）指定备案机关，代替默认对应关系（人民政府 → 本级人大常委会 + 上一级人民政府，部门 → 本级人民政府）
# filing:
#   unit: days
#   targets:
#     - issuer: 夹江县*局
#       to: [{type: government, name: 夹江县人民政府}]
#     - issuer: 夹江县档案馆
#       to: []          # 无需备案

# 工作日历的补充（内置国务院公布的节假日和调休数据）
# calendar: {holidays: [2027-01-01], workdays: [2027-02-07]}
`;
  const draft = `---
标题: 夹江县城区停车设施建设管理决策方案
类型: 重大行政决策
状态: 送审稿
起草单位: 夹江县住房和城乡建设局
涉及: [群众切身利益, 市场主体]
公开征求意见: {开始: 2026-09-01, 结束: 2026-09-20, 渠道: 夹江县人民政府网站, 意见数: 12}
合法性审查: {送审日期: 2026-10-09, 意见日期: 2026-10-12, 审查机构: 夹江县司法局}
---

# 夹江县城区停车设施建设管理决策方案

一、为缓解城区停车难问题，根据《重大行政决策程序暂行条例》，结合本县实际，制定本方案。

二、本方案自公布之日起施行。
`;
  return [
    { path: 'hefa.config.yaml', content: config },
    { path: '示例草案.md', content: draft },
  ];
}
