// What a CRM host gets from the package: the tarball `npm pack` makes, installed into a fresh
// React 19 + TypeScript app and a fresh Vue 3 + vue-tsc app (npm install from the registry or its
// cache, at the versions this repo is tested with). Each app type-checks and builds with the
// package's own typings (`erp-widget/react`, `erp-widget/vue`), and a file of misuses fails the
// check exactly on the marked lines.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { packTarball } from './pack.mjs';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const version = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
// npm install and a type-check each take a while on a loaded 2-core machine.
const SLOW = { timeout: 300_000 };

let work;
let tarball;
before(async () => {
  work = mkdtempSync(join(tmpdir(), 'erp-host-apps-'));
  tarball = await packTarball();
}, SLOW);
after(() => work && rmSync(work, { recursive: true, force: true }));

function writeFiles(dir, files) {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
}

async function install(dir, dependencies, devDependencies) {
  writeFiles(dir, { 'package.json': JSON.stringify({ name: 'host', private: true, type: 'module', dependencies, devDependencies }, null, 2) });
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: dir, timeout: SLOW.timeout });
}

/** Runs a type checker; resolves with its exit code and output (it exits non-zero on type errors). */
async function typeCheck(dir, bin, args) {
  try {
    const { stdout } = await run(join(dir, 'node_modules/.bin', bin), args, { cwd: dir, timeout: SLOW.timeout });
    return { code: 0, output: stdout };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, output: `${error.stdout}${error.stderr}` };
  }
}

// The lines after those of `file` marked `{/* error: <text> */}` or `<!-- error: <text> -->`, and the
// lines the checker reported.
function expectedAndReported(dir, file, output) {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const expected = new Map();
  lines.forEach((line, i) => {
    const mark = /\{\/\* error: (.+) \*\/\}/.exec(line) ?? /<!-- error: (.+) -->/.exec(line);
    // The mark sits on the line before the misuse (a comment cannot end a JSX attribute line).
    if (mark) expected.set(i + 2, mark[1].trim());
  });
  const reported = new Map();
  // tsc and vue-tsc write `file(line,col): error TSnnnn: message` when not on a terminal.
  const pattern = new RegExp(`${file.replace(/[.]/g, '\\.')}\\((\\d+),\\d+\\): error TS\\d+: (.*)`, 'g');
  for (const [, line, message] of output.matchAll(pattern)) {
    reported.set(Number(line), `${reported.get(Number(line)) ?? ''}${message}\n`);
  }
  return { expected, reported };
}

function assertErrorsExactlyOnMarkedLines(dir, file, output) {
  const { expected, reported } = expectedAndReported(dir, file, output);
  assert.ok(expected.size >= 3, `${file} marks its misuses`);
  for (const [line, text] of expected) {
    assert.ok(reported.has(line), `${file}:${line} should be a type error (${text}); the checker said:\n${output}`);
    assert.match(reported.get(line), new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), `${file}:${line}`);
  }
  const unexpected = [...reported.keys()].filter((line) => !expected.has(line));
  assert.deepEqual(unexpected, [], `${file}: errors on lines not marked as misuses:\n${output}`);
}

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    module: 'ESNext',
    moduleResolution: 'bundler',
    verbatimModuleSyntax: true,
    moduleDetection: 'force',
    noEmit: true,
    strict: true,
    skipLibCheck: false,
  },
};

