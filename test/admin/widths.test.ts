// The Sync screen at the widths a CRM's settings page gives it, in every language: from 280 px to
// 1,280 px. Measured in the browser: no horizontal scroll of the page, nothing wider than the screen
// (a wide table scrolls inside its own frame), no word broken inside, no button wrapping where it
// fits on one line, no choice cut off. Every element of every nested shadow root counts.
import { expect, fixtureSync, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define/erp-sync-admin.js';
import type { ErpSyncAdmin } from '../../src/elements/admin/erp-sync-admin/erp-sync-admin.js';
import { deepElements, findByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import { LANGS, term } from '../helpers/terms.js';
import { brokenWords, textNodes } from '../helpers/layout.js';
import { settingsLoaded } from './admin-helpers.js';

/** `el` and every element in its shadow root, nested shadow roots included. */
const below = (el: Element) => [el, ...deepElements(el.shadowRoot!)];

/** The broken words of every shadow root below `el`, each with the element that holds it. */
function brokenIn(el: Element): string[] {
  const roots = below(el).map((e) => e.shadowRoot).filter((r): r is ShadowRoot => !!r);
  return roots.flatMap((root) => brokenWords(root).map((word) => `${(root.host as Element).localName}: ${word}`));
}

/** Buttons whose label runs over more than one line although it fits on one line of their container. */
function wrappedButtons(el: Element): string[] {
  const lines = (b: HTMLButtonElement) => {
    const range = document.createRange();
    range.selectNodeContents(b);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  };
  return below(el)
    .filter((e): e is HTMLButtonElement => e instanceof HTMLButtonElement && e.getClientRects().length > 0)
    .filter((b) => {
      if (lines(b) < 2) return false;
      const before = b.style.whiteSpace;
      b.style.whiteSpace = 'nowrap';
      const oneLine = b.getBoundingClientRect().width;
      b.style.whiteSpace = before;
      return oneLine <= b.parentElement!.clientWidth;
    })
    .map((b) => b.textContent!.trim());
}

/**
 * Selects narrower than their chosen value (its text cut off): each is measured against a copy of
 * itself holding only that option, at its natural width.
 */
function clippedSelects(el: Element): string[] {
  return below(el)
    .filter((e): e is HTMLSelectElement => e instanceof HTMLSelectElement && e.getClientRects().length > 0)
    .filter((select) => {
      const chosen = select.selectedOptions[0];
      if (!chosen?.text.trim()) return false;
      const copy = select.cloneNode(false) as HTMLSelectElement;
      copy.append(chosen.cloneNode(true));
      copy.style.cssText = 'position: absolute; inline-size: auto; min-inline-size: 0; max-inline-size: none; visibility: hidden';
      select.after(copy);
      const natural = copy.getBoundingClientRect().width;
      copy.remove();
      return select.getBoundingClientRect().width < natural - 1;
    })
    .map((s) => `${s.getAttribute('aria-label') ?? s.id}: ${s.selectedOptions[0]!.text.trim()}`);
}

function fits(el: ErpSyncAdmin, what: string): void {
  expect(document.documentElement.scrollWidth, `${what}: no horizontal scroll of the page`).to.be.at.most(window.innerWidth);
  expect(el.scrollWidth, `${what}: nothing wider than the screen`).to.be.at.most(el.clientWidth + 1);
  expect(brokenIn(el), `${what}: words broken inside`).to.deep.equal([]);
  expect(wrappedButtons(el), `${what}: buttons wrapped`).to.deep.equal([]);
  expect(clippedSelects(el), `${what}: choices cut off`).to.deep.equal([]);
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
        // The tables with their rows, the list fields' List mapping buttons among them.
        await settingsLoaded(settings, await term(lang, 'admin.term.listMapping'));
        fits(el, "a connection's settings");
      });
    }
  }
});

describe('<erp-sync-admin> with long unbroken names', () => {
  const sim = useSimulator();
  after(() => setViewport({ width: 800, height: 600 }));

  /** The rectangles of every occurrence of `text` below `el`, each with the table cell (or the element) that holds it. */
  function placed(el: Element, text: string): { rects: DOMRect[]; box: DOMRect }[] {
    const out: { rects: DOMRect[]; box: DOMRect }[] = [];
    for (const root of below(el).map((e) => e.shadowRoot).filter((r): r is ShadowRoot => !!r)) {
      for (const node of textNodes(root)) {
        const at = node.textContent!.indexOf(text);
        if (at < 0 || !node.parentElement!.getClientRects().length) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const box = (node.parentElement!.closest('td, th') ?? node.parentElement!).getBoundingClientRect();
        out.push({ rects: [...range.getClientRects()].filter((r) => r.width > 0), box });
      }
    }
    return out;
  }

  for (const width of [320, 1280]) {
    it(`at ${width} px: an 80- and a 300-character name wrap inside their cells, all of them on screen`, async () => {
      await setViewport({ width, height: 900 });
      const long = { a: `Contoso${'X'.repeat(73)}`, b: `Northwind${'Y'.repeat(291)}` };
      for (const [id, name] of [['conn-a', long.a], ['conn-b', long.b]] as const) {
        const c = sim().getConnection(id);
        sim().updateConnection(id, { name, connectorId: c.connectorId, scope: c.scope, description: c.description, config: c.config }, c.version);
      }
      const el = fixtureSync<ErpSyncAdmin>(html`<erp-sync-admin></erp-sync-admin>`);
      await findByRole('region', { name: 'ERP connections' }, el.shadowRoot!);
      await until(() => placed(el, long.b).length > 0, 'the long names shown');
      expect(document.documentElement.scrollWidth, 'no horizontal scroll of the page').to.be.at.most(window.innerWidth);
      for (const name of Object.values(long)) {
        const shown = placed(el, name);
        expect(shown.length, `${name.length} characters shown`).to.be.greaterThan(0);
        for (const { rects, box } of shown) {
          for (const r of rects) {
            expect(r.left, 'inside its cell').to.be.at.least(box.left - 1);
            expect(r.right, 'inside its cell').to.be.at.most(box.right + 1);
          }
        }
      }
      if (width >= 1280) {
        // Wide enough for the lists: a long name wraps instead of pushing the other columns out of view.
        const frames = below(el).filter((e) => e.classList.contains('table-wrap'));
        expect(frames.length).to.be.greaterThan(0);
        for (const frame of frames) expect(frame.scrollWidth, 'the table fits its frame').to.be.at.most(frame.clientWidth + 1);
      }
    });
  }
});

