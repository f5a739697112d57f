/**
 * Building the Document: fields (front matter or YAML record) + text (blocks, structure, header,
 * clauses, citations, sign-off) + derived facts. Built once per file and shared by every rule.
 * Field by field, a stated value wins over one read from the text; disagreements are reported as
 * meta-text-mismatch and the field is trusted (product.md §2.3).
 */
import { basename, dirname, resolve } from 'node:path';
import type {
  Block,
  DocKind,
  DocNumber,
  Document,
  DocumentSummary,
  Finding,
  LineLookup,
  Located,
  Pos,
  Status,
  TextModel,
  TextRange,
} from '../types.js';
import { DOC_KINDS, LEVELS } from '../types.js';
import { splitFrontMatter } from '../input/frontmatter.js';
import { readInputSync, type ReadOptions } from '../input/read.js';
import { addDays, validityEnd } from '../cn/periods.js';
import { LineIndex, rangePos, DOC_POS } from './positions.js';
import { readFields, emptyFields, parseValidity, type BodyRef } from './fields.js';
import { diagnostic } from './diagnostics.js';
import { readBlocksSafely } from './markdown.js';
import { parseStructure } from './structure.js';
import { readHeader, type At } from './header.js';
import { findEffective, findValidity, findRepeals } from './clauses.js';
import { findCitations } from './citations.js';
import { readSignOff } from './signoff.js';
import { parseDocNumber } from './doc-number.js';
import { inferIssuer, inferKind, isTrial, issuerTypeOf, levelOf } from './infer.js';

export interface BuildOptions {
  /** A kind forced by --kind or by config overrides. */
  forcedKind?: DocKind;
  kindSource?: 'option' | 'config';
  /** Folder to resolve a YAML record's 正文文件 against when the path is relative (its own folder is tried first). */
  cwd?: string;
  /** How to read a YAML record's 正文文件 (--encoding, maxFileSize). */
  read?: ReadOptions;
}

/** Line lookup for a YAML record's 正文: text offsets → positions in the record file. */
function shiftedLines(text: string, line: number, column: number): LineLookup {
  const inner = new LineIndex(text);
  const lineCol = (offset: number): { line: number; column: number } => {
    const p = inner.lineCol(offset);
    // A block scalar's lines all sit at the block's indentation; the first line of an inline string
    // starts at the value's column.
    return { line: p.line + line - 1, column: p.column + column - 1 };
  };
  return {
    lineCol,
    span(start, end) {
      const a = lineCol(start);
      const b = lineCol(Math.max(start, end));
      return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
    },
  };
}

/** Every text position maps to one place (used when the text lives in another file). */
function fixedLines(pos: Pos): LineLookup {
  return { lineCol: () => ({ line: pos.line, column: pos.column }), span: () => pos };
}

const EMPTY_TEXT: Omit<TextModel, 'blocks'> = {
  headerEnd: 0,
  title: null,
  titleBlock: -1,
  innerTitle: null,
  docNumber: null,
  decree: null,
  headings: [],
  articles: [],
  sentences: [],
  citations: [],
  effective: null,
  validity: null,
  repeals: [],
  signOff: null,
  publishedOn: null,
  versionDate: null,
  congressAdopted: false,
};

