/**
 * Inline suppression directives (src/suppress/directives.ts): reading them from Markdown and YAML,
 * applying them to findings, the diagnostics about them, and that they leave the Document model alone.
 */
import { describe, expect, it } from 'vitest';
import { applyDirectives, parseDirectives, SUPPRESSIBLE_DIAGNOSTICS, type DirectiveOptions } from '../../src/suppress/directives.js';
import { buildDocument } from '../../src/document/build.js';
import type { Directive, Finding } from '../../src/types.js';

const RULES = ['normative-no-penalty', 'normative-no-fees', 'structure-article-sequence', 'decision-expert-review'];
const OPTS: DirectiveOptions = { suppressible: new Set([...RULES, ...SUPPRESSIBLE_DIAGNOSTICS]) };

function finding(ruleId: string, line: number, column = 1): Finding {
  return { ruleId, severity: 'error', message: `发现${ruleId}`, line, column, endLine: line, endColumn: column + 4, basis: [], related: [], suppressed: null };
}

/** The directives of a source, without positions, for compact expectations. */
const brief = (ds: Directive[]) => ds.map((d) => [d.kind ?? `?${d.keyword}`, d.ruleIds.join(','), d.reason, d.pos.line, d.line]);

/** Apply and return [suppressed findings as `ruleId@line: reason`, diagnostics as `ruleId@line`]. */
function run(source: string, findings: Finding[], opts: Partial<DirectiveOptions> = {}, format: 'markdown' | 'yaml' = 'markdown') {
  const diags = applyDirectives(findings, parseDirectives(source, format), { ...OPTS, ...opts });
  return {
    suppressed: findings.filter((f) => f.suppressed).map((f) => `${f.ruleId}@${f.line}: ${f.suppressed!.reason}`),
    diagnostics: diags.map((d) => `${d.ruleId}@${d.line}`),
    messages: diags.map((d) => d.message),
  };
}

describe('parseDirectives: Markdown', () => {
  it('reads every form, with one or several ids and the reason after --', () => {
    const src = [
      '# 某办法', // 1
      '', // 2
      '<!-- hefa-disable-next-line normative-no-penalty -- 转述上位法 -->', // 3
      '第一条　……处五千元罚款。', // 4
      '第二条　……收取费用。<!-- hefa-disable-line normative-no-fees, normative-no-penalty -- 经司法局审核 -->', // 5
      '<!-- hefa-disable structure-article-sequence -- 存档原文如此 -->', // 6
      '<!-- hefa-enable structure-article-sequence -->', // 7
      '<!--hefa-disable-file normative-no-fees、normative-no-penalty —— 全文转述《行政处罚法》-->', // 8
    ].join('\n');
    expect(brief(parseDirectives(src, 'markdown'))).toEqual([
      ['disable-next-line', 'normative-no-penalty', '转述上位法', 3, 4],
      ['disable-line', 'normative-no-fees,normative-no-penalty', '经司法局审核', 5, 5],
      ['disable', 'structure-article-sequence', '存档原文如此', 6, 0],
      ['enable', 'structure-article-sequence', null, 7, 0],
      ['disable-file', 'normative-no-fees,normative-no-penalty', '全文转述《行政处罚法》', 8, 0],
    ]);
  });

  it('gives the comment’s span as its position (UTF-16 columns), also for a trailing comment', () => {
    const comment = '<!-- hefa-disable-line normative-no-fees -- 理由 -->';
    const [d] = parseDirectives(`第二条　收费。${comment}\n`, 'markdown');
    expect(d!.pos).toEqual({ line: 1, column: 8, endLine: 1, endColumn: 8 + comment.length });
  });

  it('next-line skips blank lines and comment-only lines (stacked directives, expect markers)', () => {
    const src = ['<!-- hefa-disable-next-line normative-no-penalty -- 甲 -->', '', '<!-- hefa-disable-next-line normative-no-fees -- 乙 -->', '<!-- expect: x -->', '', '第一条　正文'].join('\n');
    expect(parseDirectives(src, 'markdown').map((d) => d.line)).toEqual([6, 6]);
  });

  it('a multi-line comment covers the line after its end', () => {
    const src = ['<!-- hefa-disable-next-line normative-no-penalty', '  -- 转述《行政处罚法》第五十九条 -->', '第一条　正文'].join('\n');
    expect(brief(parseDirectives(src, 'markdown'))).toEqual([['disable-next-line', 'normative-no-penalty', '转述《行政处罚法》第五十九条', 1, 3]]);
  });

  it('is not fooled by expect markers, other hefa- comments, code fences or plain text', () => {
    const src = [
      '第一条　正文<!-- expect: normative-no-penalty -->',
      '<!-- hefa-report -->',
      '<!-- 注：hefa-disable-next-line 写法见说明 -->',
      '正文中提到 hefa-disable-next-line 这个词。',
      '```',
      '<!-- hefa-disable-file normative-no-penalty -- 示例 -->',
      '```',
      '~~~~ markdown',
      '<!-- hefa-disable-file normative-no-fees -- 示例 -->',
      '~~~',
      '~~~~',
      '<!-- hefa-disable-next-line normative-no-fees -- 真的 -->',
    ].join('\n');
    expect(brief(parseDirectives(src, 'markdown'))).toEqual([['disable-next-line', 'normative-no-fees', '真的', 12, 13]]);
  });

  it('reads # comments of the front matter, and no # heading of the body', () => {
    const src = [
      '---',
      '# hefa-disable-next-line decision-expert-review -- 已由专家咨询委员会书面论证',
      '类型: 重大行政决策',
      '状态: 已公布 # hefa-disable-line normative-no-fees -- 理由',
      '---',
      '# hefa-disable-file normative-no-penalty -- 这是标题，不是注释',
    ].join('\n');
    expect(brief(parseDirectives(src, 'markdown'))).toEqual([
      ['disable-next-line', 'decision-expert-review', '已由专家咨询委员会书面论证', 2, 3],
      ['disable-line', 'normative-no-fees', '理由', 4, 4],
    ]);
  });

  it('keeps malformed directives for the diagnostics: unknown keyword, no ids, reason without --', () => {
    const src = ['<!-- hefa-disable-nextline normative-no-penalty -- 理由 -->', '<!-- hefa-disable -- 理由 -->', '<!-- hefa-disable-next-line normative-no-penalty 转述上位法 -->', '<!-- hefa-disable normative-no-fees -- -->'].join('\n');
    expect(brief(parseDirectives(src, 'markdown'))).toEqual([
      ['?disable-nextline', 'normative-no-penalty', '理由', 1, 0],
      ['disable', '', '理由', 2, 0],
      ['disable-next-line', 'normative-no-penalty', null, 3, 4],
      ['disable', 'normative-no-fees', null, 4, 0],
    ]);
  });

  it('reads CRLF sources with the same lines', () => {
    const src = '第一条\r\n<!-- hefa-disable-next-line normative-no-penalty -- 理由 -->\r\n\r\n第二条\r\n';
    expect(brief(parseDirectives(src, 'markdown'))).toEqual([['disable-next-line', 'normative-no-penalty', '理由', 2, 4]]);
  });
});

