import { describe, expect, it } from 'vitest';
import { decreeOrgan, findDecree, innerTitleOf, readHeader } from '../../src/document/header.js';
import { plainBlocks, plainHeaderEnd, textOf } from '../helpers/plain-blocks.js';

function header(text: string) {
  const blocks = plainBlocks(text);
  return { blocks, h: readHeader(blocks, plainHeaderEnd(blocks)) };
}

describe('readHeader on LawRefBook headers', () => {
  it('reads a State Council regulation: 令号, 公布 date, version date', () => {
    const { blocks, h } = header(
      [
        '# 重大行政决策程序暂行条例',
        '2019年4月20日 中华人民共和国国务院令第713号公布',
        '2019年9月1日 施行',
        '<!-- INFO END -->',
        '第一章 总则',
        '第一条 为了健全科学、民主、依法决策机制，规范重大行政决策程序，制定本条例。',
      ].join('\n'),
    );
    expect(h.title?.value).toBe('重大行政决策程序暂行条例');
    expect(textOf(blocks, h.title!.range)).toBe('重大行政决策程序暂行条例');
    expect(h.decree?.value).toBe('中华人民共和国国务院令第713号');
    expect(textOf(blocks, h.decree!.range)).toBe('中华人民共和国国务院令第713号');
    expect(h.publishedOn?.value).toBe('2019-04-20');
    expect(textOf(blocks, h.publishedOn!.range)).toBe('2019年4月20日');
    expect(h.versionDate).toBe('2019-04-20');
    expect(h.congressAdopted).toBe(false);
    expect(h.docNumber).toBeNull();
    expect(h.innerTitle).toBeNull();
  });

  it('reads the latest 公布 of a revised regulation (专利代理条例)', () => {
    const { blocks, h } = header(
      [
        '# 专利代理条例',
        '1991年3月4日 中华人民共和国国务院令第76号发布',
        '2018年9月6日 国务院第23次常务会议修订通过',
        '2018年11月6日 中华人民共和国国务院令第706号公布',
        '2019年3月1日 施行',
        '第一章 总则',
      ].join('\n'),
    );
    expect(h.publishedOn?.value).toBe('2018-11-06');
    expect(blocks[h.publishedOn!.range.block]!.text).toBe('2018年11月6日 中华人民共和国国务院令第706号公布');
    expect(h.versionDate).toBe('2018-11-06');
    expect(h.decree?.value).toBe('中华人民共和国国务院令第76号');
  });

  it('reads a national law: congress adoption and the latest revision as version date', () => {
    const { h } = header(
      [
        '# 中华人民共和国行政处罚法',
        '1996年3月17日 第八届全国人民代表大会第四次会议通过',
        '2009年8月27日 第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》第一次修正',
        '2017年9月1日 第十二届全国人民代表大会常务委员会第二十九次会议《关于修改〈中华人民共和国法官法〉等八部法律的决定》第二次修正',
        '2021年1月22日 第十三届全国人民代表大会常务委员会第二十五次会议修订',
        '第一章 总则',
      ].join('\n'),
    );
    expect(h.congressAdopted).toBe(true);
    expect(h.congress).toBe('national');
    expect(h.versionDate).toBe('2021-01-22');
    expect(h.publishedOn).toBeNull();
    expect(h.decree).toBeNull();
  });

  it('reads a local regulation approved by a provincial standing committee', () => {
    const { h } = header(
      ['# 青岛市城市供热条例', '2011年7月29日 山东省第十一届人民代表大会常务委员会第二十四次会议批准', '第一章 总则'].join('\n'),
    );
    expect(h.congressAdopted).toBe(true);
    expect(h.congress).toBe('local');
  });

  it('reads a ministry rule and a joint decree with 第N号令', () => {
    expect(header('# 药品进口管理办法\n2003年8月18日 食品药品监管局、海关总署第4号令公布\n第一章 总则').h.decree?.value).toBe(
      '食品药品监管局、海关总署第4号令',
    );
    const { h } = header('# 侵害消费者权益行为处罚办法\n2015年1月5日 国家工商行政管理总局令第73号公布\n2015年3月15日 施行\n第一条 为依法制止侵害消费者权益行为，制定本办法。');
    expect(h.decree?.value).toBe('国家工商行政管理总局令第73号');
    expect(h.publishedOn?.value).toBe('2015-01-05');
  });

  it('ignores congress wording that speaks of a cited decision', () => {
    const { h } = header(
      [
        '# 最高人民法院关于修改后的民事诉讼法施行时未结案件适用法律若干问题的规定',
        '2012年12月24日 最高人民法院审判委员会第1564次会议通过',
        '2012年12月28日 最高人民法院公告公布',
        '为正确适用《全国人民代表大会常务委员会关于修改〈中华人民共和国民事诉讼法〉的决定》（2012年8月31日第十一届全国人民代表大会常务委员会第二十八次会议通过，2013年1月1日起施行）（以下简称《决定》），现就有关问题规定如下：',
        '第一条 2013年1月1日未结案件适用修改后的民事诉讼法，但本规定另有规定的除外。',
      ].join('\n'),
    );
    expect(h.congressAdopted).toBe(false);
    expect(h.publishedOn?.value).toBe('2012-12-28');
    expect(h.versionDate).toBe('2012-12-28');
  });
});