describe('a React 19 + TypeScript app that installs the tarball', () => {
  let app;
  before(async () => {
    app = join(work, 'react');
    await install(
      app,
      { 'erp-widget': `file:${tarball}`, react: version('react'), 'react-dom': version('react-dom') },
      { '@types/react': version('@types/react'), '@types/react-dom': version('@types/react-dom'), typescript: version('typescript') },
    );
    writeFiles(app, {
      'tsconfig.json': JSON.stringify({ ...TSCONFIG, compilerOptions: { ...TSCONFIG.compilerOptions, jsx: 'react-jsx' }, include: ['src'] }),
      'src/main.tsx': REACT_APP,
    });
  }, SLOW);

  test('type-checks every element, attribute, property and typed event with erp-widget/react', SLOW, async () => {
    const { code, output } = await typeCheck(app, 'tsc', ['-p', '.']);
    assert.equal(code, 0, output);
  });

  test('reports each misuse (a wrong attribute value, a misspelt property, a handler of the wrong event) on its line', SLOW, async () => {
    writeFiles(app, { 'src/misuse.tsx': REACT_MISUSE });
    try {
      const { code, output } = await typeCheck(app, 'tsc', ['-p', '.']);
      assert.notEqual(code, 0, 'the misuses are type errors');
      assertErrorsExactlyOnMarkedLines(app, 'src/misuse.tsx', output);
    } finally {
      rmSync(join(app, 'src/misuse.tsx'));
    }
  });

  test('builds: a bundler resolves every import from the installed package', SLOW, async () => {
    const { build } = await import('esbuild');
    const result = await build({ absWorkingDir: app, entryPoints: ['src/main.tsx'], bundle: true, format: 'esm', jsx: 'automatic', write: false, outdir: 'out', logLevel: 'silent', metafile: true });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((i) => i.startsWith('node_modules/erp-widget/dist/define/erp-tab.js')), inputs.join('\n'));
    assert.ok(inputs.every((i) => !i.includes('erp-widget/src/')), 'nothing from src/, which is not in the package');
  });
});

describe('a Vue 3 + vue-tsc app that installs the tarball', () => {
  let app;
  before(async () => {
    app = join(work, 'vue');
    await install(app, { 'erp-widget': `file:${tarball}`, vue: version('vue') }, { 'vue-tsc': version('vue-tsc'), typescript: version('typescript') });
    writeFiles(app, {
      'tsconfig.json': JSON.stringify({ ...TSCONFIG, include: ['src/**/*.ts', 'src/**/*.vue'], vueCompilerOptions: { strictTemplates: true } }),
      'src/env.d.ts': "import type {} from 'erp-widget/vue';\n",
      'src/main.ts': "import { createApp } from 'vue';\nimport 'erp-widget/erp-tab.js';\nimport App from './App.vue';\n\ncreateApp(App).mount('#app');\n",
      'src/App.vue': VUE_APP,
    });
  }, SLOW);

  test('type-checks the templates (strictTemplates) with erp-widget/vue', SLOW, async () => {
    const { code, output } = await typeCheck(app, 'vue-tsc', ['--noEmit', '-p', '.']);
    assert.equal(code, 0, output);
  });

  test('reports each misuse (a misspelt event, a misspelt prop, a wrong value, a handler of the wrong event) on its line', SLOW, async () => {
    writeFiles(app, { 'src/Misuse.vue': VUE_MISUSE });
    try {
      const { code, output } = await typeCheck(app, 'vue-tsc', ['--noEmit', '-p', '.']);
      assert.notEqual(code, 0, 'the misuses are type errors');
      assertErrorsExactlyOnMarkedLines(app, 'src/Misuse.vue', output);
    } finally {
      rmSync(join(app, 'src/Misuse.vue'));
    }
  });

  test('builds with Vite and the Vue plugin from the installed package', SLOW, async () => {
    writeFiles(app, { 'index.html': '<!doctype html><div id="app"></div><script type="module" src="/src/main.ts"></script>\n' });
    const { build } = await import('vite');
    const { default: vue } = await import('@vitejs/plugin-vue');
    const output = await build({
      root: app,
      configFile: false,
      logLevel: 'silent',
      plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('erp-') } } })],
      build: { write: false },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
    const code = chunks.filter((c) => c.type === 'chunk').map((c) => c.code).join('\n');
    assert.match(code, /erp-tab/, 'the app renders <erp-tab>');
    assert.ok(chunks.some((c) => c.type === 'chunk' && Object.keys(c.modules ?? {}).some((m) => m.includes('node_modules/erp-widget/dist/'))), 'the package code comes from dist/');
  });
});

