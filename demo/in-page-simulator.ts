// Every demo page that runs offline: the simulated ERP in a service worker at /api/erp, with the
// demo's latency, and the widget pointed at it.
import { setupWorker } from 'msw/browser';
import { configure } from '../src/index.js';
import { createHandlers, DEMO_LATENCY, type ErpSimulator } from '../simulated-erp/index.js';

export async function serveInPage(sim: ErpSimulator): Promise<void> {
  const worker = setupWorker(...createHandlers(sim, { latencyMs: DEMO_LATENCY }));
  await worker.start({ quiet: true, serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass' });
  configure({ baseUrl: '/api/erp' });
}
