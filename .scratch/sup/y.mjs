import { Parser, Lexer } from 'yaml';
const src = `# hefa-disable-file x -- 理由
类型: 行政规范性文件 # hefa-disable-line y -- r
正文: |
  # 这不是注释
  <!-- hefa-disable-next-line z -- r -->
  第一条 ...
a:
  - 1 # c2
  # c3
  - {b: 1, # c4
     c: 2}
`;
const out = [];
const walk = (t) => {
  if (Array.isArray(t)) return t.forEach(walk);
  if (t && typeof t === 'object') {
    if (t.type === 'comment') out.push([t.offset, t.source]);
    for (const v of Object.values(t)) if (v && typeof v === 'object') walk(v);
  }
};
for (const tok of new Parser().parse(src)) walk(tok);
console.log(out);
console.log([...new Lexer().lex(src)].map(s=>JSON.stringify(s)).join(' '));
