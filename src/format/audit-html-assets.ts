/**
 * The stylesheet and the script inlined into the audit HTML report (audit-html.ts). Both are constants,
 * so their sha256 hashes in the report's Content-Security-Policy are stable; the script uses no
 * template literals and never assigns HTML: every document string reaches the page as textContent.
 */

export const AUDIT_STYLE = `
:root{--ink:#1c2430;--muted:#5d6876;--faint:#8a94a1;--line:#dde2e8;--bg:#f4f5f7;--paper:#fff;--head:#f0f2f5;
--accent:#a61b1b;--ok:#2e7d32;--ok-bg:#e7f4e8;--warn:#9a5b00;--warn-bg:#fdf1dc;--bad:#b3261e;--bad-bg:#fbe9e7;
--gone:#4f5964;--gone-bg:#eceef1;--open:#1f5aa6;--open-bg:#e6eefa;--fix:#8a4b00;--fix-bg:#fbecd5}
*{box-sizing:border-box}
html{font-size:14px;-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);line-height:1.55;
font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",system-ui,sans-serif}
.wrap{max-width:1320px;margin:0 auto;padding:0 28px}
header.top{background:var(--paper);border-top:6px solid var(--accent);border-bottom:1px solid var(--line)}
header.top .wrap{padding-top:26px;padding-bottom:22px;display:flex;justify-content:space-between;align-items:flex-end;gap:24px;flex-wrap:wrap}
.eyebrow{color:var(--accent);font-weight:600;letter-spacing:.12em;font-size:13px}
h1{font-size:26px;line-height:1.3;margin:6px 0 8px;font-weight:700;letter-spacing:.02em}
.meta{color:var(--muted);margin:0}
.meta b{color:var(--ink);font-weight:600}
.asof{text-align:right;color:var(--muted);font-size:13px}
.asof strong{display:block;color:var(--ink);font-size:20px;font-weight:700;font-variant-numeric:tabular-nums}
main{padding-bottom:40px}
section{margin-top:26px}
h2{font-size:17px;margin:0 0 12px;padding-left:10px;border-left:4px solid var(--accent);line-height:1.35}
h2 .sub{color:var(--muted);font-weight:400;font-size:13px;margin-left:8px}
h3{font-size:14px;margin:0 0 10px}
.rowlabel{color:var(--muted);font-size:12px;margin:0 0 6px;letter-spacing:.08em}
.cards{display:grid;grid-template-columns:repeat(6,minmax(0,1fr));gap:12px;margin-bottom:14px}
.cards.rec{grid-template-columns:repeat(5,minmax(0,1fr))}
.card{display:block;background:var(--paper);border:1px solid var(--line);border-top:4px solid var(--c);border-radius:8px;
padding:12px 16px 12px;color:inherit;text-decoration:none}
a.card:hover{box-shadow:0 2px 8px rgba(20,30,50,.08)}
a.card:focus-visible{outline:2px solid var(--open);outline-offset:2px}
.card .label{color:var(--muted);font-size:13px}
.card .value{font-size:28px;font-weight:700;line-height:1.25;font-variant-numeric:tabular-nums;color:var(--c)}
.card.total .value{color:var(--ink)}
.card .pct{color:var(--faint);font-size:12px;font-variant-numeric:tabular-nums}
.c-total{--c:#34495e}.c-ok{--c:var(--ok)}.c-warn{--c:var(--warn)}.c-bad{--c:var(--bad)}.c-gone{--c:var(--gone)}.c-open{--c:var(--open)}.c-fix{--c:var(--fix)}
.panels{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,7fr);gap:16px}
.panels.three{grid-template-columns:repeat(3,minmax(0,1fr));margin-top:16px}
.panel{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:16px 18px}
.panel figure{margin:0}
.panel figcaption{font-weight:600;margin-bottom:8px}
.panel .note{color:var(--muted);font-size:12px;margin:6px 0 0}
svg.chart{display:block;width:100%;height:auto}
svg.chart text{font-size:12px;fill:#3c4654;font-family:inherit}
svg.chart .axis{stroke:#aab3be;stroke-width:1}
svg.chart .grid{stroke:#e8ebef;stroke-width:1}
svg.chart text.count{fill:var(--ink);font-weight:600}
svg.chart text.tick{fill:var(--faint);font-size:11px}
table{width:100%;border-collapse:collapse}
th,td{padding:7px 9px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:var(--head);font-weight:600;font-size:13px;color:#2f3a48;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.mini td,.mini th{padding:5px 8px;font-size:13px}
.mini tbody tr:last-child td{border-bottom:0}
.empty{color:var(--faint)}
.corpus{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:16px}
.corpus .panel{padding:14px 16px}
.corpus ul{list-style:none;margin:0;padding:0;max-height:340px;overflow-y:auto}
.corpus li{padding:7px 0;border-top:1px solid var(--line);font-size:13px}
.corpus li:first-child{border-top:0;padding-top:0}
.corpus .path,.path{color:var(--faint);font-size:12px;word-break:break-all}
.toolbar{display:flex;flex-wrap:wrap;gap:10px 14px;align-items:center;background:var(--paper);border:1px solid var(--line);
border-bottom:0;border-radius:8px 8px 0 0;padding:12px 14px}
.toolbar label{color:var(--muted);font-size:13px;display:flex;align-items:center;gap:6px}
.toolbar input[type=search]{width:300px;max-width:100%;padding:6px 10px;border:1px solid #c5ccd5;border-radius:6px;font:inherit}
.toolbar select{padding:5px 8px;border:1px solid #c5ccd5;border-radius:6px;font:inherit;background:#fff}
.toolbar input:focus,.toolbar select:focus{outline:2px solid var(--open);outline-offset:1px}
.toolbar .count{margin-left:auto;color:var(--muted);font-size:13px;font-variant-numeric:tabular-nums}
.tablebox{background:var(--paper);border:1px solid var(--line);border-radius:0 0 8px 8px;overflow-x:auto}
#docs{min-width:1000px}
#docs thead th{position:sticky;top:0;z-index:1;box-shadow:inset 0 -1px 0 var(--line)}
#docs th button{all:unset;cursor:pointer;display:inline-flex;align-items:center;gap:4px}
#docs th button:focus-visible{outline:2px solid var(--open);outline-offset:2px}
#docs th button::after{content:"↕";color:#b0b8c2;font-size:11px}
#docs th[aria-sort=ascending] button::after{content:"▲";color:var(--accent)}
#docs th[aria-sort=descending] button::after{content:"▼";color:var(--accent)}
#docs tbody tr.doc:hover{background:#fafbfc}
#docs td{font-size:13px}
#docs td.idx{color:var(--faint);font-variant-numeric:tabular-nums;width:3.5em}
#docs td.title{min-width:220px;max-width:340px}
#docs td.issuer{min-width:8.5em;max-width:12em}
#docs td.title .t{font-weight:600;color:var(--ink)}
#docs td.date{white-space:nowrap;font-variant-numeric:tabular-nums}
#docs td.date .hint{display:block;font-size:12px;color:var(--faint)}
#docs td.reasons{min-width:220px;max-width:380px}
#docs td.reasons ul{margin:0;padding-left:1.1em}
#docs td.reasons.muted{color:var(--faint)}
#docs td.nowrap{white-space:nowrap}
.badge{display:inline-block;padding:1px 9px;border-radius:11px;font-size:12px;font-weight:600;white-space:nowrap;line-height:1.6}
.s-有效{color:var(--ok);background:var(--ok-bg)}
.s-即将到期{color:var(--warn);background:var(--warn-bg)}
.s-已到期{color:var(--bad);background:var(--bad-bg)}
.s-已废止{color:var(--gone);background:var(--gone-bg)}
.s-未定有效期{color:var(--open);background:var(--open-bg)}
.s-无法读取{color:var(--bad);background:#fff;box-shadow:inset 0 0 0 1px var(--bad)}
.r-继续有效{color:var(--ok);background:#fff;box-shadow:inset 0 0 0 1px #9ccc9f}
.r-修改{color:#fff;background:#c07a12}
.r-废止{color:#fff;background:#7f1d1d}
.r-宣布失效{color:#fff;background:var(--bad)}
.r-不作建议{color:var(--faint);background:transparent;font-weight:400;padding:0}
.probs{white-space:nowrap;font-variant-numeric:tabular-nums}
.probs button{all:unset;cursor:pointer;color:var(--open);font-size:12px;margin-left:4px}
.probs button:focus-visible{outline:2px solid var(--open)}
.pe{color:var(--bad);font-weight:600}.pw{color:var(--warn);font-weight:600}.pi{color:var(--open)}
tr.detail td{background:#fbfbfc;padding:8px 14px 12px 52px}
tr.detail ol{margin:0;padding-left:1.2em}
tr.detail li{margin:2px 0}
tr.detail .rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;color:var(--muted)}
.pager{display:flex;gap:8px;align-items:center;justify-content:flex-end;padding:10px 14px;border-top:1px solid var(--line);color:var(--muted);font-size:13px}
.pager button{font:inherit;padding:4px 12px;border:1px solid #c5ccd5;border-radius:6px;background:#fff;color:var(--ink);cursor:pointer}
.pager button:disabled{color:#b8bfc8;cursor:default}
.notes{color:#37414d;font-size:13px}
.notes .panel{line-height:1.7}
.notes dl{display:grid;grid-template-columns:7em 1fr;gap:4px 12px;margin:0 0 12px}
.notes dt{font-weight:600}
.notes dd{margin:0}
.notes p{margin:8px 0 0}
.disclaimer{border-left:3px solid var(--accent);background:#fff8f6;padding:10px 14px;border-radius:0 6px 6px 0;margin-top:12px}
footer{color:var(--faint);font-size:12px;text-align:center;padding:18px 0 30px}
@media (max-width:900px){.cards{grid-template-columns:repeat(3,minmax(0,1fr))}.cards.rec{grid-template-columns:repeat(3,minmax(0,1fr))}
.panels,.panels.three,.corpus{grid-template-columns:1fr}}
@media print{
@page{size:A4 landscape;margin:12mm 10mm}
html{font-size:11px}
body{background:#fff;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.wrap{max-width:none;padding:0}
header.top{border-bottom:2px solid var(--ink)}
header.top .wrap{padding:0 0 10px}
section{margin-top:14px;break-inside:auto}
.panel,.card{break-inside:avoid;border-color:#c9cfd6}
.card{border-top-color:var(--c)}
.toolbar,.pager,.probs button,noscript{display:none !important}
.tablebox{border:0;overflow:visible}
#docs{min-width:0}
.corpus ul{max-height:none;overflow:visible}
#docs thead th{position:static;box-shadow:none}
#docs th button::after{content:none !important}
#docs td,#docs th{padding:4px 6px;font-size:10px}
#docs td.title,#docs td.reasons{max-width:none;min-width:0}
tr{break-inside:avoid}
a{color:inherit;text-decoration:none}
footer{padding:8px 0 0}
}
`;

