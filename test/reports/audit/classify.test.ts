/**
 * The cleanup audit's classification (product.md §4.2): every status, every recommendation, the
 * boundaries of 即将到期, the scope of recommendations, the totals and the corpus lists.
 */
import { describe, expect, it } from 'vitest';
import { classify, validityStatus } from '../../../src/reports/audit/classify.js';
import { AS_OF, file, finding, result } from './helpers.js';

const one = (f: ReturnType<typeof file>, opts: { warnBeforeDays?: number; recordRules?: Set<string> } = {}) =>
  classify(result(f), { asOf: AS_OF, ...opts }).documents[0]!;

describe('validityStatus', () => {
  it.each([
    [null, '未定有效期'],
    ['2026-11-28', '已到期'], // the day before the as-of date: expired
    ['2026-11-29', '即将到期'], // the end date is the last day in force
    ['2027-05-28', '即将到期'], // as-of + 180: still within
    ['2027-05-29', '有效'], // as-of + 181
  ] as const)('%s → %s', (until, status) => {
    expect(validityStatus(until, AS_OF, 180)).toBe(status);
  });

  it('takes validity.warnBeforeDays from the options', () => {
    const d = file('a.md', { validUntil: '2027-01-28' }); // 60 days after the as-of date
    expect(one(d).status).toBe('即将到期');
    expect(one(d, { warnBeforeDays: 30 }).status).toBe('有效');
    expect(one(d, { warnBeforeDays: 60 }).status).toBe('即将到期');
  });
});

