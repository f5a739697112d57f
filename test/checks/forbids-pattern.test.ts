/**
 * The forbids-pattern check kind: what it reports, the sentence-wide `exceptions`, and
 * `exceptionsBefore`, which excuse only the matches that come after them in the same sentence
 * (a restatement of a superior law governs what follows it).
 */
import { describe, expect, it } from 'vitest';
import { forbidsPattern } from '../../src/checks/forbids-pattern.js';
import { buildDocument } from '../../src/document/build.js';
import { validateOptions, withDefaults } from '../../src/rules/options.js';
import type { CheckContext, Pos, Rule } from '../../src/types.js';

/** Run the check on one Markdown source; returns the matched texts with their line and column. */
function check(source: string, options: Record<string, unknown>): string[] {
  const doc = buildDocument('doc.md', source);
  const out: string[] = [];
  const ctx = {
    doc,
    rule: { id: 'test-rule' } as Rule,
    options: withDefaults(forbidsPattern, options),
    params: {},
    asOf: '2026-11-29',
    calendar: { isWorkday: () => true, covers: () => true },
    report(place: Pos, data: Record<string, string | number> = {}) {
      out.push(`${place.line}:${place.column} ${String(data.match)}`);
    },
    notice() {},
  } as unknown as CheckContext;
  forbidsPattern.run(ctx);
  return out;
}

const FINE = ['处[^。；，]{0,30}罚款'];
const SOURCE = ['(依照|依据|按照|根据)[^。；]{0,30}《[^》]{1,40}》[^。；]{0,40}规定', '依法[^。；，]{0,4}(给予|予以)[^。；，]{0,12}罚款'];

const text = (...articles: string[]): string => articles.map((a, i) => `第${'一二三四五六七八九'[i]}条　${a}`).join('\n\n') + '\n';

describe('forbids-pattern', () => {
  it('reports each match with its text and position', () => {
    expect(check(text('为了加强管理，制定本办法。', '擅自砍伐城市树木的，处500元罚款；损坏绿化设施的，处200元罚款。'), { patterns: FINE })).toEqual([
      '3:15 处500元罚款',
      '3:31 处200元罚款',
    ]);
  });

  it('exceptions excuse the whole sentence wherever they match in it', () => {
    const src = text('罚款收入全部上缴国库，不得处罚款以外的其他处理。');
    expect(check(src, { patterns: FINE })).toHaveLength(1);
    expect(check(src, { patterns: FINE, exceptions: ['上缴国库'] })).toEqual([]);
  });

  it('exceptionsBefore excuse a match that comes after them in the sentence', () => {
    const src = text('违反本办法规定的，由县城市管理局依照《城市市容和环境卫生管理条例》第三十四条的规定，责令纠正，可以并处罚款。');
    expect(check(src, { patterns: FINE })).toHaveLength(1);
    expect(check(src, { patterns: FINE, exceptionsBefore: SOURCE })).toEqual([]);
  });

  it('exceptionsBefore do not excuse a match that comes before them', () => {
    const src = text('损坏城市绿化设施的，处200元罚款，对直接负责的主管人员依法给予处分，并依照《城市绿化条例》的规定处理。');
    expect(check(src, { patterns: FINE, exceptionsBefore: SOURCE })).toEqual(['1:15 处200元罚款']);
    // The same wording as a sentence-wide exception would hide the fine.
    expect(check(src, { patterns: FINE, exceptions: SOURCE })).toEqual([]);
  });

  it('exceptionsBefore excuse only the matches after them when a sentence has several', () => {
    const src = text('对单位处1万元罚款，对个人依照《城市绿化条例》第二十六条的规定处200元罚款。');
    expect(check(src, { patterns: FINE, exceptionsBefore: SOURCE })).toEqual(['1:8 处1万元罚款']);
  });

  it('a restatement in one sentence does not excuse the next sentence', () => {
    const src = text('依照《城市绿化条例》第二十六条的规定处理。擅自砍伐树木的，处500元罚款。');
    expect(check(src, { patterns: FINE, exceptionsBefore: SOURCE })).toEqual(['1:34 处500元罚款']);
  });

  it('a match inside the restatement itself is excused (依法予以罚款)', () => {
    expect(check(text('对违法行为人依法予以罚款。'), { patterns: ['予以罚款'], exceptionsBefore: SOURCE })).toEqual([]);
  });

  it('applies exceptionsBefore to a title stated only in the fields', () => {
    const src = ['---', '标题: 依照《城市绿化条例》规定处罚款的办法', '类型: 行政规范性文件', '---', '', text('为了加强管理，制定本办法。')].join('\n');
    expect(check(src, { patterns: ['处罚款'], scope: 'title' })).toEqual(['2:5 处罚款']);
    expect(check(src, { patterns: ['处罚款'], scope: 'title', exceptionsBefore: SOURCE })).toEqual([]);
  });

  it('validates exceptionsBefore as a list of regular expressions', () => {
    expect(validateOptions(forbidsPattern, { patterns: FINE, exceptionsBefore: SOURCE })).toEqual([]);
    const problems = validateOptions(forbidsPattern, { patterns: FINE, exceptionsBefore: ['(依照'] });
    expect(problems.map(([name]) => name)).toEqual(['exceptionsBefore']);
    expect(validateOptions(forbidsPattern, { patterns: FINE, exceptionsBefore: '依照' }).map(([name]) => name)).toEqual(['exceptionsBefore']);
  });
});
