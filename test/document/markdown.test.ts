import { describe, expect, it } from 'vitest';
import { readBlocks } from '../../src/document/markdown.js';
import { LineIndex, blockOffset, rangePos } from '../../src/document/positions.js';
import { decodeEntities, decodeEntityAt, parseTagAt } from '../../src/document/html-text.js';
import type { Block } from '../../src/types.js';

const texts = (blocks: Block[]) => blocks.map((b) => b.text);

/** Every verbatim segment must reproduce the source (synthetic ones have len 1 and may differ). */
function checkSegments(source: string, blocks: Block[]): void {
  for (const b of blocks) {
    expect(b.segments.length).toBeGreaterThan(0);
    expect(b.segments[0]!.at).toBe(0);
    for (const s of b.segments) {
      const t = b.text.slice(s.at, s.at + s.len);
      if (s.len > 1) expect(source.slice(s.src, s.src + s.len)).toBe(t);
      expect(s.src).toBeGreaterThanOrEqual(b.start);
      expect(s.src).toBeLessThanOrEqual(b.end);
    }
  }
}

/** line:column of the first occurrence of `word` in the blocks, through rangePos. */
function posOf(source: string, blocks: Block[], word: string) {
  const lines = new LineIndex(source);
  const block = blocks.findIndex((b) => b.text.includes(word));
  expect(block).toBeGreaterThanOrEqual(0);
  const start = blocks[block]!.text.indexOf(word);
  return rangePos(lines, blocks, { block, start, end: start + word.length });
}

// LawRefBook: `# 标题`, header lines, `<!-- INFO END -->`, `## 第一章 …`, one paragraph per article.
const LAWREFBOOK = `# 中华人民共和国行政处罚法

1996年3月17日 第八届全国人民代表大会第四次会议通过

2021年1月22日 第十三届全国人民代表大会常务委员会第二十五次会议修订

<!-- INFO END -->

## 第一章 总则

第一条 为了规范行政处罚的设定和实施，保障和监督行政机关有效实施行政管理，维护公共利益和社会秩序，保护公民、法人或者其他组织的合法权益，根据宪法，制定本法。

## 第二章 行政处罚的种类和设定

第九条 行政处罚的种类：

（一）警告、通报批评；

（二）罚款、没收违法所得、没收非法财物；
`;

describe('readBlocks: LawRefBook plain Markdown', () => {
  it('gives one block per heading and paragraph, and drops the HTML comment', () => {
    const blocks = readBlocks(LAWREFBOOK, 0);
    expect(texts(blocks)).toEqual([
      '中华人民共和国行政处罚法',
      '1996年3月17日 第八届全国人民代表大会第四次会议通过',
      '2021年1月22日 第十三届全国人民代表大会常务委员会第二十五次会议修订',
      '第一章 总则',
      '第一条 为了规范行政处罚的设定和实施，保障和监督行政机关有效实施行政管理，维护公共利益和社会秩序，保护公民、法人或者其他组织的合法权益，根据宪法，制定本法。',
      '第二章 行政处罚的种类和设定',
      '第九条 行政处罚的种类：',
      '（一）警告、通报批评；',
      '（二）罚款、没收违法所得、没收非法财物；',
    ]);
    expect(blocks.map((b) => [b.type, b.depth])).toEqual([
      ['heading', 1], ['paragraph', 0], ['paragraph', 0], ['heading', 2], ['paragraph', 0], ['heading', 2],
      ['paragraph', 0], ['paragraph', 0], ['paragraph', 0],
    ]);
    checkSegments(LAWREFBOOK, blocks);
    // A heading's text maps past the `## ` marker.
    expect(blockOffset(blocks[3]!, 0)).toBe(LAWREFBOOK.indexOf('第一章'));
    expect(blocks[3]!.start).toBe(LAWREFBOOK.indexOf('## 第一章'));
  });

  it('maps words to line:column', () => {
    const blocks = readBlocks(LAWREFBOOK, 0);
    expect(posOf(LAWREFBOOK, blocks, '通报批评')).toEqual({ line: 17, column: 7, endLine: 17, endColumn: 11 });
  });

  it('reads CRLF input with the same texts and right lines', () => {
    const crlf = LAWREFBOOK.replace(/\n/g, '\r\n');
    const blocks = readBlocks(crlf, 0);
    expect(texts(blocks)).toEqual(texts(readBlocks(LAWREFBOOK, 0)));
    checkSegments(crlf, blocks);
    expect(posOf(crlf, blocks, '通报批评')).toEqual({ line: 17, column: 7, endLine: 17, endColumn: 11 });
  });

  it('turns soft line breaks into \\n and drops CR of CRLF inside a paragraph', () => {
    const src = '某某县人民政府\r\n2020年3月1日\r\n';
    const [b] = readBlocks(src, 0);
    expect(b!.text).toBe('某某县人民政府\n2020年3月1日');
    expect(posOf(src, [b!], '2020年')).toMatchObject({ line: 2, column: 1 });
  });
});

