/**
 * The citation check kind (rules.md §6) end to end: severity by version date, the finding data
 * `hefa audit` reads, the traps, documents that have stopped applying, article counts, short names,
 * and local entries from config `laws:`.
 */
import { describe, expect, it } from 'vitest';
import { brief, county, docSet, findingsOf, lintSet } from '../helpers/doc-set.js';

const CONTRACT = '第一条　有《中华人民共和国合同法》第五十二条规定情形之一的，合同无效。\n\n第二条　本办法自{d}起施行，有效期5年。';

describe('citation-repealed: severity by when the text was written', () => {
  it('error when the law had stopped before the version date, with the data contract and the repealing article first', async () => {
    const dir = docSet({ 'a.md': county({ published: '2022-03-15', body: CONTRACT.replace('{d}', '2022年5月1日') }) });
    const [f] = findingsOf(await lintSet(dir, ['citation-repealed']), 'citation-repealed');
    expect(f).toMatchObject({ severity: 'error', line: 11, column: 6 });
    expect(f!.data).toEqual({ law: '中华人民共和国合同法', successor: '中华人民共和国民法典', stoppedOn: '2021-01-01' });
    expect(f!.message).toBe(
      '发现引用已废止的《中华人民共和国合同法》（自2021-01-01起由《中华人民共和国民法典》第一千二百六十条废止）：应改为引用《中华人民共和国民法典》的相应规定',
    );
    expect(f!.basis.map((b) => `${b.title}${b.article ?? ''}`)).toEqual(['中华人民共和国民法典第一千二百六十条', '中华人民共和国立法法第一百一十六条']);
  });

  it('warning when it stopped later: the document now needs revision', async () => {
    const dir = docSet({ 'a.md': county({ published: '2019-03-15', body: CONTRACT.replace('{d}', '2019年5月1日').replace('有效期5年', '有效期10年') }) });
    const [f] = findingsOf(await lintSet(dir, ['citation-repealed']), 'citation-repealed');
    expect(f!.severity).toBe('warning');
    expect(f!.message).toMatch(/（本文件制定后，自2021-01-01起由《中华人民共和国民法典》第一千二百六十条废止）/);
  });

  it('the version date is the latest 修订/修正 date: an amendment that kept the old citation is an error', async () => {
    const text = '# 夹江县城区摊点管理办法\n\n（2015年3月1日夹江县人民政府印发　2022年6月1日修订）\n\n第一条　违反治安管理的，依照《中华人民共和国治安管理处罚条例》处罚。\n';
    const dir = docSet({ 'a.md': text });
    expect(brief(await lintSet(dir, ['citation-repealed']))).toEqual(['a.md:5 citation-repealed error']);
  });

  it('an undated archived text: warning (when it was written is unknown); a declared draft is written now: error', async () => {
    const archived = '# 夹江县城区摊点管理办法\n\n第一条　有《中华人民共和国合同法》第五十二条规定情形之一的，合同无效。\n';
    const draft = county({ status: '草案', body: '第一条　有《中华人民共和国合同法》第五十二条规定情形之一的，合同无效。' });
    const dir = docSet({ 'archived.md': archived, 'draft.md': draft });
    expect(brief(await lintSet(dir, ['citation-repealed']))).toEqual(['archived.md:3 citation-repealed warning', 'draft.md:10 citation-repealed error']);
  });

  it('names the repealed law as the document’s own basis', async () => {
    const body = '第一条　为了规范农村土地承包经营权流转，根据《中华人民共和国物权法》《中华人民共和国农村土地承包法》等法律，结合本县实际，制定本办法。\n\n第二条　本办法自2022年8月1日起施行，有效期5年。';
    const dir = docSet({ 'a.md': county({ published: '2022-06-18', body }) });
    const [f] = findingsOf(await lintSet(dir, ['citation-repealed']), 'citation-repealed');
    expect(f!.message).toBe(
      '发现以已废止的《中华人民共和国物权法》作为制定依据（自2021-01-01起由《中华人民共和国民法典》第一千二百六十条废止）：制定依据已不存在，应依据《中华人民共和国民法典》重新审查本文件',
    );
  });

  it('a law that stops applying only after --as-of is not reported yet', async () => {
    const body = '第一条　增值税的征收，依照《中华人民共和国增值税暂行条例》执行。\n\n第二条　本办法自2025年3月1日起施行，有效期5年。';
    const dir = docSet({ 'a.md': county({ published: '2025-02-01', body }) });
    expect(brief(await lintSet(dir, ['citation-repealed'], { asOf: '2025-12-31' }))).toEqual([]);
    expect(brief(await lintSet(dir, ['citation-repealed'], { asOf: '2026-01-01' }))).toEqual(['a.md:11 citation-repealed warning']);
  });
});

