/**
 * Reading one input: bytes → text. A file that cannot be read becomes a `read-error` finding on that
 * file, and the run goes on (unified-engine's per-file fault isolation).
 */
import { readFile, stat } from 'node:fs/promises';

export type ReadResult = { ok: true; text: string; encoding: 'utf8' | 'gb18030' } | { ok: false; message: string };

/** Default cap on input size; config `maxFileSize` may change it (bytes). */
export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode bytes: UTF-8 (BOM stripped), else GB18030 (a common encoding of government files). */
export function decode(bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) return { ok: false, message: '文件为空' };
  // NUL bytes do not occur in text files; a binary file (Word, PDF, image) is not a document we can read.
  const probe = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (probe.includes(0)) return { ok: false, message: '文件是二进制文件，不是文本：应为 Markdown 或 YAML 文本' };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  let encoding: 'utf8' | 'gb18030' = 'utf8';
  try {
    text = utf8.decode(hasBom ? bytes.subarray(3) : bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      encoding = 'gb18030';
    } catch {
      return { ok: false, message: '文件既不是有效的 UTF-8 也不是 GB18030 编码：应为 UTF-8 或 GB18030 文本' };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, message: '文件为空' };
  return { ok: true, text, encoding };
}

/** Read and decode a file; never throws. */
export async function readInput(file: string, maxSize = DEFAULT_MAX_FILE_SIZE): Promise<ReadResult> {
  try {
    const st = await stat(file);
    if (st.isDirectory()) return { ok: false, message: '这是一个目录，不是文件' };
    if (st.size > maxSize) {
      return { ok: false, message: `文件过大（${st.size} 字节）：应不超过 ${maxSize} 字节（配置 maxFileSize）` };
    }
    return decode(await readFile(file));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'EACCES' ? '没有读取权限' : err.code === 'ENOENT' ? '文件不存在' : err.code === 'ELOOP' ? '符号链接循环' : err.message;
    return { ok: false, message: `无法读取文件：${why}` };
  }
}

/** Read all of standard input as a document. */
export async function readStdin(stream: NodeJS.ReadableStream): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return decode(Buffer.concat(chunks));
}
