/** A RunEnv for tests that run rules directly: every day a working day, no laws, no jurisdiction. */
import { lawTableOf } from '../../src/laws/table.js';
import type { RunEnv } from '../../src/rules/runner.js';

export function testEnv(): RunEnv {
  return {
    params: {},
    asOf: '2026-11-29',
    calendar: { isWorkday: () => true, covers: () => true },
    notices: new Set(),
    settings: { jurisdiction: null, filing: { unit: 'days', targets: [] } },
    laws: lawTableOf([]),
  };
}
