import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { vueExamplePlugin } from './scripts/build-examples.mjs';
import { minifyCssVite } from './scripts/minify-css-literals.mjs';

const require = createRequire(import.meta.url);

/** Serves the installed msw worker at the root, so the demo never runs a stale copy. */
const mswWorker = (): Plugin => ({
  name: 'msw-worker',
  configureServer(server) {
    server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
      res.setHeader('Content-Type', 'text/javascript');
      res.end(readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8'));
    });
  },
});

export default defineConfig({
  // `npm start` serves the demo CRM page; `npm run build` builds the library into dist/.
  root: resolve(import.meta.dirname, 'demo'),
  plugins: [mswWorker(), vueExamplePlugin(), minifyCssVite()],
  // With ERP_SYNC_URL (what `npm start` sets), the page reaches the sync service on its own origin.
  server: {
    port: 5173,
    strictPort: true,
    proxy: process.env.ERP_SYNC_URL
      ? Object.fromEntries(['/api/erp', '/dev', '/crm'].map((path) => [path, { target: process.env.ERP_SYNC_URL }]))
      : undefined,
  },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: false,
    sourcemap: true,
    lib: {
      // One entry per element (src/define/*), plus the side-effect-free end-user and admin entries.
      entry: {
        index: resolve(import.meta.dirname, 'src/index.ts'),
        admin: resolve(import.meta.dirname, 'src/admin.ts'),
        ...Object.fromEntries(
          readdirSync(resolve(import.meta.dirname, 'src/define'))
            .filter((f) => f.endsWith('.ts'))
            .map((f) => [`define/${f.slice(0, -3)}`, resolve(import.meta.dirname, 'src/define', f)]),
        ),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//],
    },
  },
});
