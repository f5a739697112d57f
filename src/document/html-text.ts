/**
 * Small HTML helpers for reading raw HTML inside Markdown as text: character references and tags.
 * Deliberately tiny (no dependency): Chinese legal HTML uses a handful of entities and simple tags.
 */

/**
 * Named character references seen in Chinese legal HTML (spacing, quotes, punctuation, a few symbols).
 * Anything else is kept as written when decoding raw HTML; Markdown text is decoded by micromark itself.
 */
const NAMED: Record<string, string> = {
  nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', emsp13: '\u2004', emsp14: '\u2005', thinsp: '\u2009',
  hairsp: '\u200a', numsp: '\u2007', puncsp: '\u2008', zwsp: '\u200b', ZeroWidthSpace: '\u200b', zwnj: '\u200c',
  zwj: '\u200d', shy: '\u00ad',
  amp: '&', AMP: '&', lt: '<', LT: '<', gt: '>', GT: '>', quot: '"', QUOT: '"', apos: "'",
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', sbquo: '\u201a', bdquo: '\u201e',
  laquo: '\u00ab', raquo: '\u00bb', lsaquo: '\u2039', rsaquo: '\u203a',
  middot: '\u00b7', centerdot: '\u00b7', bull: '\u2022', hellip: '\u2026', mldr: '\u2026', mdash: '\u2014',
  ndash: '\u2013', hyphen: '\u2010', dash: '\u2010', horbar: '\u2015', prime: '\u2032', Prime: '\u2033',
  oline: '\u203e', permil: '\u2030',
  times: '\u00d7', divide: '\u00f7', plusmn: '\u00b1', minus: '\u2212', le: '\u2264', ge: '\u2265',
  ne: '\u2260', asymp: '\u2248', equiv: '\u2261', infin: '\u221e', radic: '\u221a', sum: '\u2211',
  prod: '\u220f', sdot: '\u22c5', lowast: '\u2217', deg: '\u00b0', micro: '\u00b5', percnt: '%',
  frac12: '\u00bd', frac14: '\u00bc', frac34: '\u00be', sup1: '\u00b9', sup2: '\u00b2', sup3: '\u00b3',
  larr: '\u2190', uarr: '\u2191', rarr: '\u2192', darr: '\u2193', harr: '\u2194', rArr: '\u21d2', hArr: '\u21d4',
  sect: '\u00a7', para: '\u00b6', copy: '\u00a9', reg: '\u00ae', trade: '\u2122', yen: '\u00a5',
  euro: '\u20ac', cent: '\u00a2', pound: '\u00a3', curren: '\u00a4', iexcl: '\u00a1', iquest: '\u00bf',
  not: '\u00ac', macr: '\u00af', acute: '\u00b4', cedil: '\u00b8', uml: '\u00a8', ordf: '\u00aa',
  ordm: '\u00ba', brvbar: '\u00a6', dagger: '\u2020', Dagger: '\u2021', loz: '\u25ca', check: '\u2713',
  cross: '\u2717', star: '\u2606', starf: '\u2605', squ: '\u25a1', square: '\u25a1', cir: '\u25cb',
  lowbar: '_', verbar: '|', vert: '|', colon: ':', semi: ';', comma: ',', period: '.', excl: '!',
  quest: '?', num: '#', dollar: '$', lpar: '(', rpar: ')', lsqb: '[', rsqb: ']', lcub: '{', rcub: '}',
  ast: '*', plus: '+', equals: '=', sol: '/', bsol: '\\', Tab: '\t', NewLine: '\n',
};

/** A decoded character reference: how many source characters it spans and the text it stands for. */
export interface DecodedEntity {
  len: number;
  /** The decoded text, or '' for a well-formed named reference missing from our table. */
  text: string;
}

const MAX_ENTITY = 40;

/**
 * Decode the character reference starting at `str[i]` (which must be `&`), not reading past `to`.
 * Returns null when there is no well-formed reference (`&name;`, `&#123;`, `&#x1F;`) at `i`.
 */
export function decodeEntityAt(str: string, i: number, to: number = str.length): DecodedEntity | null {
  let j = i + 1;
  const limit = Math.min(to, i + MAX_ENTITY);
  if (j >= limit) return null;
  if (str.charCodeAt(j) === 35 /* # */) {
    j++;
    let hex = false;
    const x = str.charCodeAt(j);
    if (x === 120 || x === 88) {
      hex = true;
      j++;
    }
    const digitsStart = j;
    let code = 0;
    for (; j < limit; j++) {
      const c = str.charCodeAt(j);
      let d: number;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (hex && c >= 97 && c <= 102) d = c - 87;
      else if (hex && c >= 65 && c <= 70) d = c - 55;
      else break;
      code = code * (hex ? 16 : 10) + d;
      if (code > 0x10ffff) code = 0x110000; // keep it bounded; it is replaced below
    }
    if (j === digitsStart || j >= limit || str.charCodeAt(j) !== 59 /* ; */) return null;
    // Invalid code points become U+FFFD, as browsers and micromark do.
    const bad = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff);
    return { len: j + 1 - i, text: bad ? '\ufffd' : String.fromCodePoint(code) };
  }
  const nameStart = j;
  for (; j < limit; j++) {
    const c = str.charCodeAt(j);
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!alnum) break;
  }
  if (j === nameStart || j >= limit || str.charCodeAt(j) !== 59) return null;
  const name = str.slice(nameStart, j);
  return { len: j + 1 - i, text: Object.prototype.hasOwnProperty.call(NAMED, name) ? NAMED[name]! : '' };
}

