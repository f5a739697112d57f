/**
 * Safe outputs (product.md §6 "reports escape everything they print", issue 8): document text in a
 * report cannot drive the terminal, break markup or run as a spreadsheet formula. src/format/escape.ts
 * holds one helper per target; stylish uses stripControls on every path, message and basis.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell, escapeHtml, escapeXml, stripControls } from '../../src/format/escape.js';
import { formatStylish } from '../../src/format/stylish.js';
import type { Finding, LintResult } from '../../src/types.js';
import { AS_OF, expectNoCrash, hefa, sandbox, useSandboxes } from './helpers.js';

useSandboxes();

describe('stripControls (terminal text)', () => {
  it('makes ANSI escapes, CR, BEL, backspace, NUL, DEL and C1 controls visible', () => {
    expect(stripControls('标题\u001b[2J\u001b]0;x\u0007\r覆盖\b\u0000\u007f\u009b')).toBe('标题\\x1B[2J\\x1B]0;x\\x07\\r覆盖\\x08\\x00\\x7F\\x9B');
  });
  it('makes line breaks and tabs visible, or keeps line feeds when asked', () => {
    expect(stripControls('a\nb\tc\r\n')).toBe('a\\nb\\tc\\r\\n');
    expect(stripControls('a\nb\r\n', { keepNewlines: true })).toBe('a\nb\\r\n');
  });
  it('neutralises bidi overrides and line separators (Trojan Source), keeps ordinary Chinese and emoji', () => {
    expect(stripControls('罚款\u202e001\u2066x\u2069\u2028')).toBe('罚款\\u202E001\\u2066x\\u2069\\u2028');
    expect(stripControls('第一条　《条例》（试行）😀𠀀')).toBe('第一条　《条例》（试行）😀𠀀');
  });
  it('takes numbers, null and undefined', () => {
    expect(stripControls(12)).toBe('12');
    expect(stripControls(null)).toBe('');
    expect(stripControls(undefined)).toBe('');
  });
});

describe('escapeHtml', () => {
  it('escapes the five markup characters, for text and quoted attributes', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
  });
  it('makes controls HTML does not allow visible; keeps tab, LF, CR', () => {
    expect(escapeHtml('a\u0000b\u001bc\u0085d\t\n\r')).toBe('a\\x00b\\x1Bc\\x85d\t\n\r');
  });
  it('null and numbers', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(3)).toBe('3');
  });
});

describe('escapeXml', () => {
  it('escapes markup, quotes and CR; drops nothing silently', () => {
    expect(escapeXml(`<a b="c" d='e'>&\r`)).toBe('&lt;a b=&quot;c&quot; d=&apos;e&apos;&gt;&amp;&#13;');
  });
  it('characters XML 1.0 forbids become visible escapes: controls, U+FFFE/FFFF, lone surrogates', () => {
    expect(escapeXml('a\u0000b\u001bc\ufffed\ud800e\udc00f')).toBe('a\\x00b\\x1Bc\\uFFFEd\\uD800e\\uDC00f');
    expect(escapeXml('😀𠀀\t\n')).toBe('😀𠀀\t\n');
  });
});

describe('csvCell', () => {
  it('neutralises formulas: a cell starting with = + - @ tab or CR gets a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x","点击")')).toBe(`"'=HYPERLINK(""http://x"",""点击"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });
  it('quotes cells with a comma, quote or line break (RFC 4180), doubles quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"可以"')).toBe('"他说""可以"""');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell('夹府规〔2020〕3号')).toBe('夹府规〔2020〕3号');
  });
  it('numbers are written as they are (a negative number stays a number); null is empty', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('stylish output', () => {
  const finding = (message: string): Finding => ({
    ruleId: 'structure-title-kind',
    severity: 'info',
    message,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    basis: [{ title: '党政机关公文格式\u001b[31m', confidence: 'practice' }],
    related: [],
    suppressed: null,
  });
  it('never writes a control character from a document: path, message and basis are neutralised', () => {
    const result: LintResult = {
      asOf: '2026-11-29',
      files: [{ path: 'evil\u001b[2J.md', document: null, findings: [finding('发现标题“恶意\u001b[2J\r覆盖\u0007”没有以文种结尾')] }],
      notices: [],
    };
    for (const color of [false, true]) {
      const out = formatStylish(result, { color });
      const withoutOwnColours = out.replace(/\u001b\[\d+(?:;\d+)*m/g, '');
      expect(withoutOwnColours).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
      expect(out).toContain('evil\\x1B[2J.md');
      expect(out).toContain('发现标题“恶意\\x1B[2J\\r覆盖\\x07”没有以文种结尾');
      expect(out).toContain('《党政机关公文格式\\x1B[31m》');
    }
  });

  it('end to end: a title with ESC and CR in a document reaches stdout as visible escapes; JSON escapes them too', () => {
    const dir = sandbox();
    writeFileSync(join(dir, 'hefa.config.yaml'), 'extends: [hefa:style]\n');
    writeFileSync(join(dir, 'evil.md'), '---\n标题: "恶意\\e[2J\\e[31m标题\\r覆盖"\n---\n第一条 内容。\n');
    const r = hefa(['check', 'evil.md', ...AS_OF], dir, { env: { FORCE_COLOR: '0' } });
    expectNoCrash(r);
    expect(r.stdout).toContain('发现标题“恶意\\x1B[2J\\x1B[31m标题\\r覆盖”没有以文种结尾');
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    const json = hefa(['check', 'evil.md', '--format', 'json', ...AS_OF], dir);
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(json.stdout).toContain('恶意\\u001b[2J\\u001b[31m标题\\r覆盖');
  });
});
