import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readBlocks } from '../../src/document/markdown.js';
import { parseStructure } from '../../src/document/structure.js';
import { readHeader } from '../../src/document/header.js';
import { readSignOff } from '../../src/document/signoff.js';
import { findEffective, findValidity, findRepeals } from '../../src/document/clauses.js';
import { findCitations } from '../../src/document/citations.js';
import { inferIssuer, inferKind, isTrial, levelOf } from '../../src/document/infer.js';
it('int', () => {
  for (const f of ['/work/shared/corpus/Fungwingwaa-cee/docs/posts/P5/gdssthjxzcfzyclqgd.md', '/work/shared/corpus/Fungwingwaa-cee/docs/posts/P6/gyecqtcbpfflsyygwtdfh.md', '/work/shared/corpus/Fungwingwaa-cee/docs/posts/P4/hjxzcfbf.md', '/work/shared/corpus/LawRefBook-Laws/行政法规/工资支付暂行规定(1994-12-06).md']) {
    const src = readFileSync(f, 'utf8');
    const fm = /^---\n[\s\S]*?\n---\n/.exec(src);
    const blocks = readBlocks(src, fm ? fm[0].length : 0);
    const st = parseStructure(blocks);
    const h = readHeader(blocks, st.headerEnd);
    const so = readSignOff(blocks, st.headerEnd);
    const e = findEffective(st.sentences, blocks, st.headerEnd);
    const v = findValidity(st.sentences, blocks, st.headerEnd);
    const r = findRepeals(st.sentences, blocks);
    const c = findCitations(st.sentences, blocks, h.title?.value ?? null);
    const iss = inferIssuer({ signOff: so, title: h.title?.value ?? null });
    console.log(f.split('/').pop(), { headerEnd: st.headerEnd, nblocks: blocks.length, title: h.title?.value, doc: h.docNumber?.value.raw, decree: h.decree?.value, pub: h.publishedOn?.value, ver: h.versionDate, lines: h.lines.slice(0, 6), so, e, v, r, ncit: c.length, basis: c.filter(x => x.ownBasis).map(x => x.title), traps: c.filter(x => x.trap).map(x => x.title + ':' + x.trap), iss, level: levelOf(iss.issuer), trial: isTrial(h.title?.value),
      kind: inferKind({ title: h.title?.value ?? null, innerTitle: h.innerTitle, headerLines: h.lines, docNumber: h.docNumber?.value ?? null, decree: h.decree?.value ?? null, issuer: iss.issuer, congressAdopted: h.congressAdopted }) });
  }
});
