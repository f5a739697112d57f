/** The audit command's pieces that do not need a process: the progress line and the exit code. */
import { describe, expect, it } from 'vitest';
import { auditExitCode, createProgress } from '../../../src/commands/audit.js';
import { file, finding, result } from './helpers.js';

describe('createProgress', () => {
  function run(times: number[], total: number) {
    const out: string[] = [];
    let i = 0;
    const clock = [0, ...times];
    const p = createProgress((s) => out.push(s), () => clock[Math.min(i++, clock.length - 1)]!);
    times.forEach((_, k) => p.update(k + 1, total));
    p.end();
    return out;
  }

  it('draws nothing on a short run', () => {
    expect(run([10, 50, 120, 200], 4)).toEqual([]);
  });

  it('draws in place once the run is long, at most every 100 ms, and clears the line at the end', () => {
    const out = run([100, 310, 350, 420, 600, 650], 10);
    expect(out).toEqual([
      '\r\u001b[2K已检查 2/10 个文件',
      '\r\u001b[2K已检查 4/10 个文件',
      '\r\u001b[2K已检查 5/10 个文件',
      '\r\u001b[2K',
    ]);
  });

  it('does not draw the last file (the line is about to be cleared)', () => {
    expect(run([400, 800], 2)).toEqual(['\r\u001b[2K已检查 1/2 个文件', '\r\u001b[2K']);
  });
});

describe('auditExitCode', () => {
  const clean = result(file('a.md', {}, [finding('normative-no-penalty'), finding('structure-article-sequence', {}, 'warning')]));

  it('0 when every input was read, whatever the findings', () => {
    expect(auditExitCode(clean)).toBe(0);
  });

  it('1 when an input could not be read', () => {
    expect(auditExitCode(result(file('a.md'), file('b.md', null, [finding('read-error')])))).toBe(1);
  });

  it('2 on an internal error', () => {
    expect(auditExitCode(result(file('b.md', null, [finding('read-error')]), file('c.md', null, [finding('internal-error')])))).toBe(2);
  });

  it('with --fail-on, 1 when a finding reaches it; suppressed findings never count', () => {
    expect(auditExitCode(clean, 'error')).toBe(1);
    expect(auditExitCode(result(file('a.md', {}, [finding('structure-article-sequence', {}, 'warning')])), 'error')).toBe(0);
    expect(auditExitCode(result(file('a.md', {}, [finding('structure-article-sequence', {}, 'warning')])), 'warning')).toBe(1);
    expect(auditExitCode(result(file('a.md', {}, [finding('x', { suppressed: { kind: 'directive', reason: 'r' } })])), 'info')).toBe(0);
  });
});