export const AUDIT_SCRIPT = `
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('hefa-data').textContent);
  var rows = D.documents;
  var PATH = 0, TITLE = 1, NUM = 2, ISSUER = 3, KIND = 4, PUB = 5, UNTIL = 7, STATUS = 8, REC = 9,
    REASONS = 10, ERR = 11, WARN = 12, INFO = 13, LEFT = 14, ACTION = 15, FINDINGS = 16;
  var STATUS_ORDER = { '已到期': 0, '即将到期': 1, '已废止': 2, '未定有效期': 3, '有效': 4, '无法读取': 5 };
  var REC_ORDER = { '宣布失效': 0, '废止': 1, '修改': 2, '继续有效': 3, '不作建议': 4 };
  var SEVERITY = ['错误', '警告', '提示'];
  var collator = window.Intl && Intl.Collator ? new Intl.Collator('zh-CN', { numeric: true }) : null;
  function cmpText(a, b) { return collator ? collator.compare(a, b) : (a < b ? -1 : a > b ? 1 : 0); }
  function $(id) { return document.getElementById(id); }
  function status(r) { return r[STATUS] || '无法读取'; }
  function rec(r) { return r[REC] || '不作建议'; }
  var hay = rows.map(function (r) {
    return [r[TITLE], r[PATH], r[NUM], r[ISSUER], r[KIND], status(r), rec(r), r[REASONS].join(' ')].join('\\n').toLowerCase();
  });
  var state = { q: '', status: '', rec: '', kind: '', action: false, col: '', dir: 1, page: 0, size: 100 };
  var open = {};
  var view = [];
  var tbody = $('rows');

  function key(col, r) {
    switch (col) {
      case 'title': return r[TITLE] || r[PATH];
      case 'num': return r[NUM];
      case 'issuer': return r[ISSUER];
      case 'pub': return r[PUB];
      case 'until': return r[UNTIL];
      case 'status': return STATUS_ORDER[status(r)];
      case 'rec': return REC_ORDER[rec(r)];
      case 'reasons': return r[REASONS].join('；') || null;
      case 'problems': return r[ERR] * 1e8 + r[WARN] * 1e4 + r[INFO];
      default: return null;
    }
  }
  function sorter(a, b) {
    var ka = key(state.col, rows[a]), kb = key(state.col, rows[b]);
    var ea = ka === null || ka === undefined || ka === '', eb = kb === null || kb === undefined || kb === '';
    if (ea !== eb) return ea ? 1 : -1;
    var c = ea ? 0 : typeof ka === 'number' ? ka - kb : cmpText(ka, kb);
    return c * state.dir || a - b;
  }
  function compute() {
    var terms = state.q.trim().toLowerCase().split(/\\s+/).filter(Boolean);
    view = [];
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      if (state.status && status(r) !== state.status) continue;
      if (state.rec && rec(r) !== state.rec) continue;
      if (state.kind && r[KIND] !== state.kind) continue;
      if (state.action && !r[ACTION]) continue;
      var ok = true;
      for (var t = 0; t < terms.length; t++) if (hay[i].indexOf(terms[t]) < 0) { ok = false; break; }
      if (ok) view.push(i);
    }
    if (state.col) view.sort(sorter);
    var pages = Math.max(1, Math.ceil(view.length / state.size));
    if (state.page >= pages) state.page = pages - 1;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function cell(cls, text) {
    var td = el('td', cls);
    if (text) td.textContent = text; else td.appendChild(el('span', 'empty', '—'));
    return td;
  }
  function badge(prefix, value) { return el('span', 'badge ' + prefix + value, value); }
  function rowEl(i, n) {
    var r = rows[i];
    var tr = el('tr', 'doc');
    tr.appendChild(el('td', 'idx', n));
    var t = el('td', 'title');
    t.appendChild(el('div', 't', r[TITLE] || r[PATH]));
    t.appendChild(el('div', 'path', (r[KIND] ? r[KIND] + ' · ' : '') + r[PATH]));
    tr.appendChild(t);
    tr.appendChild(cell('nowrap', r[NUM]));
    tr.appendChild(cell('issuer', r[ISSUER]));
    tr.appendChild(cell('date', r[PUB]));
    var u = cell('date', r[UNTIL]);
    var left = r[LEFT];
    if (left !== null && (status(r) === '即将到期' || status(r) === '已到期')) {
      u.appendChild(el('span', 'hint', left >= 0 ? '剩余 ' + left + ' 天' : '已届满 ' + (-left) + ' 天'));
    }
    tr.appendChild(u);
    var s = el('td', 'nowrap'); s.appendChild(badge('s-', status(r))); tr.appendChild(s);
    var c = el('td', 'nowrap'); c.appendChild(badge('r-', rec(r))); tr.appendChild(c);
    var why = el('td', 'reasons' + (r[REC] ? '' : ' muted'));
    if (r[REASONS].length === 1) why.textContent = r[REASONS][0];
    else if (r[REASONS].length > 1) {
      var ul = el('ul');
      r[REASONS].forEach(function (x) { ul.appendChild(el('li', '', x)); });
      why.appendChild(ul);
    }
    tr.appendChild(why);
    var p = el('td', 'probs');
    var parts = [[r[ERR], 'pe', '错'], [r[WARN], 'pw', '警'], [r[INFO], 'pi', '提']];
    var any = false;
    parts.forEach(function (x) {
      if (!x[0]) return;
      if (any) p.appendChild(document.createTextNode(' '));
      p.appendChild(el('span', x[1], x[0] + ' ' + x[2]));
      any = true;
    });
    if (!any) p.appendChild(el('span', 'empty', '—'));
    if (r[FINDINGS].length) {
      var b = el('button', '', open[i] ? '收起' : '详情');
      b.type = 'button';
      b.setAttribute('aria-expanded', open[i] ? 'true' : 'false');
      b.addEventListener('click', function () { open[i] = !open[i]; render(false); });
      p.appendChild(b);
    }
    tr.appendChild(p);
    return tr;
  }
  function detailEl(i) {
    var tr = el('tr', 'detail');
    var td = el('td');
    td.colSpan = 10;
    var ol = el('ol');
    rows[i][FINDINGS].forEach(function (f) {
      var li = el('li');
      li.appendChild(el('span', ['pe', 'pw', 'pi'][f[1]], SEVERITY[f[1]]));
      li.appendChild(document.createTextNode(' 第' + f[0] + '行 '));
      li.appendChild(el('span', 'rule', f[2]));
      li.appendChild(document.createTextNode(' ' + f[3]));
      ol.appendChild(li);
    });
    td.appendChild(ol);
    tr.appendChild(td);
    return tr;
  }
  function render(all) {
    var start = all ? 0 : state.page * state.size;
    var end = all ? view.length : Math.min(view.length, start + state.size);
    var frag = document.createDocumentFragment();
    for (var k = start; k < end; k++) {
      frag.appendChild(rowEl(view[k], k + 1));
      if (open[view[k]]) frag.appendChild(detailEl(view[k]));
    }
    while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
    if (!view.length) {
      var tr = el('tr'), td = el('td', 'empty', '没有符合条件的文件');
      td.colSpan = 10; tr.appendChild(td); frag.appendChild(tr);
    }
    tbody.appendChild(frag);
    var pages = Math.max(1, Math.ceil(view.length / state.size));
    $('count').textContent = view.length === rows.length ? '共 ' + rows.length + ' 件' : '筛选出 ' + view.length + ' 件（共 ' + rows.length + ' 件）';
    $('pageinfo').textContent = view.length ? '第 ' + (start + 1) + '–' + end + ' 件，第 ' + (state.page + 1) + ' / ' + pages + ' 页' : '';
    $('prev').disabled = all || state.page === 0;
    $('next').disabled = all || state.page >= pages - 1;
  }
  function update() { compute(); render(false); }

  var timer = null;
  $('q').addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = $('q').value; state.page = 0; update(); }, 120);
  });
  $('fstatus').addEventListener('change', function () { state.status = this.value; state.page = 0; update(); });
  $('frec').addEventListener('change', function () { state.rec = this.value; state.page = 0; update(); });
  $('fkind').addEventListener('change', function () { state.kind = this.value; state.page = 0; update(); });
  $('faction').addEventListener('change', function () { state.action = this.checked; state.page = 0; update(); });
  $('size').addEventListener('change', function () { state.size = Number(this.value); state.page = 0; update(); });
  $('prev').addEventListener('click', function () { if (state.page > 0) { state.page--; render(false); } });
  $('next').addEventListener('click', function () { state.page++; compute(); render(false); });
  var heads = document.querySelectorAll('#docs th[data-col]');
  Array.prototype.forEach.call(heads, function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var col = th.getAttribute('data-col');
      if (state.col === col) state.dir = -state.dir;
      else { state.col = col; state.dir = th.getAttribute('data-first') === 'desc' ? -1 : 1; }
      Array.prototype.forEach.call(heads, function (h) { h.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', state.dir === 1 ? 'ascending' : 'descending');
      state.page = 0;
      update();
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-status],[data-rec]'), function (a) {
    a.addEventListener('click', function () {
      state.status = a.getAttribute('data-status') || '';
      state.rec = a.getAttribute('data-rec') || '';
      $('fstatus').value = state.status;
      $('frec').value = state.rec;
      state.page = 0;
      update();
    });
  });
  window.addEventListener('beforeprint', function () { render(true); });
  window.addEventListener('afterprint', function () { render(false); });
  document.body.classList.add('js');
  update();
})();
`;
