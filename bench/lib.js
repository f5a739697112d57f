// Helpers of the benchmark (bench/run.js and the baselines): listing Markdown files, running a command
// while measuring its wall time and peak memory, medians and table formatting. No dependencies.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files under `dir` whose names pass `keep` (recursively, not following symbolic links, skipping node_modules and dot folders), sorted. */
function listFiles(dir, keep) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
        walk(join(d, e.name));
      } else if (e.isFile() && keep(e.name)) {
        out.push(join(d, e.name));
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** Every `.md` file under `dir`: what the baselines read. */
export function listMarkdown(dir) {
  return listFiles(dir, (name) => name.endsWith('.md'));
}

const HEFA_CONFIG = new Set(['hefa.config.yaml', '.hefarc.yaml', '.hefarc.yml']);

/** Number and total size of the `.md` files under `dir`, and how many files hefa reads there (also .markdown, .yaml, .yml). */
export function corpusStats(dir) {
  const files = listMarkdown(dir);
  let bytes = 0;
  for (const f of files) bytes += statSync(f).size;
  const inputs = listFiles(dir, (name) => /\.(?:md|markdown|ya?ml)$/.test(name) && !HEFA_CONFIG.has(name)).length;
  return { files: files.length, bytes, inputs };
}

/** Split a list into `n` parts of about equal total size (greedy by size, largest first). */
export function partition(files, n) {
  const parts = Array.from({ length: n }, () => ({ files: [], bytes: 0 }));
  const sized = files.map((f) => ({ f, size: statSync(f).size })).sort((a, b) => b.size - a.size);
  for (const { f, size } of sized) {
    const p = parts.reduce((m, x) => (x.bytes < m.bytes ? x : m));
    p.files.push(f);
    p.bytes += size;
  }
  return parts.map((p) => p.files);
}

export const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const GNU_TIME = '/usr/bin/time';
/** True when GNU time is there (`-f %M` prints the peak resident set size in KB). */
export const hasGnuTime = (() => {
  if (!existsSync(GNU_TIME)) return false;
  return new Promise((resolve) => {
    const p = spawn(GNU_TIME, ['-f', '%M', 'true'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('error', () => resolve(false));
    p.on('close', (code) => resolve(code === 0 && /^\d+\s*$/.test(err)));
  });
})();

/** Peak RSS (VmHWM) of a live process in KB, or 0 when /proc cannot tell. */
function vmHwm(pid) {
  try {
    const m = /VmHWM:\s*(\d+)\s*kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Run `cmd args` to completion: wall time (ms), CPU time (user + system, ms; GNU time only, else NaN), peak
 * RSS (KB; GNU time's %M, else VmHWM polled from /proc every 20 ms), exit code and the tail of stderr.
 * stdout goes to /dev/null; stderr to `stderrFile`.
 */
export async function measure(cmd, args, { cwd, env, stderrFile }) {
  const gnu = await hasGnuTime;
  const rssFile = `${stderrFile}.rss`;
  const errFd = openSync(stderrFile, 'w');
  const argv = gnu ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  const child = spawn(argv[0], argv[1], { cwd, env, stdio: ['ignore', 'ignore', errFd] });
  let polled = 0;
  const timer = gnu ? null : setInterval(() => (polled = Math.max(polled, vmHwm(child.pid))), 20);
  const { code, signal } = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, s) => resolve({ code: c, signal: s }));
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (timer) clearInterval(timer);
  closeSync(errFd);
  let rssKB = polled;
  let cpuMs = NaN;
  if (gnu) {
    try {
      // GNU time writes "Command exited with non-zero status N" before the figures when the command fails.
      const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
      const [rss, user, sys] = lines[lines.length - 1].split(' ').map(Number);
      rssKB = rss || 0;
      cpuMs = (user + sys) * 1000;
      rmSync(rssFile, { force: true });
    } catch {
      rssKB = 0;
    }
  }
  let stderr = '';
  try {
    const all = readFileSync(stderrFile, 'utf8');
    stderr = all.length > 2000 ? all.slice(-2000) : all;
  } catch {
    // nothing
  }
  return { ms, cpuMs, rssKB, code, signal, stderr };
}

/** Format milliseconds as seconds ("12.3 s") or milliseconds ("850 ms"). */
export function fmtMs(ms) {
  if (!Number.isFinite(ms)) return '—';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

export function fmtMB(kb) {
  return Number.isFinite(kb) && kb > 0 ? `${(kb / 1024).toFixed(0)} MB` : '—';
}

/** Display width: CJK and full-width characters count two columns. */
function width(s) {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0);
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

/** A plain-text table: `rows` of strings, first row the header; the first and last columns left-aligned, the others right. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  const last = widths.length - 1;
  const pad = (c, i) => ' '.repeat(widths[i] - width(c));
  const line = (r) => r.map((c, i) => (i === 0 || i === last ? c + (i === last ? '' : pad(c, i)) : pad(c, i) + c)).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
