/**
 * The fast block reader (src/document/fast-blocks.ts) against readBlocks: wherever it answers, its blocks
 * must be the same, text, segments and offsets; over the shared corpus when present, and on small cases.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBlocks } from '../../src/document/markdown.js';
import { fastBlocks } from '../../src/document/fast-blocks.js';
import { splitFrontMatter } from '../../src/input/frontmatter.js';

/** fastBlocks' answer, checked against readBlocks when it gives one. */
function same(source: string, bodyStart = 0): boolean {
  const fast = fastBlocks(source, bodyStart);
  if (fast) expect(fast).toEqual(readBlocks(source, bodyStart));
  return fast !== null;
}

describe('fastBlocks', () => {
  it('reads headings, paragraphs and simple HTML blocks as readBlocks does', () => {
    const cases = [
      '# 标题\n\n第一条 为了规范……，制定本办法。\n第二条 本办法自2020年1月1日起施行。\n',
      '  # 标题  \n正文第一行 \n   \t 第二行\t\n\n\n## 第一章 总则\n第一条 内容',
      '标题\r\n\r\n第一条 内容\r\n继续\r\n',
      '标题\r第一条 内容\r\r第二条',
      '<p>第一条 内容</p>\n<p>第二条&emsp;内容<br>另一行</p>\n\n正文',
      '   <div align="center">\n<b>第三条</b> 内容\n\n尾',
      '甲\n<P class="x">第一条</P>\n乙',
      '第一条　内容　\n　\n第二条',
      '2020.1.1 不是列表\n#不是标题\n####### 也不是',
      '| 表 | 格 |\n| --- | --- |\n| 甲 | 乙 |',
      '::: tip 提示\n内容{align="center"}\n:::',
      '正文\n    缩进的续行',
      '# 标题\n\n<!-- INFO END -->\n\n## 第一章  总则\n',
      '甲\n<!-- 多行\n注释 --> 尾\n乙',
      '**第一条**　为了规范……，制定本办法。\n续行\n\n**第二条**\n\n**第十七条之一** 内容\n\n**加粗**\n续行',
      '《关于修改<山东省某条例>的决定》\n< 不是标签',
      '<!-- 注释\n\n中间有空行 -->\n正文\n# 标题\n<div>甲\n乙</div>',
      '**第一条**\r\n内容\r\r**第二条**为了\r\n',
      '# 标题\n\t\n第一条\t内容 \n第二条',
    ];
    for (const c of cases) expect(same(c), JSON.stringify(c)).toBe(true);
    expect(same('---\n标题: 甲\n---\n# 标题\n正文\n', 16)).toBe(true);
  });

  it('leaves other Markdown to remark', () => {
    const cases = [
      '- 列表', '1. 列表', '> 引用', '```\n代码\n```', '    缩进代码', '标题\n===', '标题\n---', '***',
      '*强调*', '**加粗** ', '甲**乙**', '**（一）**', '[链接](x)', '`代码`', 'a\\*b', '&amp;', '<span>x</span>', '<!-- 不闭合', '<!-->', '<a>', '<br>',
      '第一行  \n第二行', '## 标题 ##', '#', 'a\0b',
    ];
    for (const c of cases) expect(fastBlocks(c, 0), JSON.stringify(c)).toBeNull();
  });
});

describe('fastBlocks on generated input', () => {
  // Pieces of the constructs fastBlocks reads (mostly) and of those it must refuse, so that random
  // bodies hit the edges of both.
  const plain = fc.constantFrom(
    '\n', '\n', '\n', '\n\n', '\r\n', '\r', ' ', ' ', '  ', '\t', '\u3000', '# ', '## ', '#', '**第一条**', '**', '第一条', '第',
    '条', '本办法', '内容', '。', '，', '<p>', '</p>', '<div>', '</div>', '<br>', '<!-- 注 -->', '<!--', '-->', '<山东>', '< ', '>',
    '    ', '|', ':::', '{align="center"}', 'a', '1', '《', '》', '2020.1', '-->',
  );
  const special = fc.constantFrom('*', '_', '&emsp;', '&', '[', ']', '`', '\\', '-', '1. ', '2)', '=', '===', '---', '<a>', '<!-->', '\0');
  const piece = fc.oneof({ weight: 6, arbitrary: plain }, { weight: 1, arbitrary: special });
  it('gives the blocks of readBlocks whenever it answers', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const source = parts.join('');
        const fast = fastBlocks(source, 0);
        if (fast) expect(fast).toEqual(readBlocks(source, 0));
      }),
      { numRuns: 10_000 },
    );
  });
});

/** The shared corpus; HEFA_CORPUS points elsewhere. */
const CORPUS = process.env.HEFA_CORPUS ?? '/work/shared/corpus';

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...markdownFiles(join(dir, e.name)));
    else if (e.isFile() && e.name.endsWith('.md')) out.push(join(dir, e.name));
  }
  return out.sort();
}

describe.skipIf(!existsSync(CORPUS))('fastBlocks over the corpus', () => {
  it('gives exactly the blocks of readBlocks wherever it answers', () => {
    const decoder = new TextDecoder();
    let covered = 0;
    let total = 0;
    for (const file of markdownFiles(CORPUS)) {
      let source = decoder.decode(readFileSync(file));
      if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
      const { bodyStart } = splitFrontMatter(source);
      const fast = fastBlocks(source, bodyStart);
      total++;
      if (!fast) continue;
      covered++;
      const slow = readBlocks(source, bodyStart);
      if (JSON.stringify(fast) !== JSON.stringify(slow)) expect(fast, relative(CORPUS, file)).toEqual(slow);
    }
    expect(total).toBeGreaterThan(0);
    // Most of the corpus is headings and paragraphs; a reader that gives up everywhere is no fast path.
    expect(covered / total).toBeGreaterThan(0.3);
  }, 600_000);
});
