import { unified } from 'unified';
import remarkParse from 'remark-parse';
const N = Number(process.argv[3] ?? 2000);
const cases = {
  indlist: Array.from({length: N}, (_, i) => '  '.repeat(i) + '- 项').join('\n'),
  stara: '*a '.repeat(N),
  starstar: '**a'.repeat(N),
  mixed: '*_'.repeat(N) + 'x' + '_*'.repeat(N),
  bang: '!['.repeat(N),
  lta: '<a '.repeat(N),
  comment: '<!--'.repeat(N),
  bqlist: '> - '.repeat(N) + 'x',
  olist: '1. '.repeat(N) + 'x',
  lines: Array.from({length: N}, () => '> - x').join('\n'),
  bqlines: Array.from({length: N}, (_, i) => '>'.repeat(i%50) + ' x').join('\n'),
  tilde: '~'.repeat(N) + 'x' + '~'.repeat(N),
  refs: Array.from({length: N}, (_, i) => `[a${i}]: /u`).join('\n') + '\n' + '[a1]'.repeat(N),
  starsp: '* '.repeat(N),
  setext: Array.from({length: N}, () => 'a\n=').join('\n'),
  emphword: '*a* '.repeat(N),
  nestEm: '*a '.repeat(N) + 'b' + ' c*'.repeat(N),
};
const k = process.argv[2];
const t = Date.now();
try { unified().use(remarkParse).parse(cases[k]); console.log(k, N, Date.now() - t, 'ms ok'); }
catch (e) { console.log(k, N, Date.now() - t, 'ms', e.message); }
