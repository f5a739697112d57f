#!/usr/bin/env node
// Part of `npm run build`: parse and validate the built-in rule files and law-status table once and
// write dist/builtin-snapshot.json, so a run skips the YAML parse (src/rules/snapshot.ts says why).
// A file with any problem is left out of the snapshot: the run then parses it and reports the problem.
import { readFileSync } from 'node:fs';
import { ruleFiles, parseRuleFile, BUILTIN_RULES_DIR } from '../dist/rules/load.js';
import { tableFiles, parseLawFile, BUILTIN_LAWS_DIR } from '../dist/laws/table.js';
import { writeSnapshot } from '../dist/rules/snapshot.js';

const values = new Map();
for (const file of ruleFiles(BUILTIN_RULES_DIR)) {
  const problems = [];
  const rule = parseRuleFile(readFileSync(file, 'utf8'), file, problems);
  if (rule && problems.length === 0) values.set(file, rule);
}
for (const file of tableFiles(BUILTIN_LAWS_DIR)) {
  const problems = [];
  const entries = parseLawFile(readFileSync(file, 'utf8'), file, problems);
  if (problems.length === 0) values.set(file, entries);
}
const n = writeSnapshot(values);
if (!process.env.CI) console.log(`built-in snapshot: ${n} files`);
