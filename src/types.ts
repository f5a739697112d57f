/**
 * Shared types of hefa: positions, findings, the Document model, rules and check kinds.
 * Every module imports its vocabulary from here so that the layers stay decoupled.
 */

/** A place in a source file. Lines and columns are 1-based; a column counts UTF-16 units. */
export interface Pos {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** Confidence of a legal basis, see rules.md: law > policy > practice. */
export type Confidence = 'law' | 'policy' | 'practice';

export interface Basis {
  title: string;
  number?: string;
  version?: string;
  article?: string;
  quote?: string;
  confidence: Confidence;
}

export interface Related {
  path: string;
  line: number;
  column: number;
  message?: string;
}

export interface Suppression {
  kind: 'directive' | 'baseline';
  reason: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  basis: Basis[];
  related: Related[];
  suppressed: Suppression | null;
  /** Extra data echoed in JSON (e.g. the reason a step was not applicable). Absent when empty. */
  data?: Record<string, string>;
  /**
   * The baseline fingerprint (src/suppress/baseline.ts): set only when the session computes them
   * (--baseline, --write-baseline); never part of any output format.
   */
  fingerprint?: string;
}

/** The forms of an inline suppression directive (src/suppress/directives.ts). */
export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';

/**
 * An inline suppression directive read from a file's source: `<!-- hefa-disable-next-line id -- 理由 -->`
 * in Markdown, `# hefa-disable-next-line id -- 理由` in YAML. Plain data; lives next to a file's result
 * during a run and is never output.
 */
export interface Directive {
  /** null: the keyword is not one hefa knows (`keyword` says what was written). */
  kind: DirectiveKind | null;
  /** As written after `hefa-`, e.g. disable-next-line. */
  keyword: string;
  /** Rule ids as written, in order (empty when none were given). */
  ruleIds: string[];
  /** The reason after ` -- `, trimmed; null when missing or empty. */
  reason: string | null;
  /** Where the comment is. */
  pos: Pos;
  /** The line a disable-next-line or disable-line covers (0 for the other forms). */
  line: number;
}

// ---------------------------------------------------------------------------
// Document model (product.md §2)
// ---------------------------------------------------------------------------

export type DocKind =
  | '法律'
  | '行政法规'
  | '地方性法规'
  | '规章'
  | '司法解释'
  | '行政规范性文件'
  | '重大行政决策'
  | '其他';

export const DOC_KINDS: readonly DocKind[] = [
  '法律',
  '行政法规',
  '地方性法规',
  '规章',
  '司法解释',
  '行政规范性文件',
  '重大行政决策',
  '其他',
];

export type Level = '国家' | '省' | '市' | '县' | '乡';
export const LEVELS: readonly Level[] = ['国家', '省', '市', '县', '乡'];

export type Status = '草案' | '送审稿' | '已公布' | '已修改' | '已废止' | '已失效';
export const STATUSES: readonly Status[] = ['草案', '送审稿', '已公布', '已修改', '已废止', '已失效'];

export type IssuerType = 'government' | 'department';

/** A value read from a field or the text, with where it was found. */
export interface Located<T> {
  value: T;
  pos: Pos;
  /** 'field' = front matter or YAML record; 'text' = read from the document text. */
  source: 'field' | 'text';
  /** The text as written, e.g. the 文号 with its original brackets. */
  raw?: string;
}

/** A 文号 such as 夹府规〔2020〕3号, split into parts. */
export interface DocNumber {
  raw: string;
  organ: string;
  year: number | null;
  serial: number | null;
  /** True when written 机关代字〔YYYY〕N号 with 六角括号, a four-digit year and no leading zero. */
  canonical: boolean;
}

/**
 * A procedure record (评估论证, 公开征求意见, …) as the drafting office recorded it.
 * `true` → done (no details), `false` → not done, `{不适用: 理由}` → not applicable.
 */
export interface StepRecord {
  state: 'done' | 'not-done' | 'not-applicable';
  reason?: string;
  /** Sub-fields by canonical Chinese name (日期, 开始, 结束 …), values as written (strings, numbers, lists). */
  fields: Record<string, unknown>;
  /** Position of each sub-field's value, by canonical name. */
  fieldPos: Record<string, Pos>;
  pos: Pos;
}

/** A filing entry of 备案. */
export interface FilingRecord {
  body: string;
  filedOn: string | null;
  number?: string;
  pos: Pos;
}

/** Fields read from front matter or a YAML record, by canonical Chinese key. */
export interface Fields {
  /** Every recognised key, canonical Chinese name → value as written (after alias mapping). */
  values: Record<string, unknown>;
  /** Position of each recognised key's value. */
  pos: Record<string, Pos>;
  /** Parsed dates by path ('施行日期', '公开征求意见.开始', '公布.日期' …) as ISO YYYY-MM-DD. */
  dates: Record<string, string>;
  /** Procedure records by canonical name. */
  steps: Record<string, StepRecord>;
  filings: FilingRecord[] | null;
  concerns: string[];
  /** True when the document "carries records" (rules.md §1). */
  carriesRecords: boolean;
  /** Whether any front matter / record existed at all. */
  present: boolean;
}

/** One block of text (heading, paragraph, or raw-HTML paragraph) with a map back to the source. */
export interface Block {
  type: 'heading' | 'paragraph' | 'html';
  depth: number;
  /** Plain text: markup stripped, HTML entities decoded, line breaks kept as \n. */
  text: string;
  /**
   * Segments mapping text offsets to source offsets: text[at + k] came from source[src + k]
   * for k < len. Sorted by `at`. Characters between segments map to the previous segment's end.
   */
  segments: { at: number; src: number; len: number }[];
  /** Offset of the block's first character in the source. */
  start: number;
  end: number;
}

/** A place in the text: block index and character range in that block's text. */
export interface TextRange {
  block: number;
  start: number;
  end: number;
}

export interface Heading {
  unit: 'chapter' | 'section';
  number: number;
  /** As written, e.g. 第一章. */
  label: string;
  title: string;
  range: TextRange;
  /** For a section: the number of the chapter it sits in (0 if none). */
  parent: number;
}

export interface Article {
  number: number;
  label: string;
  chapter: number;
  section: number;
  range: TextRange;
  /** Index of the first and last block (inclusive) that belong to this article. */
  firstBlock: number;
  lastBlock: number;
}

export interface Sentence {
  text: string;
  range: TextRange;
  /** Index into `articles`, or -1 when outside any article. */
  article: number;
}

export interface Citation {
  /** The title inside 《》 (inner 〈〉 kept). */
  title: string;
  /** The article, as written, e.g. 第十六条; with its number. */
  article?: string;
  articleNumber?: number;
  range: TextRange;
  sentence: number;
  /** Context that makes the citation not a live reference (rules.md §6 traps). */
  trap?: 'repeal-clause' | 'historical' | 'temporal' | 'transitional';
  /** The sentence names this law as the document's own basis (根据《…》…制定). */
  ownBasis: boolean;
}

export interface EffectiveClause {
  form: 'date' | 'on-publication' | 'days-after-publication';
  date?: string;
  days?: number;
  range: TextRange;
}

export interface ValidityClause {
  years?: number;
  months?: number;
  until?: string;
  range: TextRange;
}

export interface RepealClause {
  titles: string[];
  docNumbers: string[];
  range: TextRange;
}

export interface SignOff {
  issuers: string[];
  date: string | null;
  range: TextRange;
}

/** Everything read from the text (product.md §2.3). */
export interface TextModel {
  blocks: Block[];
  /** Index of the first block after the header (first chapter, article or `一、` heading). */
  headerEnd: number;
  title: Located<string> | null;
  /** Index of the block holding the title, -1 when the title came from elsewhere. */
  titleBlock: number;
  /** When the document is a wrapper notice 关于印发《X》的通知: X. */
  innerTitle: string | null;
  docNumber: Located<DocNumber> | null;
  /** A 令号 in the header (国务院令第713号, 某省人民政府令第351号). */
  decree: Located<string> | null;
  headings: Heading[];
  articles: Article[];
  sentences: Sentence[];
  citations: Citation[];
  effective: EffectiveClause | null;
  validity: ValidityClause | null;
  repeals: RepealClause[];
  signOff: SignOff | null;
  /** 公布 date read from a 印发/发布/公布 line of the header or the sign-off. */
  publishedOn: Located<string> | null;
  /** Latest 公布/修订/修正/印发 date in the header. */
  versionDate: string | null;
  /** Header lines saying a people's congress (standing committee) adopted or approved the text. */
  congressAdopted: boolean;
}

/** The Document: fields, text and derived facts; built once per file and shared by every rule. */
/** Offsets → positions for a document's source. */
export interface LineLookup {
  span(start: number, end: number): Pos;
  lineCol(offset: number): { line: number; column: number };
}

export interface Document {
  path: string;
  /** Positions in the file (fields, front matter). */
  lines: LineLookup;
  /** Positions of the text's block offsets (differs from `lines` for a YAML record's 正文). */
  textLines: LineLookup;
  /** Source text (after decoding); positions refer to it. */
  source: string;
  /** Format of the input. */
  format: 'markdown' | 'yaml';
  fields: Fields;
  text: TextModel;
  // Derived (fields first, then text, then inference).
  title: string;
  docNumber: Located<DocNumber> | null;
  issuer: string | null;
  coIssuers: string[];
  kind: DocKind;
  kindSource: 'field' | 'inferred' | 'config' | 'option';
  level: Level | null;
  issuerType: IssuerType | null;
  status: Status;
  publishedOn: Located<string> | null;
  effectiveOn: Located<string> | null;
  validity: Located<{ years?: number; months?: number }> | null;
  validUntil: Located<string> | null;
  repealedOn: string | null;
  trial: boolean;
  versionDate: string | null;
  /** Keys of values that were inferred rather than stated (JSON `inferred`). */
  inferred: string[];
  /** Diagnostics found while reading and modelling (read-error, parse-error, meta-*). */
  diagnostics: Finding[];
}

// ---------------------------------------------------------------------------
// Rules and check kinds (rules.md §1)
// ---------------------------------------------------------------------------

export interface When {
  kind?: DocKind[];
  status?: Status[];
  statusAtLeast?: Status;
  concerns?: string[];
  level?: Level[];
  issuerIs?: IssuerType;
  trial?: boolean;
}

export interface Rule {
  id: string;
  title: string;
  kind: string;
  severity: Severity;
  when: When;
  options: Record<string, unknown>;
  /** Message templates: `default` and any named ones a check kind uses. */
  messages: Record<string, string>;
  basis: Basis[];
  tags: string[];
  description?: string;
  /** Where the rule came from (for error messages). */
  file: string;
  /** Presets the rule is in. */
  presets: string[];
}

// ---------------------------------------------------------------------------
// Run settings from config that some check kinds need (product.md §5, §5.4)
// ---------------------------------------------------------------------------

/** Who the documents belong to; names filing targets (product.md §5.4). */
export interface Jurisdiction {
  name?: string;
  level?: Level;
  npcStandingCommittee?: string;
  superior?: string;
}

/** A filing target's type: the 人大常委会 of the issuer's level, the government one level up, or a department's own government. */
export type FilingTargetType = 'npc' | 'superior' | 'government';
export const FILING_TARGET_TYPES: readonly FilingTargetType[] = ['npc', 'superior', 'government'];

/** One `filing.targets` entry of config: documents whose issuer matches `issuer` (globs) are filed with `to`. */
export interface FilingTargetRule {
  issuer: string[];
  /** Targets in order; a missing name takes the default name of its type. An empty list: no filing required. */
  to: { type: FilingTargetType; name?: string }[];
}

/** The `filing` key of config; the deadline itself is the parameter `filing.days`. */
export interface FilingConfig {
  unit: 'days' | 'workdays';
  targets: FilingTargetRule[];
}

/** Config a check kind may read besides params (the deadline check names filing targets). */
export interface RunSettings {
  jurisdiction: Jurisdiction | null;
  filing: FilingConfig;
}

/**
 * What a check may add to one finding. `severity` replaces the rule's severity for this finding, but
 * only while the rule runs at its default severity: a severity set in config or by a preset applies
 * to every finding of the rule. `data` becomes Finding.data; `basis` is put before the rule's basis.
 */
export interface ReportExtra {
  severity?: Severity;
  data?: Record<string, string>;
  basis?: Basis[];
}

// ---------------------------------------------------------------------------
// The law-status table (rules.md §6; rules/laws/*.yaml and config `laws:`)
// ---------------------------------------------------------------------------

/** How an instrument stopped applying: 废止 (repealed) or 失效 (lapsed). */
export type LawStatus = '废止' | '失效';

export interface LawEntry {
  /** The full official title, e.g. 中华人民共和国合同法. */
  title: string;
  /** Other names it is cited by (合同法); the title without 中华人民共和国 always matches. */
  short: string[];
  kind?: DocKind;
  /** Absent: the table records no end (the entry is there for its article count or its name). */
  status?: LawStatus;
  /** The day it stopped applying (the successor's effective date), ISO. */
  stoppedOn?: string;
  successor?: string;
  /** The provision that repealed it, e.g. 《中华人民共和国民法典》第一千二百六十条. */
  repealedBy?: string;
  /** Article count of the current text, and that text's version date. */
  articles?: number;
  version?: string;
  /** A new instrument with the same title took effect on this day; texts of that date or later cite it. */
  reenactedOn?: string;
  /** Where the entry was verified. */
  source?: string;
  note?: string;
  /** Where the entry is written (for messages). */
  file: string;
  line: number;
}

export interface LawTable {
  entries: readonly LawEntry[];
  /** The entry a cited title names (中华人民共和国 prefix, brackets, spaces normalised), or null. */
  lookup(title: string): LawEntry | null;
}

// ---------------------------------------------------------------------------
// The corpus phase (rules.md §8): cross-document rules over compact summaries
// ---------------------------------------------------------------------------

/** A reference from one document to another: by title (《…》) and/or by 文号. */
export interface CorpusRef {
  /** titleKey() of the cited title, when cited by title. */
  title?: string;
  /** As written, for messages. */
  titleText?: string;
  /** Normalised 文号 (corpusNumberKey), when cited by 文号. */
  number?: string;
  numberText?: string;
  pos: Pos;
  trap?: Citation['trap'];
}

/** A repeal clause of a document: what it repeals, and where it says so. */
export interface CorpusRepeal {
  titles: string[];
  titleTexts: string[];
  numbers: string[];
  pos: Pos;
}

/**
 * What the corpus phase keeps of one document: plain data, no syntax trees, so a run over thousands
 * of files holds little memory and summaries could cross a worker boundary.
 */
export interface CorpusSummary {
  path: string;
  title: string;
  /** titleKey() of the title and, for a wrapper notice, of the text it carries. */
  titleKeys: string[];
  /** Where a document-level finding points (the title). */
  pos: Pos;
  docNumber: { key: string; raw: string; pos: Pos } | null;
  kind: DocKind;
  status: Status;
  publishedOn: string | null;
  /** Document.versionDate: the latest 公布/修订/修正/印发 date (two copies of one text share it). */
  versionDate: string | null;
  effectiveOn: string | null;
  validUntil: string | null;
  repeals: CorpusRepeal[];
  refs: CorpusRef[];
  /** Ids of the corpus rules whose `when` holds for this document (whether or not they are enabled). */
  applies: string[];
}

/** The set of documents of one run, with lookups. */
export interface CorpusIndex {
  docs: readonly CorpusSummary[];
  byNumber(key: string): readonly CorpusSummary[];
  byTitle(key: string): readonly CorpusSummary[];
  /** Whether a document still applies as of the run's date, and if not, why. */
  stateOf(doc: CorpusSummary): CorpusState;
}

export interface CorpusState {
  state: '有效' | '已废止' | '已失效' | '已到期';
  /** When repealed by another document of the set: that document and its clause. */
  repealedBy?: { doc: CorpusSummary; repeal: CorpusRepeal };
}

/** What a corpus check receives: one document of the set (the one findings go to) and the set. */
export interface CorpusCheckContext {
  self: CorpusSummary;
  corpus: CorpusIndex;
  rule: Rule;
  options: Record<string, unknown>;
  params: Record<string, number>;
  asOf: string;
  report(place: Pos, data?: Record<string, string | number>, messageId?: string, related?: Related[], extra?: ReportExtra): void;
}

/** What a check receives. */
export interface CheckContext {
  doc: Document;
  rule: Rule;
  /** Options after validation and defaults. */
  options: Record<string, unknown>;
  params: Record<string, number>;
  asOf: string;
  calendar: WorkCalendar;
  settings: RunSettings;
  /** The law-status table (rules/laws/*.yaml plus config `laws:`). */
  laws: LawTable;
  /**
   * Report a finding at a place. `messageId` picks a message template; `data` fills {{…}};
   * `extra` may give this finding its own severity, JSON data and an extra basis (ReportExtra).
   */
  report(place: Pos, data?: Record<string, string | number>, messageId?: string, related?: Related[], extra?: ReportExtra): void;
  /** A run-level notice (printed once on stderr), e.g. a date outside the working-day calendar. */
  notice(message: string): void;
}

/** A schema for one option of a check kind: small, closed, enough to give precise errors. */
export type OptionSchema =
  | { type: 'string'; required?: boolean; enum?: readonly string[]; default?: string }
  | { type: 'number'; required?: boolean; integer?: boolean; min?: number; default?: number }
  | { type: 'boolean'; required?: boolean; default?: boolean }
  | { type: 'string[]'; required?: boolean; default?: string[]; regex?: boolean }
  | { type: 'regex'; required?: boolean };

export interface CheckKind {
  name: string;
  /** One line on what it reports (shown by `hefa rules`). */
  summary: string;
  options: Record<string, OptionSchema>;
  /** Record kinds judge what the drafting office recorded: only documents that carry records. */
  recordScope: boolean;
  /** Messages the kind may use besides `default`, with a default template each. */
  defaultMessages?: Record<string, string>;
  /** Extra cross-option validation; returns problems as [optionName, message]. */
  validate?(options: Record<string, unknown>): [string, string][];
  run(ctx: CheckContext): void;
  /**
   * A cross-document kind (rules.md §8) implements this instead of `run`: it is called once per file
   * after every file of the run has been summarised, with that file's settings (src/corpus/).
   */
  corpus?(ctx: CorpusCheckContext): void;
}

export interface WorkCalendar {
  isWorkday(iso: string): boolean;
  /** True when `iso` is inside the years the calendar has official data for. */
  covers(iso: string): boolean;
}

// ---------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------

export interface DocumentSummary {
  title: string;
  docNumber: string | null;
  issuer: string | null;
  kind: DocKind;
  level: Level | null;
  status: Status;
  publishedOn: string | null;
  effectiveOn: string | null;
  validUntil: string | null;
  trial: boolean;
  inferred?: string[];
}

export interface FileResult {
  path: string;
  document: DocumentSummary | null;
  findings: Finding[];
  /** Inline directives of the file, kept from the per-file step until lint() applies them; then removed. */
  directives?: Directive[];
}

export interface LintResult {
  asOf: string;
  files: FileResult[];
  /** Run-level notices (e.g. dates outside the working-day calendar). Printed on stderr. */
  notices: string[];
  /** Only in a --shard run: what `hefa merge` needs besides the report (the JSON format's `shard` key). */
  shard?: ShardData;
}

/**
 * What a sharded run (`hefa check --shard i/n`) adds to its JSON report so that `hefa merge` can
 * produce the unsharded report: every file's corpus summary (the cross-document rules need the whole
 * set, so a shard does not run them), and what suppression needs to be applied again over all findings.
 */
export interface ShardData {
  /** 1-based. */
  index: number;
  count: number;
  /** The same in every shard of one run: fingerprint of the paths, options and settings (src/cache/key.ts). */
  run: string;
  /** configDigest(): `hefa merge` must compute the same from its own config. */
  config: string;
  /** The options of the run that `hefa merge` applies again: --rule, --disable, --report-unused-directives, --baseline. */
  options: { rule: string[] | null; disable: string[] | null; reportUnusedDirectives: boolean; baseline: string | null };
  notices: string[];
  /** One per file of the shard, sorted by path. */
  files: ShardFile[];
}

export interface ShardFile {
  path: string;
  /** Null when the file has no document (read-error, internal error). */
  corpus: CorpusSummary | null;
  /** The file's inline directives, when it has any. */
  directives?: Directive[];
  /**
   * The file's findings before suppression (directives, baseline) and --quiet. The JSON format writes
   * them only when they differ from the report's; without them the report's findings are these.
   */
  findings: Finding[];
}
