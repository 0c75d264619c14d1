// `npm run screenshots`: PNGs of the tab, the connect dialog and the conflict picker in en/de/da/nl,
// light and dark, at 320 and 1,280 px, into screenshots/ (not committed); the three the README shows
// (the tab in German at 320 px, the dialogs in English at 1,280 px, light) are copied to docs/screenshots/.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChromium } from './find-chromium.mjs';
import { serveBundle } from './serve-bundle.mjs';

const root = resolve(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'erp-shots-'));
await build({
  absWorkingDir: root,
  entryPoints: ['scripts/screenshots/page.ts'],
  bundle: true,
  format: 'esm',
  outdir: out,
  tsconfig: join(root, 'tsconfig.json'),
  loader: { '.css': 'text' },
  logLevel: 'warning',
});
const server = await serveBundle(out, 'page.js');
const base = server.url;

const browser = await puppeteer.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'] });
const dir = join(root, 'screenshots');
mkdirSync(dir, { recursive: true });
let count = 0;
try {
  for (const state of ['tab', 'connect', 'conflicts']) {
    for (const lang of ['en', 'de', 'da', 'nl']) {
      for (const dark of [false, true]) {
        for (const width of [320, 1280]) {
          const page = await browser.newPage();
          const errors = [];
          page.on('pageerror', (e) => errors.push(e.message));
          await page.setViewport({ width, height: 900 });
          await page.goto(`${base}?state=${state}&lang=${lang}&dark=${dark ? 1 : 0}`);
          await page.evaluate(() => window.ready);
          if (errors.length) throw new Error(`${state} ${lang}: ${errors.join('; ')}`);
          const file = join(dir, `${state}-${lang}-${dark ? 'dark' : 'light'}-${width}.png`);
          await page.screenshot({ path: file, fullPage: state === 'tab' });
          await page.close();
          count++;
        }
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
mkdirSync(join(root, 'docs/screenshots'), { recursive: true });
// The README's three: the tab narrow in German, the dialogs wide in English.
copyFileSync(join(dir, 'tab-de-light-320.png'), join(root, 'docs/screenshots/tab.png'));
for (const state of ['connect', 'conflicts']) copyFileSync(join(dir, `${state}-en-light-1280.png`), join(root, `docs/screenshots/${state}.png`));
console.log(`${count} screenshots in screenshots/; docs/screenshots/{tab,connect,conflicts}.png for the README`);