// ImCa0: front matter, `## 第一章　总则` (U+3000), bold articles `**第一条**　…`.
const IMCA0 = `---
sidebar: auto
---

# 中华人民共和国数据安全法

2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议通过

## 第一章　总则

**第一条**　为了规范数据处理活动，保障数据安全，促进数据开发利用，保护个人、组织的合法权益，维护国家主权、安全和发展利益，制定本法。

**第二条**　在中华人民共和国境内开展数据处理活动及其安全监管，适用本法。
`;

describe('readBlocks: ImCa0 bold articles', () => {
  const bodyStart = IMCA0.indexOf('# 中华');

  it('keeps the inner text of strong and maps it past the markers', () => {
    const blocks = readBlocks(IMCA0, bodyStart);
    expect(texts(blocks)).toEqual([
      '中华人民共和国数据安全法',
      '2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议通过',
      '第一章　总则',
      '第一条　为了规范数据处理活动，保障数据安全，促进数据开发利用，保护个人、组织的合法权益，维护国家主权、安全和发展利益，制定本法。',
      '第二条　在中华人民共和国境内开展数据处理活动及其安全监管，适用本法。',
    ]);
    checkSegments(IMCA0, blocks);
    const article = blocks[3]!;
    expect(article.start).toBe(IMCA0.indexOf('**第一条**'));
    expect(blockOffset(article, 0)).toBe(IMCA0.indexOf('第一条'));
    expect(blockOffset(article, 4)).toBe(IMCA0.indexOf('为了规范'));
    expect(posOf(IMCA0, blocks, '数据处理活动')).toEqual({ line: 11, column: 13, endLine: 11, endColumn: 19 });
  });

  it('keeps offsets absolute when the body starts after front matter', () => {
    const blocks = readBlocks(IMCA0, bodyStart);
    expect(blocks[0]!.start).toBe(bodyStart);
  });
});

// Fungwingwaa: front matter, containers, `{align=center}`, raw HTML paragraphs with &emsp; and <br>.
const FUNG = `---
title: 中华人民共和国大气污染防治法
shortTitle: 大气污染防治法
---

::: tip 修订信息

（1987年9月5日第六届全国人民代表大会常务委员会第二十二次会议通过&emsp;根据1995年8月29日第八届全国人民代表大会常务委员会第十五次会议《关于修改&lt;中华人民共和国大气污染防治法&gt;的决定》第一次修正）

:::

::: details 目录

[[toc]]

:::

## 第一章&emsp;总则{align=center}

<p id="t1">&emsp;&emsp;<b>第一条</b>&emsp;为保护和改善环境，防治大气污染，保障公众健康，推进生态文明建设，促进经济社会可持续发展，制定本法。</p>
<p id="t2">&emsp;&emsp;<b>第二条</b>&emsp;防治大气污染，应当以改善大气环境质量为目标，坚持源头治理，规划先行，转变经济发展方式，优化产业结构和布局，调整能源结构。<br>
&emsp;&emsp;防治大气污染，应当加强对燃煤、工业、机动车船、扬尘、农业等大气污染的综合防治。</p>

## 第二章&emsp;大气污染防治标准和限期达标规划{align="center"}

::: right

生态环境部

2019年10月17日

:::
`;

