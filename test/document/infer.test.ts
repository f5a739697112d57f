/**
 * Issuer, level, trial and kind inference; and, when the shared corpus is present, kind inference
 * over real files with a table per folder (laws and regulations must almost never come out as
 * 行政规范性文件).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOC_KINDS, type DocKind } from '../../src/types.js';
import { innerTitleOf, readHeader } from '../../src/document/header.js';
import { readSignOff } from '../../src/document/signoff.js';
import {
  inferIssuer,
  inferKind,
  isOrganName,
  isTrial,
  issuerFromTitle,
  issuerTypeOf,
  levelOf,
  organsFromTitle,
  splitOrgans,
  type KindInput,
} from '../../src/document/infer.js';
import { parseDocNumber } from '../../src/document/doc-number.js';
import { plainBlocks, plainHeaderEnd } from '../helpers/plain-blocks.js';

describe('issuerTypeOf', () => {
  it('tells governments from departments', () => {
    expect(issuerTypeOf('夹江县人民政府')).toBe('government');
    expect(issuerTypeOf('夹江县人民政府办公室')).toBe('government');
    expect(issuerTypeOf('四川省人民政府办公厅')).toBe('government');
    expect(issuerTypeOf('国务院')).toBe('government');
    expect(issuerTypeOf('中华人民共和国国务院')).toBe('government');
    expect(issuerTypeOf('国务院办公厅')).toBe('government');
    for (const d of ['夹江县司法局', '四川省财政厅', '国家发展和改革委员会', '乐山市卫生健康委', '生态环境部', '海关总署', '夹江县政务服务中心', '中国人民银行', '夹江县财政局办公室']) {
      expect(issuerTypeOf(d), d).toBe('department');
    }
  });

  it('is null for courts, congresses, Party organs and non-names', () => {
    for (const n of ['最高人民法院', '最高人民检察院', '夹江县人民代表大会常务委员会', '全国人民代表大会', '中共夹江县委', '夹江县监察委员会', '各乡镇人民政府', '养犬管理', '', null]) {
      expect(issuerTypeOf(n), String(n)).toBeNull();
    }
  });
});

describe('levelOf', () => {
  it('reads the level from the place names', () => {
    const cases: [string, string | null][] = [
      ['国务院', '国家'],
      ['国务院办公厅', '国家'],
      ['中华人民共和国人事部', '国家'],
      ['国家市场监督管理总局', '国家'],
      ['公安部', '国家'],
      ['海关总署', '国家'],
      ['最高人民法院', '国家'],
      ['四川省人民政府', '省'],
      ['四川省财政厅', '省'],
      ['北京市人民政府', '省'],
      ['重庆市生态环境局', '省'],
      ['广西壮族自治区人民政府', '省'],
      ['新疆维吾尔自治区住房和城乡建设厅', '省'],
      ['乐山市人民政府', '市'],
      ['乐山市城乡规划局', '市'],
      ['凉山彝族自治州人民政府', '市'],
      ['四川省乐山市人民政府', '市'],
      ['夹江县人民政府', '县'],
      ['夹江县市场监督管理局', '县'],
      ['夹江县住房和城乡建设局', '县'],
      ['成都市武侯区人民政府', '县'],
      ['北京市朝阳区人民政府', '县'],
      ['四川省乐山市夹江县人民政府', '县'],
      ['夹江县甘江镇人民政府', '乡'],
      ['成都市武侯区玉林街道办事处', '乡'],
      ['省财政厅', '省'],
      ['县人民政府办公室', '县'],
      ['夹江县委', '县'],
      ['养犬管理', null],
      ['', null],
    ];
    for (const [name, level] of cases) expect(levelOf(name), name).toBe(level);
  });
});

describe('issuer', () => {
  it('reads organ names', () => {
    expect(isOrganName('夹江县人民政府')).toBe(true);
    expect(isOrganName('各乡镇人民政府')).toBe(false);
    expect(isOrganName('特此函复')).toBe(false);
    expect(splitOrgans('四川省财政厅　　四川省民政厅')).toEqual(['四川省财政厅', '四川省民政厅']);
    expect(splitOrgans('国务院、中央军委')).toEqual(['国务院', '中央军委']);
    expect(splitOrgans('总理　李克强')).toBeNull();
  });

  it('takes the prefix of a title before 关于', () => {
    expect(issuerFromTitle('夹江县人民政府关于印发《夹江县养犬管理办法》的通知')).toBe('夹江县人民政府');
    expect(organsFromTitle('国务院、中央军委关于保护通信线路的规定')).toEqual(['国务院', '中央军委']);
    expect(organsFromTitle('最高人民法院  最高人民检察院关于办理强奸、猥亵未成年人刑事案件适用法律若干问题的解释')).toEqual(['最高人民法院', '最高人民检察院']);
    expect(issuerFromTitle('关于印发《工资支付暂行规定》的通知')).toBeNull();
    expect(issuerFromTitle('夹江县养犬管理办法')).toBeNull();
    expect(issuerFromTitle('国家机关、事业单位贯彻《国务院关于职工工作时间的规定》的实施办法')).toBeNull();
  });

  it('prefers the sign-off, lists co-issuers, falls back to the title', () => {
    const range = { block: 0, start: 0, end: 1 };
    expect(inferIssuer({ signOff: { issuers: ['四川省财政厅', '四川省民政厅'], date: null, range }, title: '关于做好救助工作的通知' })).toEqual({
      issuer: '四川省财政厅',
      coIssuers: ['四川省民政厅'],
    });
    expect(inferIssuer({ signOff: null, title: '夹江县人民政府关于做好春季森林防火工作的通知' })).toEqual({ issuer: '夹江县人民政府', coIssuers: [] });
    expect(inferIssuer({ signOff: null, title: null })).toEqual({ issuer: null, coIssuers: [] });
  });
});

describe('isTrial', () => {
  it('reads 试行/暂行 of the own title only', () => {
    expect(isTrial('夹江县养犬管理办法（试行）')).toBe(true);
    expect(isTrial('工资支付暂行规定')).toBe(true);
    expect(isTrial('夹江县人民政府关于印发《夹江县养犬管理办法（试行）》的通知')).toBe(true);
    expect(isTrial('关于贯彻落实《重大行政决策程序暂行条例》的实施意见')).toBe(false);
    expect(isTrial('关于修改《四川省行政规范性文件管理暂行办法》的决定')).toBe(false);
    expect(isTrial(null)).toBe(false);
  });
});

describe('inferKind', () => {
  const base: KindInput = { title: null, innerTitle: null, headerLines: [], docNumber: null, decree: null, issuer: null, congressAdopted: false };
  const kind = (input: Partial<KindInput>) => inferKind({ ...base, ...input });

  it('follows product.md §2.3 in order', () => {
    expect(kind({ title: '重大行政决策程序暂行条例', decree: '中华人民共和国国务院令第713号' })).toBe('行政法规');
    expect(kind({ title: '城市居民最低生活保障条例', decree: '中华人民共和国国务院、中华人民共和国中央军事委员会令第N号' })).toBe('行政法规');
    expect(kind({ title: '四川省行政规范性文件管理办法', decree: '四川省人民政府令第351号' })).toBe('规章');
    expect(kind({ title: '侵害消费者权益行为处罚办法', decree: '国家工商行政管理总局令第73号' })).toBe('规章');
    expect(kind({ title: '中华人民共和国行政处罚法' })).toBe('法律');
    expect(kind({ title: '中华人民共和国行政处罚法（2021年修订）' })).toBe('法律');
    expect(kind({ title: '中华人民共和国行政复议法实施条例' })).not.toBe('法律');
    expect(kind({ title: '中华人民共和国中外合资经营企业法实施办法', issuer: null })).toBe('其他');
    expect(
      kind({ title: '青岛市城市供热条例', congressAdopted: true, headerLines: ['2011年7月29日 山东省第十一届人民代表大会常务委员会第二十四次会议批准'] }),
    ).toBe('地方性法规');
    expect(
      kind({
        title: '最高人民法院关于审理行政协议案件若干问题的规定',
        headerLines: ['2019年11月12日 最高人民法院审判委员会第1781次会议通过'],
      }),
    ).toBe('司法解释');
    expect(kind({ title: '最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见', issuer: '最高人民检察院' })).toBe('其他');
    expect(kind({ title: '关于加强行政规范性文件管理的通知', docNumber: parseDocNumber('川府规〔2022〕1号') })).toBe('行政规范性文件');
    expect(kind({ title: '夹江县人民政府关于印发《夹江县养犬管理办法》的通知', innerTitle: '夹江县养犬管理办法', issuer: '夹江县人民政府' })).toBe('行政规范性文件');
    expect(kind({ title: '夹江县养犬管理办法（试行）', issuer: '夹江县人民政府办公室' })).toBe('行政规范性文件');
    expect(kind({ title: '关于做好救助工作的通知', issuer: '四川省财政厅' })).toBe('行政规范性文件');
    expect(kind({ title: '夹江县人民政府关于做好春季森林防火工作的通知' })).toBe('行政规范性文件');
    expect(kind({ title: '夹江县2021年政府工作报告', issuer: '夹江县人民政府' })).toBe('其他');
    expect(kind({ title: '关于做好救助工作的通知' })).toBe('其他');
    expect(kind({})).toBe('其他');
  });

  it('uses X of a wrapper for the kind word', () => {
    expect(kind({ title: '夹江县人民政府关于印发《夹江县2020年重点工作任务分解表》的通知', innerTitle: '夹江县2020年重点工作任务分解表', issuer: '夹江县人民政府' })).toBe('其他');
  });

  it('reads laws the national congress adopted, and 主席令, as 法律', () => {
    const npc = ['2005年3月14日 第十届全国人民代表大会第三次会议通过'];
    expect(kind({ title: '反分裂国家法', congressAdopted: true, headerLines: npc })).toBe('法律');
    expect(kind({ title: '中华人民共和国民法典', congressAdopted: true, headerLines: ['2020年5月28日 第十三届全国人民代表大会第三次会议通过'] })).toBe('法律');
    expect(kind({ title: '中华人民共和国行政许可法', decree: '中华人民共和国主席令第七号' })).toBe('法律');
  });
});

// ---------------------------------------------------------------------------
// Corpus
// ---------------------------------------------------------------------------

/** Enough of HTML and Markdown removed to read the corpus without the Markdown reader. */
const ENTITIES: Record<string, string> = { emsp: '\u2003', ensp: '\u2002', nbsp: '\u00a0', lt: '<', gt: '>', amp: '&', quot: '"' };

