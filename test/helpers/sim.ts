// Serves the simulated ERP (msw) to a test file: one worker per page, a fresh simulator per test.
import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';
import { configure, DEFAULT_TIMEOUT_MS } from '../../src/backend/config.js';
import { createHandlers, ErpSimulator } from '../../simulated-erp/index.js';
import { deferred } from './events.js';

const worker = setupWorker();
let started: Promise<unknown> | undefined;

/**
 * Call at the top of a `describe`: starts the worker once, and before each test serves a fresh
 * simulator at `/api/erp` (the default `configure()` base URL). Returns a getter for the test's
 * simulator (to inject faults, read its state, or change values on either side).
 */
export function useSimulator(): () => ErpSimulator {
  let sim: ErpSimulator | undefined;
  before(async () => {
    // The page is already under the worker (scripts/test-page-html.mjs): this only switches mocking on.
    started ??= worker.start({
      quiet: true,
      serviceWorker: { url: '/mockServiceWorker.js' },
      // Only API paths are ours: the test runner's own module loads pass through the worker too.
      onUnhandledRequest: (request, print) => {
        if (new URL(request.url).pathname.startsWith('/api/')) print.error();
      },
    });
    await started;
  });
  beforeEach(() => {
    sim = new ErpSimulator();
    worker.resetHandlers(...createHandlers(sim));
    // The product's default timeout: a loaded 2-core CI can take seconds; tests of timeouts set their own.
    configure({ baseUrl: '/api/erp', timeoutMs: DEFAULT_TIMEOUT_MS });
  });
  afterEach(() => {
    worker.resetHandlers();
  });
  return () => {
    if (!sim) throw new Error('useSimulator(): the simulator exists only inside a test');
    return sim;
  };
}

/**
 * Every request whose path starts with `path` (on this page only) fails as a dropped connection
 * does, until `restore()`: for a lost chunk of code. `dropped` resolves once the first has failed.
 * All of them, not only the next: the tab also fetches a chunk ahead of use, and a user's click may
 * come before or after that fetch has failed.
 */
export function dropRequests(path: string): { dropped: Promise<void>; restore: () => void } {
  const dropped = deferred();
  let dropping = true;
  worker.use(
    http.get(
      ({ request }) => dropping && new URL(request.url).pathname.startsWith(path),
      () => {
        dropped.resolve();
        return HttpResponse.error();
      },
    ),
  );
  return { dropped: dropped.promise, restore: () => (dropping = false) };
}
