import { mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { findChromium } from './scripts/find-chromium.mjs';
import { countReporter } from './scripts/count-reporter.mjs';
import { startApiServer } from './scripts/serve-api.mjs';
import { buildEmbed } from './scripts/build-embed.mjs';
import { examplesPlugin } from './scripts/examples-plugin.mjs';
import { faultMatrixPlugin } from './scripts/fault-matrix-plugin.mjs';
import { testPageHtml, testWorkerScript, WORKER_PATH } from './scripts/test-page-html.mjs';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'], browser: true },
  concurrency: 2,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
  // Per test; waits inside a test end on events or states (test/helpers/queries.ts WAIT_MS).
  testFramework: { config: { timeout: 90_000 } },
  // Every page is under the msw worker before its tests start (scripts/test-page-html.mjs).
  testRunnerHtml: testPageHtml,
  testsFinishTimeout: 300000,
  // A page may install the msw worker (or reload once) before its framework loads: on a loaded 2-core
  // machine that can take longer than the default 20 s.
  testsStartTimeout: 120000,
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
    syncServicePlugin(),
    trytonServicePlugin(),
    forcedColorsPlugin(),
    embedBundlePlugin(),
    examplesPlugin(),
    faultMatrixPlugin(),
    {
      // Serve the installed msw worker at the root so its scope covers the test pages.
      name: 'msw-worker',
      serve(context) {
        if (context.path === WORKER_PATH) return { body: testWorkerScript(), type: 'js' };
        return undefined;
      },
    },
  ],
};

/**
 * A sync service in a process of its own (server/main.ts --demo, PGlite in a temp folder), signed in
 * as the demo's Anna: what the integration tests talk to. `env` adds to the runner's environment.
 */
function serviceProcess(origin, env = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'erp-sync-wtr-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo'], {
    // No background sync: the flows under test sync when their user says so (server/test covers it).
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', CORS_ORIGINS: origin, ERP_SYNC_BACKGROUND: 'off', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = (async () => {
    const apiUrl = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /API at (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`sync service exited (${code}): ${out}`)));
    });
    const base = apiUrl.replace(/\/api\/erp$/, '');
    const signIn = await fetch(`${base}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"u-anna"}' });
    return { apiUrl, token: (await signIn.json()).token };
  })();
  return {
    ready,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The sync service on a live Tryton (where TRYTON_URL names one: .ci/tryton.sh starts it), for
 * test/integration/tryton.test.ts: `/__tryton-service` tells its API URL and a token (or `{}` without
 * a Tryton); `/__tryton-rpc` runs one Tryton model call (`{ method, args }`) so the test can read back
 * what arrived in Tryton, over Tryton's own JSON-RPC.
 */
function trytonServicePlugin() {
  let service;
  let rpc;
  return {
    name: 'erp-tryton-service',
    async serve(context) {
      if (context.path === '/__tryton-service') {
        if (!process.env.TRYTON_URL) return { body: '{}', type: 'json' };
        service ??= serviceProcess(context.origin, { ERP_DEMO_ERP: 'tryton' });
        return { body: JSON.stringify(await service.ready), type: 'json' };
      }
      if (context.path === '/__tryton-rpc' && context.method === 'POST' && process.env.TRYTON_URL) {
        if (!rpc) {
          const { register } = await import('tsx/esm/api');
          register();
          const { TrytonRpc } = await import('./connectors/tryton/rpc.ts');
          const e = process.env;
          rpc = new TrytonRpc({ url: e.TRYTON_URL, database: e.TRYTON_DATABASE ?? 'erp', user: e.TRYTON_USER ?? 'admin', password: e.TRYTON_PASSWORD ?? '' });
        }
        const chunks = [];
        for await (const c of context.req) chunks.push(c);
        const { method, args } = JSON.parse(Buffer.concat(chunks).toString());
        return { body: JSON.stringify(await rpc.model(method, args)), type: 'json' };
      }
      return undefined;
    },
    serverStop: () => service?.stop(),
  };
}

/**
 * The sync service (server/, on PGlite in a temp folder, with the simulated connector) in a process of
 * its own, for test/integration/sync-service.test.ts: `/__sync-service` tells its API URL and a signed-in
 * token. CORS allows the test pages' origin only.
 */
function syncServicePlugin() {
  let service;
  return {
    name: 'erp-sync-service',
    async serve(context) {
      if (context.path !== '/__sync-service') return undefined;
      service ??= serviceProcess(context.origin);
      return { body: JSON.stringify(await service.ready), type: 'json' };
    },
    serverStop: () => service?.stop(),
  };
}

/**
 * The reference server (scripts/serve-api.mjs) on a free port for test/integration: test pages read
 * its address from `/__api-port?for=<test name>`. Started on the first request for it, so other runs do
 * not pay.
 */
function apiServerPlugin() {
  // One server per `?for=<name>`, so test files running side by side do not reset each other's state.
  const servers = new Map();
  return {
    name: 'erp-api-server',
    async serve(context) {
      if (context.path !== '/__api-port') return undefined;
      const name = context.URL.searchParams.get('for') ?? 'default';
      if (!servers.has(name)) servers.set(name, startApiServer({ port: 0, control: true, token: 'demo' }));
      const { port } = await servers.get(name);
      return { body: JSON.stringify({ port, token: 'demo' }), type: 'json' };
    },
    async serverStop() {
      await Promise.all([...servers.values()].map(async (server) => (await server).close()));
    },
  };
}

/**
 * `executeServerCommand('emulate-forced-colors', { active })`: Chromium's forced-colors emulation
 * over the DevTools protocol (the built-in `emulateMedia({ forcedColors })` is Playwright-only). Used by
 * test/theming.
 */
function forcedColorsPlugin() {
  const sessions = new Map();
  return {
    name: 'erp-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      // Puppeteer's emulateMediaFeatures does not know forced-colors; the DevTools protocol does.
      // The emulation lasts as long as its DevTools session: keep one per test page.
      let cdp = sessions.get(session.id);
      if (!cdp) {
        cdp = await session.browser.getPage(session.id).createCDPSession();
        sessions.set(session.id, cdp);
      }
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}

/** `/__embed.js`: the one-script-tag bundle (scripts/build-embed.mjs), built on first request. */
function embedBundlePlugin() {
  let code;
  return {
    name: 'erp-embed-bundle',
    async serve(context) {
      if (context.path !== '/__embed.js') return undefined;
      code ??= buildEmbed({ minify: true });
      return { body: await code, type: 'js' };
    },
  };
}
