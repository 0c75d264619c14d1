// The one-script-tag embed: every end-user element plus `configure()`, in one self-contained file
// (Lit included) that a CRM page loads with a classic <script> tag. Built by scripts/build-embed.mjs
// into dist/embed/erp-widget.embed.js (global `ErpWidget`), next to a copy of index.html. The script tag configures it:
//   <script src="erp-widget.embed.js" data-base-url="/api/erp" data-token="…"></script>
import '../../src/define/erp-tab.js';
import { configure } from '../../src/index.js';

export * from '../../src/index.js';

const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
const baseUrl = script?.dataset['baseUrl'];
const token = script?.dataset['token'];
if (baseUrl) {
  configure({
    baseUrl,
    ...(token ? { headers: { Authorization: `Bearer ${token}` }, credentials: 'omit' as const } : {}),
  });
}
