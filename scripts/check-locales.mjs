// Fails when a translation is missing, a placeholder differs from its source, or locales/ is out
// of date with the msg() calls in src/ (checked by extracting into a temporary copy).
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '..');
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
const problems = [];

function units(xml) {
  const out = new Map();
  for (const m of xml.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    const body = m[2];
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1];
    const target = /<target[^>]*>([\s\S]*?)<\/target>/.exec(body)?.[1];
    out.set(m[1], { source, target });
  }
  return out;
}
const placeholders = (text) => [...(text ?? '').matchAll(/<x id="([^"]+)"/g)].map((m) => m[1]).sort().join(',');

// 1. Up to date: extract into a scratch copy and compare.
const scratch = mkdtempSync(join(tmpdir(), 'erp-locales-'));
try {
  cpSync(join(root, 'locales'), join(scratch, 'locales'), { recursive: true });
  const scratchConfig = {
    ...config,
    tsConfig: join(root, config.tsConfig),
    inputFiles: config.inputFiles.map((f) => join(root, f)),
    output: { ...config.output, outputDir: join(scratch, 'out') },
    interchange: { ...config.interchange, xliffDir: join(scratch, 'locales') },
  };
  delete scratchConfig.output.localeCodesModule;
  writeFileSync(join(scratch, 'lit-localize.json'), JSON.stringify(scratchConfig));
  execFileSync(join(root, 'node_modules/.bin/lit-localize'), ['extract', '--config', join(scratch, 'lit-localize.json')], {
    stdio: 'pipe',
  });
  for (const file of readdirSync(join(root, 'locales'))) {
    const committed = readFileSync(join(root, 'locales', file), 'utf8');
    const fresh = readFileSync(join(scratch, 'locales', file), 'utf8');
    const a = units(committed);
    const b = units(fresh);
    for (const id of b.keys()) if (!a.has(id)) problems.push(`${file}: new message "${id}" is not in the file (run npm run localize:extract)`);
    for (const id of a.keys()) if (!b.has(id)) problems.push(`${file}: "${id}" is no longer used in src/ (run npm run localize:extract)`);
    for (const [id, u] of b) if (a.has(id) && a.get(id).source !== u.source) problems.push(`${file}: source of "${id}" changed (run npm run localize:extract and re-translate)`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// 2. Complete: every unit has a target with the same placeholders.
let count = 0;
for (const locale of config.targetLocales) {
  const file = `${locale}.xlf`;
  for (const [id, u] of units(readFileSync(join(root, 'locales', file), 'utf8'))) {
    count++;
    if (u.target === undefined || u.target.trim() === '') problems.push(`${file}: "${id}" has no translation`);
    else if (placeholders(u.source) !== placeholders(u.target)) problems.push(`${file}: "${id}" placeholders differ from the source`);
  }
}

if (problems.length) {
  console.error(`Locale check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Locales complete: ${count} translations in ${config.targetLocales.join(', ')}, all placeholders match.`);
