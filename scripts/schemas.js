#!/usr/bin/env node
// Regenerate the JSON Schemas under schemas/ from the built code (run `npm run build` first):
// hefa.config.schema.json (config keys, params, presets, built-in rules) and rule.schema.json
// (rule file keys, check kinds and their options). test/schemas/schemas.test.ts fails when the
// files differ from what this writes, so run it after adding a rule, a check kind, a param or a key.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadRules, BUILTIN_RULES_DIR } from '../dist/rules/load.js';
import { configSchema, CONFIG_SCHEMA_FILE } from '../dist/schemas/config.js';
import { ruleSchema, RULE_SCHEMA_FILE } from '../dist/schemas/rule.js';

const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
mkdirSync(dir, { recursive: true });
const json = (v) => JSON.stringify(v, null, 2) + '\n';
writeFileSync(dir + CONFIG_SCHEMA_FILE, json(configSchema(loadRules([BUILTIN_RULES_DIR]))));
writeFileSync(dir + RULE_SCHEMA_FILE, json(ruleSchema()));
console.log(`schemas/${CONFIG_SCHEMA_FILE} and schemas/${RULE_SCHEMA_FILE} written`);
