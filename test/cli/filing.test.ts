/**
 * End-to-end: `hefa filing` (product.md §4.3, §5.4, §3.1), by running the built binary in temporary
 * copies of fixtures/cli/filing/ (a 夹江县 config with jurisdiction and one filing.targets entry, and
 * a document for every status) with --as-of 2026-11-29.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { AS_OF, ROOT, hefa, useCliSuite, workspace, type Run } from '../helpers/cli.js';

// ---------------------------------------------------------------------------------------------
// Running the binary: test/helpers/cli.ts
// ---------------------------------------------------------------------------------------------

useCliSuite();

// ---------------------------------------------------------------------------------------------
// The ledger of fixtures/cli/filing as of 2026-11-29
// ---------------------------------------------------------------------------------------------

interface Row {
  path: string;
  title: string;
  docNumber: string | null;
  target: string | null;
  targetType: string | null;
  publishedOn: string | null;
  due: string | null;
  filedOn: string | null;
  status: string;
  daysLate: number | null;
  daysLeft: number | null;
  reason: string | null;
}

const NIGHT_MARKET = '=HYPERLINK("http://example.invalid","夹江县城区夜市管理办法")';
const NO_RECORDS = '文件不带记录（没有前置元数据或记录字段），无从知道是否已备案';

/** Every row, in ledger order (due date; rows without one last, by path). */
const EXPECTED: Row[] = [
  { path: 'docs/d-archive.md', title: '夹江县城区门店招牌设置管理办法', docNumber: '夹府规〔2026〕1号', target: '夹江县人大常委会', targetType: 'npc', publishedOn: '2026-08-01', due: '2026-08-31', filedOn: null, status: '备案未记录', daysLate: null, daysLeft: null, reason: NO_RECORDS },
  { path: 'docs/d-archive.md', title: '夹江县城区门店招牌设置管理办法', docNumber: '夹府规〔2026〕1号', target: '乐山市人民政府', targetType: 'superior', publishedOn: '2026-08-01', due: '2026-08-31', filedOn: null, status: '备案未记录', daysLate: null, daysLeft: null, reason: NO_RECORDS },
  { path: 'docs/a-gov-filed.yaml', title: '夹江县城区夜景照明管理办法', docNumber: '夹府规〔2026〕2号', target: '夹江县人大常委会', targetType: 'npc', publishedOn: '2026-09-01', due: '2026-10-01', filedOn: '2026-10-01', status: '已按期备案', daysLate: null, daysLeft: null, reason: null },
  { path: 'docs/a-gov-filed.yaml', title: '夹江县城区夜景照明管理办法', docNumber: '夹府规〔2026〕2号', target: '乐山市人民政府', targetType: 'superior', publishedOn: '2026-09-01', due: '2026-10-01', filedOn: '2026-10-02', status: '逾期备案', daysLate: 1, daysLeft: null, reason: null },
  { path: 'docs/b-gov-overdue.md', title: NIGHT_MARKET, docNumber: '夹府规〔2026〕4号', target: '夹江县人大常委会', targetType: 'npc', publishedOn: '2026-10-29', due: '2026-11-28', filedOn: null, status: '未备案已逾期', daysLate: 1, daysLeft: null, reason: null },
  { path: 'docs/b-gov-overdue.md', title: NIGHT_MARKET, docNumber: '夹府规〔2026〕4号', target: '乐山市人民政府', targetType: 'superior', publishedOn: '2026-10-29', due: '2026-11-28', filedOn: null, status: '未备案已逾期', daysLate: 1, daysLeft: null, reason: null },
  { path: 'docs/c-dept-pending.yaml', title: '夹江县中小学校校外活动安全管理办法', docNumber: '夹教规〔2026〕1号', target: '夹江县人民政府', targetType: 'government', publishedOn: '2026-11-16', due: '2026-12-16', filedOn: null, status: '未备案未到期', daysLate: null, daysLeft: 17, reason: null },
  { path: 'docs/e-decision.yaml', title: '夹江县城区农贸市场布局调整方案', docNumber: null, target: null, targetType: null, publishedOn: '2026-06-01', due: null, filedOn: null, status: '无需备案', daysLate: null, daysLeft: null, reason: '不是行政规范性文件（类型为“重大行政决策”）' },
  { path: 'docs/f-draft.yaml', title: '夹江县城区共享单车停放管理办法', docNumber: null, target: null, targetType: null, publishedOn: null, due: null, filedOn: null, status: '无需备案', daysLate: null, daysLeft: null, reason: '尚未公布（草案）' },
  { path: 'docs/g-archives-bureau.yaml', title: '夹江县档案查阅利用办法', docNumber: '夹档规〔2026〕1号', target: null, targetType: null, publishedOn: '2026-05-01', due: null, filedOn: null, status: '无需备案', daysLate: null, daysLeft: null, reason: '配置 filing.targets 规定“夹江县档案馆”的文件无需备案' },
];

