/**
 * Extra source positions of a rule setting (its options block and each option), kept beside the
 * setting rather than in it so that settings stay plain, JSON-serialisable data.
 */
import type { ConfigPos } from './problems.js';
import type { RuleSetting } from './types.js';

export interface SettingPositions {
  /** The `options` value. */
  options?: ConfigPos;
  /** Each option's value by option name. */
  option: Record<string, ConfigPos>;
}

const positions = new WeakMap<RuleSetting, SettingPositions>();

export function setSettingPositions(setting: RuleSetting, pos: SettingPositions): void {
  positions.set(setting, pos);
}

export function settingPositions(setting: RuleSetting): SettingPositions | undefined {
  return positions.get(setting);
}