describe('citation-repealed: what is not a live citation', () => {
  const body = (line: string): string => `第一条　${line}\n\n第二条　本办法自2023年5月1日起施行，有效期5年。`;
  const cases: [string, string][] = [
    ['the repeal clause itself', '本办法施行后，《中华人民共和国合同法》同时废止。'],
    ['原《…》', '依照原《中华人民共和国合同法》订立、尚在履行期限内的合同，按照本办法清理。'],
    ['《…》施行前', '《中华人民共和国物权法》施行前已经办理登记的土地承包经营权，继续有效。'],
    ['《…》公布前', '1998年6月26日《中华人民共和国执业医师法》公布前取得卫生专业技术职务的人员，按照有关规定认定。'],
    ['依据《…》设立（并保留…）的, titles without 、', '对依据《中华人民共和国中外合资经营企业法》《中华人民共和国外资企业法》设立并保留原企业组织形式的企业，提供指导。'],
  ];
  it.each(cases)('%s', async (_name, line) => {
    const dir = docSet({ 'a.md': county({ published: '2023-03-15', body: body(line) }) });
    expect(brief(await lintSet(dir, ['citation-repealed']))).toEqual([]);
  });

  it('the document’s own title (最高人民法院关于适用《…合同法》…的解释) is not a citation; its text is', async () => {
    const text = '# 最高人民法院关于适用《中华人民共和国合同法》若干问题的解释（三）\n\n2020年1月2日公布\n\n第一条　根据《中华人民共和国合同法》的规定，制定本解释。\n';
    const dir = docSet({ 'a.md': text });
    expect(brief(await lintSet(dir, ['citation-repealed']))).toEqual(['a.md:5 citation-repealed warning']);
  });

  it('a document that has itself stopped applying: marked, expired, or itself a repealed instrument of the table', async () => {
    const cite = '第一条　根据《中华人民共和国外资企业法》的规定，制定本实施细则。';
    const dir = docSet({
      'marked.md': county({ status: '已废止', published: '2019-03-15', body: cite }),
      'expired.md': county({ published: '2018-03-15', body: `${cite}\n\n第二条　本细则自2018年5月1日起施行，有效期5年。` }),
      'rules.md': '# 中华人民共和国外资企业法实施细则\n\n2014年2月19日修订\n\n' + cite + '\n',
      'successor.md': '# 中华人民共和国外商投资法\n\n2019年3月15日通过\n\n第一条　本法施行前依照《中华人民共和国外资企业法》批准的事项，继续有效。\n\n第二条　《中华人民共和国外资企业法》所附清单中的事项，按照国家有关规定办理。\n',
    });
    expect(brief(await lintSet(dir, ['citation-repealed']))).toEqual([]);
  });

  it('a title a new instrument took over (国家安全法): the new one for texts of 2015-07-01 or later', async () => {
    const body = '第一条　根据《中华人民共和国国家安全法》，制定本办法。\n\n第二条　本办法自{d}起施行。';
    const dir = docSet({
      'old.md': county({ published: '2015-03-01', body: body.replace('{d}', '2015年3月1日') }),
      'new.md': county({ published: '2018-04-15', body: body.replace('{d}', '2018年4月15日') }),
    });
    expect(brief(await lintSet(dir, ['citation-repealed']))).toEqual(['old.md:11 citation-repealed error']);
  });
});

