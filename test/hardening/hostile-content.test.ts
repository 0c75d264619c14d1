// Hostile content: ERP and CRM values with HTML, script URLs, bidi overrides, 10,000-character words,
// emoji and combining characters render as inert text (no element injected, text equal to the source)
// and wrap instead of widening the layout, in <erp-tab>, the connect dialog, the conflict picker and
// the history panel, at 320 px wide.
import { expect, fixtureSync, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define/erp-tab.js';
import '../../src/define/erp-connect-dialog.js';
import '../../src/define/erp-conflict-picker.js';
import '../../src/define/erp-history.js';
import type { ErpBackend } from '../../src/backend/erp-backend.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import type { ErpConflictPicker } from '../../src/elements/erp-conflict-picker/erp-conflict-picker.js';
import type { ErpHistory } from '../../src/elements/erp-history/erp-history.js';
import type { HistoryEvent, SyncConflict } from '../../src/model/types.js';
import { deepElements, findButton, findByRole, queryAllByRole, until } from '../helpers/queries.js';
import { showConnectDialog } from '../helpers/connect-dialog.js';
import { useSimulator } from '../helpers/sim.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const LONG = 'W'.repeat(10_000);
const HOSTILE = {
  html: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>',
  url: 'javascript:window.__pwned=3',
  bidi: 'invoice\u202Efdp.exe\u202C end',
  long: LONG,
  emoji: '👩‍👩‍👧‍👦 🇩🇰 Z\u0351\u0352a\u0300\u0301l\u0302g\u0303o e\u0301',
} as const;
const INJECTED = ['IMG', 'SCRIPT', 'B', 'IFRAME', 'OBJECT', 'EMBED'];

/** No element came from the values, none of them ran, and each value shows as text equal to its source. */
function expectInert(root: ParentNode, values: readonly string[]) {
  const all = deepElements(root);
  const injected = all.filter((e) => INJECTED.includes(e.tagName));
  expect(injected.map((e) => e.tagName), 'injected elements').to.deep.equal([]);
  const scriptLinks = all.filter((e) => /^\s*javascript:/i.test(e.getAttribute('href') ?? '') || /^\s*javascript:/i.test(e.getAttribute('src') ?? ''));
  expect(scriptLinks.length, 'javascript: links').to.equal(0);
  expect(window.__pwned, 'hostile script ran').to.equal(undefined);
  for (const value of values) {
    const shown = all.some((e) => Array.from(e.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(value)));
    expect(shown, `shown as text: ${value.slice(0, 40)}`).to.equal(true);
  }
}

/** Inside `box` (exclusive), the nearest ancestor of `el` that scrolls or clips horizontally. */
function clipper(el: Element, box: Element): Element | undefined {
  for (let e = parentOf(el); e && e !== box; e = parentOf(e)) if (getComputedStyle(e).overflowX !== 'visible') return e;
  return undefined;
}
const parentOf = (e: Element): Element | null => e.parentElement ?? ((e.parentNode as ShadowRoot | null)?.host ?? null);

/**
 * Nothing is wider than `box` (no horizontal scrolling of the box; a results table may scroll inside
 * its own scroll container), and every text holding a hostile value wraps or truncates.
 */
function expectFits(box: Element, what: string) {
  const rect = box.getBoundingClientRect();
  expect(rect.width, `${what} width`).to.be.greaterThan(0);
  expect(box.scrollWidth, `${what} scroll width`).to.be.at.most(box.clientWidth + 1);
  expect(rect.right, `${what} right edge`).to.be.at.most(320 + 1);
  const all = deepElements(box);
  const overflowing = all
    .filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.right > rect.right + 1 && !clipper(e, box);
    })
    .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
  expect(overflowing, `${what}: elements sticking out`).to.deep.equal([]);
  const unwrapped = all
    .filter((e) => Array.from(e.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(LONG.slice(0, 100))))
    .filter((e) => {
      const style = getComputedStyle(e);
      const truncates = style.overflowX === 'hidden' && style.textOverflow === 'ellipsis';
      return !truncates && e.scrollWidth > e.clientWidth + 1 && style.display !== 'inline';
    })
    .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
  expect(unwrapped, `${what}: long words neither wrapped nor truncated`).to.deep.equal([]);
  const wide = all
    .filter((e) => Array.from(e.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(LONG.slice(0, 100))))
    .filter((e) => e.getBoundingClientRect().width > 320)
    .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
  expect(wide, `${what}: boxes holding the long word wider than the viewport`).to.deep.equal([]);
}