describe('readHeader on normative documents', () => {
  const wrapper = [
    '# 夹江县人民政府关于印发《夹江县养犬管理办法》的通知',
    '夹府规〔2020〕3号',
    '各乡镇人民政府，县级各部门：',
    '现将《夹江县养犬管理办法》印发给你们，请认真贯彻执行。',
    '夹江县人民政府',
    '2020年3月1日',
    '（此件公开发布）',
    '# 夹江县养犬管理办法',
    '第一条 为了规范养犬行为，根据《中华人民共和国动物防疫法》，结合本县实际，制定本办法。',
  ].join('\n');

  it('reads the wrapper title, X, and the header 文号', () => {
    const { blocks, h } = header(wrapper);
    expect(h.title?.value).toBe('夹江县人民政府关于印发《夹江县养犬管理办法》的通知');
    expect(h.innerTitle).toBe('夹江县养犬管理办法');
    expect(h.docNumber?.value).toMatchObject({ raw: '夹府规〔2020〕3号', organ: '夹府规', canonical: true });
    expect(textOf(blocks, h.docNumber!.range)).toBe('夹府规〔2020〕3号');
    expect(h.publishedOn).toBeNull();
  });

  it('never takes a 文号 or 令号 cited inside a sentence or a title', () => {
    const { h } = header(
      [
        '# 夹江县人民政府关于贯彻落实《重大行政决策程序暂行条例》（国务院令第713号）的通知',
        '各乡镇人民政府，县级各部门：',
        '为贯彻落实《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号），现就有关事项通知如下：',
        '一、提高认识',
      ].join('\n'),
    );
    expect(h.docNumber).toBeNull();
    expect(h.decree).toBeNull();
    const mention = header('# 关于做好规范性文件清理工作的通知\n按照省政府令第351号要求，现就有关事项通知如下：\n一、清理范围').h;
    expect(mention.decree).toBeNull();
  });

  it('reads a 文号 in parentheses after the title, and a labelled 文号', () => {
    expect(header('# 四川省人民政府关于加强行政规范性文件管理的通知（川府规〔2022〕1号）\n一、总体要求').h.docNumber?.value.raw).toBe(
      '川府规〔2022〕1号',
    );
    expect(header('# 关于职工全年月平均工作时间和工资折算问题的通知\n劳社部发[2008]3号\n各省、自治区、直辖市劳动和社会保障厅（局）：').h.docNumber?.value).toMatchObject({
      raw: '劳社部发[2008]3号',
      canonical: false,
    });
    expect(header('# 某办法\n文号：川财规〔2021〕5号\n第一条 为了规范管理，制定本办法。').h.docNumber?.value.raw).toBe('川财规〔2021〕5号');
  });

  it('takes the first line as title when there is no heading, skipping the masthead', () => {
    const { h } = header(['夹江县人民政府文件', '夹府发〔2020〕12号', '夹江县人民政府关于做好春季森林防火工作的通知', '各乡镇人民政府：'].join('\n'));
    expect(h.title?.value).toBe('夹江县人民政府关于做好春季森林防火工作的通知');
    expect(h.docNumber?.value.raw).toBe('夹府发〔2020〕12号');
  });

  it('strips attribute tails from the title and reads the two-line decree of a decree page', () => {
    const { h } = header(['# 四川省行政规范性文件管理办法{align="center"}', '四川省人民政府令', '第351号', '第一章 总则'].join('\n'));
    expect(h.title?.value).toBe('四川省行政规范性文件管理办法');
    expect(h.decree?.value).toBe('四川省人民政府令第351号');
  });

  it('reads 公布 from a parenthesised note and the version date from a later amendment', () => {
    const { h } = header(
      '# 广东省碳排放管理试行办法\n（该文件于2014年1月15日以粤府令第197号公布，根据2020年5月12日粤府令第275号第一次修改）\n第一章 总则',
    );
    expect(h.decree?.value).toBe('粤府令第197号');
    expect(h.publishedOn?.value).toBe('2014-01-15');
    expect(h.versionDate).toBe('2020-05-12');
  });

  it('survives an empty header', () => {
    const blocks = plainBlocks('第一条 为了规范管理，制定本办法。');
    const h = readHeader(blocks, 0);
    expect(h).toMatchObject({ title: null, docNumber: null, decree: null, publishedOn: null, versionDate: null, congressAdopted: false });
    expect(readHeader([], 5).title).toBeNull();
  });
});

