// The page `npm run screenshots` photographs: <erp-tab> on the simulated ERP (answered in the page
// through its msw handlers, no service worker), in one state, language and theme given by the URL:
// ?state=tab|connect|conflicts&lang=de&dark=1. `window.ready` resolves once the state is on screen.
import { getResponse } from 'msw';
import '../../src/define/erp-tab.js';
import { configure } from '../../src/backend/config.js';
import { createHandlers, ErpSimulator } from '../../simulated-erp/index.js';
import { applyTheme } from '../../demo/theme.js';
import darkTheme from '../../demo/theme-dark.css';

const params = new URLSearchParams(location.search);
const state = params.get('state') ?? 'tab';
const lang = params.get('lang') ?? 'en';
document.documentElement.lang = lang;
const style = document.createElement('style');
style.textContent = `body { margin: 0; padding: 16px; font-family: system-ui, sans-serif; } ${darkTheme}`;
document.head.append(style);
applyTheme(params.get('dark') === '1');

const handlers = createHandlers(new ErpSimulator({ now: () => Date.parse('2026-12-01T10:00:00Z') }));
configure({
  fetch: async (input, init) => {
    const request = new Request(new URL(String(input), location.href), init);
    return (await getResponse(handlers, request)) ?? new Response(null, { status: 404 });
  },
});

/** Every element below `root`, through open shadow roots. */
function deep(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
}
async function find(test: (e: Element) => boolean, what: string): Promise<HTMLElement> {
  for (let i = 0; i < 400; i++) {
    const hit = deep(document).find(test);
    if (hit) return hit as HTMLElement;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`screenshots: no ${what}`);
}

async function show(): Promise<void> {
  const tab = document.createElement('erp-tab');
  tab.setAttribute('entity', 'company');
  tab.setAttribute('entity-id', state === 'tab' ? 'c1' : state === 'connect' ? 'c2' : 'c3');
  document.body.append(tab);
  await find((e) => e.matches('dl.fields, .empty'), 'section');
  // The first connection's Edit, then its first actor type; or its Sync now.
  if (state === 'connect') {
    (await find((e) => e.matches('[data-edit]'), 'Edit')).click();
    (await find((e) => e.localName === 'button' && e.closest('.offers') !== null, 'actor type')).click();
    await find((e) => e.getAttribute('role') === 'option' && e.id.startsWith('opt-'), 'results');
  } else if (state === 'conflicts') {
    (await find((e) => e.matches('[data-sync-now]'), 'Sync now')).click();
    await find((e) => e.localName === 'erp-conflict-picker' && e.closest('dialog')?.open === true, 'conflict picker');
  }
  await new Promise((r) => setTimeout(r, 300)); // fonts and a last layout
}

(window as unknown as { ready: Promise<void> }).ready = show();
