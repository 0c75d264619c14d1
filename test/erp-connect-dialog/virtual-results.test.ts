// The results list is windowed: thousands of loaded rows, a few dozen in the DOM. Checked through
// roles and ARIA attributes: set size and position, the active descendant, selection, paging.
import { expect, fixtureSync, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/erp-connect-dialog.js';
import type { ErpConnectDialog } from '../../src/elements/erp-connect-dialog/erp-connect-dialog.js';
import { ErpProblem } from '../../src/backend/problem.js';
import type { SearchRequest } from '../../src/model/types.js';
import { findButton, findByRole, queryAllByRole, until } from '../helpers/queries.js';
import { FakeBackend, connection, deferred } from './fake-backend.js';
import { nextTask } from '../helpers/events.js';

async function openList(rows: number) {
  const fake = new FakeBackend(rows);
  const el = fixtureSync<ErpConnectDialog>(html`<erp-connect-dialog
    lang="en"
    .backend=${fake.backend}
    .connection=${connection()}
    .entity=${{ type: 'company', id: 'e1', name: '' }}
    .actorType=${'customer'}
  ></erp-connect-dialog>`);
  await el.updateComplete;
  await el.show();
  const root = el.shadowRoot!;
  const listbox = await findByRole('listbox', { name: 'Search results' }, root);
  return { fake, el, root, listbox };
}

const options = (root: ParentNode) => queryAllByRole('option', {}, root);
const status = (root: ParentNode) => root.querySelector('[role="status"]')!.textContent!.trim();
const positions = (root: ParentNode) => options(root).map((o) => Number(o.getAttribute('aria-posinset')));
const at = (root: ParentNode, n: number) => options(root).find((o) => o.getAttribute('aria-posinset') === String(n));
const active = (listbox: HTMLElement) => {
  const id = listbox.getAttribute('aria-activedescendant');
  return id ? (listbox.getRootNode() as ShadowRoot).getElementById(id) : null;
};
const searches = (fake: FakeBackend) => fake.callsOf('searchActors');
/**
 * Scrolls the list. The browser fires `scroll` on its next frame, which a test page in the background
 * (the runner runs two at once) may not get: fire it now, as the browser would.
 */
function scrollList(listbox: HTMLElement, top: number) {
  listbox.scrollTop = top;
  listbox.dispatchEvent(new Event('scroll'));
}
const toEnd = (listbox: HTMLElement) => scrollList(listbox, listbox.scrollHeight);

/** Scrolls to the end again and again: each time near the end loads the next page, until no more. */
async function scrollUntilAllLoaded(root: ShadowRoot, listbox: HTMLElement, total: number) {
  const shown = (n: number) => `${n.toLocaleString('en')} results`;
  for (let guard = 0; status(root) !== shown(total) && guard < 400; guard++) {
    toEnd(listbox);
    await new Promise((r) => setTimeout(r, 20));
  }
  await until(() => status(root) === shown(total), `all ${total} rows loaded`, 20000);
  // The last page arrived below the rows in view: scroll down to it.
  toEnd(listbox);
}

/**
 * The list has handled the scroll (its handler is synchronous; the page load it asks for starts in
 * the update that follows): any request it makes has been sent by now.
 */
async function settle() {
  await nextTask();
  await nextTask();
}

describe('<erp-connect-dialog> windowed results', () => {
  it('keeps under 200 options in the DOM after many pages, with the full count as the set size', async () => {
    const { root, listbox, fake } = await openList(1200);
    await until(() => status(root) === '1,200 results, 50 shown', 'first page');
    await scrollUntilAllLoaded(root, listbox, 1200);
    expect(searches(fake).length).to.equal(24);
    // Every page asked for the one after the last, once.
    expect(searches(fake).map((c) => (c.args[2] as SearchRequest).cursor ?? null)).to.deep.equal([
      null,
      ...Array.from({ length: 23 }, (_, i) => String(50 * (i + 1))),
    ]);
    const n = options(root).length;
    expect(n).to.be.greaterThan(5);
    expect(n).to.be.below(200);
    for (const o of options(root)) expect(o.getAttribute('aria-setsize')).to.equal('1200');
    // At the end, the last loaded row is rendered, and rendered rows are contiguous at its end.
    await until(() => positions(root).at(-1) === 1200, 'last row rendered');
    const p = positions(root);
    expect(p).to.deep.equal(Array.from({ length: p.length }, (_, i) => p[0] + i));
    expect(at(root, 1200)!.textContent).to.include('01200');
    expect(listbox.scrollHeight).to.be.greaterThan(1200 * at(root, 1200)!.getBoundingClientRect().height - 2);
  });

  it('Home and End reach the first and the last row, rendered and active', async () => {
    const { root, el, listbox } = await openList(300);
    await until(() => status(root) === '300 results, 50 shown', 'first page');
    await scrollUntilAllLoaded(root, listbox, 300);
    listbox.focus();
    await sendKeys({ press: 'Home' });
    await until(() => active(listbox)?.getAttribute('aria-posinset') === '1', 'first row active');
    expect(active(listbox)!.getAttribute('aria-selected')).to.equal('true');
    expect(active(listbox)!.textContent).to.include('00001');
    expect(listbox.scrollTop).to.equal(0);
    expect(positions(root)).to.not.include(300);

    await sendKeys({ press: 'End' });
    await until(() => active(listbox)?.getAttribute('aria-posinset') === '300', 'last row active');
    const last = active(listbox)!;
    expect(last.textContent).to.include('00300');
    expect(last.getAttribute('aria-selected')).to.equal('true');
    // Scrolled into view, not only present.
    const box = listbox.getBoundingClientRect();
    const row = last.getBoundingClientRect();
    expect(row.top).to.be.at.least(box.top - 1);
    expect(row.bottom).to.be.at.most(box.bottom + 1);
    expect(positions(root)).to.not.include(1);

    await sendKeys({ press: 'PageUp' });
    await until(() => active(listbox)?.getAttribute('aria-posinset') === '290', 'PageUp');
    await sendKeys({ press: 'ArrowUp' });
    await until(() => active(listbox)?.getAttribute('aria-posinset') === '289', 'ArrowUp');
    expect(options(root).filter((o) => o.getAttribute('aria-selected') === 'true')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('keeps the active row rendered and the selection when scrolled far away and back', async () => {
    const { root, el, listbox } = await openList(400);
    await until(() => status(root) === '400 results, 50 shown', 'first page');
    at(root, 3)!.click();
    await el.updateComplete;
    expect(at(root, 3)!.getAttribute('aria-selected')).to.equal('true');
    await scrollUntilAllLoaded(root, listbox, 400);
    await until(() => positions(root).includes(400), 'scrolled to the end');
    // Row 3 is still the active descendant, so it stays in the DOM, far from the rows in view.
    expect(active(listbox)?.getAttribute('aria-posinset')).to.equal('3');
    expect(positions(root)).to.include(3);
    expect(positions(root)).to.not.include(10);
    scrollList(listbox, 0);
    await until(() => positions(root).includes(10), 'back at the top');
    expect(at(root, 3)!.getAttribute('aria-selected')).to.equal('true');
    expect(options(root).filter((o) => o.getAttribute('aria-selected') === 'true')).to.have.length(1);
    expect((await findButton('Connect', root)).getAttribute('aria-disabled')).to.equal('false');
    // Enter on the focused list still acts on the selected row.
    listbox.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => root.querySelector('erp-conflict-picker') !== null, 'compare step');
  });

  it('loads one page at a time while scrolling, and does not retry a failed page on its own', async () => {
    const { root, fake, listbox } = await openList(500);
    await until(() => status(root) === '500 results, 50 shown', 'first page');
    const hold = deferred();
    fake.gate = () => hold.promise;
    for (let i = 0; i < 5; i++) {
      toEnd(listbox);
      await settle();
      scrollList(listbox, listbox.scrollTop - 5);
      await settle();
    }
    expect(searches(fake)).to.have.length(2);
    expect(status(root)).to.equal('Loading more results…');
    hold.resolve();
    await until(() => status(root) === '500 results, 100 shown', 'second page');

    fake.gate = () => {
      throw new ErpProblem({ status: 503, code: 'unavailable' });
    };
    toEnd(listbox);
    const alert = await findByRole('alert', {}, root);
    expect(alert.textContent).to.include('not available right now');
    const failed = searches(fake).length;
    for (let i = 0; i < 3; i++) {
      scrollList(listbox, listbox.scrollTop - 30);
      await settle();
      toEnd(listbox);
      await settle();
    }
    expect(searches(fake)).to.have.length(failed);
    fake.gate = () => undefined;
    (await findButton('Retry', root)).click();
    await until(() => status(root) === '500 results, 150 shown', 'third page after Retry');
    expect(queryAllByRole('alert', {}, root)).to.have.length(0);
  });
});