function crudeText(source: string): { text: string; fmTitle: string | null; fmAuthor: string | null } {
  let text = source.replace(/^\uFEFF/, '');
  let fmTitle: string | null = null;
  let fmAuthor: string | null = null;
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (fm) {
    const t = /^title:\s*"?(.*?)"?\s*$/m.exec(fm[1]!);
    fmTitle = t ? t[1]!.trim() : null;
    const a = /^author:\s*"?(.*?)"?\s*$/m.exec(fm[1]!);
    fmAuthor = a ? a[1]!.trim() : null;
    text = text.slice(fm[0].length);
  }
  text = text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>/gi, '\n')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, '')
    .replace(/&(emsp|ensp|nbsp|lt|gt|amp|quot);/g, (_, e: string) => ENTITIES[e]!)
    .replace(/\*\*/g, '')
    .replace(/^#{2,6}\s+/gm, '');
  return { text, fmTitle, fmAuthor };
}

interface Inferred {
  kind: DocKind;
  title: string | null;
  issuer: string | null;
  decree: string | null;
  docNumber: string | null;
}

/**
 * `authorAsIssuer`: take the front matter's `author` as the 制定机关 field (cee's pages name the
 * issuing body there), to see the rule work when an issuer is known.
 */
function inferFile(path: string, authorAsIssuer = false): Inferred {
  const { text, fmTitle, fmAuthor } = crudeText(readFileSync(path, 'utf8'));
  const blocks = plainBlocks(text);
  const headerEnd = plainHeaderEnd(blocks);
  const header = readHeader(blocks, headerEnd);
  const signOff = readSignOff(blocks, headerEnd);
  // Front matter first, as the field reader does; then the text.
  const title = fmTitle ?? header.title?.value ?? null;
  const innerTitle = fmTitle ? innerTitleOf(fmTitle) : header.innerTitle;
  const issuer = (authorAsIssuer ? fmAuthor : null) ?? inferIssuer({ signOff, title }).issuer;
  const kind = inferKind({
    title,
    innerTitle,
    headerLines: header.lines,
    docNumber: header.docNumber?.value ?? null,
    decree: header.decree?.value ?? null,
    issuer,
    congressAdopted: header.congressAdopted,
  });
  return { kind, title, issuer, decree: header.decree?.value ?? null, docNumber: header.docNumber?.value.raw ?? null };
}

