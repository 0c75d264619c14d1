// Size budgets, checked by `npm test`: the end-user elements with Lit, minified and gzipped, each
// locale chunk on its own, and the admin entry kept apart from the end-user entry.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const BUDGET = { endUser: 25 * 1024, locale: 3 * 1024 };
const END_USER = ['src/define/erp-tab.ts'];
const ADMIN = ['src/define/erp-sync-admin.ts'];
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;

async function bundle(entryPoints) {
  const outdir = mkdtempSync(join(tmpdir(), 'erp-size-'));
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    metafile: true,
    write: true,
    outdir,
    target: 'es2022',
    tsconfig: join(root, 'tsconfig.json'),
    conditions: ['production'],
    logLevel: 'silent',
  });
  const outputs = Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, meta]) => ({
      file,
      gzip: gzipSync(readFileSync(join(root, file))).length,
      inputs: Object.keys(meta.inputs),
      entry: meta.entryPoint,
    }));
  rmSync(outdir, { recursive: true, force: true });
  return outputs;
}

const failures = [];
const isLocale = (o) => o.inputs.some((i) => i.includes('src/generated/locales/'));

const endUser = await bundle(END_USER);
const endUserTotal = endUser.filter((o) => !isLocale(o)).reduce((sum, o) => sum + o.gzip, 0);
console.log(`end-user elements (erp-tab and its dialogs, Lit included): ${kB(endUserTotal)} gzip (budget ${kB(BUDGET.endUser)})`);
if (endUserTotal > BUDGET.endUser) failures.push(`end-user bundle ${kB(endUserTotal)} > ${kB(BUDGET.endUser)}`);
for (const o of endUser.filter(isLocale)) {
  const name = o.inputs.find((i) => i.includes('src/generated/locales/')).split('/').pop();
  console.log(`  locale ${name}: ${kB(o.gzip)} gzip, loaded only when used (budget ${kB(BUDGET.locale)})`);
  if (o.gzip > BUDGET.locale) failures.push(`locale ${name} ${kB(o.gzip)} > ${kB(BUDGET.locale)}`);
}
const adminInEndUser = endUser.flatMap((o) => o.inputs).filter((i) => i.includes('src/elements/admin/'));
if (adminInEndUser.length) failures.push(`the end-user entry pulls in admin code: ${adminInEndUser.join(', ')}`);
else console.log('  the end-user entry pulls in no admin code');

try {
  readFileSync(join(root, ADMIN[0]));
  const admin = await bundle(ADMIN);
  const adminTotal = admin.filter((o) => !isLocale(o)).reduce((sum, o) => sum + o.gzip, 0);
  console.log(`admin elements (separate entry, Lit included): ${kB(adminTotal)} gzip`);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}

if (failures.length) {
  console.error(`Size budget exceeded:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('Size budgets met.');
