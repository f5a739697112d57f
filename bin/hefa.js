#!/usr/bin/env node
// Thin shim: all logic lives in dist/cli.js; the exit code is set, never forced, so output flushes.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv, {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: process.stdin,
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  env: process.env,
});
