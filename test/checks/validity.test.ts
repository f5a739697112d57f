/**
 * The validity check kind (rules.md §5) end to end: the end date (product.md §5.2), the finding data
 * `hefa audit` reads ({validUntil}), the messages, the parameters and the presets.
 */
import { describe, expect, it } from 'vitest';
import { county, docSet, findingsOf, lintSet } from '../helpers/doc-set.js';

const ALL = ['validity-missing', 'validity-too-long', 'validity-expired', 'validity-expiring'];

describe('validity', () => {
  it('expired: the end date, data {validUntil}, and the message', async () => {
    const dir = docSet({ 'a.md': county({ published: '2018-02-05', body: '第一条　本办法自2018年3月1日起施行，有效期5年。' }) });
    const result = await lintSet(dir, ALL);
    const [f] = findingsOf(result, 'validity-expired');
    expect(result.files[0]!.document!.validUntil).toBe('2023-02-28');
    expect(f).toMatchObject({ severity: 'error', line: 11, data: { validUntil: '2023-02-28' } });
    expect(f!.message).toBe('发现有效期已于2023-02-28届满：应当宣布失效或废止，需要继续施行的应当评估后重新公布');
    expect(findingsOf(result, 'validity-expiring')).toEqual([]);
  });

  it('expiring: days left, data {validUntil}; the day itself still counts as in force', async () => {
    const dir = docSet({
      'a.md': county({ published: '2022-03-10', body: '第一条　本办法自2022年4月1日起施行，有效期5年。' }),
      'b.md': county({ published: '2021-11-01', extra: '施行日期: 2021-11-30\n有效期至: 2026-11-29', body: '第一条　本办法自2021年11月30日起施行。' }),
    });
    const result = await lintSet(dir, ALL);
    expect(findingsOf(result, 'validity-expired')).toEqual([]);
    expect(findingsOf(result, 'validity-expiring').map((f) => `${f.path} ${f.message} ${JSON.stringify(f.data)}`)).toEqual([
      'a.md 发现有效期将于2027-03-31届满（还有122日）：应当在届满前评估，决定继续施行、修改或者废止 {"validUntil":"2027-03-31"}',
      'b.md 发现有效期将于2026-11-29届满（还有0日）：应当在届满前评估，决定继续施行、修改或者废止 {"validUntil":"2026-11-29"}',
    ]);
  });

  it('too-long: a stated period, an end date, and the trial cap for 试行', async () => {
    const dir = docSet({
      'ten.md': county({ published: '2022-03-15', body: '第一条　本办法自2022年5月1日起施行，有效期10年。' }),
      'until.md': county({ published: '2023-12-01', extra: '施行日期: 2024-01-01\n有效期至: 2030-12-31', body: '第一条　本办法自2024年1月1日起施行。' }),
      'trial.md': county({ title: '夹江县城区共享单车停放管理办法（试行）', published: '2024-09-02', body: '第一条　本办法自2024年10月1日起施行，有效期3年。' }),
    });
    const found = findingsOf(await lintSet(dir, ALL), 'validity-too-long');
    expect(found.map((f) => `${f.path} ${f.severity} ${f.message}`).sort()).toEqual([
      'ten.md warning 发现有效期为10年（2022-05-01至2032-04-30）：有效期一般不超过5年',
      'trial.md warning 发现有效期为3年（2024-10-01至2027-09-30）：试行、暂行的文件有效期一般不超过2年',
      'until.md warning 发现有效期自2024-01-01至2030-12-31，超过5年：有效期一般不超过5年',
    ]);
  });

  it('missing: at the effective clause, numbers from params', async () => {
    const dir = docSet(
      { 'a.md': county({ published: '2024-05-20', body: '第一条　本办法自2024年7月1日起施行。' }) },
      'extends: [hefa:recommended]\nparams: {validity.maxYears: 3}\n',
    );
    const [f] = findingsOf(await lintSet(dir, ALL), 'validity-missing');
    expect(f).toMatchObject({ line: 11, column: 5, severity: 'warning' });
    expect(f!.message).toBe('发现文件没有写明有效期：行政规范性文件应当载明有效期（一般不超过3年，试行、暂行的不超过2年）');
  });

  it('drafts, decisions and documents marked 已废止 are not judged', async () => {
    const dir = docSet({
      'draft.md': county({ status: '送审稿', body: '第一条　本办法自发布之日起施行。' }),
      'repealed.md': county({ status: '已废止', published: '2018-02-05', body: '第一条　本办法自2018年3月1日起施行，有效期5年。' }),
      'decision.yaml': '标题: 夹江县城区停车设施建设规划\n类型: 重大行政决策\n状态: 已公布\n公布日期: 2020-06-30\n有效期: 20年\n',
    });
    expect(findingsOf(await lintSet(dir, ALL), 'validity-expired')).toEqual([]);
    expect((await lintSet(dir, ALL)).files.flatMap((f) => f.findings)).toEqual([]);
  });

  it('hefa:strict makes the validity warnings errors', async () => {
    const dir = docSet({ 'a.md': county({ published: '2024-05-20', body: '第一条　本办法自2024年7月1日起施行。' }) }, 'extends: [hefa:strict]\n');
    expect(findingsOf(await lintSet(dir, ALL), 'validity-missing')[0]!.severity).toBe('error');
  });
});