describe('parseDirectives: YAML records', () => {
  const RECORD = [
    '# hefa-disable-file normative-no-fees -- 本记录为历史存档', // 1
    '标题: 某方案', // 2
    '# hefa-disable-next-line decision-expert-review -- 已由专家咨询委员会书面论证', // 3
    '类型: 重大行政决策', // 4
    '状态: 已公布 # hefa-disable-line normative-no-penalty -- 理由', // 5
    '正文: |', // 6
    '  # 某方案', // 7
    '  # hefa-disable-file normative-no-penalty -- 这是正文中的标题', // 8
    '', // 9
    '  <!-- hefa-disable-next-line normative-no-penalty -- 转述上位法 -->', // 10
    '  一、处五千元罚款。', // 11
    '标签: "# hefa-disable-file normative-no-fees -- 字符串"', // 12
  ].join('\n');

  it('reads # comments outside scalars and HTML comments inside 正文', () => {
    expect(brief(parseDirectives(RECORD, 'yaml'))).toEqual([
      ['disable-file', 'normative-no-fees', '本记录为历史存档', 1, 0],
      ['disable-next-line', 'decision-expert-review', '已由专家咨询委员会书面论证', 3, 4],
      ['disable-line', 'normative-no-penalty', '理由', 5, 5],
      ['disable-next-line', 'normative-no-penalty', '转述上位法', 10, 11],
    ]);
  });

  it('survives broken YAML', () => {
    const src = '# hefa-disable-file normative-no-fees -- 理由\n标题: [未闭合\n';
    expect(brief(parseDirectives(src, 'yaml'))).toEqual([['disable-file', 'normative-no-fees', '理由', 1, 0]]);
  });
});

