import { unified } from 'unified';
import remarkParse from 'remark-parse';
const N = Number(process.argv[3] ?? 2000);
const cases = {
  bq: '> '.repeat(N) + '第一条 内容。\n',
  list2: '- '.repeat(N) + '项\n',
  emph: '*'.repeat(N) + 'x' + '*'.repeat(N),
  under: '_'.repeat(N) + 'x' + '_'.repeat(N),
  brackets: '['.repeat(N) + 'x',
  links: '[a]('.repeat(N),
  lt: '<'.repeat(N),
  backtick: '`'.repeat(N) + 'x',
};
const k = process.argv[2];
const t = Date.now();
try { unified().use(remarkParse).parse(cases[k]); console.log(k, N, Date.now() - t, 'ms ok'); }
catch (e) { console.log(k, N, Date.now() - t, 'ms', e.message); }
