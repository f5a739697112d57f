/**
 * Positions of YAML nodes, for errors that point at the offending key or value.
 */
import { isMap, isScalar, isSeq, LineCounter, type Document as YamlDocument, type Node, type Pair } from 'yaml';

export interface NodeLocator {
  /** 1-based line and column of a node (its start), or of the document start. */
  at(node: unknown): { line: number; column: number };
}

export function locator(lc: LineCounter): NodeLocator {
  return {
    at(node) {
      const range = (node as Node | undefined)?.range;
      const p = lc.linePos(range ? range[0] : 0);
      return { line: p.line, column: p.col };
    },
  };
}

/** The pair of a map node with a given key, or undefined. */
export function pairOf(map: unknown, key: string): Pair<Node, Node> | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair<Node, Node> | undefined;
}

export { isMap, isScalar, isSeq, LineCounter };
export type { YamlDocument, Node, Pair };
