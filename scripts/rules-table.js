#!/usr/bin/env node
// Regenerate the rule table in README.md from the rule files (npm run rules-table).
// test/rules-meta.test.ts fails when the README's table differs from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadRules, BUILTIN_RULES_DIR } from '../dist/rules/load.js';
import { rulesTable } from '../dist/commands/rules.js';

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const start = '<!-- rules-table:start -->';
const end = '<!-- rules-table:end -->';
const text = readFileSync(readme, 'utf8');
const a = text.indexOf(start), b = text.indexOf(end);
if (a < 0 || b < a) {
  console.error('README.md has no rules-table markers');
  process.exit(2);
}
const table = rulesTable(loadRules([BUILTIN_RULES_DIR]));
writeFileSync(readme, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`);
console.log('README.md rule table updated');