describe('readBlocks: Fungwingwaa raw HTML and containers', () => {
  const bodyStart = FUNG.indexOf('::: tip');
  const blocks = readBlocks(FUNG, bodyStart);

  it('reads one html block per <p>, with entities decoded and tags stripped', () => {
    expect(texts(blocks)).toEqual([
      '（1987年9月5日第六届全国人民代表大会常务委员会第二十二次会议通过\u2003根据1995年8月29日第八届全国人民代表大会常务委员会第十五次会议《关于修改<中华人民共和国大气污染防治法>的决定》第一次修正）',
      '[[toc]]',
      '第一章\u2003总则',
      '\u2003\u2003第一条\u2003为保护和改善环境，防治大气污染，保障公众健康，推进生态文明建设，促进经济社会可持续发展，制定本法。',
      '\u2003\u2003第二条\u2003防治大气污染，应当以改善大气环境质量为目标，坚持源头治理，规划先行，转变经济发展方式，优化产业结构和布局，调整能源结构。\n\u2003\u2003防治大气污染，应当加强对燃煤、工业、机动车船、扬尘、农业等大气污染的综合防治。',
      '第二章\u2003大气污染防治标准和限期达标规划',
      '生态环境部',
      '2019年10月17日',
    ]);
    expect(blocks.map((b) => b.type)).toEqual([
      'paragraph', 'paragraph', 'heading', 'html', 'html', 'heading', 'paragraph', 'paragraph',
    ]);
    checkSegments(FUNG, blocks);
  });

  it('maps a word inside a raw HTML paragraph to its exact source column', () => {
    // Line 22 is `&emsp;&emsp;防治大气污染，应当加强对燃煤…`: 12 characters of entities and 7 of text before the word.
    const lines = FUNG.split('\n');
    const line = lines.findIndex((l) => l.startsWith('&emsp;&emsp;防治大气污染，应当加强')) + 1;
    expect(line).toBe(22);
    const pos = posOf(FUNG, blocks, '应当加强对燃煤');
    expect(pos).toEqual({ line: 22, column: 20, endLine: 22, endColumn: 27 });
    // Line 20: after `<p id="t1">&emsp;&emsp;<b>` (26 characters).
    expect(posOf(FUNG, blocks, '第一条')).toEqual({ line: 20, column: 27, endLine: 20, endColumn: 30 });
    // A decoded &emsp; maps to the start of its entity.
    const b = blocks[3]!;
    expect(FUNG.slice(blockOffset(b, 0), blockOffset(b, 0) + 6)).toBe('&emsp;');
  });

  it('maps the block start to the <p> tag', () => {
    expect(FUNG.slice(blocks[3]!.start, blocks[3]!.start + 11)).toBe('<p id="t1">');
    expect(FUNG.slice(blocks[3]!.end - 4, blocks[3]!.end)).toBe('</p>');
  });

  it('keeps 《…<…>…》 inner titles', () => {
    expect(blocks[0]!.text).toContain('《关于修改<中华人民共和国大气污染防治法>的决定》');
    const src = '<p>依照《中华人民共和国<大气污染防治法>》和《关于<ABC>的决定》办理。</p>\n';
    expect(texts(readBlocks(src, 0))).toEqual(['依照《中华人民共和国<大气污染防治法>》和《关于<ABC>的决定》办理。']);
    const md = '根据《中华人民共和国<某>法》制定。\n';
    expect(texts(readBlocks(md, 0))).toEqual(['根据《中华人民共和国<某>法》制定。']);
  });
});

describe('readBlocks: container fences and attribute tails', () => {
  it('drops fence lines inside a paragraph and keeps the rest', () => {
    const src = '::: right\n生态环境部\n2019年10月17日\n:::\n';
    const blocks = readBlocks(src, 0);
    expect(texts(blocks)).toEqual(['生态环境部\n2019年10月17日']);
    checkSegments(src, blocks);
    expect(posOf(src, blocks, '2019年')).toMatchObject({ line: 3, column: 1 });
  });

  it('removes {align=center}, {align="center"}, {#id .class} and {target="_blank"} after links', () => {
    const src = [
      '### 第三节&emsp;期&emsp;&emsp;限{align=center}',
      '',
      '附件：实施细则 {#fj .note}',
      '',
      '原文见[查看全文](/static/a.pdf){target="_blank"}。',
      '',
      '公式{x}不是属性',
      '',
    ].join('\n');
    expect(texts(readBlocks(src, 0))).toEqual(['第三节\u2003期\u2003\u2003限', '附件：实施细则', '原文见查看全文。', '公式{x}不是属性']);
  });
});

