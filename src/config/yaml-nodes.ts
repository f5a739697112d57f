/**
 * Parse a YAML data file (config, presets) into nodes with positions, and walk them reporting
 * problems at the exact key or value. YAML 1.2 core schema, unique keys, no custom tags:
 * data files are data, never code.
 */
import {
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import { problemMessage, quote, type ConfigPos, type ConfigProblem } from './problems.js';

/** A map entry with a string key. */
export interface Entry {
  key: string;
  keyNode: Node;
  /** The value node (aliases resolved); null when the key has no value node at all. */
  value: Node | null;
}

/** Chinese wording for the YAML parser's error codes. */
const YAML_ERRORS: Partial<Record<YAMLError['code'], string>> = {
  DUPLICATE_KEY: '重复的键',
  BAD_INDENT: '缩进不正确',
  TAB_AS_INDENT: '不能用制表符缩进',
  MULTIPLE_DOCS: '配置文件只能有一个 YAML 文档',
  MISSING_CHAR: '缺少字符（引号或括号未闭合）',
  UNEXPECTED_TOKEN: '意外的符号',
  MULTILINE_IMPLICIT_KEY: '键不能跨行',
  BLOCK_AS_IMPLICIT_KEY: '键不能是块结构',
  BAD_DQ_ESCAPE: '双引号字符串中的转义不正确',
  BAD_ALIAS: '别名不正确',
  TAG_RESOLVE_FAILED: '不支持的 YAML 标签',
  BAD_SCALAR_START: '值的开头字符不合法',
  BLOCK_IN_FLOW: '流式结构中不能有块结构',
  KEY_OVER_1024_CHARS: '键超过 1024 个字符',
  RESOURCE_EXHAUSTION: 'YAML 结构过深或过大',
};

/** Most alias dereferences one file may use; stops "billion laughs" style files from blowing up a walk. */
const MAX_ALIASES = 200;

export class YamlWalker {
  readonly problems: ConfigProblem[] = [];
  readonly doc: Document.Parsed;
  /** True when the parser reported errors that make the node tree unreliable. */
  readonly broken: boolean;
  private readonly lines = new LineCounter();
  private aliasCount = 0;
  private aliasReported = false;

  constructor(
    readonly file: string,
    readonly source: string,
  ) {
    this.doc = parseDocument(source, {
      lineCounter: this.lines,
      schema: 'core',
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
      merge: false,
      customTags: [],
    });
    let broken = false;
    for (const e of this.doc.errors) {
      if (e.code !== 'DUPLICATE_KEY') broken = true;
      this.yamlProblem(e);
    }
    for (const w of this.doc.warnings) this.yamlProblem(w);
    this.broken = broken;
  }

  private yamlProblem(e: YAMLError): void {
    const offset = e.pos[0] >= 0 ? e.pos[0] : 0;
    const what = YAML_ERRORS[e.code] ?? 'YAML 语法错误';
    const raw = e.message.replace(/\s+/g, ' ').trim();
    const firstLine = (t: string): string => (t.split(/\r?\n|\r/)[0] ?? '').trim();
    const found = firstLine(this.source.slice(offset, Math.max(offset, e.pos[1])));
    const rest = firstLine(this.source.slice(offset));
    const actual = found ? quote(found) : rest ? quote(rest) : offset >= this.source.trimEnd().length ? '文件结尾' : '空行';
    this.problems.push({
      ...this.posAt(offset),
      message: problemMessage(
        `YAML 语法错误：${what}`,
        e.code === 'DUPLICATE_KEY' ? '每个键只出现一次' : '合法的 YAML（1.2 核心模式）',
        actual,
        `解析器：${raw}`,
      ),
    });
  }

  /** Position of a source offset. */
  posAt(offset: number): ConfigPos {
    const lp = this.lines.linePos(Math.max(0, Math.min(offset, this.source.length)));
    if (lp.line === 0) return { file: this.file, line: 1, column: offset + 1 };
    return { file: this.file, line: lp.line, column: lp.col };
  }

  /** Position of a node (its first character), or of the document start. */
  pos(node: Node | null | undefined, fallback?: Node | null): ConfigPos {
    const n = node?.range ? node : fallback;
    return this.posAt(n?.range ? n.range[0] : 0);
  }

  /** Report a problem at a node. */
  report(
    at: Node | null | undefined | ConfigPos,
    what: string,
    expected: string,
    actual: string,
    hint?: string,
  ): void {
    const p = at && 'line' in at && 'file' in at ? at : this.pos(at as Node | null | undefined);
    this.problems.push({ file: p.file, line: p.line, column: p.column, message: problemMessage(what, expected, actual, hint) });
  }

  /** Follow an alias to the node it names (bounded, see MAX_ALIASES). */
  resolve(node: unknown): Node | null {
    if (node === null || node === undefined) return null;
    let n = node as Node;
    let hops = 0;
    while (isAlias(n)) {
      if (++this.aliasCount > MAX_ALIASES || ++hops > 10) {
        if (!this.aliasReported) {
          this.aliasReported = true;
          this.report(n, 'YAML 别名过多', `不超过 ${MAX_ALIASES} 次别名引用`, '更多');
        }
        return null;
      }
      const target = n.resolve(this.doc);
      if (!target) return null;
      n = target;
    }
    return n;
  }

  /** The root node of the document, or null for an empty file. */
  root(): Node | null {
    return this.resolve(this.doc.contents);
  }

  /** True for a missing value or an explicit null. */
  isNull(node: Node | null): boolean {
    return node === null || (isScalar(node) && node.value === null);
  }

  /** The string value of a scalar node, else null. */
  str(node: Node | null): string | null {
    return node && isScalar(node) && typeof node.value === 'string' ? node.value : null;
  }

  /** Entries of a map with string keys; non-string keys are reported and skipped. */
  entries(map: Node): Entry[] {
    if (!isMap(map)) return [];
    const out: Entry[] = [];
    for (const pair of map.items) {
      const keyNode = this.resolve(pair.key);
      const key = keyNode && isScalar(keyNode) ? keyNode.value : undefined;
      if (typeof key !== 'string' || !keyNode) {
        this.report(keyNode ?? map, '键的类型不正确', '字符串', this.describe(keyNode));
        continue;
      }
      out.push({ key, keyNode, value: this.resolve(pair.value) });
    }
    return out;
  }

  /** The items of a sequence (aliases resolved). */
  items(seq: Node): (Node | null)[] {
    if (!isSeq(seq)) return [];
    return seq.items.map((i) => this.resolve(i));
  }

  /** How a value reads in a message's 实际为 part. */
  describe(node: Node | null): string {
    if (node === null || this.isNull(node)) return '空值';
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'string') return quote(v);
      return String(v);
    }
    const snippet = node.range ? this.snippet(node.range[0], node.range[1]) : '';
    if (isMap(node)) return `映射 ${snippet || '{…}'}`;
    if (isSeq(node)) return `列表 ${snippet || '[…]'}`;
    return '未知值';
  }

  private snippet(start: number, end: number): string {
    const s = this.source.slice(start, end).replace(/\s+/g, ' ').trim();
    return s.length > 40 ? `${s.slice(0, 39)}…` : s;
  }
}

export { isMap, isScalar, isSeq };
export type { Node };
