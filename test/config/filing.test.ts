/**
 * Config `filing` (product.md §5.4): the deadline's unit and filing targets per issuer pattern,
 * validated with the position of every problem.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, printableConfig } from '../../src/config/index.js';
import { FAKE_RULES, fixture, problemsOf, where } from './fixtures/helpers.js';

function parse(yaml: string) {
  return parseConfig(yaml, path.join(fixture('full'), 'inline.yaml'));
}

describe('filing', () => {
  it('defaults: calendar days, the default mapping', () => {
    expect(parse('extends: [hefa:recommended]\n').filing).toEqual({ unit: 'days', targets: [] });
  });

  it('reads unit and targets: one glob or a list, names optional, [] for no filing', () => {
    const config = parse(
      [
        'filing:',
        '  unit: workdays',
        '  targets:',
        '    - issuer: 夹江县*局',
        '      to: [{type: government, name: 夹江县人民政府}]',
        '    - issuer: [夹江县人民政府, 夹江县人民政府办公室]',
        '      to:',
        '        - {type: npc}',
        '        - {type: superior, name: 乐山市人民政府}',
        '    - issuer: 夹江县档案馆',
        '      to: []',
        '    - issuer: 夹江县地方志办公室',
        '      to: {type: government}',
      ].join('\n') + '\n',
    );
    expect(config.filing).toEqual({
      unit: 'workdays',
      targets: [
        { issuer: ['夹江县*局'], to: [{ type: 'government', name: '夹江县人民政府' }] },
        { issuer: ['夹江县人民政府', '夹江县人民政府办公室'], to: [{ type: 'npc' }, { type: 'superior', name: '乐山市人民政府' }] },
        { issuer: ['夹江县档案馆'], to: [] },
        { issuer: ['夹江县地方志办公室'], to: [{ type: 'government' }] },
      ],
    });
    expect(printableConfig(config, 'a.md', FAKE_RULES)).toMatchObject({
      filing: {
        unit: 'workdays',
        targets: [
          { issuer: ['夹江县*局'], to: [{ type: 'government', name: '夹江县人民政府' }] },
          { issuer: ['夹江县人民政府', '夹江县人民政府办公室'], to: [{ type: 'npc', name: null }, { type: 'superior', name: '乐山市人民政府' }] },
          { issuer: ['夹江县档案馆'], to: [] },
          { issuer: ['夹江县地方志办公室'], to: [{ type: 'government', name: null }] },
        ],
      },
    });
  });

  it('lists every problem with its position', () => {
    const problems = problemsOf(() =>
      parse(
        [
          'filing:', //                                   1
          '  unit: 工作日', //                             2
          '  days: 15', //                                 3
          '  targets:', //                                 4
          '    - issuer: /^夹江.*局$/', //                  5
          '      to: [{type: 人大常委会}]', //              6
          '    - to: [{name: 夹江县人民政府}]', //          7
          '    - issuer: ""', //                            8
          '    - issuer: 夹江县*局', //                     9
          '      to: 夹江县人民政府', //                    10
          '      from: x', //                               11
          '    - 3', //                                     12
        ].join('\n') + '\n',
      ),
    );
    expect(where(problems)).toEqual(['2:9', '3:3', '5:15', '6:19', '7:7', '7:12', '8:7', '8:15', '10:11', '11:7', '12:7']);
    const m = problems.map((p) => p.message);
    expect(m[0]).toBe('filing.unit 不正确；应为 days 或 workdays；实际为 “工作日”（是否想写 workdays？）');
    expect(m[1]).toContain('（备案期限的天数是参数，请写 params: {filing.days: 30}）');
    expect(m[2]).toMatch(/^filing\.targets 第 1 项的 issuer 不支持正则表达式/);
    expect(m[3]).toMatch(/^filing\.targets 第 1 项的 to\.type 不正确；应为 npc、superior 或 government；实际为 “人大常委会”（人大常委会请写 npc）$/);
    expect(m[4]).toMatch(/^filing\.targets 第 2 项缺少 issuer/);
    expect(m[5]).toMatch(/^filing\.targets 第 2 项的 to 中的备案机关缺少 type/);
    expect(m[6]).toMatch(/^filing\.targets 第 3 项缺少 to/);
    expect(m[7]).toMatch(/^filing\.targets 第 3 项的 issuer 不正确/);
    expect(m[8]).toMatch(/^filing\.targets 第 4 项的 to 不正确；应为 备案机关列表/);
    expect(m[9]).toMatch(/^filing\.targets 第 4 项中有未知的键/);
    expect(m[10]).toMatch(/^filing\.targets 第 5 项的类型不正确/);
  });

  it('filing must be a map and targets a list', () => {
    expect(where(problemsOf(() => parse('filing: 30\n')))).toEqual(['1:9']);
    const [p] = problemsOf(() => parse('filing: {targets: {issuer: x}}\n'));
    expect(p!.message).toMatch(/^filing\.targets 的类型不正确/);
  });
});
