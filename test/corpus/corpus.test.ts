/**
 * The corpus phase (rules.md §8): compact per-file summaries, the index over a run's set, the three
 * cross-document rules with the finding data `hefa audit` reads, per-file settings, and results that
 * do not depend on the order the files were read in.
 */
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/document/build.js';
import { addCorpusFindings, buildCorpusIndex, numberKey, summarizeForCorpus } from '../../src/corpus/index.js';
import { BUILTIN_RULES_DIR, loadRules } from '../../src/rules/load.js';
import { prepareRules } from '../../src/rules/runner.js';
import { testEnv } from '../helpers/run-env.js';
import type { CorpusSummary, FileResult, Severity } from '../../src/types.js';
import { brief, county, docSet, findingsOf, lintSet } from '../helpers/doc-set.js';

const RULES = loadRules([BUILTIN_RULES_DIR]);
const CORPUS_RULES = ['corpus-duplicate-number', 'corpus-repealed-in-force', 'corpus-cites-invalid'];

const NEW = county({
  title: '夹江县养犬管理办法',
  number: '夹府规〔2024〕2号',
  published: '2024-05-20',
  body: '第一条　本办法自2024年7月1日起施行，有效期5年。2019年5月8日印发的《夹江县养犬管理暂行办法》（夹府规〔2019〕1号）同时废止。',
});
const OLD = county({
  title: '夹江县养犬管理暂行办法',
  number: '夹府规〔2019〕1号',
  published: '2019-05-08',
  body: '第一条　本办法自2019年6月1日起施行，有效期10年。',
});
const CITING = county({
  title: '夹江县犬只收容管理规定',
  number: '夹农规〔2025〕1号',
  published: '2025-03-03',
  body: '第一条　根据《夹江县养犬管理暂行办法》（夹府规〔2019〕1号），制定本规定。\n\n第二条　收容犬只按照夹府规〔2019〕1号文件执行。\n\n第三条　本规定自2025年4月1日起施行，有效期5年。',
});

describe('summaries', () => {
  it('keep plain data: title keys, 文号, dates, repeal clauses and references with positions and traps', () => {
    const s = summarizeForCorpus(buildDocument('new.md', NEW), RULES);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(s).toMatchObject({
      path: 'new.md',
      title: '夹江县养犬管理办法',
      titleKeys: ['夹江县养犬管理办法'],
      docNumber: { key: '夹府规〔2024〕2号', raw: '夹府规〔2024〕2号' },
      status: '已公布',
      publishedOn: '2024-05-20',
      validUntil: '2029-06-30',
      repeals: [{ titles: ['夹江县养犬管理暂行办法'], numbers: ['夹府规〔2019〕1号'] }],
    });
    // The repeal clause's citation is a trap, and its 文号 belongs to that citation.
    expect(s.refs).toEqual([
      { title: '夹江县养犬管理暂行办法', titleText: '夹江县养犬管理暂行办法', number: '夹府规〔2019〕1号', numberText: '夹府规〔2019〕1号', pos: expect.anything(), trap: 'repeal-clause' },
    ]);
    expect([...s.applies].sort()).toEqual(CORPUS_RULES.slice().sort());
  });

  it('a 文号 after a title joins that reference; one standing alone is its own', () => {
    const s = summarizeForCorpus(buildDocument('c.md', CITING), RULES);
    expect(s.refs.map((r) => [r.title ?? null, r.number ?? null, r.pos.line])).toEqual([
      ['夹江县养犬管理暂行办法', '夹府规〔2019〕1号', 12],
      [null, '夹府规〔2019〕1号', 14],
    ]);
  });

  it('文号 written with other brackets, 第 or full-width digits are one key', () => {
    expect(numberKey('夹府规[2019]1号')).toBe('夹府规〔2019〕1号');
    expect(numberKey('夹府规（2019）第1号')).toBe('夹府规〔2019〕1号');
    expect(numberKey('夹府规〔２０１９〕１号')).toBe('夹府规〔2019〕1号');
  });
});

