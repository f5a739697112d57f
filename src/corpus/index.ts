/**
 * The corpus phase (rules.md §8): after every file of a run is checked and summarised, the
 * cross-document rules run over the summaries. Findings go to one file each and use that file's
 * settings (enabled, severity, options), exactly like per-file rules; results do not depend on the
 * order the files were read in (summaries are sorted by path, and so is everything derived).
 */
import type { CorpusIndex, CorpusRepeal, CorpusState, CorpusSummary, FileResult, Finding } from '../types.js';
import type { EnabledRule, RunEnv } from '../rules/runner.js';
import { compareFindings, reporter } from '../rules/runner.js';

export { summarizeForCorpus, numberKey } from './summary.js';

const byPath = (a: CorpusSummary, b: CorpusSummary): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** A status at or past 已公布: the document was issued (drafts repeal nothing). */
function issued(d: CorpusSummary): boolean {
  return d.status === '已公布' || d.status === '已修改' || d.status === '已废止' || d.status === '已失效';
}

/** When a text was made, for telling versions apart: its version date, else its 公布日期. */
const madeOn = (d: CorpusSummary): string | null => d.versionDate ?? d.publishedOn;

/**
 * The documents of the set a repeal clause of `by` names: by 文号, or by title. A document found by
 * title only is left out when the clause gives 文号 and its own 文号 is not among them; a document
 * newer than the repealing one is never repealed by it; and a document with the repealing one's own
 * title is repealed only when it is a strictly older text.
 */
function repealTargets(by: CorpusSummary, r: CorpusRepeal, byNumber: Map<string, CorpusSummary[]>, byTitle: Map<string, CorpusSummary[]>): CorpusSummary[] {
  const out = new Set<CorpusSummary>();
  for (const n of r.numbers) for (const d of byNumber.get(n) ?? []) out.add(d);
  for (const t of r.titles) {
    for (const d of byTitle.get(t) ?? []) {
      if (out.has(d)) continue;
      if (r.numbers.length && d.docNumber && !r.numbers.includes(d.docNumber.key)) continue;
      if (d.titleKeys.some((k) => by.titleKeys.includes(k))) {
        // Same title: only an older text is repealed, and only when the dates say which is older. Both
        // dates must be older: consolidated versions of one regulation share the 公布日期 (the 2020 and
        // 2024 texts of 印刷业管理条例 both repeal the 1997 regulation, not each other), and two copies of
        // one text share the version date even when their 公布日期 were read differently.
        const [dm, bm] = [madeOn(d), madeOn(by)];
        if (!dm || !bm || dm >= bm || !d.publishedOn || !by.publishedOn || d.publishedOn >= by.publishedOn) continue;
      }
      out.add(d);
    }
  }
  out.delete(by);
  return [...out]
    .filter((d) => !d.publishedOn || !by.publishedOn || d.publishedOn <= by.publishedOn)
    .filter((d) => !(d.titleKeys.some((k) => by.titleKeys.includes(k)) && madeOn(d) !== null && madeOn(d) === madeOn(by)))
    .sort(byPath);
}

/** Index a run's summaries. `asOf` decides which repeals have taken effect and what has expired. */
export function buildCorpusIndex(summaries: readonly CorpusSummary[], asOf: string): CorpusIndex {
  const docs = [...summaries].sort(byPath);
  const byNumber = new Map<string, CorpusSummary[]>();
  const byTitle = new Map<string, CorpusSummary[]>();
  for (const d of docs) {
    if (d.docNumber) byNumber.set(d.docNumber.key, [...(byNumber.get(d.docNumber.key) ?? []), d]);
    for (const k of d.titleKeys) byTitle.set(k, [...(byTitle.get(k) ?? []), d]);
  }
  // Repeals in force as of asOf: the repealing document was issued and has taken effect.
  const repealedBy = new Map<CorpusSummary, { doc: CorpusSummary; repeal: CorpusRepeal }>();
  for (const by of docs) {
    if (!issued(by) || by.repeals.length === 0) continue;
    const from = by.effectiveOn ?? by.publishedOn;
    if (from && from > asOf) continue;
    for (const r of by.repeals) {
      for (const t of repealTargets(by, r, byNumber, byTitle)) if (!repealedBy.has(t)) repealedBy.set(t, { doc: by, repeal: r });
    }
  }
  const states = new Map<CorpusSummary, CorpusState>();
  return {
    docs,
    byNumber: (key) => byNumber.get(key) ?? [],
    byTitle: (key) => byTitle.get(key) ?? [],
    stateOf(d) {
      let s = states.get(d);
      if (!s) {
        const by = repealedBy.get(d);
        if (d.status === '已废止') s = by ? { state: '已废止', repealedBy: by } : { state: '已废止' };
        else if (d.status === '已失效') s = { state: '已失效' };
        else if (by) s = { state: '已废止', repealedBy: by };
        else if (issued(d) && d.validUntil && d.validUntil < asOf) s = { state: '已到期' };
        else s = { state: '有效' };
        states.set(d, s);
      }
      return s;
    },
  };
}

/**
 * Run the corpus rules over the summaries and merge their findings into the file results (each
 * re-sorted). `rulesOf` gives a file's enabled rules (config, overrides, --rule/--disable).
 */
export function addCorpusFindings(
  results: FileResult[],
  summaries: readonly CorpusSummary[],
  rulesOf: (path: string) => readonly EnabledRule[],
  env: RunEnv,
): void {
  if (summaries.length === 0) return;
  const index = buildCorpusIndex(summaries, env.asOf);
  const found = new Map<string, Finding[]>();
  for (const self of index.docs) {
    const findings: Finding[] = [];
    for (const { rule, severity, options, kind } of rulesOf(self.path)) {
      if (!kind.corpus || !self.applies.includes(rule.id)) continue;
      kind.corpus({ self, corpus: index, rule, options, params: env.params, asOf: env.asOf, report: reporter(rule, severity, findings) });
    }
    if (findings.length) found.set(self.path, [...(found.get(self.path) ?? []), ...findings]);
  }
  for (const r of results) {
    const extra = found.get(r.path);
    if (!extra) continue;
    r.findings.push(...extra);
    r.findings.sort(compareFindings);
  }
}
