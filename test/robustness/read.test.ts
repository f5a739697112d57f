/**
 * Code paths of reading that the end-to-end matrix cannot reach on a CI machine running as root:
 * a permission error (root reads a chmod 000 file anyway), other file-system errors, and a stack
 * overflow inside the document builder (a parse-error for that file, not an internal-error).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

/** Error codes to throw from `open` for paths containing the key. */
const FAIL_OPEN: Record<string, string> = { 'secret-': 'EACCES', 'eio-': 'EIO', 'emfile-': 'EMFILE' };

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const openSync = (...args: Parameters<typeof real.openSync>) => {
    const path = String(args[0]);
    for (const [key, code] of Object.entries(FAIL_OPEN)) {
      if (path.includes(key)) throw Object.assign(new Error(`${code}: mocked, open '${path}'`), { code });
    }
    return real.openSync(...args);
  };
  return { ...real, default: { ...real, openSync }, openSync };
});

vi.mock('../../src/document/build.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/document/build.js')>();
  return {
    ...real,
    buildDocument: (...args: Parameters<typeof real.buildDocument>) => {
      if (args[0].includes('overflow')) throw new RangeError('Maximum call stack size exceeded');
      if (args[0].includes('bug')) throw new TypeError("Cannot read properties of undefined (reading 'x')");
      return real.buildDocument(...args);
    },
  };
});

const { readInputSync, fsErrorReason, DEFAULT_MAX_FILE_SIZE } = await import('../../src/input/read.js');
const { openSession, checkText } = await import('../../src/lint.js');

const dir = mkdtempSync(join(tmpdir(), 'hefa-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readInputSync: file-system errors are read-errors in Chinese', () => {
  it('a permission error (EACCES) → 无法读取文件：没有读取权限', async () => {
    const file = join(dir, 'secret-draft.md');
    writeFileSync(file, '# 标题\n');
    expect(readInputSync(file)).toEqual({ ok: false, message: '无法读取文件：没有读取权限' });
  });

  it('EIO and EMFILE have Chinese reasons too', async () => {
    writeFileSync(join(dir, 'eio-a.md'), 'x');
    writeFileSync(join(dir, 'emfile-a.md'), 'x');
    expect(readInputSync(join(dir, 'eio-a.md'))).toEqual({ ok: false, message: '无法读取文件：读取时发生输入输出错误' });
    expect(readInputSync(join(dir, 'emfile-a.md'))).toEqual({ ok: false, message: '无法读取文件：同时打开的文件过多' });
  });

  it('an unknown error code is named as is; a non-error value does not throw', () => {
    expect(fsErrorReason(Object.assign(new Error('x'), { code: 'EWEIRD' }))).toBe('EWEIRD');
    expect(fsErrorReason('boom')).toBe('boom');
    expect(fsErrorReason(undefined)).toBe('undefined');
  });

  it('a missing file, a folder, a FIFO-like non-file', () => {
    expect(readInputSync(join(dir, 'nope.md'))).toEqual({ ok: false, message: '无法读取文件：文件不存在' });
    expect(readInputSync(dir)).toEqual({ ok: false, message: '这是一个目录，不是文件' });
    expect(readInputSync('/dev/null')).toEqual({ ok: false, message: '这不是普通文件（设备、管道或套接字）：应为 Markdown 或 YAML 文本文件' });
  });

  // The reader is synchronous: opening a named pipe would block until a writer came. It is stat'ed first.
  it.runIf(process.platform !== 'win32')('a named pipe is refused without blocking', () => {
    const fifo = join(dir, '管道.md');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(readInputSync(fifo)).toEqual({ ok: false, message: '这不是普通文件（设备、管道或套接字）：应为 Markdown 或 YAML 文本文件' });
  });

  it('reads a file with a BOM, and checks its size', () => {
    const file = join(dir, 'ok.md');
    writeFileSync(file, '\uFEFF第一条 内容。\n');
    expect(readInputSync(file)).toEqual({ ok: true, text: '第一条 内容。\n', encoding: 'utf8' });
    expect(readInputSync(join(dir, 'nope.md'))).toEqual({ ok: false, message: '无法读取文件：文件不存在' });
    expect(readInputSync(dir)).toEqual({ ok: false, message: '这是一个目录，不是文件' });
    expect(readInputSync(file, { maxFileSize: 3 })).toEqual({ ok: false, message: '文件过大（23 字节）：应不超过 3 字节（配置 maxFileSize）' });
    expect(DEFAULT_MAX_FILE_SIZE).toBe(20 * 1024 * 1024);
  });
});

describe('checkText: a stack overflow is bad input, a bug is an internal-error', () => {
  const session = openSession({ cwd: dir, configFile: join(process.cwd(), 'test/fixtures/all-rules.yaml'), asOf: '2026-11-29' });
  const read = { ok: true as const, text: '# 标题\n', encoding: 'utf8' as const };

  it('RangeError (call stack) while building the document → parse-error on that file', () => {
    const r = checkText(session, 'overflow.md', read);
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.message])).toEqual([
      ['parse-error', 'error', '发现文件的结构嵌套过深，无法解析（超出调用栈）：应为正常嵌套的 Markdown 或 YAML'],
    ]);
  });

  it('any other exception → internal-error naming the error (exit 2), without a stack', () => {
    const r = checkText(session, 'bug.md', read);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.ruleId).toBe('internal-error');
    expect(r.findings[0]!.message).toBe("发现 hefa 内部错误（Cannot read properties of undefined (reading 'x')）：请把该文件报告给 hefa 的维护者");
    expect(r.findings[0]!.message).not.toMatch(/\n\s+at /);
  });
});
