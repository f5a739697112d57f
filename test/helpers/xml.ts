/**
 * A small, strict XML 1.0 reader for tests of the JUnit format (no XML parser is a dependency):
 * it accepts an XML declaration, elements, attributes in double or single quotes, text, comments
 * and the five predefined entities plus character references, and throws on anything malformed —
 * an unescaped `<` or `&`, `]]>` in text, a character XML cannot hold, mismatched or unclosed tags,
 * duplicate attributes, more than one root. Values come back decoded.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (children's text not included), decoded. */
  text: string;
}

const NAME = /[A-Za-z_:][-\w.:]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// XML 1.0 §2.2 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
const BAD_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export class XmlError extends Error {}

export function parseXml(src: string): XmlElement {
  const bad = BAD_CHAR.exec(src);
  if (bad) throw new XmlError(`character U+${bad[0].codePointAt(0)!.toString(16)} not allowed at ${bad.index}`);
  let i = 0;
  const fail = (what: string): never => {
    throw new XmlError(`${what} at offset ${i}: ${JSON.stringify(src.slice(i, i + 40))}`);
  };
  const ws = (): void => {
    while (i < src.length && /[ \t\r\n]/.test(src[i]!)) i++;
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (!m) fail('expected a name');
    i += m![0].length;
    return m![0];
  };
  const decode = (raw: string): string => {
    if (raw.includes('<')) fail('unescaped < in value');
    return raw.replace(/&([^;]*);?/g, (all, ref: string) => {
      if (!all.endsWith(';')) fail(`unterminated reference ${all}`);
      if (ref in ENTITIES) return ENTITIES[ref]!;
      const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
      if (!m) fail(`unknown entity &${ref};`);
      const cp = m![1] !== undefined ? parseInt(m![1], 16) : parseInt(m![2]!, 10);
      const ch = String.fromCodePoint(cp);
      if (BAD_CHAR.test(ch)) fail(`reference to a character XML cannot hold: &${ref};`);
      return ch;
    });
  };
  const misc = (): void => {
    for (;;) {
      ws();
      if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i + 4);
        if (end < 0) fail('unclosed comment');
        if (src.slice(i + 4, end).includes('--')) fail('-- inside a comment');
        i = end + 3;
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (src[i] !== '<') fail('expected <');
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      ws();
      if (src.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (src[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('expected whitespace before an attribute');
      const attr = name();
      ws();
      if (src[i] !== '=') fail('expected =');
      i++;
      ws();
      const q = src[i];
      if (q !== '"' && q !== "'") fail('expected a quoted value');
      const end = src.indexOf(q!, i + 1);
      if (end < 0) fail('unclosed attribute value');
      if (attr in el.attrs) fail(`duplicate attribute ${attr}`);
      el.attrs[attr] = decode(src.slice(i + 1, end));
      i = end + 1;
    }
    for (;;) {
      const lt = src.indexOf('<', i);
      if (lt < 0) fail(`unclosed <${el.name}>`);
      const raw = src.slice(i, lt);
      if (raw.includes(']]>')) fail(']]> in text');
      el.text += decode(raw);
      i = lt;
      if (src.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        ws();
        if (src[i] !== '>') fail('expected >');
        i++;
        return el;
      }
      if (src.startsWith('<!--', i)) {
        misc();
        continue;
      }
      if (src.startsWith('<![CDATA[', i) || src.startsWith('<?', i) || src.startsWith('<!', i)) fail('unsupported markup');
      el.children.push(element());
    }
  };

  if (src.startsWith('\uFEFF')) i = 1;
  if (src.startsWith('<?xml', i)) {
    const end = src.indexOf('?>', i);
    if (end < 0) fail('unclosed XML declaration');
    if (!/^<\?xml\s+version="1\.[0-9]"(\s+encoding="[A-Za-z][\w.-]*")?(\s+standalone="(yes|no)")?\s*\?>$/.test(src.slice(i, end + 2))) {
      fail('malformed XML declaration');
    }
    i = end + 2;
  }
  misc();
  const root = element();
  misc();
  if (i !== src.length) fail('content after the root element');
  return root;
}

/** Every descendant element with the given name, in document order. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}
