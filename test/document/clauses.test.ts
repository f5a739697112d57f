import { describe, expect, it } from 'vitest';
import { findEffective, findRepeals, findValidity } from '../../src/document/clauses.js';
import { plainBlocks, plainHeaderEnd, plainSentences, textOf } from '../helpers/plain-blocks.js';

function read(text: string) {
  const blocks = plainBlocks(text);
  const sentences = plainSentences(blocks);
  const headerEnd = plainHeaderEnd(blocks);
  return {
    blocks,
    effective: findEffective(sentences, blocks, headerEnd),
    validity: findValidity(sentences, blocks, headerEnd),
    repeals: findRepeals(sentences, blocks),
  };
}

describe('findEffective', () => {
  it('reads a fixed date (重大行政决策程序暂行条例 第四十四条)', () => {
    const { blocks, effective } = read('第四十四条 本条例自2019年9月1日起施行。');
    expect(effective).toMatchObject({ form: 'date', date: '2019-09-01' });
    expect(textOf(blocks, effective!.range)).toBe('本条例自2019年9月1日起施行');
  });

  it('reads on-publication forms', () => {
    expect(read('第二十九条 本办法自发布之日起施行。').effective).toMatchObject({ form: 'on-publication' });
    expect(read('本条例自公布之日起施行。').effective).toMatchObject({ form: 'on-publication' });
    expect(read('本通知自印发之日起施行。').effective).toMatchObject({ form: 'on-publication' });
  });

  it('reads days after publication (规章制定程序条例 第三十二条 wording)', () => {
    expect(read('本办法自发布之日起30日后施行,有效期2年。').effective).toMatchObject({ form: 'days-after-publication', days: 30 });
    expect(read('本规定自公布之日起三十日后施行。').effective).toMatchObject({ form: 'days-after-publication', days: 30 });
    expect(read('本办法自印发之日起30日后施行。').effective).toMatchObject({ form: 'days-after-publication', days: 30 });
  });

  it('reads Chinese-numeral dates and the decree preamble formula', () => {
    expect(read('本办法自二〇二〇年四月一日起施行。').effective).toMatchObject({ form: 'date', date: '2020-04-01' });
    expect(read('《四川省行政规范性文件管理办法》已经省人民政府第93次常务会议审议通过，现予公布，自2022年3月1日起施行。').effective).toMatchObject({
      date: '2022-03-01',
    });
  });

  it("ignores another text's date quoted in parentheses and 施行以来", () => {
    const text =
      '2017年修订的《建设项目环境保护管理条例》（自2017年10月1日起施行，以下简称新条例）施行以来，关于需要配套建设的环境保护设施未建成的问题，各地提出了意见。';
    expect(read(text).effective).toBeNull();
    expect(read('《中华人民共和国行政许可法》自2004年7月1日起施行以来，各地清理了有关规定。').effective).toBeNull();
    expect(read('该修正自2019年4月23日施行。').effective).toBeNull();
  });

  it('takes the last clause of the main text: a wrapper yields to its text', () => {
    const { effective } = read(
      [
        '# 夹江县人民政府关于印发《夹江县养犬管理办法》的通知',
        '现将《夹江县养犬管理办法》印发给你们，本通知自印发之日起施行。',
        '第一条 为了规范养犬行为，制定本办法。',
        '第二十条 本办法自2020年4月1日起施行，有效期5年。',
      ].join('\n'),
    );
    expect(effective).toMatchObject({ form: 'date', date: '2020-04-01' });
  });

  it('keeps an impossible date as a date clause without a date', () => {
    const e = read('本办法自2023年2月30日起施行。').effective;
    expect(e?.form).toBe('date');
    expect(e?.date).toBeUndefined();
  });
});

describe('findValidity', () => {
  it('reads years after the effective clause (苏民规〔2022〕4号 wording)', () => {
    const { blocks, validity } = read('本办法自2023年4月1日起施行，有效期5年。');
    expect(validity).toMatchObject({ years: 5 });
    expect(textOf(blocks, validity!.range)).toBe('有效期5年');
  });

  it('reads Chinese numerals, 为, months and an end date', () => {
    expect(read('五、本清单自2022年2月1日起施行，有效期三年。').validity).toMatchObject({ years: 3 });
    expect(read('本办法有效期为三年。').validity).toMatchObject({ years: 3 });
    expect(read('本意见自印发之日起施行，有效期两年。').validity).toMatchObject({ years: 2 });
    expect(read('本通知自印发之日起施行，有效期6个月。').validity).toMatchObject({ months: 6 });
    expect(read('本通告自2022年3月1日起施行，有效期至2027年2月28日。').validity).toMatchObject({ until: '2027-02-28' });
    expect(read('本实施细则自发布之日起施行，有效期5年。').validity).toMatchObject({ years: 5 });
    expect(read('本办法有效期自2020年1月1日至2024年12月31日。').validity).toMatchObject({ until: '2024-12-31' });
    expect(read('第二十五条 本规定自2022年1月1日起施行，有效期五年。').validity).toMatchObject({ years: 5 });
  });

  it('reads a validity sentence standing alone after the effective clause', () => {
    const { validity } = read('第二十条 本办法自2020年4月1日起施行。有效期至2025年3月31日。');
    expect(validity).toMatchObject({ until: '2025-03-31' });
  });

  it('ignores the validity of licences and certificates', () => {
    expect(read('第二十五条 生产许可证有效期为5年，但是，食品加工企业生产许可证的有效期为3年。').validity).toBeNull();
    expect(read('进口种畜禽的批准文件有效期为六个月。').validity).toBeNull();
    expect(read('第五条 十六周岁以上公民的居民身份证的有效期为十年、二十年、长期。').validity).toBeNull();
    expect(read('本办法所称许可证有效期为5年。').validity).toBeNull();
    expect(read('有效期届满需要延续的，应当在有效期届满三十日前向原登记机关申请延续。').validity).toBeNull();
  });
});

