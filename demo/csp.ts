// demo/csp.html: the elements over the simulated ERP under a strict CSP, listing any violation.
import { ErpSimulator } from '../simulated-erp/index.js';
import { serveInPage } from './in-page-simulator.js';

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

// The page's own policy, for the one script URL it hands over: the simulator's service worker.
const worker = new URL('/mockServiceWorker.js', location.href).href;
(window as unknown as { trustedTypes?: { createPolicy(name: string, rules: object): unknown } }).trustedTypes?.createPolicy('default', {
  createScriptURL: (url: string) => (new URL(url, location.href).href === worker ? url : null),
});

await serveInPage(new ErpSimulator());
// Define the elements only now, so their first requests reach the simulated ERP.
await import('../src/define/erp-tab.js');
