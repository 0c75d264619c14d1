import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { findChromium } from './scripts/find-chromium.mjs';
import { countReporter } from './scripts/count-reporter.mjs';
import { startApiServer } from './scripts/serve-api.mjs';

const require = createRequire(import.meta.url);
const mswWorker = require.resolve('msw/mockServiceWorker.js');

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'], browser: true },
  concurrency: 2,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChromium() ?? '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
          // Test pages run side by side: keep background tabs rendering (rAF) and their timers on time.
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }),
    apiServerPlugin(),
    {
      // Serve the installed msw worker at the root so its scope covers the test pages.
      name: 'msw-worker',
      serve(context) {
        if (context.path === '/mockServiceWorker.js') {
          return { body: readFileSync(mswWorker, 'utf8'), type: 'js' };
        }
        return undefined;
      },
    },
  ],
};

/**
 * The reference server (scripts/serve-api.mjs) on a free port for test/integration: test pages read
 * its address from `/__api-port`. Started on the first request for it, so other runs do not pay.
 */
function apiServerPlugin() {
  let server;
  return {
    name: 'erp-api-server',
    async serve(context) {
      if (context.path !== '/__api-port') return undefined;
      server ??= startApiServer({ port: 0, control: true, token: 'demo' });
      const { port } = await server;
      return { body: JSON.stringify({ port, token: 'demo' }), type: 'json' };
    },
    async serverStop() {
      if (server) await (await server).close();
    },
  };
}
