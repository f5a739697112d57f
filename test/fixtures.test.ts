/**
 * Fixtures with embedded expectations (architecture.md §5).
 *
 * Every `fixtures/<rule-id>/valid-*` and `invalid-*` (a file, or a folder linted as one set for
 * cross-document rules) is run with only that rule (plus any other rule its markers name), and the
 * multiset of `path:ruleId:line` of the findings is compared with the markers both ways:
 * - Markdown: `<!-- expect: rule-id -->` at the end of the offending line;
 * - front matter and YAML records: a YAML comment `# expect: rule-id` at the end of the line;
 * - several findings on one line: `expect: a, b` (repeat an id for two findings of one rule);
 * - `expect@+1: id` / `expect@-1: id` point at the next / previous line, for lines that cannot carry a comment.
 * A valid-* fixture has no marker and gets no finding of its rule.
 *
 * The demo set (fixtures/demo, what the README's quick start runs) is checked against the list of
 * problems planted in it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint, openSession, type Session } from '../src/lint.js';
import { BUILTIN_RULES_DIR, loadRules } from '../src/rules/load.js';
import type { Finding } from '../src/types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'fixtures');
const CONFIG = 'test/fixtures/all-rules.yaml';
const AS_OF = '2026-11-29';
const DOCUMENT_FILE = /\.(md|markdown|ya?ml)$/;
/** Folders of fixtures/ that are not rule folders. */
const NOT_RULE_FOLDERS = new Set(['demo', 'cli']);

const toPosix = (p: string): string => p.split('\\').join('/');
const rel = (abs: string): string => toPosix(relative(ROOT, abs));

export interface Marker {
  path: string;
  ruleId: string;
  line: number;
}

const MD_MARKER = /<!--\s*expect(?:@([+-]\d+))?\s*:\s*(.*?)\s*-->/g;
const YAML_MARKER = /#\s*expect(?:@([+-]\d+))?\s*:\s*([^#]*?)\s*$/;

