#!/usr/bin/env node
// Builds the one-script-tag embed (demo/embed/embed.ts): one self-contained, minified classic
// script (IIFE, global `ErpWidget`, Lit and the end-user translations included) for pages without a
// bundler. `npm run build` builds it into the package.
//
//   node scripts/build-embed.mjs   # → dist/embed/erp-widget.embed.js + index.html (the plain HTML example)
//
// `buildEmbed()` is also what test/integration/embed.test.ts loads (through web-test-runner.config.mjs).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { minifyCssEsbuild } from './minify-css-literals.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The embed holds no admin element, so the admin string packs (admin, settings) are left out (empty modules). */
const withoutAdminStrings = {
  name: 'erp-embed-without-admin-strings',
  setup(build) {
    build.onLoad({ filter: /[\\/]generated[\\/]locales[\\/](admin|settings)[\\/]\w+\.ts$/ }, () => ({ contents: 'export const templates = {};', loader: 'ts' }));
  },
};

/** Bundles the embed; with `outfile` writes it there, else resolves with the code. */
export async function buildEmbed({ outfile, minify = true } = {}) {
  const result = await build({
    entryPoints: [join(root, 'demo/embed/embed.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'ErpWidget',
    platform: 'browser',
    target: 'es2022',
    minify,
    legalComments: 'none',
    tsconfig: join(root, 'tsconfig.json'),
    write: Boolean(outfile),
    ...(outfile ? { outfile, sourcemap: true } : {}),
    logLevel: 'warning',
    plugins: [withoutAdminStrings, ...(minify ? [minifyCssEsbuild()] : [])],
  });
  return outfile ? undefined : result.outputFiles[0].text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outfile = join(root, 'dist/embed/erp-widget.embed.js');
  await buildEmbed({ outfile });
  const { copyFileSync, statSync } = await import('node:fs');
  copyFileSync(join(root, 'demo/embed/index.html'), join(root, 'dist/embed/index.html'));
  console.log(`${outfile}: ${(statSync(outfile).size / 1024).toFixed(1)} KiB`);
}