function readText(source: string, bodyStart: number, lines: LineLookup, diagnostics: Finding[]): { text: TextModel; headerLines: string[] } {
  const { blocks, problem } = readBlocksSafely(source, bodyStart);
  if (problem) diagnostics.push(diagnostic('parse-error', 'error', problem.message, lines.span(problem.offset, problem.offset)));
  if (blocks.length === 0) return { text: { ...EMPTY_TEXT, blocks }, headerLines: [] };
  const structure = parseStructure(blocks);
  const header = readHeader(blocks, structure.headerEnd);
  const loc = <T>(at: At<T> | null, raw?: string): Located<T> | null =>
    at ? { value: at.value, pos: rangePos(lines, blocks, at.range), source: 'text', ...(raw ? { raw } : {}) } : null;
  const ownTitle = header.innerTitle ?? header.title?.value ?? null;
  const text: TextModel = {
    blocks,
    headerEnd: structure.headerEnd,
    title: loc(header.title),
    titleBlock: header.title ? header.title.range.block : -1,
    innerTitle: header.innerTitle,
    docNumber: loc(header.docNumber, header.docNumber?.value.raw),
    decree: loc(header.decree),
    headings: structure.headings,
    articles: structure.articles,
    sentences: structure.sentences,
    citations: findCitations(structure.sentences, blocks, ownTitle),
    effective: findEffective(structure.sentences, blocks, structure.headerEnd),
    validity: findValidity(structure.sentences, blocks, structure.headerEnd),
    repeals: findRepeals(structure.sentences, blocks),
    signOff: readSignOff(blocks, structure.headerEnd),
    publishedOn: loc(header.publishedOn),
    versionDate: header.versionDate,
    congressAdopted: header.congressAdopted,
  };
  return { text, headerLines: header.lines };
}

