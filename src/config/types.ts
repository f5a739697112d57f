/** The shapes of a loaded configuration (product.md §5). */
import type { DocKind, Level, Severity } from '../types.js';
import type { ConfigPos } from './problems.js';

/** A rule's setting in `rules` or an override: a severity, `off`, and/or options. */
export interface RuleSetting {
  severity?: Severity | 'off';
  options?: Record<string, unknown>;
  /** Where the setting's rule id is written. */
  pos?: ConfigPos;
}

/** Who the documents belong to; names filing targets (product.md §5.4). */
export interface Jurisdiction {
  name?: string;
  level?: Level;
  npcStandingCommittee?: string;
  superior?: string;
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
}