describe('status and recommendation', () => {
  it('有效 → 继续有效, no reason', () => {
    const d = one(file('a.md'));
    expect([d.status, d.recommendation, d.reasons, d.needsAction]).toEqual(['有效', '继续有效', [], false]);
    expect(d.daysLeft).toBe(1309);
  });

  it('即将到期 → 继续有效, saying when and how many days are left; listed for action', () => {
    const d = one(file('a.md', { validUntil: '2027-03-31' }));
    expect(d.status).toBe('即将到期');
    expect(d.recommendation).toBe('继续有效');
    expect(d.reasons).toEqual(['有效期至2027-03-31，剩余122天，届满前应评估是否继续施行']);
    expect(d.needsAction).toBe(true);
  });

  it('已到期 → 宣布失效 with 有效期至 as the reason', () => {
    const d = one(file('a.md', { validUntil: '2023-02-28' }, [finding('validity-expired', { data: { validUntil: '2023-02-28' } })]));
    expect([d.status, d.recommendation, d.reasons]).toEqual(['已到期', '宣布失效', ['有效期至2023-02-28']]);
    expect(d.daysLeft).toBe(-1370);
    expect(d.needsAction).toBe(true);
  });

  it('已废止 / 已失效 in the record → 已废止, no recommendation', () => {
    for (const status of ['已废止', '已失效'] as const) {
      const d = one(file('a.md', { status, validUntil: '2023-02-28' }));
      expect(d.status).toBe('已废止');
      expect(d.recommendation).toBeNull();
      expect(d.reasons).toEqual([`已标注为${status}，无需清理`]);
    }
  });

  it('repealed by another document of the set but marked in force → 已废止, 宣布失效', () => {
    const r = classify(
      result(
        file('新.md', { title: '夹江县城区门前责任区管理办法' }),
        file('旧.md', { title: '夹江县城区门前三包管理办法', validUntil: null }, [
          finding('corpus-repealed-in-force', { data: { repealedBy: '新.md' }, related: [{ path: '新.md', line: 12, column: 1 }] }, 'warning'),
        ]),
      ),
      { asOf: AS_OF },
    );
    const d = r.documents[1]!;
    expect([d.status, d.recommendation]).toEqual(['已废止', '宣布失效']);
    expect(d.reasons).toEqual(['已被《夹江县城区门前责任区管理办法》废止，但仍标注为有效']);
    expect(r.corpus.repealedInForce).toEqual([
      { path: '旧.md', title: '夹江县城区门前三包管理办法', repealedBy: '新.md', repealedByTitle: '夹江县城区门前责任区管理办法', line: 12 },
    ]);
  });

  it('未定有效期 → 继续有效', () => {
    const d = one(file('a.md', { validUntil: null }, [finding('validity-missing', {}, 'warning')]));
    expect([d.status, d.recommendation, d.reasons]).toEqual(['未定有效期', '继续有效', []]);
  });

  it('cites a repealed law → 修改, naming the successor', () => {
    const d = one(
      file('a.md', {}, [
        finding('citation-repealed', { line: 5, data: { law: '中华人民共和国合同法', successor: '中华人民共和国民法典', stoppedOn: '2021-01-01' } }, 'warning'),
        finding('citation-repealed', { line: 9, data: { law: '中华人民共和国合同法' } }, 'warning'),
        finding('citation-repealed', { line: 11, data: { law: '城市房屋拆迁管理条例', successor: '', stoppedOn: '2011-01-21' } }, 'warning'),
      ]),
    );
    expect(d.recommendation).toBe('修改');
    expect(d.reasons).toEqual([
      '引用已废止的《中华人民共和国合同法》（已由《中华人民共和国民法典》取代）',
      '引用已废止的《城市房屋拆迁管理条例》（已于2011-01-21停止施行）',
    ]);
    expect(d.repealedCitations).toEqual([
      { law: '中华人民共和国合同法', line: 5, successor: '中华人民共和国民法典' },
      { law: '中华人民共和国合同法', line: 9, successor: null },
      { law: '城市房屋拆迁管理条例', line: 11, successor: null },
    ]);
    expect(d.needsAction).toBe(true);
  });

  it('cites a document of the set that is repealed or expired → 修改', () => {
    const r = classify(
      result(
        file('引用.md', { title: '夹江县犬只狂犬病免疫管理规定' }, [
          finding('corpus-cites-invalid', { line: 7, data: { target: '养犬.md', targetStatus: '已到期' } }, 'warning'),
        ]),
        file('养犬.md', { title: '夹江县城区养犬管理办法', validUntil: '2023-02-28' }),
      ),
      { asOf: AS_OF },
    );
    const d = r.documents[0]!;
    expect([d.recommendation, d.reasons]).toEqual(['修改', ['引用已到期的《夹江县城区养犬管理办法》']]);
    expect(r.corpus.citesInvalid).toEqual([
      { path: '引用.md', title: '夹江县犬只狂犬病免疫管理规定', line: 7, target: '养犬.md', targetTitle: '夹江县城区养犬管理办法', targetStatus: '已到期' },
    ]);
  });

  it('an error in the text → 修改, one reason per rule with how many places', () => {
    const d = one(
      file('a.md', {}, [
        finding('normative-no-penalty', { message: '发现“处五百元罚款”：规范性文件不得设定行政处罚' }),
        finding('normative-no-penalty', { message: '发现“处一千元罚款”：规范性文件不得设定行政处罚' }),
        finding('normative-no-licensing', { message: '发现“须经批准”：规范性文件不得设定行政许可' }),
      ]),
    );
    expect(d.recommendation).toBe('修改');
    expect(d.reasons).toEqual(['发现“处五百元罚款”：规范性文件不得设定行政处罚（共2处）', '发现“须经批准”：规范性文件不得设定行政许可']);
  });

  it('warnings, engine diagnostics, procedure-record rules, duplicate 文号 and suppressed errors never make 修改', () => {
    const d = one(
      file('a.md', {}, [
        finding('structure-article-sequence', {}, 'warning'),
        finding('parse-error'),
        finding('meta-bad-date'),
        finding('normative-legality-review'),
        finding('filing-superior'),
        finding('corpus-duplicate-number', { data: { docNumber: '夹府规〔2025〕3号' } }),
        finding('normative-no-penalty', { suppressed: { kind: 'directive', reason: '转述上位法' } }),
      ]),
      { recordRules: new Set(['normative-legality-review', 'filing-superior']) },
    );
    expect([d.recommendation, d.reasons]).toEqual(['继续有效', []]);
    expect(d.counts).toEqual({ errors: 5, warnings: 1, infos: 0 });
  });

  it('expired wins over amending: the document is declared invalid, not amended', () => {
    const d = one(file('a.md', { validUntil: '2023-02-28' }, [finding('citation-repealed', { data: { law: '中华人民共和国合同法', successor: '中华人民共和国民法典' } })]));
    expect([d.recommendation, d.reasons]).toEqual(['宣布失效', ['有效期至2023-02-28']]);
    expect(d.repealedCitations).toHaveLength(1);
  });
});

