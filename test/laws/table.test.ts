/**
 * The law-status table (rules.md §6): the built-in data (legal-facts.md §5.1, §5.3), lookup by title
 * as documents write it, the loader's problems with file:line:col, and user entries from config `laws:`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LawTableError, loadLawTable, parseLawFile, repealBasis, type LawTableProblem } from '../../src/laws/table.js';
import { titleKey } from '../../src/cn/titles.js';
import { tempDir } from '../helpers/doc-set.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const builtin = loadLawTable(null, ROOT);

function problemsOf(text: string): LawTableProblem[] {
  const problems: LawTableProblem[] = [];
  parseLawFile(text, 'laws.yaml', problems);
  return problems;
}

function tempFile(name: string, text: string): string {
  const dir = tempDir('hefa-laws-');
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('the built-in table', () => {
  const repealed = builtin.entries.filter((e) => e.status);

  it('holds every verified row of legal-facts.md §5.1 (50 rows, 63 instruments)', () => {
    expect(repealed).toHaveLength(63);
    for (const e of repealed) {
      expect(e.stoppedOn, e.title).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.successor, e.title).toBeTruthy();
      expect(e.repealedBy, e.title).toMatch(/^《[^《》]+》第[一二三四五六七八九十百千]+条$/);
      expect(e.source, e.title).toMatch(/^LawRefBook-Laws /);
    }
  });

  it('records the civil code repeal as the code says it (第一千二百六十条, 2021-01-01)', () => {
    const names = ['婚姻法', '继承法', '民法通则', '收养法', '担保法', '合同法', '物权法', '侵权责任法', '民法总则'];
    for (const n of names) {
      const e = builtin.lookup(`中华人民共和国${n}`)!;
      expect(e.status).toBe('废止');
      expect(e.stoppedOn).toBe('2021-01-01');
      expect(e.successor).toBe('中华人民共和国民法典');
      expect(e.repealedBy).toBe('《中华人民共和国民法典》第一千二百六十条');
    }
    expect(repealBasis(builtin.lookup('合同法')!)).toEqual({ title: '中华人民共和国民法典', article: '第一千二百六十条', confidence: 'law' });
  });

  it('carries the article counts of legal-facts.md §5.3, each with the version it counts', () => {
    const counts: [string, number][] = [
      ['行政处罚法', 86],
      ['行政复议法', 90],
      ['行政诉讼法', 103],
      ['立法法', 120],
      ['各级人民代表大会常务委员会监督法', 65],
      ['公司法', 266],
      ['土地管理法实施条例', 67],
      ['民事诉讼法', 306],
      ['食品安全法', 154],
      ['安全生产法', 119],
      ['民法典', 1260],
    ];
    for (const [name, n] of counts) {
      const e = builtin.lookup(name);
      expect(e?.articles, name).toBe(n);
      expect(e?.version, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e?.status, name).toBeUndefined();
    }
  });

  it('has no count for a law revised after the corpus snapshot (治安管理处罚法, 2025)', () => {
    const e = builtin.lookup('治安管理处罚法')!;
    expect(e.title).toBe('中华人民共和国治安管理处罚法');
    expect(e.articles).toBeUndefined();
  });

  it('marks titles a new instrument took over (国家安全法 2015, 信访条例 2005)', () => {
    expect(builtin.lookup('中华人民共和国国家安全法')!.reenactedOn).toBe('2015-07-01');
    expect(builtin.lookup('信访条例')!.reenactedOn).toBe('2005-05-01');
  });
});

describe('lookup by title as documents write it', () => {
  it('with or without 中华人民共和国, with spaces', () => {
    expect(builtin.lookup('合同法')?.title).toBe('中华人民共和国合同法');
    expect(builtin.lookup('中华人民共和国 合同法')?.title).toBe('中华人民共和国合同法');
    expect(builtin.lookup('契税暂行条例')?.title).toBe('中华人民共和国契税暂行条例');
  });

  it('full- and half-width parentheses are one; （试行） itself still tells two laws apart', () => {
    expect(builtin.lookup('中华人民共和国企业破产法(试行)')?.title).toBe('中华人民共和国企业破产法（试行）');
    expect(builtin.lookup('企业破产法（试行）')?.status).toBe('废止');
    expect(builtin.lookup('中华人民共和国企业破产法')?.status).toBeUndefined();
    expect(builtin.lookup('中华人民共和国企业破产法')?.articles).toBe(136);
  });

  it('a trailing version note is not part of the title', () => {
    expect(builtin.lookup('中华人民共和国公司法（2018年修正）')?.title).toBe('中华人民共和国公司法');
    expect(builtin.lookup('中华人民共和国行政处罚法(2021年修订)')?.articles).toBe(86);
  });

  it('〈〉, <> and ＜＞ inside a title are one', () => {
    expect(titleKey('关于印发〈夹江县养犬管理办法〉的通知')).toBe(titleKey('关于印发<夹江县养犬管理办法>的通知'));
    expect(titleKey('关于印发＜夹江县养犬管理办法＞的通知')).toBe(titleKey('关于印发〈夹江县养犬管理办法〉的通知'));
  });

  it('an unknown title is null', () => {
    expect(builtin.lookup('夹江县养犬管理办法')).toBeNull();
    expect(builtin.lookup('')).toBeNull();
  });
});

describe('the loader: every problem with file:line:col', () => {
  it('reports bad keys, values and combinations at their places', () => {
    const problems = problemsOf(
      [
        '- title: 中华人民共和国合同法', // 1
        '  status: 作废', // 2
        '  stoppedOn: 2021-02-30', // 3
        '  articles: -3', // 4
        '  sucessor: 中华人民共和国民法典', // 5
        '- title: 《夹江县养犬管理办法》', // 6
        '  successor: 夹江县养犬管理条例', // 7
        '- short: [合同法]', // 8
        '- title: 中华人民共和国行政处罚法', // 9
        '  articles: 86', // 10
        '  kind: 法规', // 11
        '  repealedBy: 民法典第一千二百六十条', // 12
        '- 就是一个字符串', // 13
      ].join('\n'),
    );
    const at = problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message.split('；')[0]}`);
    expect(at).toEqual([
      'laws.yaml:2:11: status 无效',
      'laws.yaml:3:14: stoppedOn 不是有效的日期',
      'laws.yaml:4:13: articles 应为正整数（现行文本的条数）',
      'laws.yaml:5:3: 未知的键“sucessor”',
      'laws.yaml:6:10: title 不要带书名号',
      'laws.yaml:7:14: 写了 successor 却没有 status',
      'laws.yaml:8:3: 缺少 title（法律、法规的全称）',
      'laws.yaml:10:13: 写了 articles 却没有 version',
      'laws.yaml:11:9: kind 无效',
      'laws.yaml:12:15: 写了 repealedBy 却没有 status',
      'laws.yaml:12:15: repealedBy 应写成《法律名称》第X条',
      'laws.yaml:13:3: 法律状态表的每一项应为映射 {title, short?, status?, stoppedOn?, successor?, repealedBy?, articles?, version?, …}',
    ]);
  });

  it('says what was expected and what was given', () => {
    const [p] = problemsOf('- title: 中华人民共和国合同法\n  status: 作废\n');
    expect(p!.message).toBe('status 无效；应为 废止、失效（也接受 已废止、已失效）之一；实际为 "作废"');
  });

  it('reports YAML syntax errors and a file that is not a list', () => {
    expect(problemsOf('- title: [unclosed\n')[0]!.message).toMatch(/^YAML 语法错误/);
    expect(problemsOf('title: 中华人民共和国合同法\n')).toEqual([
      { file: 'laws.yaml', line: 1, column: 1, message: '法律状态表应为一个列表，每项是一部法律（- title: …）' },
    ]);
  });

  it('accepts 已废止 / 已失效 and an entry without a date', () => {
    const problems: LawTableProblem[] = [];
    const [e] = parseLawFile('- title: 夹江县养犬管理办法\n  status: 已废止\n', 'x.yaml', problems);
    expect(problems).toEqual([]);
    expect(e).toMatchObject({ title: '夹江县养犬管理办法', status: '废止', short: [], line: 1 });
    expect(e!.stoppedOn).toBeUndefined();
  });

  it('a name used by two entries of one file is a problem (ambiguous lookup)', () => {
    const file = tempFile('dup.yaml', '- title: 夹江县养犬管理办法\n  status: 废止\n- title: 夹江县犬只管理办法\n  short: [夹江县养犬管理办法]\n');
    try {
      loadLawTable(file, ROOT);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LawTableError);
      const p = (e as LawTableError).problems;
      expect(p).toHaveLength(1);
      expect(p[0]!.line).toBe(3);
      expect(p[0]!.message).toMatch(/^“夹江县养犬管理办法”重复：已在 .*dup\.yaml:1 的“夹江县养犬管理办法”中使用/);
    }
  });

  it('LawTableError lists every problem of the user file, one per line', () => {
    const file = tempFile('bad.yaml', '- title: 甲\n  status: 作废\n- title: 乙\n  articles: 0\n  version: 2020-01-01\n');
    expect(() => loadLawTable(file, ROOT)).toThrowError(/bad\.yaml:2:11: status 无效[\s\S]*\n.*bad\.yaml:4:13: articles 应为正整数/);
  });
});

describe('user entries (config `laws:`)', () => {
  it('are added to the built-in table', () => {
    const file = tempFile('laws-local.yaml', '- title: 夹江县养犬管理办法\n  status: 已废止\n  stoppedOn: 2024-07-01\n  successor: 夹江县养犬管理条例\n  repealedBy: 《夹江县养犬管理条例》第四十条\n');
    const table = loadLawTable(file, ROOT);
    expect(table.lookup('夹江县养犬管理办法')).toMatchObject({ status: '废止', stoppedOn: '2024-07-01' });
    expect(table.lookup('合同法')?.successor).toBe('中华人民共和国民法典');
    expect(table.entries.length).toBe(builtin.entries.length + 1);
  });

  it('replace a built-in entry with the same title', () => {
    const file = tempFile('laws-local.yaml', '- title: 中华人民共和国行政处罚法\n  articles: 90\n  version: 2030-01-01\n');
    const table = loadLawTable(file, ROOT);
    expect(table.lookup('行政处罚法')).toMatchObject({ articles: 90, version: '2030-01-01' });
    expect(table.entries.length).toBe(builtin.entries.length);
  });

  it('the config fixture laws-local.yaml loads', () => {
    const table = loadLawTable(join(ROOT, 'test/config/fixtures/full/laws-local.yaml'), ROOT);
    expect(table.lookup('夹江县养犬管理办法')?.status).toBe('废止');
  });
});