/** The shared corpus; HEFA_CORPUS points elsewhere. Every file of each folder is read (about 1 s). */
const CORPUS = process.env.HEFA_CORPUS ?? '/work/shared/corpus';
const LRB = join(CORPUS, 'LawRefBook-Laws');
const FOLDERS = ['行政法规', '宪法相关法', '行政法', '司法解释', '部门规章', 'DLC'];
const FWW = join(CORPUS, 'Fungwingwaa-cee/docs/posts');

function mdFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...mdFiles(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

function tally(results: Inferred[]): Record<DocKind, number> {
  const counts = Object.fromEntries(DOC_KINDS.map((k) => [k, 0])) as Record<DocKind, number>;
  for (const r of results) counts[r.kind]++;
  return counts;
}

describe.skipIf(!existsSync(LRB))('kind inference over the corpus', () => {
  it('keeps laws and regulations out of 行政规范性文件 and prints the table', () => {
    const rows: string[] = [];
    const share: Record<string, number> = {};
    const header = ['folder', 'n', ...DOC_KINDS.filter((k) => k !== '重大行政决策')];
    rows.push(header.join('\t'));
    const report = (name: string, results: Inferred[]) => {
      const c = tally(results);
      rows.push([name, results.length, ...header.slice(2).map((k) => c[k as DocKind])].join('\t'));
      share[name] = results.length ? c['行政规范性文件'] / results.length : 0;
      // The files read as 行政规范性文件 are listed for review; HEFA_SHOW=<kind> lists another kind.
      const show = process.env.HEFA_SHOW ?? '行政规范性文件';
      const listed = results.filter((r) => r.kind === show).slice(0, process.env.HEFA_SHOW ? 40 : 20);
      for (const r of listed) rows.push(`    ${r.kind}? ${r.title} | issuer=${r.issuer} | 文号=${r.docNumber} | 令=${r.decree}`);
    };
    for (const folder of FOLDERS) {
      const dir = join(LRB, folder);
      if (!existsSync(dir)) continue;
      report(folder, mdFiles(dir).map((f) => inferFile(f)));
    }
    for (const p of ['P1', 'P2', 'P3', 'P4', 'P5', 'P6']) {
      const dir = join(FWW, p);
      if (!existsSync(dir)) continue;
      report(`cee/${p}`, mdFiles(dir).map((f) => inferFile(f)));
      report(`cee/${p}+author`, mdFiles(dir).map((f) => inferFile(f, true)));
    }
    console.log(rows.join('\n'));
    for (const folder of ['行政法规', '宪法相关法', '行政法']) {
      if (folder in share) expect(share[folder]!, folder).toBeLessThan(0.03);
    }
  });
});