import { loadRules, BUILTIN_RULES_DIR } from '../dist/rules/load.js';
import { CHECK_KINDS } from '../dist/checks/index.js';
let rules;
try { rules = loadRules([BUILTIN_RULES_DIR], process.cwd()); } catch (e) { console.log(e.message); process.exit(1); }
const pats = [];
for (const r of rules) {
  const kind = CHECK_KINDS.get(r.kind);
  for (const [name, s] of Object.entries(kind.options)) {
    const v = r.options[name];
    if (v == null) continue;
    if (s.type === 'regex') pats.push([r.id, name, v]);
    if (s.type === 'string[]' && s.regex) for (const p of v) pats.push([r.id, name, p]);
  }
}
const N = 50000;
const inputs = {
  de: '的'.repeat(N), fakuan: '罚款'.repeat(N/2), paren: '（'.repeat(N), title: '《'.repeat(N),
  mixed: '由部门指定'.repeat(N/5), shou: '不收取'.repeat(N/3), ascii: '('.repeat(N), mix2: '未经批准'.repeat(N/4),
  enum: '（一）' + '的'.repeat(N), chu: '处'.repeat(N), zhi: '指定'.repeat(N/2),
};
let worst = [];
for (const [id, name, p] of pats) {
  for (const flags of ['g', '']) {
    const re = new RegExp(p, flags);
    for (const [k, s] of Object.entries(inputs)) {
      const t = performance.now();
      re.lastIndex = 0;
      if (flags) { let m; while ((m = re.exec(s))) { if (m[0].length === 0) re.lastIndex++; } } else re.test(s);
      const dt = performance.now() - t;
      worst.push([dt, id, name, k, flags, p.slice(0, 60)]);
    }
  }
}
worst.sort((a, b) => b[0] - a[0]);
console.log(pats.length, 'patterns');
for (const w of worst.slice(0, 15)) console.log(w[0].toFixed(1), w.slice(1).join(' | '));
