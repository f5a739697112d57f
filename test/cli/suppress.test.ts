/**
 * End-to-end: inline suppression directives and baselines (issue 6) through the built binary —
 * every directive form in Markdown and YAML, the directive diagnostics, --report-unused-directives,
 * a corpus finding suppressed in place, suppressed findings in JSON and SARIF, and the acceptance
 * test: on the demo county, --write-baseline then --baseline reports nothing, and one offending
 * sentence inserted above old findings is exactly one new finding.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, ROOT, hefa, useCliSuite, workspace } from '../helpers/cli.js';
import { checkSarif } from '../helpers/schemas.js';

useCliSuite();

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  suppressed: { kind: string; reason: string } | null;
}
interface JsonReport {
  files: { path: string; findings: JsonFinding[] }[];
  summary: { files: number; errors: number; warnings: number; infos: number; suppressed: number };
}

/** Write files into a fresh workspace. */
function folder(files: Record<string, string>): string {
  const dir = workspace();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function json(args: string[], cwd: string): { code: number | null; report: JsonReport; stderr: string } {
  const r = hefa(['check', ...args, ...AS_OF, '-f', 'json'], cwd);
  expect(r.stdout, r.stderr).not.toBe('');
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

/** `line ruleId suppressed-reason|-` per finding, all files. */
const rows = (report: JsonReport) =>
  report.files.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line} ${x.ruleId} ${x.suppressed ? `[${x.suppressed.kind}] ${x.suppressed.reason}` : '-'}`));

const DRAFT = `---
标题: 夹江县城区养犬管理办法
类型: 行政规范性文件
状态: 送审稿
# hefa-disable-next-line normative-public-comment -- 送审稿的征求意见记录另行归档
公开征求意见: false
---

<!-- hefa-disable-file normative-no-fees -- 收费条款转述《四川省养犬管理条例》第二十条 -->
# 夹江县城区养犬管理办法

第一条　为了规范养犬行为，根据《四川省养犬管理条例》，制定本办法。

<!-- hefa-disable-next-line normative-no-penalty -- 转述《四川省养犬管理条例》第四十条 -->
第二条　携犬出户未束犬链的，由县公安局处五百元罚款。

第三条　未办理养犬登记的，由县公安局处一千元罚款。<!-- hefa-disable-line normative-no-penalty -- 转述《四川省养犬管理条例》第四十一条 -->

<!-- hefa-disable normative-no-penalty -- 第四条至第五条转述上位法罚则 -->
第四条　违反本办法规定的，处二百元罚款。

第五条　情节严重的，处二千元罚款。
<!-- hefa-enable normative-no-penalty -->

第六条　违反本办法规定的，处三百元罚款。

第七条　本办法自2027年1月1日起施行。
`;

const RULES = ['--rule', 'normative-no-penalty', 'normative-public-comment', 'normative-no-fees'];

describe('inline directives', () => {
  it('Markdown: next-line, line, disable … enable, file; YAML front matter: next-line', () => {
    const dir = folder({ '养犬管理办法.md': DRAFT });
    const { code, report } = json(['.', ...RULES], dir);
    expect(rows(report)).toEqual([
      '养犬管理办法.md:6 normative-public-comment [directive] 送审稿的征求意见记录另行归档',
      '养犬管理办法.md:15 normative-no-penalty [directive] 转述《四川省养犬管理条例》第四十条',
      '养犬管理办法.md:17 normative-no-penalty [directive] 转述《四川省养犬管理条例》第四十一条',
      '养犬管理办法.md:20 normative-no-penalty [directive] 第四条至第五条转述上位法罚则',
      '养犬管理办法.md:22 normative-no-penalty [directive] 第四条至第五条转述上位法罚则',
      '养犬管理办法.md:25 normative-no-penalty -',
    ]);
    expect(report.summary).toMatchObject({ errors: 1, suppressed: 5 });
    expect(code).toBe(1);
  });

  it('exit code and stylish count only unsuppressed findings', () => {
    const dir = folder({ '养犬管理办法.md': DRAFT.replace('第六条　违反本办法规定的，处三百元罚款。', '第六条　养犬人应当文明养犬。') });
    const r = hefa(['check', '.', ...RULES, ...AS_OF], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ 检查了 1 个文件，未发现问题（5 个已抑制）');
  });

  it('YAML record: # comments on fields, HTML comments inside 正文', () => {
    const record = [
      '标题: 夹江县城区犬只收容管理办法',
      '类型: 行政规范性文件',
      '状态: 送审稿',
      '公开征求意见: false # hefa-disable-line normative-public-comment -- 已在起草说明中载明不公开的理由',
      '正文: |',
      '  第一条　为了规范犬只收容，根据《四川省养犬管理条例》，制定本办法。',
      '',
      '  <!-- hefa-disable-next-line normative-no-penalty -- 转述《四川省养犬管理条例》第四十条 -->',
      '  第二条　逾期不认领的，由县公安局处五百元罚款。',
      '',
      '  # 第三条　本办法自2027年1月1日起施行。',
      '',
    ].join('\n');
    const dir = folder({ '收容.yaml': record });
    const { report } = json(['.', ...RULES], dir);
    expect(rows(report)).toEqual([
      '收容.yaml:4 normative-public-comment [directive] 已在起草说明中载明不公开的理由',
      '收容.yaml:9 normative-no-penalty [directive] 转述《四川省养犬管理条例》第四十条',
    ]);
  });

  it('a directive without a reason suppresses nothing and is a warning; so are unknown ids', () => {
    const text = DRAFT.replace(' -- 转述《四川省养犬管理条例》第四十条 -->', ' -->').replace('hefa-disable-line normative-no-penalty', 'hefa-disable-line normative-no-penalty, normative-no-penlty');
    const dir = folder({ '养犬管理办法.md': text });
    const { report } = json(['.', ...RULES], dir);
    const found = report.files[0]!.findings;
    expect(rows(report).filter((r) => / (directive-|normative-no-penalty -)/.test(r))).toEqual([
      '养犬管理办法.md:14 directive-missing-reason -',
      '养犬管理办法.md:15 normative-no-penalty -',
      '养犬管理办法.md:17 directive-unknown-rule -',
      '养犬管理办法.md:25 normative-no-penalty -',
    ]);
    expect(found.find((f) => f.ruleId === 'directive-unknown-rule')).toMatchObject({
      severity: 'warning',
      column: 26,
      message: expect.stringContaining('“normative-no-penlty”不存在（是否想写 normative-no-penalty？）'),
    });
    // The known id of the same directive still works.
    expect(rows(report)).toContain('养犬管理办法.md:17 normative-no-penalty [directive] 转述《四川省养犬管理条例》第四十一条');
  });

  it('unused directives are reported only with --report-unused-directives, and not for rules that did not run', () => {
    const dir = folder({ '养犬管理办法.md': DRAFT });
    expect(rows(json(['.', ...RULES], dir).report).filter((r) => r.includes('directive-'))).toEqual([]);
    const { report, code } = json(['.', ...RULES, '--report-unused-directives'], dir);
    expect(rows(report).filter((r) => r.includes('directive-'))).toEqual(['养犬管理办法.md:9 directive-unused -']);
    expect(report.files[0]!.findings.find((f) => f.ruleId === 'directive-unused')!.message).toBe(
      '发现指令“hefa-disable-file normative-no-fees”没有抑制任何问题：应删除该指令',
    );
    expect(code).toBe(1);
    // normative-no-fees switched off: its directive is not reported as unused.
    const off = json(['.', '--rule', 'normative-no-penalty', 'normative-public-comment', '--report-unused-directives'], dir);
    expect(rows(off.report).filter((r) => r.includes('directive-'))).toEqual([]);
  });

  it('a corpus finding can be suppressed where it points', () => {
    const doc = (title: string, number: string, extra = '') => `---
标题: ${title}
文号: ${number}${extra}
制定机关: 夹江县人民政府
类型: 行政规范性文件
状态: 已公布
公布日期: 2023-06-12
---

# ${title}

第一条　本办法自2023年7月1日起施行，有效期5年。
`;
    const dir = folder({
      'a.md': doc('夹江县城区公共绿地认建认养管理办法', '夹府规〔2023〕3号', ' # hefa-disable-line corpus-duplicate-number -- 更正稿沿用原文号，已报县政府办公室'),
      'b.md': doc('夹江县城区门前责任区管理办法', '夹府规〔2023〕3号'),
    });
    const { report } = json(['.', '--rule', 'corpus-duplicate-number'], dir);
    expect(rows(report)).toEqual(['a.md:3 corpus-duplicate-number [directive] 更正稿沿用原文号，已报县政府办公室', 'b.md:3 corpus-duplicate-number -']);
  });

  it('SARIF: suppressed findings stay, with inSource or external suppressions and the reason; the log is valid', () => {
    const dir = folder({ '养犬管理办法.md': DRAFT });
    expect(hefa(['check', '.', ...RULES, ...AS_OF, '--write-baseline', 'b.json'], dir).code).toBe(0);
    writeFileSync(join(dir, '养犬管理办法.md'), DRAFT.replace('第七条', '第七条　违者处一万元罚款。\n\n第八条'));
    const r = hefa(['check', '.', ...RULES, ...AS_OF, '--baseline', 'b.json', '-f', 'sarif'], dir);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(checkSarif(log)).toEqual([]);
    const results = log.runs[0].results as { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[]; suppressions?: unknown[] }[];
    const brief = results.map((x) => [x.locations[0]!.physicalLocation.region.startLine, x.ruleId, x.suppressions ?? null]);
    expect(brief).toEqual([
      [6, 'normative-public-comment', [{ kind: 'inSource', status: 'accepted', justification: '送审稿的征求意见记录另行归档' }]],
      [15, 'normative-no-penalty', [{ kind: 'inSource', status: 'accepted', justification: '转述《四川省养犬管理条例》第四十条' }]],
      [17, 'normative-no-penalty', [{ kind: 'inSource', status: 'accepted', justification: '转述《四川省养犬管理条例》第四十一条' }]],
      [20, 'normative-no-penalty', [{ kind: 'inSource', status: 'accepted', justification: '第四条至第五条转述上位法罚则' }]],
      [22, 'normative-no-penalty', [{ kind: 'inSource', status: 'accepted', justification: '第四条至第五条转述上位法罚则' }]],
      [25, 'normative-no-penalty', [{ kind: 'external', status: 'accepted', justification: '基线中已有' }]],
      [27, 'normative-no-penalty', null],
    ]);
    const ids = (log.runs[0].tool.driver.rules as { id: string }[]).map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['directive-invalid', 'directive-missing-reason', 'directive-unknown-rule', 'directive-unused']));
  });
});

describe('baselines', () => {
  it('acceptance: on the demo county, --write-baseline then --baseline reports nothing new; one inserted fine is the one new finding', () => {
    const dir = workspace();
    cpSync(join(ROOT, 'fixtures', 'demo'), join(dir, 'demo'), { recursive: true });
    const before = json(['demo'], dir);
    const total = before.report.summary.errors + before.report.summary.warnings + before.report.summary.infos;
    expect(total).toBeGreaterThan(10);

    const write = json(['demo', '--write-baseline', 'b.json'], dir);
    expect(write.code).toBe(0);
    expect(write.stderr).toBe(`提示：已写入基线 b.json（${total} 条）\n`);
    const baseline = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')) as { version: number; findings: { count: number }[] };
    expect(baseline.version).toBe(1);
    expect(baseline.findings.reduce((n, e) => n + e.count, 0)).toBe(total);

    const again = json(['demo', '--baseline', 'b.json'], dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.report.summary).toMatchObject({ errors: 0, warnings: 0, infos: 0, suppressed: total });
    expect(again.report.files.flatMap((f) => f.findings).every((f) => f.suppressed?.kind === 'baseline' && f.suppressed.reason === '基线中已有')).toBe(true);

    // A sentence setting a fine, inserted into 第六条 above the old finding on 第八条 (whose line moves down by 2).
    const file = join(dir, 'demo', '规范性文件-临时救助实施办法.md');
    const text = readFileSync(file, 'utf8');
    const anchor = '报县民政局审批。\n';
    expect(text.split(anchor)).toHaveLength(2);
    writeFileSync(file, text.replace(anchor, `${anchor}\n以虚报、隐瞒等手段骗取临时救助的，由县民政局处五千元罚款。\n`));
    const after = json(['demo', '--baseline', 'b.json'], dir);
    const fresh = after.report.files.flatMap((f) => f.findings.filter((x) => !x.suppressed).map((x) => ({ path: f.path, ...x })));
    expect(fresh.map((f) => [f.path, f.line, f.ruleId, f.message])).toEqual([
      ['demo/规范性文件-临时救助实施办法.md', 27, 'normative-no-penalty', expect.stringContaining('发现“处五千元罚款”')],
    ]);
    expect(after.code).toBe(1);
    expect(after.stderr).toBe('');
    const moved = after.report.files.find((f) => f.path.endsWith('临时救助实施办法.md'))!.findings.find((f) => f.ruleId === 'structure-article-sequence')!;
    expect(moved).toMatchObject({ line: 29, suppressed: { kind: 'baseline', reason: '基线中已有' } });
  });

  it('stale entries are a notice; the JSON report keeps its shape', () => {
    const dir = workspace();
    cpSync(join(ROOT, 'fixtures', 'demo'), join(dir, 'demo'), { recursive: true });
    expect(hefa(['check', 'demo', ...AS_OF, '--write-baseline', 'b.json'], dir).code).toBe(0);
    const file = join(dir, 'demo', '规范性文件-临时救助实施办法.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('第八条', '第七条').replace('第九条', '第八条').replace('第十条', '第九条'));
    const r = json(['demo', '--baseline', 'b.json'], dir);
    expect(r.stderr).toBe(
      '提示：基线中有 1 条已不存在（问题已修正或所在文字已改动）：demo/规范性文件-临时救助实施办法.md structure-article-sequence；可用 --write-baseline 重新生成基线\n',
    );
    expect(Object.keys(r.report)).toEqual(['tool', 'version', 'schemaVersion', 'asOf', 'files', 'summary']);
    expect(r.code).toBe(0);
    // Checking one other file with the whole baseline: the entries of files not checked are not stale.
    const one = hefa(['check', 'demo/决策-城区供水价格调整方案.yaml', ...AS_OF, '--baseline', 'b.json'], dir);
    expect([one.code, one.stderr]).toEqual([0, '']);
    // Refreshing the baseline drops the stale entry.
    const refresh = hefa(['check', 'demo', ...AS_OF, '--baseline', 'b.json', '--write-baseline', 'b.json'], dir);
    expect(refresh.code).toBe(0);
    expect(refresh.stderr).toContain('structure-article-sequence；新写入的基线不再包含它们\n提示：已写入基线 b.json（');
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).not.toContain('structure-article-sequence');
    expect(hefa(['check', 'demo', ...AS_OF, '--baseline', 'b.json'], dir)).toMatchObject({ code: 0, stderr: '' });
  });

  it('counts: two recorded findings of the same text and three now — the last by position is new', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `第${'一二三四五'[i]}条　违者处五百元罚款。`).join('\n\n');
    const doc = (n: number) => `---\n标题: 夹江县某管理办法\n类型: 行政规范性文件\n状态: 送审稿\n---\n\n${body(n)}\n`;
    const dir = folder({ 'a.md': doc(2) });
    expect(hefa(['check', '.', ...AS_OF, '--rule', 'normative-no-penalty', '--write-baseline', 'b.json'], dir).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).findings).toEqual([
      { path: 'a.md', ruleId: 'normative-no-penalty', fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/), count: 2 },
    ]);
    writeFileSync(join(dir, 'a.md'), doc(3));
    const { report } = json(['.', '--rule', 'normative-no-penalty', '--baseline', 'b.json'], dir);
    expect(rows(report)).toEqual(['a.md:7 normative-no-penalty [baseline] 基线中已有', 'a.md:9 normative-no-penalty [baseline] 基线中已有', 'a.md:11 normative-no-penalty -']);
  });

  it('--write-baseline on some files keeps the entries of the others; the file is byte-stable', () => {
    const dir = workspace();
    cpSync(join(ROOT, 'fixtures', 'demo'), join(dir, 'demo'), { recursive: true });
    expect(hefa(['check', 'demo', ...AS_OF, '--write-baseline', 'b.json'], dir).code).toBe(0);
    const full = readFileSync(join(dir, 'b.json'), 'utf8');
    expect(hefa(['check', 'demo/决策-城区供水价格调整方案.yaml', ...AS_OF, '--write-baseline', 'b.json'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(full);
    expect(hefa(['check', 'demo', ...AS_OF, '--baseline', 'b.json', '--write-baseline', 'b.json'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(full);
  });

  it('a missing or broken baseline is exit 2 before anything is checked, with file:line:col', () => {
    const dir = folder({ 'a.md': '# 标题\n', 'bad.json': '{\n  "version": 1,\n  "findings": [,]\n}\n', 'old.json': '{"version": 0, "findings": []}' });
    const missing = hefa(['check', '.', '--baseline', 'none.json'], dir);
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([2, '', 'hefa: 基线文件有误：\nnone.json: 无法读取基线文件：文件不存在（可先用 --write-baseline 生成）\n']);
    const bad = hefa(['check', '.', '--baseline', 'bad.json'], dir);
    expect([bad.code, bad.stderr]).toEqual([2, 'hefa: 基线文件有误：\nbad.json:3:16: JSON 语法错误；应为 hefa --write-baseline 写出的基线文件；实际为 “,”\n']);
    const old = hefa(['check', '.', '--write-baseline', 'old.json'], dir);
    expect([old.code, old.stderr]).toEqual([2, 'hefa: 基线文件有误：\nold.json:1:13: 基线文件的版本不正确；应为 1；实际为 0\n']);
  });
});