describe('the three rules, with the finding data audit reads', () => {
  it('corpus-repealed-in-force {repealedBy} and corpus-cites-invalid {target, targetStatus}', async () => {
    const dir = docSet({ 'new.md': NEW, 'old.md': OLD, 'citing.md': CITING });
    const result = await lintSet(dir, CORPUS_RULES);
    const [repealed] = findingsOf(result, 'corpus-repealed-in-force');
    expect(repealed).toMatchObject({ path: 'old.md', severity: 'warning', line: 2, data: { repealedBy: 'new.md' } });
    expect(repealed!.related).toEqual([{ path: 'new.md', line: 12, column: 28, message: '废止条款' }]);
    expect(repealed!.message).toBe('发现本文件已被《夹江县养犬管理办法》（new.md）宣布废止，却未标注为已废止：应将状态改为“已废止”并停止执行');
    const cites = findingsOf(result, 'corpus-cites-invalid');
    expect(cites.map((f) => `${f.path}:${f.line} ${JSON.stringify(f.data)}`)).toEqual([
      'citing.md:12 {"target":"old.md","targetStatus":"已废止"}',
      'citing.md:14 {"target":"old.md","targetStatus":"已废止"}',
    ]);
    expect(cites[0]!.message).toBe('发现引用已废止的《夹江县养犬管理暂行办法》（old.md）：应改为引用现行有效的文件，或删除该引用');
    expect(cites[0]!.related).toEqual([{ path: 'old.md', line: 2, column: 5 }]);
    // The repealing document names the old one only in its repeal clause.
    expect(findingsOf(result, 'corpus-cites-invalid').filter((f) => f.path === 'new.md')).toEqual([]);
  });

  it('corpus-duplicate-number {docNumber} on each document, related to the others', async () => {
    const a = county({ title: '夹江县城区公共绿地认建认养管理办法', number: '夹府规〔2023〕3号', published: '2023-06-12', body: '第一条　本办法自2023年7月1日起施行。' });
    const b = county({ title: '夹江县城区门前责任区管理办法', number: '夹府规[2023]3号', published: '2023-07-10', body: '第一条　本办法自2023年8月1日起施行。' });
    const result = await lintSet(docSet({ 'a.md': a, 'b.md': b }), CORPUS_RULES);
    const found = findingsOf(result, 'corpus-duplicate-number');
    expect(found.map((f) => [f.path, f.severity, f.data, f.related.map((r) => r.path)])).toEqual([
      ['a.md', 'error', { docNumber: '夹府规〔2023〕3号' }, ['b.md']],
      ['b.md', 'error', { docNumber: '夹府规〔2023〕3号' }, ['a.md']],
    ]);
  });

  it('an expired target: targetStatus 已到期; a target marked 已失效: 已失效', async () => {
    const expired = county({ title: '夹江县城区摊点摊位管理办法', published: '2018-02-05', body: '第一条　本办法自2018年3月1日起施行，有效期5年。' });
    const lapsed = county({ title: '夹江县城区夜市管理办法', status: '已失效', published: '2019-02-05', body: '第一条　本办法自2019年3月1日起施行。' });
    const citing = county({
      title: '夹江县城区夜间经济街区管理办法',
      published: '2024-04-10',
      body: '第一条　摊点按照《夹江县城区摊点摊位管理办法》执行，夜市按照《夹江县城区夜市管理办法》执行。\n\n第二条　本办法自2024年5月1日起施行，有效期5年。',
    });
    const result = await lintSet(docSet({ 'expired.md': expired, 'lapsed.md': lapsed, 'citing.md': citing }), CORPUS_RULES);
    expect(findingsOf(result, 'corpus-cites-invalid').map((f) => f.data)).toEqual([
      { target: 'expired.md', targetStatus: '已到期' },
      { target: 'lapsed.md', targetStatus: '已失效' },
    ]);
  });
});

