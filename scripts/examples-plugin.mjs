// web-test-runner plugin: `/__examples/<name>/…` serves the built framework examples
// (scripts/build-examples.mjs), built once per run into a temporary folder on the first request, so
// runs that do not load them do not pay. Used by test/integration/framework-examples.test.ts.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { buildExamples } from './build-examples.mjs';

const PREFIX = '/__examples/';

export function examplesPlugin() {
  let folder;
  let built;
  return {
    name: 'erp-framework-examples',
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      folder ??= mkdtemp(join(tmpdir(), 'erp-examples-'));
      built ??= folder.then(async (dir) => {
        await buildExamples({ outDir: dir });
        return dir;
      });
      const dir = await built;
      const path = context.path.slice(PREFIX.length);
      const file = resolve(dir, path.endsWith('/') || path === '' ? `${path}index.html` : path);
      // Nothing outside the build folder, whatever the path says.
      if (relative(dir, file).startsWith('..')) return undefined;
      try {
        return { body: await readFile(file, 'utf8'), type: extname(file).slice(1) };
      } catch {
        return undefined;
      }
    },
    async serverStop() {
      if (folder) await rm(await folder, { recursive: true, force: true });
    },
  };
}
