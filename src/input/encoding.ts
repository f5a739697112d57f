/**
 * Bytes → text: BOM sniffing, UTF-8 validation with the offset of the first bad byte, and a sound
 * GB18030/GBK detector for `--encoding auto` (product.md §2.1).
 *
 * Order (the WHATWG Encoding Standard's `decode`, then hefa's choice for files without a BOM):
 * 1. A BOM decides, whatever --encoding says: EF BB BF → UTF-8, FF FE → UTF-16LE, FE FF → UTF-16BE.
 *    A file that starts with a BOM says what it is; a forced encoding is for files that do not.
 * 2. Without a BOM, a NUL byte in the first 8 KiB marks a binary file (Word, PDF, image, or UTF-16
 *    written without a BOM); no text document in UTF-8 or GB18030 contains one.
 * 3. `utf8`: strict UTF-8; the first invalid byte is reported by its (1-based) position.
 *    `gb18030`: strict GB18030; the first byte that cannot be decoded is reported likewise.
 *    `auto`: valid UTF-8 is UTF-8 (pure ASCII included); otherwise GB18030 when it looks like
 *    Chinese text (looksLikeGbText below); otherwise a read error naming the first invalid UTF-8 byte.
 *
 * GB18030 decoding uses Node's own `TextDecoder('gb18030')` (ICU, always present in the official
 * Node 20 builds, which ship full-icu), not iconv-lite. Compared byte sequence by byte sequence over
 * the whole two-byte space (23,940 sequences) and the four-byte BMP space (50,400): the two differ
 * only where TextDecoder is the more correct one. TextDecoder follows the WHATWG/GB18030-2022 mapping
 * (A6D9–A6DF, A6EC–A6ED, A6F3 → vertical punctuation U+FE10–FE19; FE59… → CJK U+9FB4–9FBB, real
 * characters), where iconv-lite returns private-use code points; and it rejects four-byte sequences
 * past 84 31 A4 39 that are not valid GB18030, which iconv-lite maps to supplementary characters. So
 * iconv-lite would add a dependency and be less right. A Node built without ICU (`--with-intl=none`)
 * throws on `new TextDecoder('gb18030')`: that is caught and reported as "GB18030 unsupported".
 */

import { isUtf8 } from 'node:buffer';

export type Encoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';
export type EncodingOption = 'auto' | 'utf8' | 'gb18030';
export const ENCODING_OPTIONS: readonly EncodingOption[] = ['auto', 'utf8', 'gb18030'];

export type DecodeResult = { ok: true; text: string; encoding: Encoding } | { ok: false; message: string };

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** How many bytes are looked at for NUL bytes (binary files) — the same probe size as git's. */
const BINARY_PROBE = 8192;

/**
 * Offset (0-based) of the first byte of the first ill-formed UTF-8 sequence, or -1 when all of
 * `bytes` is valid UTF-8. Well-formed per Unicode Table 3-7: no overlong forms, no surrogates, nothing
 * above U+10FFFF; a sequence cut off by the end of the input is ill-formed at its lead byte. A GBK
 * character (D6 D0 for 中) is reported at its lead byte D6, as a user reading a hex dump expects.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  // Node's native validator (simdutf) answers for valid input in a fraction of a decode; the walk
  // below only finds where invalid input goes wrong.
  if (isUtf8(bytes)) return -1;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

let gbDecoder: TextDecoder | null | undefined;
/** A fatal GB18030 decoder, or null when this Node has no ICU support for it. */
function gb18030Decoder(): TextDecoder | null {
  if (gbDecoder === undefined) {
    try {
      gbDecoder = new TextDecoder('gb18030', { fatal: true });
    } catch {
      gbDecoder = null;
    }
  }
  return gbDecoder;
}

const GB_UNSUPPORTED = '此 Node.js 不支持 GB18030 解码（编译时未包含 ICU）：请把文件另存为 UTF-8';

/** Decode strict GB18030; null when the bytes are not valid GB18030. */
function decodeGb(bytes: Uint8Array): string | null {
  const d = gb18030Decoder();
  if (!d) return null;
  try {
    return d.decode(bytes);
  } catch {
    return null;
  }
}

/** Length of the GB18030 character starting at `i`, by its byte pattern (ASCII/0x80: 1; 81–FE + 30–39: 4; else 2). */
function gbCharLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b <= 0x80 || b === 0xff) return 1;
  const t = bytes[i + 1];
  return t !== undefined && t >= 0x30 && t <= 0x39 ? 4 : 2;
}

/**
 * Offset of the first byte of the first character that strict GB18030 cannot decode, or -1.
 * The longest decodable prefix is found by bisection with a streaming decoder (a prefix that ends
 * inside a character is not an error while streaming), then the character that crosses its end is
 * located by walking the byte pattern. O(n log n); it runs only on input already known to be bad.
 */