/** The expectations written into one fixture file. */
export function parseMarkers(text: string, path: string): Marker[] {
  const out: Marker[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  const add = (line: number, offset: string | undefined, ids: string): void => {
    for (const id of ids.split(/[\s,，、]+/).filter(Boolean)) out.push({ path, ruleId: id, line: line + Number(offset ?? 0) });
  };
  lines.forEach((text, i) => {
    for (const m of text.matchAll(MD_MARKER)) add(i + 1, m[1], m[2]!);
    const y = YAML_MARKER.exec(text.replace(MD_MARKER, ''));
    if (y) add(i + 1, y[1], y[2]!);
  });
  return out;
}

interface FixtureCase {
  ruleId: string;
  /** Path relative to the repository root, e.g. fixtures/decision-archive/valid-archived.yaml. */
  path: string;
  name: string;
  valid: boolean;
  /** The document files of the case (the case itself, or the files of a case folder). */
  files: string[];
}

function documentFiles(abs: string): string[] {
  if (!statSync(abs).isDirectory()) return [abs];
  return readdirSync(abs)
    .sort()
    .flatMap((n) => documentFiles(join(abs, n)))
    .filter((f) => DOCUMENT_FILE.test(f));
}

const RULES = loadRules([BUILTIN_RULES_DIR], ROOT);
const RULE_IDS = new Set(RULES.map((r) => r.id));

const ruleFolders = readdirSync(FIXTURES)
  .filter((d) => !NOT_RULE_FOLDERS.has(d) && statSync(join(FIXTURES, d)).isDirectory())
  .sort();

const CASES: FixtureCase[] = ruleFolders.flatMap((ruleId) =>
  readdirSync(join(FIXTURES, ruleId))
    .sort()
    .filter((name) => /^(valid|invalid)-/.test(name))
    .filter((name) => statSync(join(FIXTURES, ruleId, name)).isDirectory() || DOCUMENT_FILE.test(name))
    .map((name) => ({
      ruleId,
      path: `fixtures/${ruleId}/${name}`,
      name,
      valid: name.startsWith('valid-'),
      files: documentFiles(join(FIXTURES, ruleId, name)),
    })),
);

const sessions = new Map<string, Session>();
function sessionFor(only: string[]): Session {
  const key = only.join(',');
  let s = sessions.get(key);
  if (!s) {
    s = openSession({ cwd: ROOT, only, asOf: AS_OF, configFile: CONFIG });
    sessions.set(key, s);
  }
  return s;
}

const key = (path: string, ruleId: string, line: number): string => `${path}:${ruleId}:${line}`;

describe('fixture folders', () => {
  it.each(ruleFolders)('fixtures/%s/ is named after a loaded rule', (folder) => {
    expect(RULE_IDS.has(folder), `fixtures/${folder}/ names no rule; rule folders must be named after a rule id`).toBe(true);
  });

  it('every rule folder holds only valid-* and invalid-* fixtures', () => {
    const strays = ruleFolders.flatMap((d) =>
      readdirSync(join(FIXTURES, d))
        .filter((n) => !/^(valid|invalid)-/.test(n))
        .map((n) => `fixtures/${d}/${n}`),
    );
    expect(strays).toEqual([]);
  });
});

describe.each([...new Set(CASES.map((c) => c.ruleId))])('%s', (ruleId) => {
  const cases = CASES.filter((c) => c.ruleId === ruleId && RULE_IDS.has(ruleId));
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const markers = c.files.flatMap((f) => parseMarkers(readFileSync(f, 'utf8'), rel(f)));
    const unknown = markers.filter((m) => !RULE_IDS.has(m.ruleId)).map((m) => `${m.path}:${m.line}: ${m.ruleId}`);
    expect(unknown, 'markers naming no rule').toEqual([]);
    if (c.valid) {
      expect(markers.map((m) => key(m.path, m.ruleId, m.line)), 'a valid-* fixture carries no marker').toEqual([]);
    } else {
      expect(markers.some((m) => m.ruleId === ruleId), `an invalid-* fixture marks at least one ${ruleId} finding`).toBe(true);
    }
    const only = [...new Set([ruleId, ...markers.map((m) => m.ruleId)])].sort();
    const result = await lint([c.path], sessionFor(only));
    const findings: { path: string; f: Finding }[] = result.files.flatMap((file) => file.findings.map((f) => ({ path: file.path, f })));

    for (const { path, f } of findings) {
      expect(f.line, `${path} ${f.ruleId} line`).toBeGreaterThanOrEqual(1);
      expect(f.column, `${path} ${f.ruleId} column`).toBeGreaterThanOrEqual(1);
    }
    // Anything else (parse-error, meta-bad-date, meta-text-mismatch …) is a broken fixture unless marked.
    const stray = findings.filter(({ f }) => !only.includes(f.ruleId)).map(({ path, f }) => `${path}:${f.line}:${f.column} ${f.ruleId} ${f.message}`);
    expect(stray, 'findings of other rules or engine diagnostics').toEqual([]);

    const actual = findings.map(({ path, f }) => key(path, f.ruleId, f.line)).sort();
    const expected = markers.map((m) => key(m.path, m.ruleId, m.line)).sort();
    // On a mismatch the diff shows the markers as “Expected” and the findings as “Received”,
    // with the messages of the findings, which say what the engine saw.
    const messages = findings.map(({ path, f }) => `${key(path, f.ruleId, f.line)}:${f.column}  ${f.message}`);
    expect({ findings: actual, messages }).toEqual({ findings: expected, messages });
  });
});

// ---------------------------------------------------------------------------
// The demo set
// ---------------------------------------------------------------------------

const DEMO = 'fixtures/demo';

