// demo/csp.html: the elements over the simulated ERP under a strict CSP, listing any violation.
import { setupWorker } from 'msw/browser';
import { configure } from '../src/index.js';
import { createHandlers, DEMO_LATENCY, ErpSimulator } from './mock-erp/index.js';

const status = document.getElementById('csp-status')!;
const list = document.getElementById('csp-violations')!;
let count = 0;
document.addEventListener(
  'securitypolicyviolation',
  (e) => {
    count++;
    status.textContent = `${count} policy violation(s):`;
    const item = document.createElement('li');
    item.textContent = `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}${e.sample ? ` "${e.sample}"` : ''}`;
    list.append(item);
  },
  true,
);

const sim = new ErpSimulator();
const worker = setupWorker(...createHandlers(sim, { latencyMs: DEMO_LATENCY }));
await worker.start({
  quiet: true,
  serviceWorker: { url: '/mockServiceWorker.js' },
  onUnhandledRequest: 'bypass',
});
configure({ baseUrl: '/api/erp' });
// Define the elements only now, so their first requests reach the simulated ERP.
await import('../src/define/erp-tab.js');
