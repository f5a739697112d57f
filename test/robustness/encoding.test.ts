/**
 * Encodings (product.md §2.1, issue 8): UTF-8 with or without BOM, GB18030/GBK detected soundly,
 * UTF-16 with a BOM, `--encoding utf8|gb18030` forcing one, and the byte offset of the first bad byte.
 * Fixtures in test/robustness/fixtures/: park-utf8.md and its GBK twin park-gbk.md (made with
 * iconv-lite once), and one short text each in Big5, Shift-JIS and Latin-1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, firstInvalidGb18030, firstInvalidUtf8 } from '../../src/input/encoding.js';
import { decode } from '../../src/input/read.js';
import { AS_OF, ROOT, expectNoCrash, hefa, sandbox, useSandboxes } from './helpers.js';

useSandboxes();

const FIX = join(ROOT, 'test', 'robustness', 'fixtures');
const fixture = (name: string): Buffer => readFileSync(join(FIX, name));
const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const isUtf8 = (b: Uint8Array): boolean => {
  try {
    utf8Strict.decode(b);
    return true;
  } catch {
    return false;
  }
};
const SEED = 8008;

describe('firstInvalidUtf8', () => {
  const at = (...bytes: number[]): number => firstInvalidUtf8(Uint8Array.from(bytes));
  it('is -1 for valid UTF-8, ASCII and the empty input', () => {
    expect(firstInvalidUtf8(Buffer.from('第一条 为了规范管理。😀'))).toBe(-1);
    expect(at(0x41, 0x42)).toBe(-1);
    expect(at()).toBe(-1);
  });
  it('points at the first byte of the first ill-formed sequence', () => {
    expect(at(0x41, 0x80)).toBe(1); // a lone continuation byte
    expect(at(0x41, 0xd6, 0xd0)).toBe(1); // GBK 中: lead D6 followed by a non-continuation
    expect(at(0x41, 0xe4, 0xb8)).toBe(1); // cut off by the end of the input
    expect(at(0xc0, 0x80)).toBe(0); // overlong
    expect(at(0xe0, 0x80, 0x80)).toBe(0); // overlong
    expect(at(0xed, 0xa0, 0x80)).toBe(0); // a surrogate
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0); // above U+10FFFF
    expect(at(0xf5)).toBe(0);
    expect(at(0xe4, 0xb8, 0xad, 0xff)).toBe(3);
  });
  it('agrees with the native decoder on random bytes, and the prefix before it is valid', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const k = firstInvalidUtf8(bytes);
        expect(k === -1).toBe(isUtf8(bytes));
        if (k >= 0) {
          expect(isUtf8(bytes.subarray(0, k))).toBe(true);
          expect(k).toBeLessThan(bytes.length);
        }
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe('decodeBytes --encoding auto', () => {
  it('UTF-8 with and without BOM', () => {
    expect(decodeBytes(Buffer.from('第一条'))).toEqual({ ok: true, text: '第一条', encoding: 'utf8' });
    expect(decodeBytes(Buffer.from('\uFEFF第一条'))).toEqual({ ok: true, text: '第一条', encoding: 'utf8' });
  });

  it('a GBK document decodes to exactly the text of its UTF-8 twin', () => {
    const r = decodeBytes(fixture('park-gbk.md'));
    expect(r).toEqual({ ok: true, text: fixture('park-utf8.md').toString('utf8'), encoding: 'gb18030' });
  });

  it('GB18030 four-byte sequences (characters outside GBK) decode too', () => {
    // “𠀀” U+20000 is 95 32 82 36 in GB18030; with 第一条 (B5DA D2BB CCF5) around it.
    const bytes = Buffer.from('b5dad2bbccf5' + '95328236' + 'a1a3', 'hex');
    expect(decodeBytes(bytes)).toEqual({ ok: true, text: '第一条𠀀。', encoding: 'gb18030' });
  });

  it('Big5, Shift-JIS and Latin-1 text is not taken for GB18030: read-error naming the first non-UTF-8 byte', () => {
    for (const [name, byte] of [['big5.md', 1], ['shift-jis.md', 1], ['latin1.md', 4]] as const) {
      const r = decodeBytes(fixture(name));
      expect(r.ok, name).toBe(false);
      expect(!r.ok && r.message, name).toMatch(new RegExp(`^发现第 ${byte} 字节不是有效的 UTF-8（0x[0-9A-F]{2}），按 GB18030 解码也不像中文文本：应为 UTF-8 或 GB18030 文本（可用 --encoding 指定编码）$`));
    }
  });

  it('random bytes are (almost) never taken for GB18030 text (10,000 cases each, fixed seed)', () => {
    // Short random strings can be real GBK by chance (B0A1 A1A1 is “啊　”), so this is a rate, not a
    // law: uniform random bytes of 64–512 bytes, then high bytes only, the most GBK-like noise there is.
    const rate = (arb: fc.Arbitrary<Uint8Array>): number =>
      fc.sample(arb, { seed: SEED, numRuns: 10000 }).filter((b) => {
        const r = decodeBytes(b);
        return r.ok && r.encoding === 'gb18030';
      }).length;
    expect(rate(fc.uint8Array({ minLength: 64, maxLength: 512 }))).toBe(0);
    expect(rate(fc.uint8Array({ minLength: 64, maxLength: 512, min: 0x81, max: 0xfe }))).toBe(0);
  });

  it('binary (NUL), empty, whitespace-only', () => {
    expect(decode(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00]))).toMatchObject({ ok: false, message: expect.stringMatching(/^文件是二进制文件/) });
    expect(decode(Buffer.alloc(0))).toEqual({ ok: false, message: '文件为空' });
    expect(decode(Buffer.from('\uFEFF \u3000\r\n'))).toEqual({ ok: false, message: '文件为空' });
  });

  it('UTF-16 LE and BE with a BOM; a broken UTF-16 file is a read-error', () => {
    const text = '---\n标题: 某办法\n---\n第一条 内容。😀\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be[0] = 0xfe;
    be[1] = 0xff;
    for (let i = 2; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    expect(decodeBytes(le)).toEqual({ ok: true, text, encoding: 'utf16le' });
    expect(decodeBytes(be)).toEqual({ ok: true, text, encoding: 'utf16be' });
    expect(decodeBytes(le.subarray(0, le.length - 1))).toEqual({
      ok: false,
      message: '发现文件以 UTF-16LE 的 BOM 开头，但内容不是有效的 UTF-16（字节数为奇数）：应为 UTF-8、GB18030 或带 BOM 的 UTF-16 文本',
    });
    // A lone high surrogate.
    expect(decodeBytes(Buffer.from([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00]))).toMatchObject({ ok: false, message: expect.stringMatching(/含有不成对的代理项/) });
  });
});

describe('decodeBytes with a forced encoding', () => {
  const gbk = fixture('park-gbk.md');
  const firstHigh = gbk.findIndex((b) => b >= 0x80);

  it('utf8 on a GBK file: read-error naming the (1-based) offset and value of the first invalid byte', () => {
    expect(firstHigh).toBeGreaterThan(0);
    expect(decodeBytes(gbk, 'utf8')).toEqual({
      ok: false,
      message: `发现第 ${firstHigh + 1} 字节不是有效的 UTF-8：0x${gbk[firstHigh]!.toString(16).toUpperCase()} 不能出现在此处；应为 UTF-8 文本（若是 GB18030 编码，用 --encoding gb18030 或 auto）`,
    });
  });

  it('utf8 after a BOM counts the BOM bytes in the offset', () => {
    expect(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xff]), 'utf8')).toMatchObject({ ok: false, message: expect.stringMatching(/^发现第 5 字节不是有效的 UTF-8：0xFF/) });
  });

  it('gb18030 takes a file auto would refuse (traditional characters in GBK), and names a byte GB18030 cannot decode', () => {
    // 條規 in GBK (traditional characters, outside GB2312): auto refuses, gb18030 decodes.
    const trad = Buffer.from('976cd28e976cd28e', 'hex');
    expect(decodeBytes(trad).ok).toBe(false);
    expect(decodeBytes(trad, 'gb18030')).toEqual({ ok: true, text: '條規條規', encoding: 'gb18030' });
    const bad = Buffer.from('b5dad2bbccf5ff41', 'hex');
    expect(firstInvalidGb18030(bad)).toBe(6);
    expect(decodeBytes(bad, 'gb18030')).toEqual({
      ok: false,
      message: '发现第 7 字节不是有效的 GB18030：0xFF 不能出现在此处；应为 GB18030 文本（若是 UTF-8 编码，用 --encoding utf8 或 auto）',
    });
    // A character cut off by the end of the file is named at its lead byte.
    expect(firstInvalidGb18030(Buffer.from('b5dad2', 'hex'))).toBe(2);
    expect(firstInvalidGb18030(Buffer.from('b5da', 'hex'))).toBe(-1);
  });

  it('a BOM decides whatever --encoding says (the WHATWG decode rule)', () => {
    expect(decodeBytes(Buffer.from('\uFEFF第一条'), 'gb18030')).toEqual({ ok: true, text: '第一条', encoding: 'utf8' });
  });
});

describe('hefa check --encoding (built binary)', () => {
  const run = (args: string[]): ReturnType<typeof hefa> => {
    const dir = sandbox();
    writeFileSync(join(dir, 'park-gbk.md'), fixture('park-gbk.md'));
    writeFileSync(join(dir, 'park-utf8.md'), fixture('park-utf8.md'));
    return hefa(['check', ...args, '--format', 'json', ...AS_OF], dir);
  };
  const findings = (json: string, path: string): unknown =>
    (JSON.parse(json) as { files: { path: string; findings: unknown }[] }).files.find((f) => f.path === path)?.findings;

  it('auto (the default): a GBK file gets exactly the findings of its UTF-8 twin', () => {
    // Run apart: together, the two copies would be reported as duplicates of each other.
    const r = run(['park-gbk.md']);
    expectNoCrash(r);
    const gb = findings(r.stdout, 'park-gbk.md');
    expect(gb).toEqual(findings(run(['park-utf8.md']).stdout, 'park-utf8.md'));
    expect(JSON.stringify(gb)).not.toMatch(/read-error/);
    expect((gb as unknown[]).length).toBeGreaterThan(0);
  });

  it('--encoding gb18030 reads it the same; --encoding utf8 makes it a read-error and leaves the UTF-8 file alone', () => {
    const auto = run(['park-gbk.md']);
    const forced = run(['--encoding', 'gb18030', 'park-gbk.md']);
    expect(findings(forced.stdout, 'park-gbk.md')).toEqual(findings(auto.stdout, 'park-gbk.md'));
    const utf8 = run(['--encoding', 'utf8', 'park-gbk.md', 'park-utf8.md']);
    expectNoCrash(utf8);
    expect(utf8.code).toBe(1);
    expect(findings(utf8.stdout, 'park-gbk.md')).toEqual([expect.objectContaining({ ruleId: 'read-error', message: expect.stringMatching(/^发现第 \d+ 字节不是有效的 UTF-8：0x[0-9A-F]{2} 不能出现在此处/) })]);
    expect(findings(utf8.stdout, 'park-utf8.md')).toEqual(findings(run(['--encoding', 'utf8', 'park-utf8.md']).stdout, 'park-utf8.md'));
  });

  it('an unknown --encoding is a usage error (exit 2)', () => {
    const r = run(['--encoding', 'latin1', 'park-utf8.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--encoding <name>.*latin1.*auto, utf8, gb18030/s);
  });

  it('standard input is decoded the same way (GBK through a pipe)', () => {
    const dir = sandbox();
    const r = hefa(['check', '-', '--stdin-filename', 'park.md', '--format', 'json', ...AS_OF], dir, { input: fixture('park-gbk.md') });
    const u = hefa(['check', '-', '--stdin-filename', 'park.md', '--format', 'json', ...AS_OF], dir, { input: fixture('park-utf8.md') });
    expect(findings(r.stdout, 'park.md')).toEqual(findings(u.stdout, 'park.md'));
  });
});