/** The problems planted in the demo set: every error and warning the demo run must report, no more. */
const PLANTED: [file: string, ruleId: string][] = [
  ['决策-城区供水价格调整方案.yaml', 'decision-hearing-notice'],
  ['决策-集中式饮用水水源保护区划定方案.yaml', 'decision-expert-review'],
  ['决策-义务教育学校布局调整规划.md', 'decision-comment-period'],
  ['决策-殡葬改革实施方案.yaml', 'decision-review-before-discussion'],
  ['决策-老旧小区改造三年行动方案.md', 'decision-legality-review'],
  ['决策-城区农贸市场布局调整方案.yaml', 'decision-public-participation'],
  ['规范性文件-行政规范性文件管理办法（送审稿）.md', 'structure-effective-clause'],
  ['规范性文件-临时救助实施办法.md', 'structure-article-sequence'],
  ['规范性文件-城区建筑垃圾运输管理办法（送审稿）.md', 'normative-comment-period-market'],
  ['规范性文件-城区建筑垃圾运输管理办法（送审稿）.md', 'normative-fair-competition-review'],
  ['规范性文件-城区户外广告设施设置管理办法.yaml', 'normative-review-before-decision'],
  ['规范性文件-城区公共租赁住房管理办法.md', 'normative-doc-number'],
  ['规范性文件-城区公共租赁住房管理办法.md', 'normative-effective-delay'],
  ['规范性文件-城乡居民医疗救助实施办法（送审稿）.md', 'normative-public-comment'],
  ['规范性文件-城区门前责任区管理办法.yaml', 'normative-no-retroactive'],
  ['规范性文件-城区公园管理办法.md', 'filing-superior'],
  ['规范性文件-城区公园管理办法.md', 'filing-late'],
  ['规范性文件-城区养犬管理办法（草案）.md', 'normative-no-penalty'],
];

/** Documents of the demo whose only findings are infos (e.g. a filing deadline not yet due). */
const INFO_ONLY = ['规范性文件-中小学校校外活动安全管理办法.yaml'];

/** Documents of the demo that must come out with no finding at all, not even an info. */
const CLEAN = [
  '决策-城乡生活垃圾分类工作实施方案.yaml',
  '决策-城区停车设施建设规划（草案）.md',
  '规范性文件-城市绿化管理办法.md',
  '规范性文件-城区公共绿地认建认养管理办法（征求意见稿）.md',
  '规范性文件-城区农贸市场管理办法.md',
  '规范性文件-城区防汛应急避难场所管理办法.md',
];

describe('demo set (npx hefa check fixtures/demo)', () => {
  let demo: ReturnType<typeof lint> | null = null;
  const run = (): ReturnType<typeof lint> => (demo ??= lint([DEMO], openSession({ cwd: ROOT, asOf: AS_OF })));

  it('reports exactly the planted errors and warnings', async () => {
    const result = await run();
    const found = result.files
      .flatMap((file) => file.findings.filter((f) => f.severity !== 'info').map((f) => `${file.path}  ${f.ruleId}`))
      .sort();
    expect(found).toEqual(PLANTED.map(([file, id]) => `${DEMO}/${file}  ${id}`).sort());
  });

  it('names a legal basis, with its confidence, for every planted problem', async () => {
    const result = await run();
    for (const file of result.files) {
      for (const f of file.findings.filter((x) => x.severity !== 'info')) {
        expect(f.basis.length, `${file.path} ${f.ruleId}`).toBeGreaterThan(0);
        for (const b of f.basis) {
          expect(b.title, `${file.path} ${f.ruleId}`).not.toBe('');
          expect(['law', 'policy', 'practice']).toContain(b.confidence);
        }
      }
    }
  });

  it.each(CLEAN)('%s has no finding', async (name) => {
    const result = await run();
    const file = result.files.find((f) => f.path === `${DEMO}/${name}`);
    expect(file, `${DEMO}/${name} is checked`).toBeDefined();
    expect(file!.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([]);
  });

  it('checks every document of the demo (and not 说明.txt)', async () => {
    const result = await run();
    const names = result.files.map((f) => f.path.slice(DEMO.length + 1)).sort();
    const expected = [...new Set([...PLANTED.map(([f]) => f), ...CLEAN, ...INFO_ONLY])].sort();
    expect(names).toEqual(expected);
  });
});