export function firstInvalidGb18030(bytes: Uint8Array): number {
  if (!gb18030Decoder()) return 0;
  if (decodeGb(bytes) !== null) return -1;
  const ok = (len: number): boolean => {
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(bytes.subarray(0, len), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0; // ok(lo) holds
  let hi = bytes.length; // the largest candidate
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  // [0, lo) decodes while streaming: the first character not wholly inside it is the bad one.
  let i = 0;
  for (let len = gbCharLength(bytes, 0); i + len <= lo; len = gbCharLength(bytes, i)) i += len;
  return Math.min(i, bytes.length - 1);
}

/** Share of multi-byte characters that must be GB2312 for `auto` to take a file for GB18030. */
export const GB2312_SHARE = 0.8;

/**
 * Does this (already strictly decodable) GB18030 byte sequence look like real Chinese text?
 *
 * Why not simply "decodes without error and is mostly CJK": almost any byte string without NULs
 * decodes as GB18030 (every lead byte 81–FE with almost any trail byte is a character), and most of
 * the GBK code space is CJK ideographs, so random bytes, a Latin-1 file or a Big5 file decode to
 * "mostly CJK" too. Real GB-encoded text, on the other hand, is written almost entirely with the
 * 6,763 hanzi of GB2312 and its punctuation rows (、。“”《》（），： are all in rows A1 and A3): the
 * 3,755 level-1 hanzi alone cover about 99.5% of modern written Chinese. Random high bytes hit GB2312
 * about 32% of the time, Big5-encoded text about 50%, Shift-JIS kanji hardly at all.
 *
 * The heuristic, on the bytes:
 * - no C0 control characters other than TAB, LF, CR and FF (C1 controls cannot occur: GB18030 maps
 *   U+0080–U+009F to four-byte sequences, which count as "not GB2312" below);
 * - at least GB2312_SHARE (80%) of the multi-byte characters are GB2312: the hanzi rows B0–F7 or the
 *   symbol rows A1–A9, each with a trail byte A1–FE.
 * A file with no multi-byte character at all is ASCII and therefore already valid UTF-8.
 */
export function looksLikeGbText(bytes: Uint8Array): boolean {
  let multi = 0;
  let gb2312 = 0;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
      i++;
      continue;
    }
    multi++;
    const t = bytes[i + 1];
    if (b === 0x80 || b === 0xff || t === undefined) {
      i++;
    } else if (t >= 0x30 && t <= 0x39) {
      i += 4;
    } else {
      if (t >= 0xa1 && t <= 0xfe && ((b >= 0xb0 && b <= 0xf7) || (b >= 0xa1 && b <= 0xa9))) gb2312++;
      i += 2;
    }
  }
  return multi > 0 && gb2312 >= GB2312_SHARE * multi;
}

function hex(b: number | undefined): string {
  return b === undefined ? '（文件结尾）' : `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Decode a whole input. Never throws. */
export function decodeBytes(bytes: Uint8Array, encoding: EncodingOption = 'auto'): DecodeResult {
  if (bytes.length === 0) return { ok: false, message: '文件为空' };
  // 1. A BOM decides.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strictUtf8(bytes, 3);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const le = bytes[0] === 0xff;
    const body = bytes.subarray(2);
    try {
      const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(body);
      return { ok: true, text, encoding: le ? 'utf16le' : 'utf16be' };
    } catch {
      const why = body.length % 2 === 1 ? '字节数为奇数' : '含有不成对的代理项';
      return { ok: false, message: `发现文件以 UTF-16${le ? 'LE' : 'BE'} 的 BOM 开头，但内容不是有效的 UTF-16（${why}）：应为 UTF-8、GB18030 或带 BOM 的 UTF-16 文本` };
    }
  }
  // 2. NUL bytes: binary.
  const probe = bytes.subarray(0, Math.min(bytes.length, BINARY_PROBE));
  if (probe.includes(0)) {
    return { ok: false, message: '文件是二进制文件，不是文本（含有 NUL 字节；也可能是没有 BOM 的 UTF-16）：应为 Markdown 或 YAML 文本' };
  }
  // 3. The encoding.
  if (encoding === 'utf8') return strictUtf8(bytes, 0);
  if (encoding === 'gb18030') {
    const text = decodeGb(bytes);
    if (text !== null) return { ok: true, text, encoding: 'gb18030' };
    if (!gb18030Decoder()) return { ok: false, message: GB_UNSUPPORTED };
    const at = firstInvalidGb18030(bytes);
    return { ok: false, message: `发现第 ${at + 1} 字节不是有效的 GB18030：${hex(bytes[at])} 不能出现在此处；应为 GB18030 文本（若是 UTF-8 编码，用 --encoding utf8 或 auto）` };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { ok: true, text: utf8Decoder.decode(bytes), encoding: 'utf8' };
  if (looksLikeGbText(bytes)) {
    const text = decodeGb(bytes);
    if (text !== null) return { ok: true, text, encoding: 'gb18030' };
  }
  return {
    ok: false,
    message: `发现第 ${bad + 1} 字节不是有效的 UTF-8（${hex(bytes[bad])}），按 GB18030 解码也不像中文文本：应为 UTF-8 或 GB18030 文本（可用 --encoding 指定编码）`,
  };
}

function strictUtf8(bytes: Uint8Array, from: number): DecodeResult {
  const body = from ? bytes.subarray(from) : bytes;
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    return {
      ok: false,
      message: `发现第 ${bad + from + 1} 字节不是有效的 UTF-8：${hex(body[bad])} 不能出现在此处；应为 UTF-8 文本（若是 GB18030 编码，用 --encoding gb18030 或 auto）`,
    };
  }
  return { ok: true, text: utf8Decoder.decode(body), encoding: 'utf8' };
}