describe('findRepeals', () => {
  it('reads a repeal after the effective clause in the same article (国有土地上房屋征收与补偿条例 第三十五条)', () => {
    const { blocks, repeals } = read(
      '第三十五条 本条例自公布之日起施行。2001年6月13日国务院公布的《城市房屋拆迁管理条例》同时废止。本条例施行前已依法取得房屋拆迁许可证的项目，继续沿用原有的规定办理，但政府不得责成有关部门强制拆迁。',
    );
    expect(repeals).toHaveLength(1);
    expect(repeals[0]).toMatchObject({ titles: ['城市房屋拆迁管理条例'], docNumbers: [] });
    expect(textOf(blocks, repeals[0]!.range)).toBe('2001年6月13日国务院公布的《城市房屋拆迁管理条例》同时废止');
  });

  it('reads titles with their 文号, and several titles', () => {
    const { repeals } = read(
      '定建设单位违法行为连续性问题的复函》（环发〔1999〕23号）和《关于〈环境影响评价法〉第三十一条法律适用问题的复函》（环函〔2004〕470号）同时废止。',
    );
    expect(repeals[0]!.titles).toEqual(['关于〈环境影响评价法〉第三十一条法律适用问题的复函']);
    expect(repeals[0]!.docNumbers).toEqual(['环发〔1999〕23号', '环函〔2004〕470号']);
    const two = read('本办法自2020年4月1日起施行，《夹江县养犬管理暂行办法》（夹府发〔2015〕8号）、《夹江县城区犬只管理规定》同时废止。').repeals;
    expect(two[0]).toMatchObject({
      titles: ['夹江县养犬管理暂行办法', '夹江县城区犬只管理规定'],
      docNumbers: ['夹府发〔2015〕8号'],
    });
  });

  it('reads 原…同时废止 and …自本办法施行之日起废止', () => {
    expect(read('第二十九条 本办法自发布之日起施行。2017年原省依法行政领导小组印发的《广东省行政执法公示办法（试行）》同时废止。').repeals[0]!.titles).toEqual([
      '广东省行政执法公示办法（试行）',
    ]);
    expect(read('原夹江县人民政府印发的夹江县养犬管理暂行办法同时废止。').repeals[0]!.titles).toEqual(['夹江县养犬管理暂行办法']);
    expect(read('《夹江县养犬管理暂行办法》，自本办法施行之日起废止。').repeals[0]!.titles).toEqual(['夹江县养犬管理暂行办法']);
  });

  it('does not take the amending decision of a version for a repealed title', () => {
    const { repeals } = read(
      '2010年7月30日河南省第十一届人民代表大会常务委员会第十六次会议《关于修改〈河南省农作物种子管理条例〉的决定》第三次修正的《河南省农作物种子管理条例》同时废止。',
    );
    expect(repeals[0]!.titles).toEqual(['河南省农作物种子管理条例']);
  });

  it('reads a list announced by 下列文件同时废止：', () => {
    const { repeals } = read(['第三十条 本办法自2020年4月1日起施行，下列文件同时废止：', '（一）《夹江县养犬管理暂行办法》（夹府发〔2015〕8号）；', '（二）《夹江县城区犬只管理规定》（夹府办发〔2016〕21号）。'].join('\n'));
    expect(repeals).toHaveLength(1);
    expect(repeals[0]).toMatchObject({
      titles: ['夹江县养犬管理暂行办法', '夹江县城区犬只管理规定'],
      docNumbers: ['夹府发〔2015〕8号', '夹府办发〔2016〕21号'],
    });
  });

  it('ignores 不停止执行, 失效 without a named document, and 规定的…失效', () => {
    expect(read('裁决期间，审计决定不停止执行。').repeals).toEqual([]);
    expect(read('本法施行前有关行政许可的规定，制定机关应当依照本法规定予以清理；不符合本法规定的，自本法施行之日起停止执行。').repeals).toEqual([]);
    expect(read('依照《中华人民共和国行政许可法》规定注销的许可证自动失效。').repeals).toEqual([]);
  });
});

describe('robustness', () => {
  it('never throws on odd input', () => {
    const odd = ['', '。。。；；', '《《《》', '自自自起施行', '有效期至', '同时废止', '第条', '〔〕号', '\u0000\uffff', '自二〇二〇年十三月四十日起施行，有效期零年'];
    for (const text of odd) {
      const blocks = plainBlocks(text);
      const sentences = plainSentences(blocks);
      expect(() => findEffective(sentences, blocks, 0)).not.toThrow();
      expect(() => findValidity(sentences, blocks)).not.toThrow();
      expect(() => findRepeals(sentences, blocks)).not.toThrow();
    }
    // Sentences whose ranges point outside their blocks fall back to their own text.
    const s = [{ text: '本办法自2020年4月1日起施行。', range: { block: 9, start: 0, end: 16 }, article: -1 }];
    expect(findEffective(s, [])).toMatchObject({ date: '2020-04-01' });
  });
});

describe('long input', () => {
  it('stays linear on long sentences without breaks', () => {
    for (const text of ['本办法自2020年1月1日起施行'.repeat(8000), '有效期5年'.repeat(20000), '《办法》同时废止，'.repeat(10000)]) {
      const blocks = plainBlocks(text);
      const sentences = plainSentences(blocks);
      const t0 = performance.now();
      findEffective(sentences, blocks);
      findValidity(sentences, blocks);
      findRepeals(sentences, blocks);
      expect(performance.now() - t0).toBeLessThan(3000);
    }
  });
});
