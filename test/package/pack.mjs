// The tarball the package tests install: `node test/package/pack.mjs` (run by `npm run test:package`
// before the tests) packs the repo as `npm publish` would, prepack build included, into .pack/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = join(root, '.pack');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const file = join(dir, `${name}-${version}.tgz`);

/** The packed tarball's path (packed by this script before the tests run). */
export async function packTarball() {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`node test/package/pack.mjs\` (npm run test:package does)`);
  return file;
}

/** The files in the tarball, as `package/<path>`. */
export function tarballFiles() {
  return execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  execFileSync('npm', ['pack', '--pack-destination', dir, '--loglevel=error'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`packed ${file}`);
}