describe('scope of recommendations', () => {
  it.each(['法律', '行政法规', '地方性法规', '规章', '司法解释', '重大行政决策'] as const)('%s: classified, no recommendation', (kind) => {
    const d = one(file('a.md', { kind, validUntil: '2023-02-28' }));
    expect(d.status).toBe('已到期');
    expect(d.recommendation).toBeNull();
    expect(d.reasons).toEqual([`${kind}不在规范性文件清理范围内，不作建议`]);
    expect(d.needsAction).toBe(false);
  });

  it('其他: recommended like a normative document', () => {
    expect(one(file('a.md', { kind: '其他', validUntil: '2023-02-28' })).recommendation).toBe('宣布失效');
  });

  it('a draft: no recommendation', () => {
    const d = one(file('a.md', { status: '送审稿' }));
    expect([d.recommendation, d.reasons]).toEqual([null, ['尚未公布（送审稿），不作建议']]);
  });

  it('an unreadable input: no status, no recommendation, the reason says why', () => {
    const d = one(file('坏.md', null, [finding('read-error', { message: '文件为空' })]));
    expect(d).toMatchObject({ title: null, kind: null, status: null, recommendation: null, reasons: ['无法读取：文件为空'] });
  });
});

describe('totals and corpus lists', () => {
  const r = classify(
    result(
      file('a.md', { issuer: '夹江县人民政府', publishedOn: '2020-03-01' }, [finding('corpus-duplicate-number', { data: { docNumber: '夹府规〔2020〕3号' }, related: [{ path: 'b.md', line: 3, column: 1 }] })]),
      file('b.md', { issuer: '夹江县教育局', publishedOn: '2019-05-01', validUntil: '2023-01-01' }, [finding('corpus-duplicate-number', { data: { docNumber: '夹府规〔2020〕3号' }, related: [{ path: 'a.md', line: 3, column: 1 }] })]),
      file('c.md', { issuer: '夹江县人民政府', publishedOn: null, kind: '法律', validUntil: null }),
      file('d.md', null, [finding('read-error')]),
    ),
    { asOf: AS_OF },
  );

  it('counts by status (every status, fixed order), kind, issuer (most first) and year (ascending, 未知 last)', () => {
    expect(r.totals.byStatus).toEqual({ 有效: 1, 即将到期: 0, 已到期: 1, 已废止: 0, 未定有效期: 1 });
    expect(Object.keys(r.totals.byStatus)).toEqual(['有效', '即将到期', '已到期', '已废止', '未定有效期']);
    expect(r.totals.byKind).toEqual({ 法律: 1, 行政规范性文件: 2 });
    expect(Object.entries(r.totals.byIssuer)).toEqual([['夹江县人民政府', 2], ['夹江县教育局', 1]]);
    expect(Object.entries(r.totals.byYear)).toEqual([['2019', 1], ['2020', 1], ['未知', 1]]);
    expect(r.byRecommendation).toEqual({ 继续有效: 1, 修改: 0, 废止: 0, 宣布失效: 1, 不作建议: 1 });
    expect(r.unreadable).toBe(1);
  });

  it('groups duplicate 文号 with every document carrying it', () => {
    expect(r.corpus.duplicateNumbers).toEqual([{ docNumber: '夹府规〔2020〕3号', paths: ['a.md', 'b.md'] }]);
  });
});