/** Decode the character references of a string (unknown named ones are kept as written). */
export function decodeEntities(str: string): string {
  if (str.indexOf('&') < 0) return str;
  let out = '';
  let last = 0;
  for (let i = str.indexOf('&'); i >= 0 && i < str.length; i = str.indexOf('&', i + 1)) {
    const ent = decodeEntityAt(str, i);
    if (!ent || ent.text === '') continue;
    out += str.slice(last, i) + ent.text;
    last = i + ent.len;
    i = last - 1;
  }
  return out + str.slice(last);
}

/** A tag (or comment, doctype, processing instruction) found in raw HTML. */
export interface HtmlTag {
  /** Lower-case element name; '!' for comments, doctypes and processing instructions. */
  name: string;
  closing: boolean;
  /** Offset just after the tag's `>`. */
  end: number;
}

/** Elements whose start or end separates blocks of text. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'table', 'thead',
  'tbody', 'tfoot', 'caption', 'blockquote', 'section', 'article', 'header', 'footer', 'center', 'pre', 'hr',
  'form', 'fieldset', 'figure', 'figcaption', 'nav', 'aside', 'main', 'details', 'summary', 'address',
]);

/** Elements that start a new block of their own (`<p>`, `<div>`, `<h1-6>` …), used to pick per-element mode. */
export const BLOCK_ELEMENT_START = /<(?:p|div|h[1-6]|li|tr|table|blockquote|section|article|center|pre|dd|dt)[\s>/]/i;

/** Element names of HTML, used to tell `<b>` (a tag) from `<某某法>` or `<ABC>` (an inner title) inside 《》. */
export const HTML_ELEMENTS: ReadonlySet<string> = new Set([
  ...BLOCK_ELEMENTS, 'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'br', 'cite', 'code', 'col', 'colgroup', 'del',
  'dfn', 'em', 'font', 'i', 'img', 'ins', 'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span',
  'strike', 'strong', 'sub', 'sup', 'td', 'th', 'time', 'tt', 'u', 'var', 'wbr', 'script', 'style',
  'input', 'button', 'select', 'option', 'textarea', 'iframe', 'object', 'embed', 'video', 'audio', 'source',
  'picture', 'svg', 'meta', 'link', 'o:p',
]);

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Parse the tag starting at `str[i]` (which must be `<`), not reading past `to`.
 * Returns null when `<` does not start a tag (e.g. `<中华人民共和国某法>` or a lone `<`).
 */
export function parseTagAt(str: string, i: number, to: number = str.length): HtmlTag | null {
  let j = i + 1;
  if (j >= to) return null;
  let c = str.charCodeAt(j);
  if (c === 33 /* ! */ || c === 63 /* ? */) {
    if (str.startsWith('<!--', i)) {
      const close = str.indexOf('-->', i + 4);
      return { name: '!', closing: false, end: close < 0 || close + 3 > to ? to : close + 3 };
    }
    const close = str.indexOf('>', j);
    if (close < 0 || close >= to) return null;
    return { name: '!', closing: false, end: close + 1 };
  }
  let closing = false;
  if (c === 47 /* / */) {
    closing = true;
    j++;
    if (j >= to) return null;
    c = str.charCodeAt(j);
  }
  if (!isAsciiLetter(c)) return null;
  const nameStart = j;
  for (; j < to; j++) {
    c = str.charCodeAt(j);
    if (!(isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 45 || c === 58)) break;
  }
  const name = str.slice(nameStart, j).toLowerCase();
  // The name must end at whitespace, `/` or `>`; `<abc中文>` is not a tag.
  if (j < to) {
    c = str.charCodeAt(j);
    if (!(c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13)) return null;
  }
  // Find the closing `>`, skipping quoted attribute values (a quote counts only right after `=`).
  let quote = 0;
  let prev = 0;
  for (; j < to; j++) {
    c = str.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if ((c === 34 || c === 39) && prev === 61) {
      quote = c;
    } else if (c === 62) {
      return { name, closing, end: j + 1 };
    }
    if (c !== 32 && c !== 9) prev = c;
  }
  return null;
}
