import { describe, expect, it } from 'vitest';
import { readSignOff } from '../../src/document/signoff.js';
import { plainBlocks, plainHeaderEnd, textOf } from '../helpers/plain-blocks.js';

function signOff(text: string) {
  const blocks = plainBlocks(text);
  return { blocks, s: readSignOff(blocks, plainHeaderEnd(blocks)) };
}

describe('readSignOff', () => {
  it('reads an issuer line and a date line at the end, past ::: right fences and the source link', () => {
    const { blocks, s } = signOff(
      [
        '# 关于恶臭气体超标排放法律适用有关问题的复函',
        '因此，按照特别条款优于一般条款的原则，应当适用大气污染防治法第一百一十八条第一款的规定进行处罚。',
        '特此函复。',
        '::: right',
        '生态环境部办公厅',
        '2020年3月20日',
        ':::',
        '::: warning 原文链接',
        '<https://www.mee.gov.cn/xxgk2018/xxgk/xxgk06/202003/t20200323_770198.html>',
        ':::',
      ].join('\n'),
    );
    expect(s).toMatchObject({ issuers: ['生态环境部办公厅'], date: '2020-03-20' });
    expect(textOf(blocks, s!.range)).toBe('生态环境部办公厅');
  });

  it('reads a Chinese-numeral date and a full organ name (人薪发［1995］32号)', () => {
    const { s } = signOff(
      [
        '# 国家机关、事业单位贯彻《国务院关于职工工作时间的规定》的实施办法',
        '根据《国务院关于职工工作时间的规定》，我部制定了《国家机关、事业单位贯彻〈国务院关于职工工作时间的规定〉的实施办法》，现印发给你们，请遵照执行。',
        '中华人民共和国人事部',
        '一九九五年三月二十六日',
        '一、国家机关、事业单位实行统一的工作时间。',
      ].join('\n'),
    );
    expect(s).toMatchObject({ issuers: ['中华人民共和国人事部'], date: '1995-03-26' });
  });

  it('reads joint issuers on one line and on several lines', () => {
    expect(signOff('# 关于做好救助工作的通知\n请各地结合实际，认真贯彻落实。\n四川省财政厅　　四川省民政厅\n2020年1月15日').s?.issuers).toEqual(['四川省财政厅', '四川省民政厅']);
    expect(signOff('# 关于做好救助工作的通知\n请各地结合实际，认真贯彻落实。\n四川省财政厅\n四川省民政厅\n2020年1月15日').s?.issuers).toEqual(['四川省财政厅', '四川省民政厅']);
    expect(signOff('# 关于做好救助工作的通知\n请各地结合实际，认真贯彻落实。\n最高人民法院　最高人民检察院\n2023年5月24日').s?.issuers).toEqual(['最高人民法院', '最高人民检察院']);
  });

  it("takes a wrapper notice's sign-off, before the text it carries", () => {
    const { blocks, s } = signOff(
      [
        '# 夹江县人民政府关于印发《夹江县养犬管理办法》的通知',
        '夹府规〔2020〕3号',
        '各乡镇人民政府，县级各部门：',
        '现将《夹江县养犬管理办法》印发给你们，请认真贯彻执行。',
        '夹江县人民政府',
        '2020年3月1日',
        '（此件公开发布）',
        '# 夹江县养犬管理办法',
        '第一条 为了规范养犬行为，根据《中华人民共和国动物防疫法》，结合本县实际，制定本办法。',
        '第二十条 本办法自2020年4月1日起施行，有效期5年。',
        '抄送：县委办公室，县人大常委会办公室，县政协办公室。',
        '夹江县人民政府办公室 2020年3月1日印发',
      ].join('\n'),
    );
    expect(s).toMatchObject({ issuers: ['夹江县人民政府'], date: '2020-03-01' });
    expect(textOf(blocks, s!.range)).toBe('夹江县人民政府');
  });

  it("takes a 转发 notice's own sign-off, not the forwarded one", () => {
    const { s } = signOff(
      [
        '# 夹江县人民政府办公室关于转发《乐山市人民政府办公室关于加强安全生产工作的通知》的通知',
        '各乡镇人民政府，县级各部门：',
        '现将《乐山市人民政府办公室关于加强安全生产工作的通知》转发给你们，请结合实际认真贯彻执行。',
        '夹江县人民政府办公室',
        '2021年4月2日',
        '乐山市人民政府办公室关于加强安全生产工作的通知',
        '各县（市、区）人民政府，市级各部门：为进一步加强安全生产工作，现就有关事项通知如下。',
        '乐山市人民政府办公室',
        '2021年3月25日',
      ].join('\n'),
    );
    expect(s).toMatchObject({ issuers: ['夹江县人民政府办公室'], date: '2021-04-02' });
  });

  it('reads organs and date on one line, but not a 印发 line', () => {
    expect(signOff('# 通知\n请认真贯彻执行，确保工作落实。\n夹江县人民政府　2020年3月1日').s).toMatchObject({
      issuers: ['夹江县人民政府'],
      date: '2020-03-01',
    });
    expect(signOff('# 通知\n请认真贯彻执行，确保工作落实。\n夹江县人民政府办公室 2020年3月1日印发').s).toBeNull();
  });

  it('finds nothing in a law, a masthead or an empty text', () => {
    expect(signOff('# 重大行政决策程序暂行条例\n2019年4月20日 中华人民共和国国务院令第713号公布\n2019年9月1日 施行\n第四十四条 本条例自2019年9月1日起施行。').s).toBeNull();
    expect(signOff('夹江县人民政府\n2020年3月1日\n第一条 为了规范管理，制定本办法。').s).toBeNull();
    expect(readSignOff([], 0)).toBeNull();
  });

  it('keeps a sign-off with an impossible date, date unknown', () => {
    expect(signOff('# 通知\n请认真贯彻执行，确保工作落实。\n夹江县人民政府\n2023年2月30日').s).toMatchObject({ issuers: ['夹江县人民政府'], date: null });
  });
});

describe('long input', () => {
  it('stays linear on many organ lines without a date', () => {
    const t0 = performance.now();
    expect(signOff('# 通知\n请认真贯彻执行，确保工作落实。\n' + '夹江县人民政府\n'.repeat(20000)).s).toBeNull();
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
