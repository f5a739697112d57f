/**
 * JSON Schema validators for tests: the SARIF 2.1.0 schema (test/fixtures/sarif-schema-2.1.0.json,
 * see its .source.md; it declares draft 2020-12) and hefa's own draft-07 schemas under schemas/.
 * Both with ajv-formats, so `uri`, `uri-reference` and `date-time` are checked too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const SARIF_SCHEMA_FILE = join(ROOT, 'test', 'fixtures', 'sarif-schema-2.1.0.json');

// ajv and ajv-formats are CommonJS; depending on the loader the constructor is the default export or its `default`.
const unwrap = <T>(m: T): T => ((m as { default?: T }).default ?? m);

/** "path: message" lines, or [] when valid. */
export type Check = (data: unknown) => string[];

function checker(validate: ValidateFunction): Check {
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`));
}

let sarif: Check | null = null;

/** Validate a SARIF log against the official 2.1.0 schema. */
export function checkSarif(data: unknown): string[] {
  if (!sarif) {
    const ajv = new (unwrap(Ajv2020))({ allErrors: true, strict: false });
    unwrap(addFormats)(ajv);
    sarif = checker(ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_FILE, 'utf8'))));
  }
  return sarif(data);
}

/** A strict draft-07 Ajv with formats, for hefa's own schemas. */
export function draft07(): InstanceType<typeof Ajv> {
  // strictRequired off: `anyOf: [{required: [a]}, {required: [b]}]` (at least one of) names properties defined one level up.
  const ajv = new (unwrap(Ajv))({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  unwrap(addFormats)(ajv);
  return ajv;
}

/** Compile one of hefa's schemas (an object) into a checker. */
export function compile(schema: object): Check {
  return checker(draft07().compile(schema));
}
