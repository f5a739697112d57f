/**
 * Front matter: a first line `---`, then YAML lines up to a closing `---` (or `...`) line.
 * Line endings LF, CRLF and CR. The caller strips a BOM before calling.
 */

export interface FrontMatterSplit {
  /** The YAML text between the fences (with its line breaks), or null when there is none. */
  yaml: string | null;
  /** Offset in the source where the YAML text starts (the line after the opening fence). */
  yamlStart: number;
  /** Offset in the source where the body starts (the line after the closing fence); 0 without front matter. */
  bodyStart: number;
  /** Set when the front matter has no closing fence; the whole file is then read as text. */
  error: { message: string; offset: number } | null;
}

/** Message of an unterminated front matter. */
export const UNTERMINATED_MESSAGE = '前置元数据缺少结束标记“---”';

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** The line starting at `start`: its text without the line break, and the offset of the next line. */
function lineAt(source: string, start: number): { text: string; next: number; broken: boolean } {
  let i = start;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === 10) return { text: source.slice(start, i), next: i + 1, broken: true };
    if (c === 13) {
      const next = source.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      return { text: source.slice(start, i), next, broken: true };
    }
    i++;
  }
  return { text: source.slice(start), next: source.length, broken: false };
}

/** Split YAML front matter off a Markdown source. */
export function splitFrontMatter(source: string): FrontMatterSplit {
  const first = lineAt(source, 0);
  if (!OPEN.test(first.text)) return { yaml: null, yamlStart: 0, bodyStart: 0, error: null };
  const yamlStart = first.next;
  if (first.broken) {
    let pos = yamlStart;
    while (pos < source.length) {
      const line = lineAt(source, pos);
      if (CLOSE.test(line.text)) {
        return { yaml: source.slice(yamlStart, pos), yamlStart, bodyStart: line.next, error: null };
      }
      pos = line.next;
    }
  }
  return { yaml: null, yamlStart: 0, bodyStart: 0, error: { message: UNTERMINATED_MESSAGE, offset: 0 } };
}