describe('hostile ERP and CRM content', () => {
  const sim = useSimulator();

  before(async () => {
    await setViewport({ width: 320, height: 800 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });
  afterEach(() => {
    delete window.__pwned;
  });

  it('renders linked ERP values and the display name as inert, wrapping text in <erp-tab>', async () => {
    sim().setErpValues('conn-a', 'customer', '100001', {
      name: HOSTILE.long,
      phone: HOSTILE.html,
      city: HOSTILE.bidi,
      creditStatus: HOSTILE.emoji,
      email: HOSTILE.url,
    });
    const el = fixtureSync<ErpTab>(html`<erp-tab lang="en" entity="company" entity-id="c1" style="max-inline-size: 320px"></erp-tab>`);
    const section = await until(() => deepElements(el.shadowRoot!).find((e) => e.matches('section.connection')), 'section').then(
      () => deepElements(el.shadowRoot!).find((e) => e.matches('section.connection'))!,
    );
    await until(() => deepElements(section).some((e) => e.textContent === HOSTILE.long), 'hostile values shown');
    expectInert(el.shadowRoot!, [HOSTILE.long, HOSTILE.html, HOSTILE.bidi, HOSTILE.emoji, HOSTILE.url]);
    for (const s of deepElements(el.shadowRoot!).filter((e) => e.matches('section.connection'))) expectFits(s, 'connection section');
    expect(el.scrollWidth, 'erp-tab scroll width').to.be.at.most(el.clientWidth + 1);
    // A bidi override in a value does not reorder the label next to it.
    const bidiCell = deepElements(section).find((e) => e.textContent === HOSTILE.bidi)!;
    expect(getComputedStyle(bidiCell.closest('dd') ?? bidiCell).unicodeBidi).to.match(/isolate/);
  });

  it('shows a hostile CRM record name and CRM values as inert text in the connect dialog and its compare step', async () => {
    const crmName = `${HOSTILE.html} ${HOSTILE.bidi}`;
    sim().setCrmValue('company', 'c2', 'name', crmName);
    sim().setCrmValue('company', 'c2', 'city', HOSTILE.long);
    sim().setCrmValue('company', 'c2', 'email', HOSTILE.url);
    const { root, dialog, state } = await showConnectDialog('c2');
    expect(state.entity.name).to.equal(crmName);
    expectInert(root, [crmName]);
    const input = (await findByRole('textbox', { name: 'Search text' }, root)) as HTMLInputElement;
    input.value = 'Brandt';
    input.dispatchEvent(new Event('input'));
    (await findButton('Search', root)).click();
    await until(() => queryAllByRole('option', {}, root).length > 0, 'results');
    queryAllByRole('option', {}, root)[0]!.click();
    (await findButton('Connect', root)).click();
    await until(() => root.querySelector('erp-conflict-picker'), 'compare step');
    const picker = root.querySelector('erp-conflict-picker')!;
    await until(() => deepElements(picker.shadowRoot!).some((e) => e.textContent === HOSTILE.long), 'CRM values compared');
    expectInert(root, [crmName, HOSTILE.long, HOSTILE.url]);
    expectFits(dialog, 'compare step');
  });

  it('shows hostile search results as inert, wrapping text in the connect dialog', async () => {
    sim().setErpValues('conn-a', 'customer', '100002', { name: `Brandt ${HOSTILE.long}`, city: HOSTILE.bidi });
    sim().setErpValues('conn-a', 'customer', '100003', { name: `Brandt ${HOSTILE.html}`, city: HOSTILE.emoji });
    const { root, dialog } = await showConnectDialog('c2', 'Brandt');
    const input = (await findByRole('textbox', { name: 'Search text' }, root)) as HTMLInputElement;
    input.value = 'Brandt';
    input.dispatchEvent(new Event('input'));
    (await findButton('Search', root)).click();
    await until(() => deepElements(root).some((e) => e.textContent === `Brandt ${HOSTILE.html}`), 'hostile results');
    expectInert(root, [`Brandt ${HOSTILE.long}`, `Brandt ${HOSTILE.html}`, HOSTILE.bidi, HOSTILE.emoji]);
    expectFits(dialog, 'connect dialog');
  });

  it('shows hostile conflict values as inert, wrapping text in the conflict picker', async () => {
    const meta = (key: string, label: string) => ({ key, label, type: 'text' as const, access: 'normal' as const });
    const conflict = (key: string, label: string, crm: string, erp: string): SyncConflict => ({
      field: meta(key, label),
      crmValue: crm,
      erpValue: erp,
      lastSyncedValue: 'old',
      crmDisplay: crm,
      erpDisplay: erp,
      lastSyncedDisplay: 'old',
      crmChangedBy: HOSTILE.bidi,
      erpChangedBy: HOSTILE.emoji,
      crmChangedAt: '2025-01-01T00:00:00.000Z',
      erpChangedAt: '2025-01-01T00:00:00.000Z',
    });
    const conflicts = [
      conflict('name', HOSTILE.html, HOSTILE.long, HOSTILE.url),
      conflict('notes', 'Notes', HOSTILE.bidi, HOSTILE.emoji),
    ];
    const el = fixtureSync<ErpConflictPicker>(
      html`<erp-conflict-picker lang="en" style="display: block; max-inline-size: 320px" .conflicts=${conflicts}></erp-conflict-picker>`,
    );
    await el.updateComplete;
    await until(() => deepElements(el.shadowRoot!).some((e) => e.textContent === HOSTILE.long), 'values shown');
    expectInert(el.shadowRoot!, [HOSTILE.html, HOSTILE.long, HOSTILE.url, HOSTILE.bidi, HOSTILE.emoji]);
    expectFits(el, 'conflict picker');
  });

  it('shows hostile history entries as inert, wrapping text in the history panel', async () => {
    const events: HistoryEvent[] = [
      {
        id: 'e1',
        kind: 'synced',
        at: '2025-01-01T00:00:00.000Z',
        by: HOSTILE.html,
        actorType: 'customer',
        erpKey: HOSTILE.bidi,
        changes: [
          { field: 'notes', label: HOSTILE.emoji, oldValue: HOSTILE.long, newValue: HOSTILE.url, side: 'erp' },
        ],
        reason: HOSTILE.long,
      },
    ];
    const backend = { getHistory: async () => ({ items: events, nextCursor: null }) } as unknown as ErpBackend;
    const el = fixtureSync<ErpHistory>(html`<erp-history
      lang="en"
      style="display: block; max-inline-size: 320px"
      .backend=${backend}
      .entity=${{ type: 'company', id: 'c1' }}
      .connectionId=${'conn-a'}
    ></erp-history>`);
    await until(() => el.shadowRoot!.querySelectorAll('li.event').length === 1, 'event shown');
    expectInert(el.shadowRoot!, [HOSTILE.html, HOSTILE.emoji, HOSTILE.url]);
    expect(deepElements(el.shadowRoot!).some((e) => e.textContent?.includes(HOSTILE.long)), 'long value shown').to.equal(true);
    expectFits(el, 'history panel');
  });
});
