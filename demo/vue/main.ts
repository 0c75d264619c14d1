// The Vue 3 example: a CRM record view with <erp-tab>, against the simulated ERP in a service worker
// (as on the demo page). Built by scripts/build-examples.mjs, whose Vue plugin is told that erp-*
// tags are custom elements (a compile-time option for SFCs: app.config.compilerOptions would only
// reach templates compiled in the browser).
import { createApp } from 'vue';
import '../../src/define/erp-tab.js';
// The template types hosts get as `erp-widget/vue` (generated from custom-elements.json).
import type {} from '../../src/jsx/vue.js';
import { ErpSimulator } from '../../simulated-erp/index.js';
import { serveInPage } from '../in-page-simulator.js';
import RecordView from './RecordView.vue';

// A fresh simulated ERP per page load: a real CRM would configure() its own ERP endpoint instead.
await serveInPage(new ErpSimulator());

createApp(RecordView).mount('#app');
