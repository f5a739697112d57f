import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/input/frontmatter.js';

describe('splitFrontMatter', () => {
  it('splits LF front matter', () => {
    const src = '---\n标题: 夹江县城区停车设施建设管理实施方案\n文号: 夹府发〔2023〕12号\n---\n# 正文\n';
    const fm = splitFrontMatter(src);
    expect(fm.error).toBeNull();
    expect(fm.yaml).toBe('标题: 夹江县城区停车设施建设管理实施方案\n文号: 夹府发〔2023〕12号\n');
    expect(fm.yamlStart).toBe(4);
    expect(src.slice(fm.bodyStart)).toBe('# 正文\n');
  });

  it('splits CRLF front matter', () => {
    const src = '---\r\n标题: 测试\r\n---\r\n正文\r\n';
    const fm = splitFrontMatter(src);
    expect(fm.yaml).toBe('标题: 测试\r\n');
    expect(fm.yamlStart).toBe(5);
    expect(src.slice(fm.bodyStart)).toBe('正文\r\n');
  });

  it('splits CR front matter', () => {
    const src = '---\r标题: 测试\r---\r正文\r';
    const fm = splitFrontMatter(src);
    expect(fm.yaml).toBe('标题: 测试\r');
    expect(fm.yamlStart).toBe(4);
    expect(src.slice(fm.bodyStart)).toBe('正文\r');
  });

  it('accepts ... as the closing fence and trailing spaces on fences', () => {
    const src = '---  \n类型: 行政规范性文件\n...\t\n正文';
    const fm = splitFrontMatter(src);
    expect(fm.yaml).toBe('类型: 行政规范性文件\n');
    expect(src.slice(fm.bodyStart)).toBe('正文');
  });

  it('handles empty front matter and a closing fence at the end of the file', () => {
    const fm = splitFrontMatter('---\n---');
    expect(fm).toEqual({ yaml: '', yamlStart: 4, bodyStart: 7, error: null });
  });

  it('finds no front matter when the first line is not ---', () => {
    for (const src of ['# 标题\n---\na: 1\n---\n', '\n---\na: 1\n---\n', '----\na: 1\n----\n', '--- a\n---\n', '']) {
      expect(splitFrontMatter(src)).toEqual({ yaml: null, yamlStart: 0, bodyStart: 0, error: null });
    }
  });

  it('reports unterminated front matter and reads the whole file as text', () => {
    const fm = splitFrontMatter('---\n标题: 测试\n\n第一条 为了规范……\n');
    expect(fm.yaml).toBeNull();
    expect(fm.bodyStart).toBe(0);
    expect(fm.error).toEqual({ message: '前置元数据缺少结束标记“---”', offset: 0 });
    expect(splitFrontMatter('---').error).not.toBeNull();
    expect(splitFrontMatter('---\r\n标题: 测试\r\n').error).not.toBeNull();
  });
});
