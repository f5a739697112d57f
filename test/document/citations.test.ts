import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/types.js';
import { findCitations } from '../../src/document/citations.js';
import { plainBlocks, plainSentences, textOf } from '../helpers/plain-blocks.js';

function cite(text: string, ownTitle: string | null = null, article?: number) {
  const blocks = plainBlocks(text);
  const sentences = plainSentences(blocks).map((s) => (article === undefined ? s : { ...s, article }));
  return { blocks, citations: findCitations(sentences, blocks, ownTitle) };
}

const brief = (c: Citation) => ({ title: c.title, article: c.article, trap: c.trap, ownBasis: c.ownBasis });

describe('findCitations', () => {
  it('reads the basis list of a first article (广东省行政执法公示办法 第一条)', () => {
    const { citations } = cite(
      '第一条 为了规范行政执法公示行为，保障公民、法人和其他组织的知情权、参与权、表达权和监督权，促进严格规范公正文明执法，根据《中华人民共和国行政处罚法》《中华人民共和国政府信息公开条例》《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）等规定，结合本省实际，制定本办法。',
      null,
      0,
    );
    expect(citations.map((c) => c.title)).toEqual([
      '中华人民共和国行政处罚法',
      '中华人民共和国政府信息公开条例',
      '国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见',
    ]);
    expect(citations.every((c) => c.ownBasis && c.trap === undefined)).toBe(true);
  });

  it('is not own basis in a later article (delegation, not foundation)', () => {
    const { citations } = cite('县级以上地方人民政府可以根据《中华人民共和国动物防疫法》，结合本地实际，制定具体办法。', null, 5);
    expect(citations[0]!.ownBasis).toBe(false);
  });

  it('reads an article right after the title, with its number', () => {
    const { blocks, citations } = cite('第三条 《环境保护法》第六十三条第一项规定的建设项目未依法进行环境影响评价，被责令停止建设，拒不执行的行为，包括以下情形：');
    expect(citations[0]).toMatchObject({ title: '环境保护法', article: '第六十三条', articleNumber: 63, ownBasis: false });
    expect(textOf(blocks, citations[0]!.range)).toBe('《环境保护法》第六十三条');
    expect(cite('依照《中华人民共和国行政处罚法》第十六条第二款的规定').citations[0]).toMatchObject({ article: '第十六条', articleNumber: 16 });
  });

  it('keeps inner titles, 〈〉 and <> alike', () => {
    expect(cite('根据2017年12月20日《环境保护部关于修改部分规章的决定》第二次修正').citations[0]!.title).toBe('环境保护部关于修改部分规章的决定');
    expect(cite('《关于修改〈中华人民共和国行政处罚法〉的决定》已经通过。').citations[0]!.title).toBe('关于修改〈中华人民共和国行政处罚法〉的决定');
    expect(cite('《关于修改<中华人民共和国国家赔偿法>的决定》第二次修正').citations[0]!.title).toBe('关于修改<中华人民共和国国家赔偿法>的决定');
  });

  it('marks 原《…》 and 修订前的《…》 as historical', () => {
    const { citations } = cite(
      '修订前的《建设项目环境保护管理条例》（自1998年11月29日起施行，2017年10月1日废止，以下简称旧条例）第二十八条规定：“违反本条例规定，试生产建设项目配套建设的环境保护设施未与主体工程同时投入试运行的，由审批该建设项目环境影响报告书的环境保护行政主管部门责令限期改正。”',
    );
    expect(brief(citations[0]!)).toMatchObject({ title: '建设项目环境保护管理条例', article: '第二十八条', trap: 'historical' });
    expect(cite('1990年4月1日原《中华人民共和国城市规划法》实施前在国有土地上建成的房屋申请初始登记，申请人不能提交土地使用权来源证明的。').citations[0]!.trap).toBe(
      'historical',
    );
  });

  it('marks 《…》施行前 as temporal', () => {
    expect(cite('第十一条 《水土保持法》施行前已在禁止开垦的陡坡地上开垦种植农作物的，应当在平地或者缓坡地建设基本农田。').citations[0]!.trap).toBe('temporal');
    expect(cite('第六条 《中华人民共和国民法总则》施行前，侵害英雄烈士等的姓名、肖像、名誉、荣誉，损害社会公共利益引起的民事纠纷案件，适用民法总则第一百八十五条的规定。').citations[0]!.trap).toBe(
      'temporal',
    );
  });

  it('marks 依照《…》设立的 as transitional, for every title of the list (外商投资法 第四十二条)', () => {
    const { citations } = cite(
      '本法施行前依照《中华人民共和国中外合资经营企业法》、《中华人民共和国外资企业法》、《中华人民共和国中外合作经营企业法》设立的外商投资企业，在本法施行后五年内可以继续保留原企业组织形式等。',
    );
    expect(citations.map((c) => c.trap)).toEqual(['transitional', 'transitional', 'transitional']);
    expect(cite('按照原《四川省行政规范性文件制定和备案规定》办理的备案，继续有效。').citations[0]!.trap).toBe('transitional');
  });

  it('marks the titles a repeal clause names (国有土地上房屋征收与补偿条例 第三十五条)', () => {
    const { citations } = cite('第三十五条 本条例自公布之日起施行。2001年6月13日国务院公布的《城市房屋拆迁管理条例》同时废止。');
    expect(brief(citations[0]!)).toMatchObject({ title: '城市房屋拆迁管理条例', trap: 'repeal-clause' });
  });

  it('leaves live references untrapped', () => {
    const { citations } = cite('第二十八条 公民、法人或者其他组织申请公开行政执法相关信息的，依照《中华人民共和国政府信息公开条例》等规定办理。', null, 27);
    expect(brief(citations[0]!)).toEqual({ title: '中华人民共和国政府信息公开条例', article: undefined, trap: undefined, ownBasis: false });
  });

  it('skips the own title, the X of a wrapper, 本《清单》 and 以下简称《…》', () => {
    const own = cite('现将《夹江县养犬管理办法》印发给你们，请认真贯彻执行。', '夹江县人民政府关于印发《夹江县养犬管理办法》的通知');
    expect(own.citations).toEqual([]);
    const list = cite('四、本《清单》所称“A类水污染物”，指《污水综合排放标准》(GB 8978-1996)中规定的第一类污染物。');
    expect(list.citations.map((c) => c.title)).toEqual(['污水综合排放标准']);
    const alias = cite('第一条 为规范环境违法案件行政拘留的实施，依据《中华人民共和国环境保护法》（以下简称《环境保护法》）的规定，制定本办法。', null, 0);
    expect(alias.citations.map(brief)).toEqual([{ title: '中华人民共和国环境保护法', article: undefined, trap: undefined, ownBasis: true }]);
  });

  it('survives unbalanced marks', () => {
    expect(cite('《未闭合的标题，第一条').citations).toEqual([]);
    expect(cite('闭合》《中华人民共和国行政许可法》').citations.map((c) => c.title)).toEqual(['中华人民共和国行政许可法']);
  });
});

describe('long input', () => {
  it('stays linear on a long list of titles', () => {
    const { citations } = (() => {
      const t0 = performance.now();
      const r = cite(Array(8000).fill('《中华人民共和国行政处罚法》').join('、') + '同时废止');
      expect(performance.now() - t0).toBeLessThan(3000);
      return r;
    })();
    expect(citations).toHaveLength(8000);
    expect(citations[0]!.trap).toBe('repeal-clause');
  });
});