describe('readBlocks: other Markdown constructs', () => {
  it('reads list items and blockquote paragraphs, skips code, thematic breaks', () => {
    const src = [
      '- 第1~20条：',
      '',
      '  1&emsp;2',
      '',
      '> 引用的**一段**话',
      '> 第二行',
      '',
      '---',
      '',
      '```',
      '第一条 代码',
      '```',
      '',
      '    缩进代码',
      '',
    ].join('\n');
    const blocks = readBlocks(src, 0);
    expect(texts(blocks)).toEqual(['第1~20条：', '1\u20032', '引用的一段话\n第二行']);
    checkSegments(src, blocks);
    expect(posOf(src, blocks, '第二行')).toMatchObject({ line: 6, column: 3 });
  });

  it('keeps inline code, link text, escapes and hard breaks', () => {
    const src = '见`GB 3095`和[链接](http://x)，\\*号  \n下一行\\\n再一行&#12288;完\n';
    const [b] = readBlocks(src, 0);
    expect(b!.text).toBe('见GB 3095和链接，*号\n下一行\n再一行\u3000完');
    expect(posOf(src, [b!], '下一行')).toMatchObject({ line: 2, column: 1 });
    expect(posOf(src, [b!], '完')).toMatchObject({ line: 3, column: 12 });
  });

  it('reads raw HTML inside a blockquote with exact offsets', () => {
    const src = '> <p>&emsp;第一条&emsp;为了</p>\n> <p>第二条</p>\n';
    const blocks = readBlocks(src, 0);
    expect(texts(blocks)).toEqual(['\u2003第一条\u2003为了', '第二条']);
    checkSegments(src, blocks);
    expect(posOf(src, blocks, '第二条')).toEqual({ line: 2, column: 6, endLine: 2, endColumn: 9 });
  });

  it('reads raw HTML without block elements one line at a time', () => {
    const src = '<span>\n第一行文字\n第二行文字\n</span>\n';
    expect(texts(readBlocks(src, 0))).toEqual(['第一行文字', '第二行文字']);
  });

  it('splits pipe tables into one block per row', () => {
    const src = '| 刑法条文 |罪名 |\n|-----|-----|\n| 第152条第2款 |走私废物罪 |\n';
    const blocks = readBlocks(src, 0);
    expect(texts(blocks)).toEqual(['刑法条文 罪名', '第152条第2款 走私废物罪']);
    checkSegments(src, blocks);
    expect(posOf(src, blocks, '走私废物罪')).toMatchObject({ line: 3, column: 13 });
  });

  it('reads an empty body as no blocks', () => {
    expect(readBlocks('', 0)).toEqual([]);
    expect(readBlocks('---\ntitle: x\n---\n', 16)).toEqual([]);
  });
});

describe('html-text helpers', () => {
  it('decodes named and numeric references', () => {
    expect(decodeEntities('&emsp;&ensp;&nbsp;&amp;&lt;&gt;&#12288;&#x3000;&ldquo;x&rdquo;&unknown;')).toBe(
      '\u2003\u2002\u00a0&<>\u3000\u3000\u201cx\u201d&unknown;',
    );
    expect(decodeEntityAt('&emsp;x', 0)).toEqual({ len: 6, text: '\u2003' });
    expect(decodeEntityAt('& x', 0)).toBeNull();
    expect(decodeEntityAt('&#0;', 0)).toEqual({ len: 4, text: '\ufffd' });
  });

  it('tells tags from inner titles', () => {
    expect(parseTagAt('<p id="t1">', 0)).toEqual({ name: 'p', closing: false, end: 11 });
    expect(parseTagAt('</B>', 0)).toEqual({ name: 'b', closing: true, end: 4 });
    expect(parseTagAt('<中华人民共和国某法>', 0)).toBeNull();
    expect(parseTagAt('<a title="x>y">', 0)!.end).toBe(15);
    expect(parseTagAt('<!-- INFO END -->', 0)).toEqual({ name: '!', closing: false, end: 17 });
  });
});