describe('applyDirectives', () => {
  it('next-line and line cover findings starting on that line, only for the named rules', () => {
    const src = ['<!-- hefa-disable-next-line normative-no-penalty -- 转述上位法 -->', '第一条', '第二条<!-- hefa-disable-line normative-no-fees -- 经审核 -->'].join('\n');
    const r = run(src, [finding('normative-no-penalty', 2, 5), finding('normative-no-fees', 2, 9), finding('normative-no-fees', 3, 2), finding('normative-no-penalty', 3, 2)]);
    expect(r).toEqual({ suppressed: ['normative-no-penalty@2: 转述上位法', 'normative-no-fees@3: 经审核'], diagnostics: [], messages: [] });
  });

  it('disable … enable covers the stretch between them, per rule; a bare enable ends every range', () => {
    const src = [
      '<!-- hefa-disable normative-no-penalty, normative-no-fees -- 附件转述上位法 -->', // 1
      '甲', // 2
      '<!-- hefa-enable normative-no-fees -->', // 3
      '乙', // 4
      '<!-- hefa-enable -->', // 5
      '丙', // 6
      '<!-- hefa-disable structure-article-sequence -- 存档原文 -->', // 7
      '丁', // 8
    ].join('\n');
    const findings = [2, 4, 6].flatMap((l) => [finding('normative-no-penalty', l), finding('normative-no-fees', l)]);
    findings.push(finding('structure-article-sequence', 6), finding('structure-article-sequence', 8), finding('structure-article-sequence', 100));
    expect(run(src, findings).suppressed).toEqual([
      'normative-no-penalty@2: 附件转述上位法',
      'normative-no-fees@2: 附件转述上位法',
      'normative-no-penalty@4: 附件转述上位法',
      'structure-article-sequence@8: 存档原文',
      'structure-article-sequence@100: 存档原文',
    ]);
  });

  it('a range starts after its comment: a finding earlier on the same line is not covered', () => {
    const src = '第一条处罚款<!-- hefa-disable normative-no-penalty -- 理由 -->处罚款';
    const r = run(src, [finding('normative-no-penalty', 1, 4), finding('normative-no-penalty', 1, 60)]);
    expect(r.suppressed).toEqual(['normative-no-penalty@1: 理由']);
  });

  it('disable-file covers the whole file, wherever it is written', () => {
    const src = ['第一条', '<!-- hefa-disable-file normative-no-penalty -- 全文转述《行政处罚法》 -->'].join('\n');
    const r = run(src, [finding('normative-no-penalty', 1), finding('normative-no-penalty', 50), finding('normative-no-fees', 1)]);
    expect(r.suppressed).toEqual(['normative-no-penalty@1: 全文转述《行政处罚法》', 'normative-no-penalty@50: 全文转述《行政处罚法》']);
  });

  it('a directive without a reason suppresses nothing and is reported', () => {
    const r = run('<!-- hefa-disable-next-line normative-no-penalty -->\n第一条', [finding('normative-no-penalty', 2)]);
    expect(r.suppressed).toEqual([]);
    expect(r.diagnostics).toEqual(['directive-missing-reason@1']);
    expect(r.messages[0]).toBe('发现指令“hefa-disable-next-line normative-no-penalty”没有写理由，未生效：应在规则编号后写“ -- 理由”，说明为什么这里不适用');
  });

  it('the same when the reason is written without the separator', () => {
    const r = run('<!-- hefa-disable-next-line normative-no-penalty 转述上位法 -->\n第一条', [finding('normative-no-penalty', 2)]);
    expect(r).toMatchObject({ suppressed: [], diagnostics: ['directive-missing-reason@1'] });
  });

  it('unknown ids are reported with a suggestion; the known ids of the directive still work', () => {
    const r = run('<!-- hefa-disable-next-line normative-no-penlty, normative-no-fees -- 理由 -->\n第一条', [finding('normative-no-penalty', 2), finding('normative-no-fees', 2)]);
    expect(r.suppressed).toEqual(['normative-no-fees@2: 理由']);
    expect(r.diagnostics).toEqual(['directive-unknown-rule@1']);
    expect(r.messages[0]).toContain('“normative-no-penlty”不存在（是否想写 normative-no-penalty？）');
  });

  it('refuses *, run failures and its own diagnostics; requires ids; knows its keywords', () => {
    const src = [
      '<!-- hefa-disable * -- 理由 -->',
      '<!-- hefa-disable-file read-error, parse-error, directive-unused -- 理由 -->',
      '<!-- hefa-disable -- 理由 -->',
      '<!-- hefa-disable-nextline normative-no-penalty -- 理由 -->',
    ].join('\n');
    const r = run(src, [finding('read-error', 1), finding('normative-no-penalty', 5)]);
    expect(r.suppressed).toEqual([]);
    expect(r.diagnostics).toEqual([
      'directive-unknown-rule@1',
      'directive-unknown-rule@2',
      'directive-unknown-rule@2',
      'directive-unknown-rule@2',
      'directive-invalid@3',
      'directive-invalid@4',
    ]);
    expect(r.messages[0]).toContain('不支持一次关闭全部规则');
    expect(r.messages[5]).toContain('是否想写 hefa-disable-next-line？');
  });

  it('engine diagnostics meta-* can be suppressed', () => {
    const r = run('# hefa-disable-next-line meta-text-mismatch -- 正文为印发稿，施行日期以后续通知为准\n施行日期: 2020-01-01', [finding('meta-text-mismatch', 2)], {}, 'yaml');
    expect(r.suppressed).toEqual(['meta-text-mismatch@2: 正文为印发稿，施行日期以后续通知为准']);
  });

  describe('unused directives', () => {
    const src = [
      '<!-- hefa-disable-next-line normative-no-penalty, normative-no-fees -- 甲 -->', // 1
      '第一条', // 2
      '<!-- hefa-disable-file normative-no-penalty -- 乙 -->', // 3
      '<!-- hefa-disable structure-article-sequence -- 丙 -->', // 4
      '<!-- hefa-disable-next-line decision-expert-review -- 丁 -->', // 5
      '第二条', // 6
    ].join('\n');
    const findings = () => [finding('normative-no-penalty', 2), finding('normative-no-penalty', 6)];

    it('are not reported without reportUnused', () => {
      expect(run(src, findings()).diagnostics).toEqual([]);
    });

    it('are reported with it: whole directives, or the unused ids of one; the most specific directive gets the credit', () => {
      const r = run(src, findings(), { reportUnused: true });
      expect(r.suppressed).toEqual(['normative-no-penalty@2: 甲', 'normative-no-penalty@6: 乙']);
      expect(r.diagnostics).toEqual(['directive-unused@1', 'directive-unused@4', 'directive-unused@5']);
      expect(r.messages).toEqual([
        '发现指令“hefa-disable-next-line normative-no-penalty, normative-no-fees”中的 normative-no-fees没有抑制任何问题：应删除这些规则编号',
        '发现指令“hefa-disable structure-article-sequence”没有抑制任何问题：应删除该指令',
        '发现指令“hefa-disable-next-line decision-expert-review”没有抑制任何问题：应删除该指令',
      ]);
    });

    it('are not reported for rules that did not run on the file', () => {
      const r = run(src, findings(), { reportUnused: true, active: (id) => id.startsWith('normative-') });
      expect(r.diagnostics).toEqual(['directive-unused@1']);
    });
  });

  it('leaves findings already suppressed alone', () => {
    const f = finding('normative-no-penalty', 2);
    f.suppressed = { kind: 'baseline', reason: '基线中已有' };
    run('<!-- hefa-disable-next-line normative-no-penalty -- 理由 -->\n第一条', [f]);
    expect(f.suppressed).toEqual({ kind: 'baseline', reason: '基线中已有' });
  });
});

