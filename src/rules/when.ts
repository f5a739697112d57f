/**
 * The `when` evaluator: a rule applies only if all its conditions hold, and a rule that has not
 * reached its stage is silent (a 草案 is not told it lacks 集体讨论).
 */
import type { Document, Status, When } from '../types.js';

/** Stage order of a status: 草案 < 送审稿 < 已公布 = 已修改 = 已废止 = 已失效. */
export function stage(status: Status): number {
  return status === '草案' ? 0 : status === '送审稿' ? 1 : 2;
}

export function whenHolds(when: When, doc: Document): boolean {
  if (when.kind && !when.kind.includes(doc.kind)) return false;
  if (when.status && !when.status.includes(doc.status)) return false;
  if (when.statusAtLeast && stage(doc.status) < stage(when.statusAtLeast)) return false;
  if (when.concerns && !when.concerns.some((c) => doc.fields.concerns.includes(c))) return false;
  if (when.level && (!doc.level || !when.level.includes(doc.level))) return false;
  if (when.issuerIs && doc.issuerType !== when.issuerIs) return false;
  if (when.trial !== undefined && doc.trial !== when.trial) return false;
  return true;
}
