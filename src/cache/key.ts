/**
 * Fingerprints of what decides a result, for the cache (--cache) and for `hefa merge` (which checks
 * that it runs with the settings the shards ran with). Every fingerprint is sha256 over canonical JSON:
 * object keys sorted, `pos` keys (where a setting is written in the config) left out, no absolute paths,
 * so the same settings give the same fingerprint on any machine and in any folder.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocKind, Severity } from '../types.js';
import type { EnabledRule } from '../rules/runner.js';
import type { Session } from '../lint.js';

/** Bump when the cache's entries change shape or meaning. */
export const CACHE_FORMAT = 2;

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with sorted object keys, without `pos` keys and undefined values: equal settings, equal text. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (key === 'pos') return undefined;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = (v as Record<string, unknown>)[k];
      return out;
    }
    return v;
  });
}

const digest = (value: unknown): string => sha256(canonical(value));

/**
 * The run's settings that every file's result depends on, besides the file's own rule settings
 * (groupKey): loaded rules (their whole content, not where they were read from), the law-status table
 * (rules/laws + config `laws`), the config's params, calendar, jurisdiction, filing settings and size
 * limit, and --as-of. Config `rules` and `overrides` act through each file's enabled rules; `ignore`
 * only decides which files are read.
 */
function settings(session: Session): Record<string, unknown> {
  const { file: _file, dir: _dir, ruleFolders: _folders, laws: _laws, ignore: _ignore, rules: _rules, overrides: _overrides, ...rest } = session.config;
  return {
    rules: session.rules.map(({ file: _f, ...rule }) => rule),
    laws: session.env.laws.entries,
    config: rest,
    asOf: session.asOf,
  };
}

/**
 * The per-run part of every cache key: hefa's version and build, settings(), --kind and --encoding, and
 * whether findings carry baseline fingerprints (--baseline, --write-baseline).
 */
export function runKey(session: Session, version: string): string {
  const { kind, encoding, fingerprints } = session.options;
  const read = { kind: kind ?? null, encoding: encoding ?? 'auto', fingerprints: Boolean(fingerprints) };
  return digest({ format: CACHE_FORMAT, version, build: buildStamp(), ...settings(session), ...read });
}

/** One file's rule settings: enabled rules with severity and options, the kind config gives it, meta-unknown-key. */
export function groupKey(rules: readonly EnabledRule[], kind: DocKind | undefined, unknownKey: Severity | null): string {
  return digest({ rules: rules.map((r) => [r.rule.id, r.severity, r.options]), kind: kind ?? null, unknownKey });
}

/**
 * What the corpus phase of a merged report depends on: the version, settings() and the config's rule
 * settings, overrides and folder (relative to cwd), with --rule/--disable (--kind and --encoding act
 * only on reading, which the shards did). Shards record it; `hefa merge` computes it again from its
 * own config and refuses to merge when it differs.
 */
export function configDigest(session: Session, version: string): string {
  const { config } = session;
  return digest({
    version,
    ...settings(session),
    ruleSettings: config.rules,
    overrides: config.overrides,
    configDir: relative(session.cwd, config.dir).split('\\').join('/'),
    only: session.options.only ?? null,
    disable: session.options.disable ?? null,
  });
}

let stamp: string | undefined;

/**
 * hefa's own code: names, sizes and modification times of the compiled modules, so a rebuilt hefa
 * with the same version number (a development build) never reuses results of the old code.
 */
export function buildStamp(): string {
  if (stamp === undefined) {
    const root = fileURLToPath(new URL('../', import.meta.url));
    const parts: string[] = [];
    try {
      for (const name of (readdirSync(root, { recursive: true }) as string[]).sort()) {
        if (!/\.(js|ts)$/.test(name) || name.endsWith('.d.ts')) continue;
        const st = statSync(join(root, name));
        parts.push(`${name.split('\\').join('/')}:${st.size}:${st.mtimeMs}`);
      }
    } catch {
      parts.push('unknown');
    }
    stamp = sha256(parts.join('\n'));
  }
  return stamp;
}
