/**
 * End-to-end: `hefa audit` (product.md §3, §3.1, §4.2), by running the built binary in a temporary
 * copy of fixtures/cli/audit-archive — a county archive with one document in each situation:
 *
 * | file | situation |
 * |---|---|
 * | 夹江县城市绿化管理办法 | in force until 2030; shares its 文号 with 夹江县城区停车管理办法 |
 * | 夹江县临时救助实施办法 | 有效期至 2027-03-31: expiring (122 days after the as-of date) |
 * | 夹江县城区养犬管理办法 | 有效期至 2023-02-28: expired |
 * | 夹江县农村村民住宅建设管理办法 | marked 已废止 in its front matter |
 * | 夹江县城区门前三包管理办法 | repealed by 夹江县城区门前责任区管理办法's repeal clause, still marked in force |
 * | 夹江县政府投资项目合同管理办法 | cites 《中华人民共和国合同法》 (repealed by the 民法典) |
 * | 夹江县犬只狂犬病免疫管理规定 | cites the expired 养犬管理办法 |
 * | 夹江县关于促进夜间经济发展的实施意见 | no validity period |
 * | 中华人民共和国行政许可法 | a law: classified, no recommendation |
 * | 标题异常的文件 | a title that is a <script> element |
 *
 * The cross-document expectations are written to the contract of the corpus and citation rules'
 * `data` (corpus-duplicate-number {docNumber}, corpus-repealed-in-force {repealedBy},
 * corpus-cites-invalid {target, targetStatus}, citation-repealed {law, successor, stoppedOn}).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, CASES, hefa, useCliSuite, workspace, type Run } from '../helpers/cli.js';

// ---------------------------------------------------------------------------------------------
// Running the binary: test/helpers/cli.ts
// ---------------------------------------------------------------------------------------------

useCliSuite();

// ---------------------------------------------------------------------------------------------

interface AuditJson {
  tool: string;
  schemaVersion: number;
  asOf: string;
  documents: {
    path: string;
    title: string | null;
    status: string | null;
    recommendation: string | null;
    reasons: string[];
    repealedCitations: { law: string; line: number; successor: string | null }[];
    counts: { errors: number; warnings: number; infos: number };
    findings: { ruleId: string }[];
  }[];
  totals: { byStatus: Record<string, number>; byKind: Record<string, number>; byIssuer: Record<string, number>; byYear: Record<string, number> };
  corpus: {
    duplicateNumbers: { docNumber: string; paths: string[] }[];
    repealedInForce: { path: string; repealedBy: string; line: number | null }[];
    citesInvalid: { path: string; line: number; target: string; targetStatus: string }[];
  };
}

function parse(r: Run): AuditJson {
  try {
    return JSON.parse(r.stdout) as AuditJson;
  } catch {
    throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
}

/** `path status recommendation` of every document, paths without the folder. */
function classes(rep: AuditJson): string[] {
  return rep.documents.map((d) => `${d.path.replace(/^archive\//, '')} ${d.status} ${d.recommendation}`);
}

let dir: string;
let json: Run;

beforeAll(() => {
  dir = workspace();
  cpSync(join(CASES, 'audit-archive'), join(dir, 'archive'), { recursive: true });
  json = hefa(['audit', 'archive', ...AS_OF, '--format', 'json'], dir);
});

