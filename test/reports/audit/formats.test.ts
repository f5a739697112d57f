/**
 * The audit formats (product.md §4.2): JSON shape and key order, CSV for Excel (BOM, CRLF, quoting,
 * formula injection), the HTML report's safety (escaping, CSP hashes, no external resource) and
 * byte-stability, and the terminal table.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/reports/audit/classify.js';
import { formatAuditJson } from '../../../src/format/audit-json.js';
import { csvCell, formatAuditCsv } from '../../../src/format/audit-csv.js';
import { formatAuditHtml, scriptJson } from '../../../src/format/audit-html.js';
import { formatAuditTable, displayWidth } from '../../../src/format/audit-table.js';
import { AS_OF, file, finding, result } from './helpers.js';

const EVIL = '<script>alert(1)</script>';

function sample() {
  return classify(
    result(
      file('archive/养犬.md', { title: '夹江县城区养犬管理办法', validUntil: '2023-02-28' }, [
        finding('validity-expired', { data: { validUntil: '2023-02-28' } }),
      ]),
      file('archive/合同.md', { title: '夹江县政府投资项目合同管理办法', docNumber: '夹府规〔2022〕7号' }, [
        finding('citation-repealed', {
          line: 5,
          message: '发现引用已废止的《中华人民共和国合同法》',
          data: { law: '中华人民共和国合同法', successor: '中华人民共和国民法典', stoppedOn: '2021-01-01' },
          basis: [{ title: '中华人民共和国民法典', article: '第一千二百六十条', confidence: 'law' }],
        }, 'warning'),
      ]),
      file('archive/注入.md', { title: EVIL, docNumber: '=HYPERLINK("http://x.example","点我")', issuer: '@SUM(A1)' }, [
        finding('corpus-duplicate-number', { data: { docNumber: '夹府规〔2025〕3号' }, related: [{ path: 'archive/合同.md', line: 3, column: 1 }] }),
      ]),
      file('archive/坏.md', null, [finding('read-error', { message: '文件为空' })]),
    ),
    { asOf: AS_OF },
  );
}

describe('json', () => {
  const text = formatAuditJson(sample());
  const json = JSON.parse(text);

  it('has exactly the shape of product.md §4.2, keys in order', () => {
    expect(Object.keys(json)).toEqual(['tool', 'schemaVersion', 'asOf', 'documents', 'totals', 'corpus']);
    expect(json.tool).toBe('hefa');
    expect(json.schemaVersion).toBe(1);
    expect(json.asOf).toBe(AS_OF);
    expect(Object.keys(json.documents[0])).toEqual([
      'path', 'title', 'docNumber', 'issuer', 'kind', 'publishedOn', 'effectiveOn', 'validUntil', 'status',
      'recommendation', 'reasons', 'repealedCitations', 'counts', 'findings',
    ]);
    expect(Object.keys(json.totals)).toEqual(['byStatus', 'byKind', 'byIssuer', 'byYear']);
    expect(Object.keys(json.corpus)).toEqual(['duplicateNumbers', 'repealedInForce', 'citesInvalid']);
  });

  it('carries the classification, repealed citations and findings as in check', () => {
    const contract = json.documents.find((d: { path: string }) => d.path === 'archive/合同.md');
    expect(contract).toMatchObject({
      status: '有效',
      recommendation: '修改',
      reasons: ['引用已废止的《中华人民共和国合同法》（已由《中华人民共和国民法典》取代）'],
      repealedCitations: [{ law: '中华人民共和国合同法', line: 5, successor: '中华人民共和国民法典' }],
      counts: { errors: 0, warnings: 1, infos: 0 },
    });
    expect(Object.keys(contract.findings[0])).toEqual([
      'ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'basis', 'related', 'suppressed', 'data',
    ]);
    expect(contract.findings[0].basis).toEqual([{ title: '中华人民共和国民法典', article: '第一千二百六十条', confidence: 'law' }]);
    const bad = json.documents.find((d: { path: string }) => d.path === 'archive/坏.md');
    expect(bad).toMatchObject({ title: null, status: null, recommendation: null, reasons: ['无法读取：文件为空'] });
    expect(json.corpus.duplicateNumbers).toEqual([{ docNumber: '夹府规〔2025〕3号', paths: ['archive/合同.md', 'archive/注入.md'] }]);
  });

  it('is byte-stable and leaves out what only the other formats use', () => {
    expect(formatAuditJson(sample())).toBe(text);
    expect(text).not.toContain('daysLeft');
    expect(text).not.toContain('needsAction');
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('csv', () => {
  const text = formatAuditCsv(sample());

  it('starts with a BOM, uses CRLF and Chinese headers, one row per document', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('路径,标题,文号,制定机关,类型,公布日期,施行日期,有效期至,状态,建议,理由,引用已废止的法律,错误,警告,提示');
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('neutralises formulas and quotes as RFC 4180 says', () => {
    expect(text).toContain(`"'=HYPERLINK(""http://x.example"",""点我"")"`);
    expect(text).toContain(",'@SUM(A1),");
    for (const [input, out] of [
      ['=1+2', "'=1+2"], ['+1', "'+1"], ['-2+3', "'-2+3"], ['@A1', "'@A1"], ['\tx', "'\tx"],
      ['a,b', '"a,b"'], ['说"明"', '"说""明"""'], ['一\n二', '"一\n二"'], ['2020-03-01', '2020-03-01'],
    ] as const) {
      expect(csvCell(input)).toBe(out);
    }
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
  });

  it('writes the status, recommendation, reasons and repealed citations in words', () => {
    const row = text.split('\r\n').find((l) => l.startsWith('archive/合同.md'))!;
    expect(row).toBe('archive/合同.md,夹江县政府投资项目合同管理办法,夹府规〔2022〕7号,夹江县人民政府,行政规范性文件,2025-05-30,2025-07-01,2030-06-30,有效,修改,' +
      '引用已废止的《中华人民共和国合同法》（已由《中华人民共和国民法典》取代）,《中华人民共和国合同法》（第5行，已由《中华人民共和国民法典》取代）,0,1,0');
    expect(text).toContain('archive/坏.md,,,,,,,,无法读取,不作建议,无法读取：文件为空,,1,0,0');
  });
});

describe('html', () => {
  const html = formatAuditHtml(sample(), { version: '9.9.9', jurisdiction: '夹江县' });

  it('never lets a document string through unescaped', () => {
    expect(html).not.toContain(EVIL);
    expect(html.match(/<script/g)).toHaveLength(2); // the JSON data block and the one script
    expect(html).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    expect(scriptJson({ t: '</script><!-- & \u2028' })).toBe('{"t":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}');
  });

  it('has a restrictive CSP whose hashes match the inline style and script', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toMatch(/^default-src 'none'; /);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).not.toContain('unsafe');
    // The CSP comes before any style or script.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('loads nothing from anywhere: no URL, no src, no external href, no inline handler or style attribute', () => {
    const withoutData = html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');
    expect(withoutData).not.toMatch(/https?:|\/\/[a-z]|url\(|@import|\ssrc=|\son[a-z]+=|\sstyle=/i);
    for (const m of withoutData.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^#/);
  });

  it('draws the charts and the summary, in one self-contained file', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(2);
    expect(html).toContain('<h1>夹江县规范性文件清理审查报告</h1>');
    expect(html).toContain('2026年11月29日');
    expect(html).toContain('@media print');
  });

  it('is byte-stable for the same input', () => {
    expect(formatAuditHtml(sample(), { version: '9.9.9', jurisdiction: '夹江县' })).toBe(html);
  });
});

describe('table', () => {
  const text = formatAuditTable(sample(), { color: false });

  it('prints the counts, then each document needing action with its reasons, then the corpus lists', () => {
    expect(text).toContain('清理审查（截至 2026-11-29）：共 4 件文件，其中 1 件无法读取');
    expect(text).toContain('状态  有效 2  即将到期 0  已到期 1  已废止 0  未定有效期 0');
    expect(text).toContain('建议  继续有效 1  修改 1  废止 0  宣布失效 1  不作建议 0');
    expect(text).toMatch(/需要处理的文件（2）\n {2}宣布失效 {2}已到期 {6}《夹江县城区养犬管理办法》（夹府规〔2025〕3号）\n {24}archive\/养犬.md\n {24}有效期至2023-02-28\n {2}修改 {6}有效/);
    expect(text).toContain('夹府规〔2025〕3号  archive/合同.md、archive/注入.md');
    expect(text).toContain('archive/坏.md  无法读取：文件为空');
  });

  it('keeps control characters away from the terminal', () => {
    const r = classify(result(file('a.md', { title: 'x\u001b[2Jy', validUntil: '2020-01-01' })), { asOf: AS_OF });
    expect(formatAuditTable(r, { color: false })).toContain('x\ufffd[2Jy');
  });

  it('measures CJK as two columns', () => {
    expect(displayWidth('宣布失效')).toBe(8);
    expect(displayWidth('a〔1〕')).toBe(6); // 〔〕 are wide too
  });
});
