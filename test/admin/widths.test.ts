// The Sync screen at the widths a CRM's settings page gives it, in every language: from 280 px to
// 1,280 px. Measured in the browser: no horizontal scroll of the page, nothing wider than the screen
// (a wide table scrolls inside its own frame), no word broken inside, no button wrapping mid-word.
import { expect, fixtureSync, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define/erp-sync-admin.js';
import type { ErpSyncAdmin } from '../../src/elements/admin/erp-sync-admin/erp-sync-admin.js';
import { deepElements, findByRole } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import { LANGS, term } from '../helpers/terms.js';
import { brokenWords } from '../helpers/layout.js';

/** The broken words of every shadow root below `el`, each with the element that holds it. */
function brokenIn(el: Element): string[] {
  const roots = [el, ...deepElements(el)].map((e) => e.shadowRoot).filter((r): r is ShadowRoot => !!r);
  return roots.flatMap((root) => brokenWords(root).map((word) => `${(root.host as Element).localName}: ${word}`));
}

/** Buttons whose label runs over more than one line. */
function wrappedButtons(el: Element): string[] {
  return deepElements(el)
    .filter((e): e is HTMLButtonElement => e instanceof HTMLButtonElement && e.getClientRects().length > 0)
    .filter((b) => {
      const range = document.createRange();
      range.selectNodeContents(b);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1;
    })
    .map((b) => b.textContent!.trim());
}

function fits(el: ErpSyncAdmin, what: string): void {
  expect(document.documentElement.scrollWidth, `${what}: no horizontal scroll of the page`).to.be.at.most(window.innerWidth);
  expect(el.scrollWidth, `${what}: nothing wider than the screen`).to.be.at.most(el.clientWidth + 1);
  expect(brokenIn(el), `${what}: words broken inside`).to.deep.equal([]);
  expect(wrappedButtons(el), `${what}: buttons wrapped`).to.deep.equal([]);
}

describe('<erp-sync-admin> from 280 to 1,280 px', () => {
  useSimulator();
  after(() => setViewport({ width: 800, height: 600 }));

  for (const lang of LANGS) {
    for (const width of [280, 320, 768, 1280]) {
      it(`${lang} at ${width} px: the lists and a connection's settings fit and break no word`, async () => {
        await setViewport({ width, height: 900 });
        const el = fixtureSync<ErpSyncAdmin>(html`<erp-sync-admin lang=${lang}></erp-sync-admin>`);
        const root = el.shadowRoot!;
        await findByRole('region', { name: await term(lang, 'admin.term.connections') }, root);
        fits(el, 'the lists');

        const mappings = await term(lang, 'admin.term.mappings');
        (await findByRole('button', { name: `${mappings} Contoso ERP` }, root)).click();
        const settings = await findByRole('region', { name: await term(lang, 'admin.ca.heading', { 't.mappings': mappings, name: 'Contoso ERP' }) }, root);
        await findByRole('tabpanel', {}, settings);
        fits(el, "a connection's settings");
      });
    }
  }
});