const SUMMARY = {
  documents: 7,
  obligations: 10,
  byStatus: { 已按期备案: 1, 逾期备案: 1, 未备案已逾期: 2, 未备案未到期: 1, 备案未记录: 2, 无需备案: 3 },
};

describe('hefa filing: formats', () => {
  const dir = workspace('filing');
  const run = (...args: string[]): Run => hefa(['filing', 'docs', ...AS_OF, ...args], dir);

  it('json: exactly the shape of product.md §4.3, every status with exact days', () => {
    const r = run('--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['tool', 'schemaVersion', 'asOf', 'obligations', 'summary']);
    expect(report).toEqual({ tool: 'hefa', schemaVersion: 1, asOf: '2026-11-29', obligations: EXPECTED, summary: SUMMARY });
    for (const row of report.obligations as Row[]) {
      expect(Object.keys(row)).toEqual(['path', 'title', 'docNumber', 'target', 'targetType', 'publishedOn', 'due', 'filedOn', 'status', 'daysLate', 'daysLeft', 'reason']);
    }
    // Byte-stable: the same inputs, config and --as-of print the same bytes.
    expect(run('--format', 'json').stdout).toBe(r.stdout);
  });

  it('table (default): the friendlier wording, one line per document and target, and the counts', () => {
    const r = run();
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const row = (needle: string, status: string, target: string): void => {
      expect(lines.some((l) => l.includes(needle) && l.includes(status) && l.includes(target)), `${needle} ${status} ${target}\n${r.stdout}`).toBe(true);
    };
    row('2026-08-31', '备案未记录', '夹江县人大常委会');
    row('2026-10-01', '已按期备案（2026-10-01）', '夹江县人大常委会');
    row('2026-10-01', '逾期备案（逾期 1 天）', '乐山市人民政府');
    row('2026-11-28', '未备案（已逾期 1 天）', '夹江县人大常委会');
    row('2026-11-28', '未备案（已逾期 1 天）', '乐山市人民政府');
    row('2026-12-16', '未备案（剩余 17 天）', '夹江县人民政府');
    expect(lines.filter((l) => /^—\s+无需备案/.test(l))).toHaveLength(3);
    expect(r.stdout).toContain('配置 filing.targets 规定“夹江县档案馆”的文件无需备案');
    expect(r.stdout).toContain('共 7 个文件、10 行：已按期备案 1，逾期备案 1，未备案已逾期 2，未备案未到期 1，备案未记录 2，无需备案 3');
    expect(r.stdout).toContain('备案期限按公布之日起30日计算（参数 filing.days');
    // Rows come in due-date order.
    const dues = lines.map((l) => /^(\d{4}-\d{2}-\d{2})\s/.exec(l)?.[1]).filter((d): d is string => !!d);
    expect(dues).toEqual([...dues].sort());
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('table --quiet lists only rows that need attention', () => {
    const r = run('--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('无需备案');
    expect(r.stdout).not.toContain('已按期备案（');
    expect(r.stdout).not.toContain('逾期备案（');
    expect(r.stdout).toContain('共 3 个文件、5 行：未备案已逾期 2，未备案未到期 1，备案未记录 2');
  });

  it('csv: BOM, CRLF, RFC 4180 quoting, formula cells defused, the same rows as JSON', () => {
    const r = run('--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFF路径,标题,文号,备案机关,对象类型,公布日期,备案期限,报送日期,状态,逾期天数,剩余天数,说明\r\n')).toBe(true);
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    expect(r.stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = r.stdout.slice(1).split('\r\n').slice(1, -1);
    expect(lines).toHaveLength(EXPECTED.length);
    expect(lines[2]).toBe('docs/a-gov-filed.yaml,夹江县城区夜景照明管理办法,夹府规〔2026〕2号,夹江县人大常委会,npc,2026-09-01,2026-10-01,2026-10-01,已按期备案,,,');
    expect(lines[3]).toBe('docs/a-gov-filed.yaml,夹江县城区夜景照明管理办法,夹府规〔2026〕2号,乐山市人民政府,superior,2026-09-01,2026-10-01,2026-10-02,逾期备案,1,,');
    // A title starting with = is prefixed with ' and, holding quotes and commas, quoted with doubled quotes.
    expect(lines[4]).toBe(
      `docs/b-gov-overdue.md,"'=HYPERLINK(""http://example.invalid"",""夹江县城区夜市管理办法"")",夹府规〔2026〕4号,夹江县人大常委会,npc,2026-10-29,2026-11-28,,未备案已逾期,1,,`,
    );
    expect(lines[6]).toBe('docs/c-dept-pending.yaml,夹江县中小学校校外活动安全管理办法,夹教规〔2026〕1号,夹江县人民政府,government,2026-11-16,2026-12-16,,未备案未到期,,17,');
    expect(lines[0]).toBe(`docs/d-archive.md,夹江县城区门店招牌设置管理办法,夹府规〔2026〕1号,夹江县人大常委会,npc,2026-08-01,2026-08-31,,备案未记录,,,${NO_RECORDS}`);
    expect(lines[8]).toBe('docs/f-draft.yaml,夹江县城区共享单车停放管理办法,,,,,,,无需备案,,,尚未公布（草案）');
  });

  it('ics: parses as iCalendar; one all-day event per open deadline with a 7-day alarm; folded, CRLF, stable', () => {
    const r = run('--format', 'ics');
    expect(r.code).toBe(0);
    const text = r.stdout;
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hefa//hefa ')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\r\n]/);
    }
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(3);
    const seen = events.map((e) => {
      const start = e.getFirstPropertyValue('dtstart') as ICAL.Time;
      const alarm = e.getFirstSubcomponent('valarm')!;
      return {
        start: start.toString(),
        allDay: start.isDate,
        end: (e.getFirstPropertyValue('dtend') as ICAL.Time).toString(),
        stamp: (e.getFirstPropertyValue('dtstamp') as ICAL.Time).toString(),
        summary: e.getFirstPropertyValue('summary'),
        trigger: (alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toString(),
        action: alarm.getFirstPropertyValue('action'),
        uid: e.getFirstPropertyValue('uid'),
      };
    });
    expect(seen.map(({ start, allDay, end, stamp, trigger, action }) => ({ start, allDay, end, stamp, trigger, action }))).toEqual([
      { start: '2026-11-28', allDay: true, end: '2026-11-29', stamp: '2026-11-29T00:00:00Z', trigger: '-P7D', action: 'DISPLAY' },
      { start: '2026-11-28', allDay: true, end: '2026-11-29', stamp: '2026-11-29T00:00:00Z', trigger: '-P7D', action: 'DISPLAY' },
      { start: '2026-12-16', allDay: true, end: '2026-12-17', stamp: '2026-11-29T00:00:00Z', trigger: '-P7D', action: 'DISPLAY' },
    ]);
    // Escaped commas, quotes and the unfolded text come back exactly.
    expect(seen[0]!.summary).toBe(`【已逾期】报送夹江县人大常委会备案：${NIGHT_MARKET}（夹府规〔2026〕4号）`);
    expect(seen[2]!.summary).toBe('报送夹江县人民政府备案：夹江县中小学校校外活动安全管理办法（夹教规〔2026〕1号）');
    const description = events[2]!.getFirstPropertyValue('description') as string;
    expect(description.split('\n')).toEqual([
      '文件：夹江县中小学校校外活动安全管理办法',
      '文号：夹教规〔2026〕1号',
      '报送机关：夹江县人民政府',
      '公布日期：2026-11-16',
      '备案期限：2026-12-16（公布之日起30日）',
      '状态（2026-11-29）：未备案（剩余 17 天）',
      '路径：docs/c-dept-pending.yaml',
    ]);
    expect(new Set(seen.map((s) => s.uid)).size).toBe(3);
    // UIDs and DTSTAMP do not depend on the clock: a second run prints the same bytes.
    expect(run('--format', 'ics').stdout).toBe(text);
  });

  it('-o writes the report to a file', () => {
    const r = run('--format', 'csv', '-o', '台账.csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, '台账.csv'), 'utf8').startsWith('\uFEFF路径,')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Options, config, exit codes
// ---------------------------------------------------------------------------------------------

describe('hefa filing: exit codes and options', () => {
  it('0 by default even with overdue rows; --fail-on error|warning|info fails at those statuses', () => {
    const dir = workspace('filing');
    expect(hefa(['filing', 'docs', ...AS_OF], dir).code).toBe(0);
    expect(hefa(['filing', 'docs', ...AS_OF, '--fail-on', 'error'], dir).code).toBe(1);
    // Only filed documents: 逾期备案 is a warning; nothing at error.
    expect(hefa(['filing', 'docs/a-gov-filed.yaml', ...AS_OF, '--fail-on', 'error'], dir).code).toBe(0);
    expect(hefa(['filing', 'docs/a-gov-filed.yaml', ...AS_OF, '--fail-on', 'warning'], dir).code).toBe(1);
    // 未备案未到期 is an info.
    expect(hefa(['filing', 'docs/c-dept-pending.yaml', ...AS_OF, '--fail-on', 'warning'], dir).code).toBe(0);
    expect(hefa(['filing', 'docs/c-dept-pending.yaml', ...AS_OF, '--fail-on', 'info'], dir).code).toBe(1);
    // 备案未记录 never fails: hefa cannot know.
    expect(hefa(['filing', 'docs/d-archive.md', ...AS_OF, '--fail-on', 'info'], dir).code).toBe(0);
  });

  it('1 when an input cannot be read; the others are still listed', () => {
    const dir = workspace('filing');
    writeFileSync(join(dir, 'docs', 'empty.md'), '');
    const r = hefa(['filing', 'docs', ...AS_OF, '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/无法读取 docs\/empty\.md/);
    expect((JSON.parse(r.stdout) as { obligations: unknown[] }).obligations).toHaveLength(EXPECTED.length);
  });

  it('2 for bad usage, a bad config, a path that matches nothing', () => {
    const dir = workspace('filing');
    expect(hefa(['filing', 'docs', '--format', 'stylish'], dir).code).toBe(2);
    expect(hefa(['filing', 'docs', '--as-of', '2026-02-30'], dir).stderr).toMatch(/--as-of 的日期“2026-02-30”无效/);
    expect(hefa(['filing', 'nothing-here', ...AS_OF], dir).code).toBe(2);
    expect(hefa(['filing', ...AS_OF], dir).code).toBe(2);
    writeFileSync(join(dir, 'hefa.config.yaml'), 'filing:\n  unit: 工作日\n');
    const bad = hefa(['filing', 'docs', ...AS_OF], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('hefa.config.yaml:2:9: filing.unit 不正确；应为 days 或 workdays；实际为 “工作日”（是否想写 workdays？）');
  });

  it('params filing.days and filing.unit workdays change the due dates; the check agrees with the ledger', () => {
    const dir = workspace('filing');
    writeFileSync(
      join(dir, 'hefa.config.yaml'),
      readFileSync(join(dir, 'hefa.config.yaml'), 'utf8') + 'params: {filing.days: 5}\n',
    );
    writeFileSync(join(dir, 'hefa.config.yaml'), readFileSync(join(dir, 'hefa.config.yaml'), 'utf8').replace('filing:\n', 'filing:\n  unit: workdays\n'));
    const r = hefa(['filing', 'docs/a-gov-filed.yaml', ...AS_OF, '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as { obligations: Row[] }).obligations;
    // 2026-09-01 (Tue) + 5 working days = 2026-09-08: both filings (10-01, 10-02) are late.
    expect(rows.map((o) => [o.target, o.due, o.status, o.daysLate])).toEqual([
      ['夹江县人大常委会', '2026-09-08', '逾期备案', 23],
      ['乐山市人民政府', '2026-09-08', '逾期备案', 24],
    ]);
    const check = hefa(['check', 'docs/a-gov-filed.yaml', ...AS_OF, '--rule', 'filing-late', '--format', 'json'], dir);
    const findings = (JSON.parse(check.stdout) as { files: { findings: { ruleId: string; message: string }[] }[] }).files[0]!.findings;
    expect(findings.map((f) => f.message)).toEqual([
      '发现向夹江县人大常委会报送备案逾期23日（2026-10-01报送，期限至2026-09-08）：应当自公布之日起5个工作日内报送备案',
      '发现向乐山市人民政府报送备案逾期24日（2026-10-02报送，期限至2026-09-08）：应当自公布之日起5个工作日内报送备案',
    ]);
  });

  it('--kind forces the kind; - reads standard input', () => {
    const dir = workspace('filing');
    const forced = hefa(['filing', 'docs/e-decision.yaml', ...AS_OF, '--kind', '行政规范性文件', '--format', 'json'], dir);
    expect((JSON.parse(forced.stdout) as { obligations: Row[] }).obligations.map((o) => o.status)).toEqual(['未备案已逾期', '未备案已逾期']);
    const input = readFileSync(join(dir, 'docs', 'c-dept-pending.yaml'), 'utf8');
    const r = hefa(['filing', '-', ...AS_OF, '--stdin-filename', '校外活动.yaml', '--format', 'json'], dir, { input });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { obligations: Row[] }).obligations.map((o) => [o.path, o.status, o.daysLeft])).toEqual([['校外活动.yaml', '未备案未到期', 17]]);
  });

  it('is listed in hefa --help', () => {
    const r = hefa(['--help'], ROOT);
    expect(r.stdout).toMatch(/filing \[options\] \[paths\.\.\.\]/);
  });
});

describe('hefa filing fixtures/demo', () => {
  it('shows every status', () => {
    const r = hefa(['filing', 'fixtures/demo', ...AS_OF, '--format', 'json'], ROOT);
    expect(r.code).toBe(0);
    const statuses = new Set((JSON.parse(r.stdout) as { obligations: Row[] }).obligations.map((o) => o.status));
    expect([...statuses].sort()).toEqual(['已按期备案', '逾期备案', '未备案已逾期', '未备案未到期', '备案未记录', '无需备案'].sort());
  });
});
