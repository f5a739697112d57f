/** The shapes of a loaded configuration (product.md §5). */
import type { DocKind, FilingConfig, Jurisdiction, Severity } from '../types.js';
import type { ConfigPos } from './problems.js';

export type { FilingConfig, FilingTargetRule, Jurisdiction } from '../types.js';

/** A rule's setting in `rules` or an override: a severity, `off`, and/or options. */
export interface RuleSetting {
  severity?: Severity | 'off';
  options?: Record<string, unknown>;
  /** Where the setting's rule id is written. */
  pos?: ConfigPos;
}

/** One `overrides` entry: settings for files matching `files` (globs relative to the config dir). */
export interface Override {
  files: string[];
  rules: Record<string, RuleSetting>;
  kind?: DocKind;
  pos: ConfigPos;
}

/** A configuration after loading and shape validation; rule ids are checked by validateRuleSettings. */
export interface ResolvedConfig {
  /** Absolute path of the config file, or null (defaults). */
  file: string | null;
  /** Directory paths and globs in the config are relative to. */
  dir: string;
  /** Built-in presets in `extends` order, e.g. ['hefa:recommended']. */
  presets: string[];
  /** Absolute paths of local rule folders from `extends`. */
  ruleFolders: string[];
  /** Defaults merged with the file's params. */
  params: Record<string, number>;
  rules: Record<string, RuleSetting>;
  overrides: Override[];
  ignore: string[];
  /** Absolute path of the extra law-status table, or null. */
  laws: string | null;
  /** Additions to the working-day calendar, ISO dates, sorted. */
  calendar: { holidays: string[]; workdays: string[] };
  jurisdiction: Jurisdiction | null;
  /** Filing targets per issuer pattern and the deadline's unit (product.md §5.4); the days are `params['filing.days']`. */
  filing: FilingConfig;
  /** Largest input read, in bytes; larger files are a read-error, refused before reading (default 20 MB). */
  maxFileSize: number;
}