describe('directives leave the Document model alone', () => {
  const PLAIN = [
    '---',
    '标题: 夹江县城市绿化管理办法',
    '类型: 行政规范性文件',
    '状态: 送审稿',
    '---',
    '',
    '# 夹江县城市绿化管理办法',
    '',
    '第一条　为了促进城市绿化事业发展，制定本办法。',
    '',
    '第二条　擅自砍伐城市树木的，每株处500元以上1000元以下的罚款。',
    '',
    '第三条　本办法自2024年7月1日起施行。',
    '',
  ];
  const WITH = [
    '---',
    '# hefa-disable-file normative-no-fees -- 理由',
    '标题: 夹江县城市绿化管理办法 # hefa-disable-line structure-title-kind -- 理由',
    '类型: 行政规范性文件',
    '状态: 送审稿',
    '---',
    '<!-- hefa-disable-file structure-effective-clause -- 理由 -->',
    '# 夹江县城市绿化管理办法',
    '',
    '<!-- hefa-disable structure-article-sequence -- 理由 -->',
    '第一条　为了促进城市绿化事业发展，制定本办法。<!-- expect: x -->',
    '',
    '<!-- hefa-disable-next-line normative-no-penalty -- 转述上位法 -->',
    '第二条　擅自砍伐城市树木的，每株处500元以上1000元以下的罚款。<!-- hefa-disable-line normative-no-penalty -- 理由 -->',
    '<!-- hefa-enable -->',
    '',
    '第三条　本办法自2024年7月1日起施行。',
    '',
  ];

  it('same fields, title, articles, sentences and block texts', () => {
    const a = buildDocument('a.md', PLAIN.join('\n'));
    const b = buildDocument('a.md', WITH.join('\n'));
    const view = (d: ReturnType<typeof buildDocument>) => ({
      title: d.title,
      kind: d.kind,
      status: d.status,
      fields: d.fields.values,
      diagnostics: d.diagnostics,
      blocks: d.text.blocks.map((x) => x.text.trim()),
      articles: d.text.articles.map((x) => x.label),
      sentences: d.text.sentences.map((x) => x.text),
      effective: d.text.effective?.date,
    });
    expect(view(b)).toEqual(view(a));
    expect(parseDirectives(WITH.join('\n'), 'markdown')).toHaveLength(7);
  });
});
