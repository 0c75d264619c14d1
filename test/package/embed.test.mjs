// The two ways to use the package without a bundler, from the packed tarball, in headless Chromium
// against the reference server (scripts/serve-api.mjs) over HTTP:
// - the one-script embed (dist/embed/): its example page configured by its address, and a page of
//   our own under a strict CSP with Trusted Types, configured by the script tag's data-* attributes;
// - the README's import map, read from the README itself, over the installed package.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { startApiServer } from '../../scripts/serve-api.mjs';
import { packTarball, tarballFiles } from './pack.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const EMBED = 'dist/embed/erp-widget.embed.js';
// A page load, the bundle's parse and the first backend round trips on a loaded 2-core machine.
const WAIT_MS = 60_000;
const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json', '.json': 'application/json' };

let work;
let packageDir;
let api;
let site;
let browser;

/** Serves `routes` (URL prefix → directory) plus `pages` (path → { html, headers }). */
function serve(routes, pages) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const page = pages[path];
    if (page) {
      res.writeHead(200, { 'Content-Type': 'text/html', ...page.headers });
      return res.end(page.html);
    }
    const prefix = Object.keys(routes).find((p) => path.startsWith(p));
    const file = prefix && normalize(join(routes[prefix], path.slice(prefix.length)));
    try {
      if (!file || !file.startsWith(routes[prefix])) throw new Error('outside');
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

before(async () => {
  const tarball = await packTarball();
  work = mkdtempSync(join(tmpdir(), 'erp-embed-'));
  execFileSync('tar', ['-xzf', tarball, '-C', work]);
  packageDir = join(work, 'package');
  api = await startApiServer({ port: 0 });
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const importMap = /```html\n(<script type="importmap">[\s\S]*?<\/script>)\n<script type="module">/.exec(readme)?.[1];
  assert.ok(importMap, "the README's import-map example");
  const csp = `default-src 'self'; script-src 'self'; style-src 'self'; connect-src ${new URL(api.url).origin}; require-trusted-types-for 'script'; trusted-types lit-html`;
  site = await serve(
    { '/node_modules/erp-widget/': `${packageDir}/`, '/node_modules/': join(root, 'node_modules/'), '/embed/': join(packageDir, 'dist/embed/') },
    {
      '/favicon.ico': { html: '' },
      '/strict.html': {
        headers: { 'Content-Security-Policy': csp },
        html: `<!doctype html><html lang="de"><script src="/embed/erp-widget.embed.js" data-base-url="${api.url}" data-token="demo"></script><erp-tab entity="company" entity-id="c1"></erp-tab>`,
      },
      '/import-map.html': {
        html: `<!doctype html><html lang="en">${importMap}<script type="module">
          import { configure } from 'erp-widget';
          import 'erp-widget/erp-tab.js';
          configure({ baseUrl: ${JSON.stringify(api.url)}, headers: () => ({ Authorization: 'Bearer demo' }) });
        </script><erp-tab entity="company" entity-id="c1"></erp-tab>`,
      },
    },
  );
  browser = await puppeteer.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'] });
});

after(async () => {
  await browser?.close();
  await api?.close();
  site?.server.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Opens `url`; resolves with the page and the errors and CSP violations it reports. */
async function open(url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  return { page, problems };
}

const region = (page, name) => page.waitForSelector(`aria/${name}[role="region"]`, { timeout: WAIT_MS });

describe('the one-script embed in the tarball', () => {
  test('ships with its example page, and without the admin translations', () => {
    const files = new Set(tarballFiles());
    assert.ok(files.has(`package/${EMBED}`), `${EMBED} is in the tarball`);
    assert.ok(files.has('package/dist/embed/index.html'), 'the example page is in the tarball');
    // esbuild writes non-ASCII characters as \xNN and \uNNNN escapes.
    const embed = readFileSync(join(packageDir, EMBED), 'utf8').replace(/\\(?:x([0-9a-f]{2})|u([0-9a-f]{4}))/gi, (_, x, u) => String.fromCharCode(parseInt(x ?? u, 16)));
    // Strings only the admin pack has, against strings of the packs the end-user elements use.
    const strings = (pack) => new Set([...readFileSync(join(root, `src/generated/locales/${pack}/de.ts`), 'utf8').matchAll(/^'[^']+': `([^`$]{12,})`,$/gm)].map((m) => m[1]));
    const endUser = new Set([...strings('core'), ...strings('dialogs')]);
    const adminOnly = [...strings('admin')].filter((s) => ![...endUser].some((e) => e.includes(s)));
    assert.ok(adminOnly.length > 50, 'the admin pack has strings of its own');
    assert.deepEqual(adminOnly.filter((s) => embed.includes(s)), [], 'no admin string in the embed');
    assert.ok([...endUser].filter((s) => embed.includes(s)).length > endUser.size * 0.9, 'the end-user strings are in it');
  });

  test('its example page, configured by its address, shows a record from the reference server', async () => {
    const { page, problems } = await open(`${site.origin}/embed/index.html?api=${encodeURIComponent(api.url)}&token=demo&lang=de`);
    try {
      await region(page, 'Contoso ERP');
      await page.waitForSelector('aria/Bearbeiten[role="button"]', { timeout: WAIT_MS });
      assert.equal(await page.evaluate(() => typeof window.ErpWidget?.configure), 'function', 'the ErpWidget global');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('runs under a strict CSP with Trusted Types, configured by data-base-url and data-token', async () => {
    const { page, problems } = await open(`${site.origin}/strict.html`);
    try {
      await region(page, 'Contoso ERP');
      await page.waitForSelector('aria/Bearbeiten[role="button"]', { timeout: WAIT_MS });
      assert.deepEqual(problems, [], 'no error and no CSP violation');
    } finally {
      await page.close();
    }
  });
});

test("the README's import map loads the installed package's modules in the browser, without a bundler", async () => {
  const { page, problems } = await open(`${site.origin}/import-map.html`);
  try {
    await region(page, 'Contoso ERP');
    await page.waitForSelector('aria/Edit[role="button"]', { timeout: WAIT_MS });
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    assert.ok(loaded.includes('/node_modules/erp-widget/dist/define/erp-tab.js'), loaded.join('\n'));
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});
