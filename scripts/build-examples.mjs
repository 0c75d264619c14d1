#!/usr/bin/env node
// Builds the framework examples (demo/react, demo/vue) with vite's JS API, each into its own folder.
//
//   node scripts/build-examples.mjs   # → dist/examples/{react,vue}/ + mockServiceWorker.js; serve dist/examples/ at /
//
// `buildExamples()` is also what test/integration/framework-examples.test.ts loads (through
// scripts/examples-plugin.mjs), and `vueExamplePlugin()` is what vite.config.ts needs to serve
// demo/vue/ under `npm start`.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const EXAMPLES = ['react', 'vue'];

/**
 * Vue's SFC compiler must know that erp-* tags are custom elements, not Vue components. This is a
 * compile-time option: `app.config.compilerOptions.isCustomElement` only reaches templates compiled
 * in the browser, never SFCs.
 */
export function vueExamplePlugin() {
  return vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('erp-') } } });
}

/** Builds every example into `<outDir>/<name>/` with relative asset URLs, so any path can serve it. */
export async function buildExamples({ outDir, sourcemap = false }) {
  for (const name of EXAMPLES) {
    await build({
      configFile: false,
      root: join(root, 'demo', name),
      base: './',
      logLevel: 'warn',
      plugins: name === 'vue' ? [vueExamplePlugin()] : [],
      build: {
        outDir: join(outDir, name),
        emptyOutDir: true,
        sourcemap,
        // The in-page simulated ERP (msw and its data) is most of each bundle: a CRM would not ship it.
        chunkSizeWarningLimit: 2000,
        // Build-speed notes are noise in a test run on a loaded machine.
        rolldownOptions: { checks: { bundlerTimings: false } },
      },
    });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outDir = join(root, 'dist/examples');
  await buildExamples({ outDir, sourcemap: true });
  // The examples register the simulated ERP's service worker at the server root.
  mkdirSync(outDir, { recursive: true });
  copyFileSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'), join(outDir, 'mockServiceWorker.js'));
  console.log(`${outDir}: ${EXAMPLES.map((name) => `${name}/`).join(', ')}`);
}
