/**
 * The closed set of check kinds. Adding a kind is one file plus one line here.
 */
import type { CheckKind } from '../types.js';
import { requiresStep } from './requires-step.js';
import { duration } from './duration.js';
import { order } from './order.js';
import { forbidsPattern } from './forbids-pattern.js';
import { requiresPattern } from './requires-pattern.js';
import { numbering } from './numbering.js';
import { docNumber } from './doc-number.js';
import { deadline } from './deadline.js';
import { validity } from './validity.js';
import { citation } from './citation.js';
import { corpus } from './corpus.js';

export const CHECK_KINDS: ReadonlyMap<string, CheckKind> = new Map(
  [requiresStep, duration, order, forbidsPattern, requiresPattern, numbering, docNumber, deadline, validity, citation, corpus].map((k) => [k.name, k]),
);
