// Makes sure a Chromium is there before the browser tests start: found, installed from Debian's
// packages where we can (root + apt-get), or one clear sentence saying what to install.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const found = findChromium();
if (found) {
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('No Chromium found: installing Debian\'s "chromium" package with apt-get (about 2 minutes)…');
  const opts = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  spawnSync('apt-get', ['update'], opts);
  const result = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], opts);
  if (result.status === 0 && findChromium()) process.exit(0);
}
console.error(
  'No Chromium or Chrome was found: install one (Debian: `apt-get install chromium`) or set CHROME_PATH to its executable, then run `npm test` again.',
);
process.exit(1);