describe('citation-repealed with local entries (config `laws:`)', () => {
  it('reports a repealed local document; without a date, a warning with an empty stoppedOn', async () => {
    const dir = docSet(
      {
        'laws-local.yaml': '- title: 夹江县养犬管理暂行办法\n  status: 已废止\n  successor: 夹江县养犬管理办法\n',
        'a.md': county({ published: '2025-03-03', body: '第一条　犬只收容依照《夹江县养犬管理暂行办法》执行。\n\n第二条　本规定自2025年4月1日起施行，有效期5年。' }),
      },
      'extends: [hefa:recommended]\nlaws: ./laws-local.yaml\nignore: [laws-local.yaml]\n',
    );
    const [f] = findingsOf(await lintSet(dir, ['citation-repealed']), 'citation-repealed');
    expect(f).toMatchObject({ path: 'a.md', severity: 'warning' });
    expect(f!.data).toEqual({ law: '夹江县养犬管理暂行办法', successor: '夹江县养犬管理办法', stoppedOn: '' });
    expect(f!.message).toBe('发现引用已废止的《夹江县养犬管理暂行办法》（已废止）：应改为引用《夹江县养犬管理办法》的相应规定');
  });

  it('a broken local table stops the run with LawTableError (file:line:col)', async () => {
    const dir = docSet({ 'laws-local.yaml': '- title: 甲\n  status: 作废\n' }, 'laws: ./laws-local.yaml\n');
    await expect(lintSet(dir, ['citation-repealed'])).rejects.toThrowError(/laws-local\.yaml:2:11: status 无效/);
  });
});

describe('citation-article-range', () => {
  it('reports 第N条 beyond the current count, with the count and its version; not 原《…》', async () => {
    const body =
      '第一条　依照《中华人民共和国城乡规划法》第六十五条、《中华人民共和国城乡规划法》第七十五条的规定处理。\n\n' +
      '第二条　依照原《中华人民共和国行政复议法》第九十五条受理的案件，按照本办法处理。\n\n第三条　本办法自2023年8月1日起施行，有效期5年。';
    const dir = docSet({ 'a.md': county({ published: '2023-06-20', body }) });
    const found = findingsOf(await lintSet(dir, ['citation-article-range']), 'citation-article-range');
    expect(found.map((f) => `${f.line} ${f.message}`)).toEqual([
      '11 发现《中华人民共和国城乡规划法》第七十五条超出该法现行文本的条数（共70条，2019-04-23文本）：可能是修订前的条文序号，应核对后改为现行条文',
    ]);
  });
});

describe('citation-short-name', () => {
  it('once per law and document; not for a defined short name or a title without 中华人民共和国', async () => {
    const body =
      '第一条　根据《行政处罚法》《中华人民共和国行政许可法》（以下简称《行政许可法》）《城市绿化条例》，制定本办法。\n\n' +
      '第二条　依照《行政处罚法》第四十八条、《行政许可法》第四十条的规定公示。\n\n第三条　本办法自2023年10月1日起施行，有效期5年。';
    const dir = docSet({ 'a.md': county({ published: '2023-09-01', body }) });
    const found = findingsOf(await lintSet(dir, ['citation-short-name']), 'citation-short-name');
    expect(found.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      '11:7 info 发现《行政处罚法》未使用全称：引用法律、行政法规应当使用全称《中华人民共和国行政处罚法》',
    ]);
  });

  it('is not in the recommended preset', async () => {
    const dir = docSet({ 'a.md': county({ published: '2023-09-01', body: '第一条　根据《行政处罚法》，制定本办法。' }) }, 'extends: [hefa:recommended]\n');
    const session = (await import('../../src/lint.js')).openSession({ cwd: dir, asOf: '2026-11-29' });
    const result = await (await import('../../src/lint.js')).lint(['.'], session);
    expect(findingsOf(result, 'citation-short-name')).toEqual([]);
  });
});