function asString(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** A 文号 as a DocNumber, keeping an unparseable one as written (normative-doc-number judges it). */
function docNumberOf(raw: string): DocNumber {
  return parseDocNumber(raw) ?? { raw, organ: '', year: null, serial: null, canonical: false };
}

/** Brackets and spaces normalised, so 夹府规[2020]3号 and 夹府规〔2020〕3号 compare equal. */
function normalDocNumber(raw: string): string {
  return raw.replace(/\s+/g, '').replace(/[[［(（【]/g, '〔').replace(/[\]］)）】]/g, '〕');
}

/** Build the Document of one input. Never throws on bad input: problems become diagnostics. */
export function buildDocument(path: string, source: string, opts: BuildOptions = {}): Document {
  const isRecord = /\.ya?ml$/i.test(path);
  const lines = new LineIndex(source);
  const diagnostics: Finding[] = [];
  let fields = emptyFields(false);
  let textSource = source;
  let bodyStart = 0;
  let textLines: LineLookup = lines;
  let hasText = true;

  if (isRecord) {
    const r = readFields(source, 0, lines, { record: true });
    fields = r.fields;
    diagnostics.push(...r.diagnostics);
    const body: BodyRef | null = r.body;
    if (!body) {
      hasText = false;
    } else if ('text' in body) {
      textSource = body.text;
      textLines = shiftedLines(body.text, body.line, body.column);
    } else {
      const candidates = [resolve(dirname(resolve(opts.cwd ?? '.', path)), body.file)];
      let loaded: string | null = null;
      let why = '文件不存在';
      for (const file of candidates) {
        const decoded = readInputSync(file, opts.read);
        if (decoded.ok) loaded = decoded.text;
        else why = decoded.message.replace(/^无法读取文件：/, '');
        break;
      }
      if (loaded === null) {
        diagnostics.push(diagnostic('read-error', 'error', `发现“正文文件”${body.file}无法读取（${why}）：应为相对本记录的可读文本文件`, body.pos));
        hasText = false;
      } else {
        textSource = loaded;
        // The text lives in another file: text findings point at the 正文文件 entry of the record.
        textLines = fixedLines(body.pos);
      }
    }
  } else {
    const fm = splitFrontMatter(source);
    if (fm.error) {
      diagnostics.push(diagnostic('parse-error', 'error', `发现${fm.error.message}：前置元数据应以“---”行开始并以“---”行结束；已按正文读取`, lines.span(fm.error.offset, fm.error.offset + 3)));
    }
    if (fm.yaml !== null) {
      const r = readFields(fm.yaml, fm.yamlStart, lines);
      fields = r.fields;
      diagnostics.push(...r.diagnostics);
    }
    bodyStart = fm.bodyStart;
  }

  const { text, headerLines } = hasText ? readText(textSource, bodyStart, textLines, diagnostics) : { text: { ...EMPTY_TEXT, blocks: [] as Block[] }, headerLines: [] };
  const v = fields.values;
  const inferred: string[] = [];
  const fieldLoc = <T>(key: string, value: T, raw?: string): Located<T> => ({
    value,
    pos: fields.pos[key] ?? DOC_POS,
    source: 'field',
    ...(raw !== undefined ? { raw } : {}),
  });

  // Title: field, else the text's title (for a wrapper notice, the wrapper's own title), else the file name.
  const title = asString(v['标题']) ?? text.title?.value ?? basename(path).replace(/\.(md|markdown|ya?ml)$/i, '');

  const fieldNumber = asString(v['文号']);
  const docNumber = fieldNumber ? fieldLoc('文号', docNumberOf(fieldNumber), fieldNumber) : text.docNumber;

  const fieldIssuer = asString(v['制定机关']);
  const fromText = inferIssuer({ signOff: text.signOff, title: text.innerTitle ? text.title?.value ?? title : title });
  const issuer = fieldIssuer ?? fromText.issuer;
  const coIssuers = fieldIssuer ? [] : fromText.coIssuers;
  if (!fieldIssuer && issuer) inferred.push('issuer');

  let kind: DocKind;
  let kindSource: Document['kindSource'];
  if (opts.forcedKind) {
    kind = opts.forcedKind;
    kindSource = opts.kindSource ?? 'option';
  } else if (DOC_KINDS.includes(v['类型'] as DocKind)) {
    kind = v['类型'] as DocKind;
    kindSource = 'field';
  } else {
    kind = inferKind({
      title: asString(v['标题']) ?? text.title?.value ?? null,
      innerTitle: text.innerTitle,
      headerLines,
      docNumber: docNumber?.value ?? null,
      decree: text.decree?.value ?? null,
      issuer,
      congressAdopted: text.congressAdopted,
    });
    kindSource = 'inferred';
    inferred.push('kind');
  }

  const fieldLevel = LEVELS.includes(v['层级'] as never) ? (v['层级'] as Document['level']) : null;
  const level = fieldLevel ?? levelOf(issuer);
  if (!fieldLevel && level) inferred.push('level');

  // 公布日期: field, else a 印发/发布/公布 line of the header, else the sign-off date (inferred).
  let publishedOn: Located<string> | null = null;
  if (fields.dates['公布.日期']) publishedOn = fieldLoc('公布.日期', fields.dates['公布.日期']);
  else if (text.publishedOn) publishedOn = text.publishedOn;
  else if (text.signOff?.date) {
    publishedOn = { value: text.signOff.date, pos: rangePos(textLines, text.blocks, text.signOff.range), source: 'text' };
  }
  if (publishedOn && publishedOn.source === 'text') inferred.push('publishedOn');

  const fieldStatus = v['状态'] as Status | undefined;
  const status: Status = fieldStatus ?? (publishedOn ? '已公布' : '草案');
  if (!fieldStatus) inferred.push('status');

  const tpos = (range: TextRange): Pos => rangePos(textLines, text.blocks, range);
  // 施行日期 from the text's clause: a date, the publication date, or N days after it.
  let textEffective: Located<string> | null = null;
  const eff = text.effective;
  if (eff) {
    const at = tpos(eff.range);
    if (eff.form === 'date' && eff.date) textEffective = { value: eff.date, pos: at, source: 'text' };
    else if (eff.form === 'on-publication' && publishedOn) textEffective = { value: publishedOn.value, pos: at, source: 'text' };
    else if (eff.form === 'days-after-publication' && publishedOn && eff.days !== undefined) {
      textEffective = { value: addDays(publishedOn.value, eff.days), pos: at, source: 'text' };
    }
  }
  const effectiveOn = fields.dates['施行日期'] ? fieldLoc('施行日期', fields.dates['施行日期']) : textEffective;
  if (effectiveOn?.source === 'text') inferred.push('effectiveOn');

  const fieldValidity = v['有效期'] !== undefined ? parseValidity(v['有效期']) : null;
  const tv = text.validity;
  const textValidity = tv && (tv.years !== undefined || tv.months !== undefined) ? { years: tv.years, months: tv.months } : null;
  const validity: Document['validity'] = fieldValidity
    ? fieldLoc('有效期', fieldValidity)
    : textValidity && tv
      ? { value: textValidity, pos: tpos(tv.range), source: 'text' }
      : null;

  let validUntil: Located<string> | null = null;
  if (fields.dates['有效期至']) validUntil = fieldLoc('有效期至', fields.dates['有效期至']);
  else if (tv?.until) validUntil = { value: tv.until, pos: tpos(tv.range), source: 'text' };
  else if (validity) {
    const start = effectiveOn ?? publishedOn;
    if (start) validUntil = { value: validityEnd(start.value, validity.value), pos: validity.pos, source: validity.source };
  }
  if (validUntil && (validUntil.source === 'text' || !fields.dates['有效期至'])) inferred.push('validUntil');

  // Version date: the latest 公布/修订/修正/印发 date in the fields or the header.
  const versionCandidates = [text.versionDate, fields.dates['公布.日期'], publishedOn?.value].filter((d): d is string => !!d);
  const versionDate = versionCandidates.length ? versionCandidates.sort()[versionCandidates.length - 1]! : null;

  // Fields and text disagree: trust the fields, say so.
  const mismatch = (key: string, fieldValue: string, textValue: string, at: Pos): void => {
    diagnostics.push(
      diagnostic('meta-text-mismatch', 'warning', `发现字段“${key}”（${fieldValue}）与正文（${textValue}）不一致：已以字段为准，应核对后改为一致`, at),
    );
  };
  if (fields.dates['施行日期'] && textEffective && textEffective.value !== fields.dates['施行日期']) {
    mismatch('施行日期', fields.dates['施行日期'], textEffective.value, fields.pos['施行日期'] ?? DOC_POS);
  }
  if (fields.dates['有效期至'] && tv?.until && tv.until !== fields.dates['有效期至']) {
    mismatch('有效期至', fields.dates['有效期至'], tv.until, fields.pos['有效期至'] ?? DOC_POS);
  }
  if (fieldValidity && textValidity && (fieldValidity.years ?? 0) * 12 + (fieldValidity.months ?? 0) !== (textValidity.years ?? 0) * 12 + (textValidity.months ?? 0)) {
    mismatch('有效期', String(v['有效期']), tv ? text.blocks[tv.range.block]!.text.slice(tv.range.start, tv.range.end) : '', fields.pos['有效期'] ?? DOC_POS);
  }
  if (fieldNumber && text.docNumber && normalDocNumber(fieldNumber) !== normalDocNumber(text.docNumber.value.raw)) {
    mismatch('文号', fieldNumber, text.docNumber.value.raw, fields.pos['文号'] ?? DOC_POS);
  }

  return {
    path,
    lines,
    textLines,
    source,
    format: isRecord ? 'yaml' : 'markdown',
    fields,
    text,
    title,
    docNumber,
    issuer,
    coIssuers,
    kind,
    kindSource,
    level,
    issuerType: issuerTypeOf(issuer),
    status,
    publishedOn,
    effectiveOn,
    validity,
    validUntil,
    repealedOn: fields.dates['废止日期'] ?? null,
    trial: isTrial(text.innerTitle ?? title),
    versionDate,
    inferred: inferred.sort(),
    diagnostics,
  };
}

/** The `document` object of JSON output (product.md §4.1). */
export function summarizeDocument(doc: Document): DocumentSummary {
  const s: DocumentSummary = {
    title: doc.title,
    docNumber: doc.docNumber?.raw ?? doc.docNumber?.value.raw ?? null,
    issuer: doc.issuer,
    kind: doc.kind,
    level: doc.level,
    status: doc.status,
    publishedOn: doc.publishedOn?.value ?? null,
    effectiveOn: doc.effectiveOn?.value ?? null,
    validUntil: doc.validUntil?.value ?? null,
    trial: doc.trial,
  };
  if (doc.inferred.length) s.inferred = doc.inferred;
  return s;
}
