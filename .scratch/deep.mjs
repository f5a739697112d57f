import { openSession, checkText } from '../dist/lint.js';
const s = openSession({ cwd: '/tmp', configFile: '/work/main/test/fixtures/all-rules.yaml', asOf: '2026-01-01' });
const N = 10000;
const cases = {
  bq: '> '.repeat(N) + '第一条 内容。\n',
  bqNoSpace: '>'.repeat(N) + '第一条 内容。\n',
  list2: '- '.repeat(N) + '项\n',
  olist: '1. '.repeat(N) + '项\n',
  indlist: Array.from({length: 3000}, (_, i) => '  '.repeat(i) + '- 项').join('\n'),
  emph: '*'.repeat(N) + 'x' + '*'.repeat(N),
  nestEm: '*a '.repeat(N) + 'b' + ' c*'.repeat(N),
  many32: Array.from({length: 2000}, () => "> ".repeat(32) + '第一条 x').join('\n'),
  many32l: Array.from({length: 480}, () => "- ".repeat(32) + '第一条 x').join('\n'),
  html: '<div>'.repeat(N) + 'x' + '</div>'.repeat(N),
  setext: Array.from({length: 3000}, () => 'a\n=').join('\n'),
};
for (const [k, src] of Object.entries(cases)) {
  const t = Date.now();
  const r = checkText(s, 'a.md', { ok: true, text: src, encoding: 'utf8' });
  console.log(k, src.length, Date.now() - t, 'ms', r.findings.filter(f => /error/.test(f.ruleId)).map(f => `${f.line}:${f.column} ${f.ruleId} ${f.message.slice(0, 80)}`));
}
