#!/usr/bin/env node
// Writes docs/fault-matrix.md from the lists in test/hardening/fault-cases.ts (operation x fault) and
// test/hardening/journey-cases.ts (end-user action x fault): the same lists fault-matrix.test.ts and
// journey-matrix.test.ts run; both tests fail when this file is stale.
// Usage: node scripts/fault-matrix.mjs [--check]   (--check: exit 1 if the file is not current)
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve, dirname } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'docs/fault-matrix.md');
const result = await build({
  absWorkingDir: root,
  entryPoints: ['test/hardening/journey-cases.ts'],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'warning',
});
const url = `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`;
const { renderDocument } = await import(url);
const text = renderDocument();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // missing: stale
  }
  if (current !== text) {
    console.error('fault-matrix: docs/fault-matrix.md is stale; run `node scripts/fault-matrix.mjs`.');
    process.exit(1);
  }
  console.log('fault-matrix: docs/fault-matrix.md is current.');
} else {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  console.log(`fault-matrix: wrote docs/fault-matrix.md`);
}
