// The React 19 example: a CRM record view with <erp-tab>, against the simulated ERP in a service
// worker (as on the demo page). Built by scripts/build-examples.mjs; `npm start` serves it at /react/.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Define the tags before React renders, so React sets `entity` and `backend` as properties.
import '../../src/define/erp-tab.js';
// The JSX types hosts get as `erp-widget/react` (generated from custom-elements.json).
import type {} from '../../src/jsx/react.js';
import { ErpSimulator } from '../../simulated-erp/index.js';
import { serveInPage } from '../in-page-simulator.js';
import { RecordView } from './record-view.js';

// A fresh simulated ERP per page load: a real CRM would configure() its own ERP endpoint instead.
await serveInPage(new ErpSimulator());

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <RecordView />
  </StrictMode>,
);
