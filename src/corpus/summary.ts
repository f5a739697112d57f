/**
 * The per-file half of the corpus phase: what cross-document rules need of one document, as plain
 * data (title, 文号, status, dates, repeal clauses, references to other documents with their traps),
 * so that the Document and its syntax tree can be dropped as soon as the file is checked.
 */
import type { Citation, CorpusRef, CorpusSummary, Document, Rule } from '../types.js';
import { CHECK_KINDS } from '../checks/index.js';
import { textPos } from '../checks/scope.js';
import { docPos } from '../checks/dates.js';
import { sentenceText } from '../document/clauses.js';
import { findDocNumber, parseDocNumber } from '../document/doc-number.js';
import { whenHolds } from '../rules/when.js';
import { titleKey } from '../cn/titles.js';
import { toHalfWidthDigits } from '../cn/numerals.js';

/**
 * The comparable form of a 文号: 夹府规[2020]3号, 夹府规（2020）第3号 and 夹府规〔2020〕3号 are one number.
 * Parsed numbers become 机关代字〔年份〕序号号; others keep their text with brackets and spaces unified.
 */
export function numberKey(raw: string): string {
  const p = parseDocNumber(raw);
  if (p && p.organ && p.year !== null && p.serial !== null) return `${p.organ}〔${p.year}〕${p.serial}号`;
  return toHalfWidthDigits(raw.replace(/\s+/g, '').replace(/[[［(（【]/g, '〔').replace(/[\]］)）】]/g, '〕'));
}

/**
 * From a citation's start to a 文号 in the parenthesis right after its title: 《X》（夹府发…,
 * 《X》（2015年3月1日夹府发…. The citation's range may already take in the parenthesis (when an
 * article follows it: 《X》（法释〔2016〕29号）第十五条).
 */
const NUMBER_AFTER_TITLE = /》\s*[（(][^（）()《》]{0,24}$/;

/** References by 文号 in the body, attached to the citation they follow or standing alone. */
function numberRefs(doc: Document, citations: Citation[], refs: Map<Citation, CorpusRef>, ownNumber: string | null): CorpusRef[] {
  const out: CorpusRef[] = [];
  const { blocks, repeals } = doc.text;
  // Every sentence but the title's: a notice's lead-in (按照夹府发〔2016〕12号文件的要求，…通知如下：) counts.
  for (const s of doc.text.sentences) {
    if (s.range.block === doc.text.titleBlock) continue;
    const text = sentenceText(s, blocks);
    if (!/号/.test(text)) continue;
    let offset = 0;
    for (let guard = 0; guard < 50; guard++) {
      const f = findDocNumber(text.slice(offset));
      if (!f) break;
      const start = s.range.start + offset + f.start;
      const end = s.range.start + offset + f.end;
      offset += f.end;
      const key = numberKey(f.value.raw);
      // The document's own 文号 line, and a line that is nothing but a 文号 (a header line).
      if (key === ownNumber || text.trim() === f.value.raw) continue;
      const blockText = blocks[s.range.block]!.text;
      // The nearest citation before the 文号, if the 文号 sits in the parenthesis right after its title.
      const before = citations.filter((c) => c.range.block === s.range.block && c.range.start < start).at(-1);
      const cited = before && NUMBER_AFTER_TITLE.test(blockText.slice(before.range.start, start)) ? before : undefined;
      if (cited) {
        const ref = refs.get(cited)!;
        if (!ref.number) {
          ref.number = key;
          ref.numberText = f.value.raw;
          continue;
        }
      }
      const range = { block: s.range.block, start, end };
      const ref: CorpusRef = { number: key, numberText: f.value.raw, pos: textPos(doc, range) };
      if (repeals.some((r) => r.range.block === range.block && r.range.start <= start && end <= r.range.end)) ref.trap = 'repeal-clause';
      else if (/原\s*$/.test(blockText.slice(Math.max(0, start - 2), start))) ref.trap = 'historical';
      out.push(ref);
    }
  }
  return out;
}

/**
 * Summarise one document for the corpus phase. `rules` are the loaded rules of the run: the summary
 * records which corpus rules' `when` holds for it, so the phase never needs the Document again.
 */
export function summarizeForCorpus(doc: Document, rules: readonly Rule[]): CorpusSummary {
  const ownNumber = doc.docNumber ? numberKey(doc.docNumber.raw ?? doc.docNumber.value.raw) : null;
  const keys = [titleKey(doc.title)];
  if (doc.text.innerTitle) keys.push(titleKey(doc.text.innerTitle));
  const citationRefs = new Map<Citation, CorpusRef>();
  // A title that names another document (关于废止《X》的决定, 关于修改《X》的决定) is not a citation of it.
  const citations = doc.text.citations.filter((c) => c.range.block !== doc.text.titleBlock);
  for (const c of citations) {
    const ref: CorpusRef = { title: titleKey(c.title), titleText: c.title, pos: textPos(doc, c.range) };
    if (c.trap) ref.trap = c.trap;
    citationRefs.set(c, ref);
  }
  const standalone = numberRefs(doc, citations, citationRefs, ownNumber);
  return {
    path: doc.path,
    title: doc.text.innerTitle ?? doc.title,
    titleKeys: [...new Set(keys)],
    pos: docPos(doc),
    docNumber: doc.docNumber && ownNumber ? { key: ownNumber, raw: doc.docNumber.raw ?? doc.docNumber.value.raw, pos: doc.docNumber.pos } : null,
    kind: doc.kind,
    status: doc.status,
    publishedOn: doc.publishedOn?.value ?? null,
    versionDate: doc.versionDate,
    effectiveOn: doc.effectiveOn?.value ?? null,
    validUntil: doc.validUntil?.value ?? null,
    repeals: doc.text.repeals.map((r) => ({
      titles: r.titles.map((t) => titleKey(t)),
      titleTexts: r.titles,
      numbers: r.docNumbers.map(numberKey),
      pos: textPos(doc, r.range),
    })),
    refs: [...citationRefs.values(), ...standalone],
    applies: rules.filter((r) => CHECK_KINDS.get(r.kind)?.corpus && whenHolds(r.when, doc)).map((r) => r.id),
  };
}