describe('hefa audit --format json', () => {
  it('reports and exits 0 when every input was read, with nothing on stderr', () => {
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
  });

  it('classifies every document as of --as-of', () => {
    const rep = parse(json);
    expect(rep.tool).toBe('hefa');
    expect(rep.schemaVersion).toBe(1);
    expect(rep.asOf).toBe('2026-11-29');
    expect(classes(rep)).toEqual([
      '中华人民共和国行政许可法.md 未定有效期 null',
      '夹江县临时救助实施办法.md 即将到期 继续有效',
      '夹江县关于促进夜间经济发展的实施意见.md 未定有效期 继续有效',
      '夹江县农村村民住宅建设管理办法.md 已废止 null',
      '夹江县城区停车管理办法.md 有效 继续有效',
      '夹江县城区养犬管理办法.md 已到期 宣布失效',
      '夹江县城区门前三包管理办法.md 已废止 宣布失效',
      '夹江县城区门前责任区管理办法.md 有效 继续有效',
      '夹江县城市绿化管理办法.md 有效 继续有效',
      '夹江县政府投资项目合同管理办法.md 有效 修改',
      '夹江县犬只狂犬病免疫管理规定.md 有效 修改',
      '标题异常的文件.md 有效 继续有效',
    ]);
    expect(rep.totals.byStatus).toEqual({ 有效: 6, 即将到期: 1, 已到期: 1, 已废止: 2, 未定有效期: 2 });
    expect(rep.totals.byKind).toEqual({ 法律: 1, 行政规范性文件: 11 });
    expect(Object.keys(rep.totals.byYear)).toEqual(['2018', '2019', '2021', '2022', '2023', '2024', '2025', '未知']);
  });

  it('gives the reasons a person acts on', () => {
    const by = Object.fromEntries(parse(json).documents.map((d) => [d.path.replace(/^archive\//, ''), d]));
    expect(by['夹江县城区养犬管理办法.md']!.reasons).toEqual(['有效期至2023-02-28']);
    expect(by['夹江县临时救助实施办法.md']!.reasons).toEqual(['有效期至2027-03-31，剩余122天，届满前应评估是否继续施行']);
    expect(by['夹江县城区门前三包管理办法.md']!.reasons).toEqual(['已被《夹江县城区门前责任区管理办法》废止，但仍标注为有效']);
    expect(by['夹江县政府投资项目合同管理办法.md']!.reasons).toEqual(['引用已废止的《中华人民共和国合同法》（已由《中华人民共和国民法典》取代）']);
    expect(by['夹江县政府投资项目合同管理办法.md']!.repealedCitations).toEqual([
      { law: '中华人民共和国合同法', line: 5, successor: '中华人民共和国民法典' },
    ]);
    expect(by['夹江县犬只狂犬病免疫管理规定.md']!.reasons).toEqual(['引用已到期的《夹江县城区养犬管理办法》']);
    expect(by['中华人民共和国行政许可法.md']!.reasons).toEqual(['法律不在规范性文件清理范围内，不作建议']);
    expect(by['标题异常的文件.md']!.title).toBe('<script>alert(1)</script>');
  });

  it('lists duplicate 文号, documents repealed but marked in force, and citations of invalid documents', () => {
    const { corpus } = parse(json);
    expect(corpus.duplicateNumbers).toEqual([
      { docNumber: '夹府规〔2025〕3号', paths: ['archive/夹江县城区停车管理办法.md', 'archive/夹江县城市绿化管理办法.md'] },
    ]);
    expect(corpus.repealedInForce).toMatchObject([
      { path: 'archive/夹江县城区门前三包管理办法.md', repealedBy: 'archive/夹江县城区门前责任区管理办法.md', line: 11 },
    ]);
    expect(corpus.citesInvalid).toMatchObject([
      { path: 'archive/夹江县犬只狂犬病免疫管理规定.md', line: 7, target: 'archive/夹江县城区养犬管理办法.md', targetStatus: '已到期' },
    ]);
  });

  it('is byte-stable', () => {
    expect(hefa(['audit', 'archive', ...AS_OF, '--format', 'json'], dir).stdout).toBe(json.stdout);
  });

  it('--disable switches a rule off like check: without corpus-repealed-in-force the old document is merely undated', () => {
    const rep = parse(hefa(['audit', 'archive', ...AS_OF, '-f', 'json', '--disable', 'corpus-repealed-in-force'], dir));
    expect(classes(rep)).toContain('夹江县城区门前三包管理办法.md 未定有效期 继续有效');
    expect(rep.corpus.repealedInForce).toEqual([]);
  });

  it('a later --as-of moves documents from 即将到期 to 已到期', () => {
    const rep = parse(hefa(['audit', 'archive', '--as-of', '2027-04-01', '-f', 'json'], dir));
    expect(classes(rep)).toContain('夹江县临时救助实施办法.md 已到期 宣布失效');
  });
});

describe('hefa audit: the other formats', () => {
  it('table (the default): counts, then the documents needing action', () => {
    const r = hefa(['audit', 'archive', ...AS_OF], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('清理审查（截至 2026-11-29）：共 12 件文件');
    expect(r.stdout).toContain('需要处理的文件（5）');
    expect(r.stdout).toMatch(/宣布失效 {2}已到期 {6}《夹江县城区养犬管理办法》（夹府规〔2021〕1号）/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('csv -o: UTF-8 with BOM, CRLF, one row per document', () => {
    const r = hefa(['audit', 'archive', ...AS_OF, '-f', 'csv', '-o', '清理台账.csv'], dir);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    const bytes = readFileSync(join(dir, '清理台账.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]!.startsWith('路径,标题,文号,')).toBe(true);
    expect(lines).toHaveLength(1 + 12 + 1);
  });

  it('html -o: one self-contained file, the malicious title escaped', () => {
    const r = hefa(['audit', 'archive', ...AS_OF, '-f', 'html', '-o', '清理报告.html'], dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const html = readFileSync(join(dir, '清理报告.html'), 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(hefa(['audit', 'archive', ...AS_OF, '-f', 'html'], dir).stdout).toBe(html);
  });
});

describe('hefa audit: exit codes (product.md §3.1)', () => {
  it('1 when an input could not be read; the rest is still reported', () => {
    const d = workspace();
    cpSync(join(CASES, 'audit-archive'), d, { recursive: true });
    writeFileSync(join(d, '空文件.md'), '');
    const r = hefa(['audit', '.', ...AS_OF, '-f', 'json'], d);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('hefa: 无法读取 空文件.md：');
    const rep = parse(r);
    expect(rep.documents).toHaveLength(13);
    expect(rep.documents.find((x) => x.path === '空文件.md')).toMatchObject({ status: null, recommendation: null });
  });

  it('--fail-on makes findings fail the run', () => {
    expect(hefa(['audit', 'archive', ...AS_OF, '--fail-on', 'error'], dir).code).toBe(1);
    expect(hefa(['audit', 'archive/夹江县城市绿化管理办法.md', ...AS_OF, '--fail-on', 'error', '--disable', 'corpus-duplicate-number'], dir).code).toBe(0);
  });

  it.each([
    [['--as-of', '2026-13-01'], /--as-of 的日期“2026-13-01”无效/],
    [['--format', 'pdf'], /pdf/],
    [['--kind', '文件'], /--kind 的值“文件”无效/],
    [['--rule', 'no-such-rule'], /未知的规则“no-such-rule”/],
  ])('2 on bad usage: %j', (args, message) => {
    const r = hefa(['audit', 'archive', ...AS_OF, ...args], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('2 when no path is given or a path matches nothing', () => {
    expect(hefa(['audit', ...AS_OF], dir).code).toBe(2);
    expect(hefa(['audit', 'no-such-folder', ...AS_OF], dir).code).toBe(2);
  });

  it('draws no progress when stderr is not a terminal, and accepts --no-progress', () => {
    const r = hefa(['audit', 'archive', ...AS_OF, '--no-progress', '-f', 'json'], dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(json.stdout);
  });
});