describe('innerTitleOf', () => {
  it('reads X of wrapper notices', () => {
    expect(innerTitleOf('关于印发《国家机关、事业单位贯彻<国务院关于职工工作时间的规定>的实施办法》的通知')).toBe(
      '国家机关、事业单位贯彻<国务院关于职工工作时间的规定>的实施办法',
    );
    expect(innerTitleOf('关于印发《工资支付暂行规定》的通知')).toBe('工资支付暂行规定');
    expect(innerTitleOf('夹江县人民政府办公室关于转发《乐山市人民政府办公室关于加强安全生产工作的通知》的通知')).toBe(
      '乐山市人民政府办公室关于加强安全生产工作的通知',
    );
    expect(innerTitleOf('关于印发夹江县养犬管理办法的通知')).toBe('夹江县养犬管理办法');
    expect(innerTitleOf('夹江县人民政府关于印发《A办法》《B办法》的通知（夹府规〔2020〕3号）')).toBe('A办法');
  });

  it('is null for other titles', () => {
    expect(innerTitleOf('关于修改《四川省行政规范性文件管理办法》的决定')).toBeNull();
    expect(innerTitleOf('夹江县养犬管理办法')).toBeNull();
    expect(innerTitleOf(null)).toBeNull();
  });
});

describe('findDecree', () => {
  it('finds the organ and number, not 责令 or a cited decree', () => {
    expect(findDecree('2018年11月6日 中华人民共和国国务院令第706号公布')?.value).toBe('中华人民共和国国务院令第706号');
    expect(findDecree('2021年12月24日 国家市场监督管理总局令第49号公布')?.value).toBe('国家市场监督管理总局令第49号');
    expect(findDecree('2019年4月20日国务院令第713号公布')?.value).toBe('国务院令第713号');
    expect(findDecree('（2004年5月27日卫生部、国家环境保护总局令第21号发布）')?.organ).toBe('卫生部、国家环境保护总局');
    expect(findDecree('1993年9月23日北京市人民政府第15号令发布的《北京市征兵工作目标管理责任制规定》')?.value).toBe('北京市人民政府第15号令');
    expect(findDecree('根据《全国年节及纪念日放假办法》（国务院令第513号）的规定')).toBeNull();
    expect(decreeOrgan('国家市场监督管理总局令第49号')).toBe('国家市场监督管理总局');
    expect(decreeOrgan('北京市人民政府第15号令')).toBe('北京市人民政府');
  });
});

describe('long input', () => {
  it('stays linear on a long header line full of dates and decrees', () => {
    const t0 = performance.now();
    const { h } = header('# 标题\n' + '2020年1月1日 国务院令第1号公布（'.repeat(10000));
    expect(h.decree?.value).toBe('国务院令第1号');
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
