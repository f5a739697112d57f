// A textlint rule that reports nothing: the textlint baseline of `npm run bench` measures textlint's own
// cost (discovery, Markdown parsing, AST traversal), not the cost of any real rule.
/** @param {unknown} _context */
export default function noop(_context) {
  return { Str() {} };
}
