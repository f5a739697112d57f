import { it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findEffective, findValidity, findRepeals } from '../../src/document/clauses.js';
import { findCitations } from '../../src/document/citations.js';
import { readHeader } from '../../src/document/header.js';
import { readSignOff } from '../../src/document/signoff.js';
import { plainBlocks, plainHeaderEnd, plainSentences } from '../helpers/plain-blocks.js';
function md(dir: string): string[] { const o: string[] = []; for (const n of readdirSync(dir)) { const p = join(dir, n); if (statSync(p).isDirectory()) o.push(...md(p)); else if (n.endsWith('.md')) o.push(p); } return o; }
it('scratch', () => {
  const files = [...md('/work/shared/corpus/LawRefBook-Laws'), ...md('/work/shared/corpus/Fungwingwaa-cee/docs')];
  let eff = 0, val = 0, rep = 0, cit = 0, traps: Record<string, number> = {}, own = 0, so = 0;
  const vals: string[] = []; const noEff: string[] = []; const reps: string[] = [];
  const t0 = Date.now();
  for (const f of files) {
    const text = readFileSync(f, 'utf8').replace(/<[^<>]+>/g, '').replace(/&emsp;/g, '\u2003').replace(/^#{2,6}\s+/gm, '');
    const blocks = plainBlocks(text); const he = plainHeaderEnd(blocks); const ss = plainSentences(blocks);
    const h = readHeader(blocks, he);
    const e = findEffective(ss, blocks, he); if (e) eff++; else noEff.push(f);
    const v = findValidity(ss, blocks, he); if (v) { val++; vals.push(f.slice(30) + ' :: ' + blocks[v.range.block]!.text.slice(Math.max(0, v.range.start - 25), v.range.end)); }
    const r = findRepeals(ss, blocks); rep += r.length; for (const x of r) reps.push(blocks[x.range.block]!.text.slice(x.range.start, x.range.end) + ' => ' + JSON.stringify(x.titles) + JSON.stringify(x.docNumbers));
    const c = findCitations(ss, blocks, h.title?.value ?? null); cit += c.length; for (const x of c) { if (x.trap) { traps[x.trap] = (traps[x.trap] ?? 0) + 1; if (x.trap !== 'repeal-clause') vals.push(x.trap + ' :: ' + ss[x.sentence]!.text.slice(0, 120)); } if (x.ownBasis) own++; }
    if (readSignOff(blocks, he)) so++;
  }
  console.log({ n: files.length, ms: Date.now() - t0, eff, val, rep, cit, traps, own, so });
  console.log(vals.join('\n'));
  console.log('NOEFF', noEff.length, noEff.slice(0, 15).join('\n'));
  console.log('REPS\n' + reps.filter((_, i) => i % 25 === 0).join('\n'));
});
