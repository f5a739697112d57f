/**
 * Before every test file: load remark-parse, which the pipeline loads on first need
 * (src/document/markdown.ts), so that tests building documents directly can read any body.
 */
import { loadMarkdownParser } from '../src/document/markdown.js';

await loadMarkdownParser();
