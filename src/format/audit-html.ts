/**
 * `hefa audit --format html`: ONE self-contained file a legal adviser can hand out (product.md §4.2).
 *
 * - Summary cards, bar charts by status and by year as inline SVG, the cross-document lists, and a
 *   sortable, filterable, paged table of every document (paged so 5,000+ documents stay usable;
 *   printing prints every row the filter keeps), a print stylesheet (A4 landscape).
 * - No external resource of any kind; a Content-Security-Policy with default-src 'none' allows only
 *   the inline style and script, by their sha256 hashes (computed here).
 * - Every document string is HTML-escaped; the table's data travels as JSON in a
 *   `<script type="application/json">` with < > & escaped, and the script writes it as textContent only.
 * - Byte-stable: no clock, no randomness; the same input and --as-of give the same bytes.
 */
import { createHash } from 'node:crypto';
import type { AuditDocument, AuditReport, AuditStatus, Recommendation } from '../reports/audit/classify.js';
import { AUDIT_STATUSES, RECOMMENDATIONS, UNKNOWN_YEAR } from '../reports/audit/classify.js';
import { AUDIT_SCRIPT, AUDIT_STYLE } from './audit-html-assets.js';
import { ACTION_ORDER, DISCLAIMER } from './audit-words.js';

export interface AuditHtmlOptions {
  version: string;
  /** The jurisdiction's name from config (夹江县), used in the heading. */
  jurisdiction?: string | null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape a string for HTML text and attribute values. */
export function escapeHtml(s: string | number | null | undefined): string {
  return s === null || s === undefined ? '' : String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** JSON safe inside a <script> element: no `</script>`, no `<!--`, no line separators that break old parsers. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The CSP source expression of an inline element's exact text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const STATUS_CLASS: Record<AuditStatus, string> = { 有效: 'c-ok', 即将到期: 'c-warn', 已到期: 'c-bad', 已废止: 'c-gone', 未定有效期: 'c-open' };
const STATUS_COLOR: Record<AuditStatus, string> = { 有效: '#2e7d32', 即将到期: '#c98a12', 已到期: '#b3261e', 已废止: '#6b7581', 未定有效期: '#1f5aa6' };
const REC_CLASS: Record<Recommendation | '不作建议', string> = { 继续有效: 'c-ok', 修改: 'c-fix', 废止: 'c-bad', 宣布失效: 'c-bad', 不作建议: 'c-gone' };

/** A share with one decimal, as HTML; a share that would print as 0.0% but is not zero reads <0.1%. */
const pct = (n: number, total: number): string => {
  if (!total) return '—';
  const p = (n / total) * 100;
  return n > 0 && p < 0.05 ? '&lt;0.1%' : `${p.toFixed(1)}%`;
};
const fmtDate = (iso: string): string => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const quoted = (t: string): string => (t.startsWith('《') ? t : `《${t}》`);

function card(label: string, value: number, total: number, cls: string, filter: string): string {
  return `<a class="card ${cls}" href="#list" ${filter}><div class="label">${escapeHtml(label)}</div>` +
    `<div class="value">${value}</div><div class="pct">${cls.includes('c-total') ? '件' : pct(value, total)}</div></a>`;
}

function cards(report: AuditReport): string {
  const total = report.documents.length;
  const status = [
    card('文件总数', total, total, 'total c-total', 'data-status="" data-rec=""'),
    ...AUDIT_STATUSES.map((s) => card(s, report.totals.byStatus[s], total, STATUS_CLASS[s], `data-status="${s}" data-rec=""`)),
  ];
  const recs = ([...RECOMMENDATIONS].sort((a, b) => ACTION_ORDER[a]! - ACTION_ORDER[b]!) as (Recommendation | '不作建议')[])
    .concat('不作建议')
    .map((r) => card(r, report.byRecommendation[r], total, REC_CLASS[r], `data-status="" data-rec="${r}"`));
  return `<p class="rowlabel">文件状态</p><div class="cards">${status.join('')}</div>` +
    `<p class="rowlabel">清理建议</p><div class="cards rec">${recs.join('')}</div>`;
}

/** A step for axis ticks: 1, 2 or 5 × 10^k, giving about four intervals up to `max`. */
function tickStep(max: number): number {
  const raw = Math.max(1, max / 4);
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

/** Horizontal bars, one per status. */
function statusChart(report: AuditReport): string {
  const W = 520, rowH = 46, top = 8, labelW = 84, countW = 92;
  const H = top * 2 + rowH * AUDIT_STATUSES.length;
  const max = Math.max(1, ...AUDIT_STATUSES.map((s) => report.totals.byStatus[s]));
  const total = report.documents.length - report.unreadable;
  const barMax = W - labelW - countW;
  const bars = AUDIT_STATUSES.map((s, i) => {
    const n = report.totals.byStatus[s];
    const y = top + i * rowH;
    const w = n ? Math.max(2, Math.round((n / max) * barMax)) : 0;
    return `<g><title>${s}：${n} 件（${pct(n, total)}）</title>` +
      `<text x="${labelW - 10}" y="${y + rowH / 2 + 4}" text-anchor="end">${s}</text>` +
      `<rect x="${labelW}" y="${y + 11}" width="${barMax}" height="${rowH - 22}" rx="3" fill="#f1f3f6"/>` +
      (w ? `<rect x="${labelW}" y="${y + 11}" width="${w}" height="${rowH - 22}" rx="3" fill="${STATUS_COLOR[s]}"/>` : '') +
      `<text class="count" x="${labelW + barMax + 10}" y="${y + rowH / 2 + 4}">${n}<tspan class="tick" dx="6">${pct(n, total)}</tspan></text></g>`;
  });
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-status-title">` +
    `<title id="chart-status-title">按状态统计的文件数</title>${bars.join('')}</svg>`;
}

/** Vertical bars, one per year of 公布日期 from the first to the last (years without documents included). */
function yearChart(report: AuditReport): string {
  const entries = Object.entries(report.totals.byYear).filter(([y]) => y !== UNKNOWN_YEAR);
  const unknown = report.totals.byYear[UNKNOWN_YEAR] ?? 0;
  const note = unknown ? `<p class="note">另有 ${unknown} 件未能确定公布日期，未计入本图。</p>` : '';
  if (entries.length === 0) return `<p class="note">没有可统计的公布日期。</p>${note}`;
  const counts = new Map(entries.map(([y, n]) => [Number(y), n]));
  const first = Math.min(...counts.keys()), last = Math.max(...counts.keys());
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  const W = 720, H = 260, left = 44, right = 12, top = 14, bottom = 30;
  const plotW = W - left - right, plotH = H - top - bottom;
  const max = Math.max(...counts.values());
  const step = tickStep(max);
  const ceil = Math.ceil(max / step) * step;
  const slot = plotW / years.length;
  const barW = Math.max(1, Math.min(36, slot * 0.72));
  const y0 = top + plotH;
  const out: string[] = [];
  for (let v = 0; v <= ceil; v += step) {
    const y = (y0 - (v / ceil) * plotH).toFixed(1);
    out.push(`<line class="grid" x1="${left}" x2="${W - right}" y1="${y}" y2="${y}"/>`);
    out.push(`<text class="tick" x="${left - 6}" y="${(Number(y) + 4).toFixed(1)}" text-anchor="end">${v}</text>`);
  }
  const labelEvery = [1, 2, 5, 10, 20, 50].find((k) => years.length / k <= 12) ?? 100;
  years.forEach((year, i) => {
    const n = counts.get(year) ?? 0;
    const x = left + i * slot + (slot - barW) / 2;
    const h = (n / ceil) * plotH;
    if (n) {
      out.push(`<rect x="${x.toFixed(1)}" y="${(y0 - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="#34597e" rx="1.5"><title>${year}年：${n} 件</title></rect>`);
      if (years.length <= 16) out.push(`<text class="count" x="${(x + barW / 2).toFixed(1)}" y="${(y0 - h - 5).toFixed(1)}" text-anchor="middle">${n}</text>`);
    }
    if (year % labelEvery === 0 || years.length <= 12) {
      out.push(`<text class="tick" x="${(left + i * slot + slot / 2).toFixed(1)}" y="${y0 + 18}" text-anchor="middle">${year}</text>`);
    }
  });
  out.push(`<line class="axis" x1="${left}" x2="${W - right}" y1="${y0}" y2="${y0}"/>`);
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-year-title">` +
    `<title id="chart-year-title">按公布年份统计的文件数</title>${out.join('')}</svg>${note}`;
}

function miniTable(title: string, head: string, entries: [string, number][], total: number, more: number): string {
  const rows = entries.length
    ? entries.map(([k, n]) => `<tr><td>${escapeHtml(k)}</td><td class="num">${n}</td><td class="num">${pct(n, total)}</td></tr>`).join('')
    : '<tr><td class="empty" colspan="3">无</td></tr>';
  const tail = more > 0 ? `<p class="note">另有 ${more} 个制定机关未列出。</p>` : '';
  return `<div class="panel"><h3>${title}</h3><table class="mini"><thead><tr><th>${head}</th><th class="num">件数</th><th class="num">占比</th></tr></thead><tbody>${rows}</tbody></table>${tail}</div>`;
}

function docLabel(title: string | null, path: string): string {
  return title ? `<div>${escapeHtml(quoted(title))}</div><div class="path">${escapeHtml(path)}</div>` : `<div>${escapeHtml(path)}</div>`;
}

function corpusPanels(report: AuditReport): string {
  const { duplicateNumbers, repealedInForce, citesInvalid } = report.corpus;
  const titles = new Map(report.documents.map((d) => [d.path, d.title]));
  const list = (items: string[]): string => (items.length ? `<ul>${items.join('')}</ul>` : '<p class="empty">无</p>');
  const dup = duplicateNumbers.map((d) =>
    `<li><strong>${escapeHtml(d.docNumber)}</strong>${d.paths.map((p) => docLabel(titles.get(p) ?? null, p)).join('')}</li>`);
  const rep = repealedInForce.map((r) =>
    `<li>${docLabel(r.title, r.path)}<div>由${escapeHtml(r.repealedByTitle ? quoted(r.repealedByTitle) : r.repealedBy)}` +
    `${r.line ? `（第${r.line}行）` : ''}废止</div></li>`);
  const cit = citesInvalid.map((c) =>
    `<li>${docLabel(c.title, c.path)}<div>第${c.line}行引用${escapeHtml(c.targetStatus)}的${escapeHtml(c.targetTitle ? quoted(c.targetTitle) : c.target)}</div></li>`);
  return `<div class="corpus">` +
    `<div class="panel"><h3>重复文号（${duplicateNumbers.length}）</h3>${list(dup)}</div>` +
    `<div class="panel"><h3>已被本批文件废止但仍标注为有效（${repealedInForce.length}）</h3>${list(rep)}</div>` +
    `<div class="panel"><h3>引用本批中已废止或已到期文件（${citesInvalid.length}）</h3>${list(cit)}</div></div>`;
}

const SEVERITY_CODE = { error: 0, warning: 1, info: 2 } as const;

/** One table row as an array (compact: 5,000 documents stay a few megabytes); order as in AUDIT_SCRIPT. */
function rowData(d: AuditDocument): unknown[] {
  return [
    d.path, d.title, d.docNumber, d.issuer, d.kind, d.publishedOn, d.effectiveOn, d.validUntil,
    d.status, d.recommendation, d.reasons, d.counts.errors, d.counts.warnings, d.counts.infos,
    d.daysLeft, d.needsAction ? 1 : 0,
    d.findings.filter((f) => !f.suppressed).map((f) => [f.line, SEVERITY_CODE[f.severity], f.ruleId, f.message]),
  ];
}

/** Documents needing action first (strongest recommendation first), then the rest, each by path. */
function defaultOrder(documents: AuditDocument[]): AuditDocument[] {
  const rank = (d: AuditDocument): number => (d.needsAction ? ACTION_ORDER[d.recommendation!]! : 10);
  return [...documents].sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const COLUMNS: [string, string, string?][] = [
  ['', '#'], ['title', '文件'], ['num', '文号'], ['issuer', '制定机关'], ['pub', '公布日期'],
  ['until', '有效期至'], ['status', '状态'], ['rec', '建议'], ['reasons', '理由'], ['problems', '问题', 'desc'],
];

function tableSection(report: AuditReport): string {
  const statusOptions = ['', ...AUDIT_STATUSES, ...(report.unreadable ? ['无法读取'] : [])]
    .map((s) => `<option value="${s}">${s || '全部状态'}</option>`).join('');
  const recOptions = ['', '宣布失效', '废止', '修改', '继续有效', '不作建议']
    .map((s) => `<option value="${s}">${s || '全部建议'}</option>`).join('');
  const kindOptions = ['', ...Object.keys(report.totals.byKind)]
    .map((s) => `<option value="${escapeHtml(s)}">${escapeHtml(s) || '全部类型'}</option>`).join('');
  const head = COLUMNS.map(([col, label, first]) =>
    col ? `<th scope="col" data-col="${col}" aria-sort="none"${first ? ` data-first="${first}"` : ''}><button type="button">${label}</button></th>`
      : `<th scope="col">${label}</th>`).join('');
  return `<section id="list"><h2>文件清单<span class="sub">点击表头排序；需要处理的文件排在前面</span></h2>` +
    `<div class="toolbar" role="search">` +
    `<label>筛选 <input type="search" id="q" placeholder="标题、文号、制定机关、路径、理由…" aria-label="筛选文件"></label>` +
    `<label>状态 <select id="fstatus">${statusOptions}</select></label>` +
    `<label>建议 <select id="frec">${recOptions}</select></label>` +
    `<label>类型 <select id="fkind">${kindOptions}</select></label>` +
    `<label><input type="checkbox" id="faction"> 只看需要处理的</label>` +
    `<span class="count" id="count" aria-live="polite"></span></div>` +
    `<div class="tablebox"><table id="docs"><thead><tr>${head}</tr></thead><tbody id="rows"></tbody></table>` +
    `<noscript><p class="empty">文件清单需要启用 JavaScript 才能显示；也可以用 hefa audit --format csv 导出表格。</p></noscript>` +
    `<div class="pager"><span id="pageinfo"></span><label>每页 <select id="size"><option value="50">50</option><option value="100" selected>100</option><option value="500">500</option></select></label>` +
    `<button type="button" id="prev">上一页</button><button type="button" id="next">下一页</button></div></div></section>`;
}

function notes(report: AuditReport): string {
  const d = report.warnBeforeDays;
  return `<section class="notes"><h2>说明</h2><div class="panels three">` +
    `<div class="panel"><h3>状态</h3><dl>` +
    `<dt>有效</dt><dd>有效期在基准日期 ${d} 日之后届满</dd>` +
    `<dt>即将到期</dt><dd>有效期在基准日期后 ${d} 日内（含当日）届满</dd>` +
    `<dt>已到期</dt><dd>有效期届满之日早于基准日期</dd>` +
    `<dt>已废止</dt><dd>标注为已废止、已失效，或被本批另一件文件的废止条款废止</dd>` +
    `<dt>未定有效期</dt><dd>没有规定有效期或有效期至</dd></dl>` +
    `<p>有效期的末日为“有效期至”，或自施行日期（没有时为公布日期）起算的期间的最后一日（《民法典》第二百零一条、第二百零二条）。</p></div>` +
    `<div class="panel"><h3>清理建议</h3><dl>` +
    `<dt>宣布失效</dt><dd>已到期，或已被本批另一件文件废止却仍标注为有效：效力已经终止，清理时宣布失效并更正标注</dd>` +
    `<dt>修改</dt><dd>引用已废止的法律或本批中已废止、已到期的文件，或有错误级别的问题</dd>` +
    `<dt>继续有效</dt><dd>未发现上述情形；即将到期的，届满前应评估是否继续施行</dd>` +
    `<dt>废止</dt><dd>hefa 不自动提出，由清理工作人员根据实际需要决定</dd>` +
    `<dt>不作建议</dt><dd>法律、法规、规章、司法解释、重大行政决策，草案，已标注废止或失效的文件，无法读取的文件</dd></dl></div>` +
    `<div class="panel"><h3>依据与范围</h3><p>只对行政规范性文件和类型为“其他”的已公布文件提出清理建议；其他文件只统计状态。</p>` +
    `<p>“需要处理”指建议为宣布失效、废止或修改，或即将到期的文件。</p>` +
    `<div class="disclaimer">${escapeHtml(DISCLAIMER)}标注“需人工判断”的问题尤须核实。</div></div>` +
    `</div></section>`;
}

export function formatAuditHtml(report: AuditReport, opts: AuditHtmlOptions): string {
  const total = report.documents.length;
  const place = opts.jurisdiction ?? '';
  const heading = `${place}规范性文件清理审查报告`;
  const actions = report.documents.filter((d) => d.needsAction).length;
  const issuers = Object.entries(report.totals.byIssuer);
  const csp = [
    "default-src 'none'",
    `style-src ${cspHash(AUDIT_STYLE)}`,
    `script-src ${cspHash(AUDIT_SCRIPT)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const data = { columns: ['path', 'title', 'docNumber', 'issuer', 'kind', 'publishedOn', 'effectiveOn', 'validUntil', 'status', 'recommendation', 'reasons', 'errors', 'warnings', 'infos', 'daysLeft', 'needsAction', 'findings'],
    documents: defaultOrder(report.documents).map(rowData) };
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="hefa ${escapeHtml(opts.version)}">
<title>${escapeHtml(heading)}（截至${report.asOf}）</title>
<style>${AUDIT_STYLE}</style>
</head>
<body>
<header class="top"><div class="wrap"><div><div class="eyebrow">行政规范性文件集中清理</div>` +
    `<h1>${escapeHtml(heading)}</h1>` +
    `<p class="meta">共 <b>${total}</b> 件文件，需要处理 <b>${actions}</b> 件${report.unreadable ? `，无法读取 <b>${report.unreadable}</b> 件` : ''}` +
    `；“即将到期”指 ${report.warnBeforeDays} 日内届满</p></div>` +
    `<div class="asof">基准日期<strong>${fmtDate(report.asOf)}</strong></div></div></header>
<main class="wrap">
<section aria-label="概况">${cards(report)}</section>
<section><h2>统计</h2><div class="panels">` +
    `<div class="panel"><figure><figcaption>按状态</figcaption>${statusChart(report)}</figure></div>` +
    `<div class="panel"><figure><figcaption>按公布年份</figcaption>${yearChart(report)}</figure></div></div>` +
    `<div class="panels three">` +
    miniTable('按类型', '类型', Object.entries(report.totals.byKind), total - report.unreadable, 0) +
    miniTable('按制定机关', '制定机关', issuers.slice(0, 10), total - report.unreadable, issuers.length - 10) +
    miniTable('按建议', '建议', (['宣布失效', '废止', '修改', '继续有效', '不作建议'] as const).map((r) => [r, report.byRecommendation[r]]), total - report.unreadable, 0) +
    `</div></section>
<section><h2>跨文件问题</h2>${corpusPanels(report)}</section>
${tableSection(report)}
${notes(report)}
</main>
<footer>由 hefa ${escapeHtml(opts.version)} 生成 · 基准日期 ${report.asOf} · 本报告为单一离线文件，不连接网络</footer>
<script type="application/json" id="hefa-data">${scriptJson(data)}</script>
<script>${AUDIT_SCRIPT}</script>
</body>
</html>
`;
}
