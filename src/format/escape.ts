/**
 * Escaping document text for every report format (product.md §6: "reports escape everything they
 * print"). Document strings — titles, matched text, paths, YAML values — come from files hefa does not
 * trust: they may hold terminal escape sequences, markup, spreadsheet formulas or characters that are
 * not allowed in XML. One helper per target, shared by the formatters:
 *
 * - stripControls: terminal text (stylish, tables). Control characters become visible escapes (`\x1B`,
 *   `\r`), so `ESC[2J` in a title cannot clear the screen and `\r` cannot overwrite a line; bidi
 *   overrides (U+202A–202E, U+2066–2069, "Trojan Source") become `\u202E` so they cannot reorder it.
 * - escapeHtml: HTML text and quoted attribute values; controls not allowed in HTML are made visible.
 * - escapeXml: XML 1.0 text and attribute values (JUnit); characters XML 1.0 forbids are made visible.
 * - csvCell: one RFC 4180 cell, formula injection neutralised (OWASP "CSV injection").
 */

type Text = string | number | null | undefined;

function str(v: Text): string {
  return v === null || v === undefined ? '' : String(v);
}

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** C0 and C1 controls, DEL, line/paragraph separators and bidi embedding/override/isolate controls. */
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const TERMINAL_UNSAFE_KEEP_LINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe to write to a terminal: every control character (ESC of an ANSI sequence, CR, BEL,
 * backspace, NUL …) and bidi control becomes a visible escape. Line feeds too, unless `keepNewlines`.
 */
export function stripControls(v: Text, opts: { keepNewlines?: boolean } = {}): string {
  return str(v).replace(opts.keepNewlines ? TERMINAL_UNSAFE_KEEP_LINES : TERMINAL_UNSAFE, visible);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Controls HTML does not allow in text (all C0 but TAB, LF, FF, CR; DEL; C1). */
const HTML_CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;

/** Escape for HTML text and attribute values (quoted with " or '). */
export function escapeHtml(v: Text): string {
  return str(v).replace(HTML_CONTROLS, visible).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Characters XML 1.0 does not allow: C0 but TAB/LF/CR, lone surrogates, U+FFFE, U+FFFF. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escape for XML 1.0 text and attribute values; CR is kept as a character reference. */
export function escapeXml(v: Text): string {
  return str(v)
    .replace(NOT_XML, visible)
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)
    .replace(/\r/g, '&#13;');
}

/**
 * One CSV cell (RFC 4180). Text starting with = + - @, a tab or a CR gets a leading ' so a
 * spreadsheet (Excel, WPS, LibreOffice) shows it instead of running it as a formula; a cell holding
 * a comma, a quote or a line break is quoted, quotes doubled. Numbers are written as they are.
 */
export function csvCell(v: Text): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