describe('settings per file and order independence', () => {
  it('a corpus finding on file F uses F’s settings (overrides)', async () => {
    const config = [
      'extends: [hefa:recommended]',
      'overrides:',
      '  - files: ["archive/**"]',
      '    rules: {corpus-repealed-in-force: off}',
      '  - files: ["current/**"]',
      '    rules: {corpus-cites-invalid: {severity: error}}',
      '',
    ].join('\n');
    const dir = docSet({ 'current/new.md': NEW, 'archive/old.md': OLD, 'current/citing.md': CITING }, config);
    const result = await lintSet(dir, [], {});
    expect(brief(result).filter((l) => /corpus-/.test(l))).toEqual([
      'current/citing.md:12 corpus-cites-invalid error',
      'current/citing.md:14 corpus-cites-invalid error',
    ]);
  });

  it('the same findings whatever order the files were read in', () => {
    const docs = [buildDocument('new.md', NEW), buildDocument('old.md', OLD), buildDocument('citing.md', CITING)];
    const env = testEnv();
    const enabled = prepareRules(
      RULES.filter((r) => CORPUS_RULES.includes(r.id)),
      new Map(CORPUS_RULES.map((id) => [id, { severity: RULES.find((r) => r.id === id)!.severity as Severity, options: {} }])),
    );
    const run = (order: number[]): string[] => {
      const summaries: CorpusSummary[] = order.map((i) => summarizeForCorpus(docs[i]!, RULES));
      const results: FileResult[] = order.map((i) => ({ path: docs[i]!.path, document: null, findings: [] }));
      addCorpusFindings(results, summaries, () => enabled, env);
      return results
        .flatMap((r) => r.findings.map((f) => `${r.path}:${f.line}:${f.column} ${f.ruleId} ${JSON.stringify(f.data)} ${JSON.stringify(f.related)}`))
        .sort();
    };
    const first = run([0, 1, 2]);
    expect(first).toHaveLength(3);
    for (const order of [[2, 1, 0], [1, 2, 0], [1, 0, 2]]) expect(run(order)).toEqual(first);
  });

  it('two copies of one text that repeals an older version of its own title are not repealed by each other', async () => {
    const body = '第六十八条　本条例自2002年2月1日起施行。1996年6月19日国务院发布的《电影管理条例》同时废止。\n';
    const header = '# 电影管理条例\n\n2001年12月12日 国务院第50次常务会议通过\n\n2001年12月25日 中华人民共和国国务院令第342号公布\n\n';
    const dir = docSet({
      'lrb/电影管理条例.md': header + body,
      'db/电影管理条例.md': '---\ntitle: 电影管理条例\npublish_date: 2001-12-12\n---\n' + header + body,
    });
    expect(findingsOf(await lintSet(dir, CORPUS_RULES), 'corpus-repealed-in-force')).toEqual([]);
  });

  it('the index: a repeal takes effect on the repealing document’s 施行日期, and only drafts are left out', () => {
    const s = (path: string, text: string): CorpusSummary => summarizeForCorpus(buildDocument(path, text), RULES);
    const future = NEW.replace('2024年7月1日', '2027年1月1日');
    const idx = (asOf: string, repealing: string) => {
      const docs = [s('new.md', repealing), s('old.md', OLD)];
      const index = buildCorpusIndex(docs, asOf);
      return index.stateOf(index.docs.find((d) => d.path === 'old.md')!).state;
    };
    expect(idx('2026-11-29', NEW)).toBe('已废止');
    expect(idx('2026-11-29', future)).toBe('有效');
    expect(idx('2027-01-01', future)).toBe('已废止');
    expect(idx('2026-11-29', NEW.replace('状态: 已公布', '状态: 送审稿'))).toBe('有效');
  });
});
