// demo/csp.html: the elements over the simulated ERP under a strict CSP, listing any violation.
import { ErpSimulator } from './mock-erp/index.js';
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

await serveInPage(new ErpSimulator());
// Define the elements only now, so their first requests reach the simulated ERP.
await import('../src/define/erp-tab.js');