const REACT_APP = `import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import type {} from 'erp-widget/react';
import 'erp-widget/erp-tab.js';
import 'erp-widget/erp-sync-admin.js';
import 'erp-widget/erp-field.js';
import 'erp-widget/erp-confirm-dialog.js';
import { RestBackend, type ErpLinkChangeEvent, type ErpSignInRequestEvent, type ErpFieldChangeEvent } from 'erp-widget';

function Record({ id }: { id: string }) {
  const [last, setLast] = useState('');
  const onLink = ({ detail }: ErpLinkChangeEvent) => setLast(detail.linked ? detail.erpKey : '');
  return (
    <>
      <erp-tab
        entity="company"
        entity-id={id}
        lang="de"
        backend={new RestBackend({ baseUrl: '/api/erp' })}
        onerp-link-change={onLink}
        onerp-availability-change={(e) => setLast(String(e.available))}
        onerp-sign-in-request={(e: ErpSignInRequestEvent) => setLast(e.connectionId)}
        onerp-unsaved-change={(e) => setLast(String(e.unsaved))}
      />
      <erp-tab entity="person" entityId={id} backendUrl="/api/erp" />
      <erp-sync-admin backend-url="/api/erp" no-heading onerp-error={(e) => setLast(e.problem.title ?? '')} />
      <erp-field disabled error="" onerp-field-change={(e: ErpFieldChangeEvent) => setLast(e.key)} />
      <erp-confirm-dialog heading="Disconnect?" confirm-label="Disconnect" danger />
      <output>{last}</output>
    </>
  );
}

createRoot(document.getElementById('root')!).render(<Record id="42" />);
`;

const REACT_MISUSE = `import type {} from 'erp-widget/react';
import type { ErpSyncEvent } from 'erp-widget';

export const misuses = (
  <>
    {/* error: "companyy" */}
    <erp-tab entity="companyy" />
    {/* error: '{ entityID: string; }' is not assignable to type 'ErpTabProps' */}
    <erp-tab entityID="42" />
    {/* error: ErpSyncEvent */}
    <erp-tab onerp-link-change={(e: ErpSyncEvent) => e.type} />
    {/* error: '{ danger: true; }' is not assignable to type 'ErpTabProps' */}
    <erp-tab danger />
  </>
);
`;

const VUE_APP = `<script setup lang="ts">
import { ref } from 'vue';
import type { ErpLinkChangeEvent, ErpSignInRequestEvent } from 'erp-widget';
const last = ref('');
const onLink = ({ detail }: ErpLinkChangeEvent) => (last.value = detail.linked ? detail.erpKey : '');
const onSignIn = (e: ErpSignInRequestEvent) => (last.value = e.connectionId);
</script>

<template>
  <erp-tab entity="company" entity-id="42" lang="de" @erp-link-change="onLink" @erp-sign-in-request="onSignIn" @erp-sync="last = $event.type" />
  <erp-tab entity="project" :entity-id="last" backend-url="/api/erp" />
  <erp-sync-admin backend-url="/api/erp" @erp-error="last = $event.problem.title ?? ''" />
  <erp-confirm-dialog heading="Disconnect?" confirm-label="Disconnect" :danger="true" />
  <output>{{ last }}</output>
</template>
`;

const VUE_MISUSE = `<script setup lang="ts">
import type { ErpSyncEvent } from 'erp-widget';
const onSync = (e: ErpSyncEvent) => e.type;
</script>

<template>
  <!-- error: 'onErpLnkChange' does not exist -->
  <erp-tab entity="company" @erp-lnk-change="onSync" />
  <!-- error: 'entityIdd' does not exist -->
  <erp-tab entity="company" entity-idd="42" />
  <!-- error: "companyy" -->
  <erp-tab entity="companyy" />
  <!-- error: ErpSyncEvent -->
  <erp-tab entity="company" @erp-link-change="onSync" />
</template>
`;
