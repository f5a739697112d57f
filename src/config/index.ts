/** Configuration: discovery, parsing with exact positions, validation, presets, overrides (product.md §5). */
export { ConfigError, formatProblem, formatProblems, type ConfigPos, type ConfigProblem } from './problems.js';
export type { FilingConfig, FilingTargetRule, Jurisdiction, Override, ResolvedConfig, RuleSetting } from './types.js';
export { DEFAULT_PARAMS } from './params.js';
export {
  CONFIG_FILE_NAMES,
  CONFIG_KEYS,
  DEFAULT_PRESETS,
  defaultConfig,
  findConfigFile,
  loadConfig,
  loadConfigCollecting,
  normaliseGlob,
  parseConfig,
} from './load.js';
export { PRESETS_FILE, builtinPresets, matchIdGlob, resolvePresets, type Preset } from './presets.js';
export {
  CONFIGURABLE_DIAGNOSTIC,
  ENGINE_DIAGNOSTICS,
  overrideMatches,
  printableConfig,
  relativeToConfig,
  settingsForFile,
  validateRuleSettings,
  type EnabledRule,
} from './resolve.js';
export { didYouMean } from './suggest.js';
