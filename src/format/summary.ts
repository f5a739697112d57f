/** Counts shared by every formatter. Suppressed findings are counted apart, never as problems. */
import type { LintResult } from '../types.js';

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
}

export function summarize(result: LintResult): Summary {
  const s: Summary = { files: result.files.length, errors: 0, warnings: 0, infos: 0, suppressed: 0 };
  for (const file of result.files) {
    for (const f of file.findings) {
      if (f.suppressed) s.suppressed++;
      else if (f.severity === 'error') s.errors++;
      else if (f.severity === 'warning') s.warnings++;
      else s.infos++;
    }
  }
  return s;
}
