// What the tab says about a link and how its actions look: the badge follows the link's real state,
// and only an action that cannot be undone looks dangerous.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { findButton, findByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import { LANGS, useTerms } from '../helpers/terms.js';

const W = useTerms({
  connected: 'tab.badgeLinked',
  failed: 'tab.badgeFailed',
  unreachable: 'tab.badgeUnreachable',
  syncNow: 'action.syncNow',
  retry: 'action.retry',
  edit: 'action.edit',
  cancel: 'action.cancel',
  disconnect: 'action.disconnect',
});

async function openTab(id: string, lang = 'en') {
  const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id=${id} lang=${lang}></erp-tab>`);
  const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
  return { el, section };
}

/** The text of the badge beside the connection's heading. */
const badge = (section: HTMLElement) => section.querySelector('header .badge')?.textContent?.trim() ?? '';

describe('<erp-tab> link states and action styles', () => {
  const sim = useSimulator();

  for (const lang of LANGS) {
    it(`the badge says when the last sync failed or the ERP does not answer, and Connected once it works (${lang})`, async () => {
      const w = W[lang];
      const { el, section } = await openTab('c4', lang);
      await until(() => badge(section) !== '', 'a badge');
      (await findButton(w.syncNow, section)).click();
      await until(() => badge(section) === w.failed, `the failed badge, got "${badge(section)}"`);

      sim().setFailingSync({ type: 'company', id: 'c4' }, 'conn-a', false);
      (await findButton(w.retry, section)).click();
      await until(() => badge(section) === w.connected, `Connected again, got "${badge(section)}"`);

      sim().faults.inject('syncNow', { kind: 'network' });
      const syncNow = await findButton(w.syncNow, section);
      await until(() => syncNow.getAttribute('aria-disabled') === 'false', 'Sync now ready again');
      syncNow.click();
      await until(() => badge(section) === w.unreachable, `the unreachable badge, got "${badge(section)}"`);
      await expect(el).to.be.accessible();
    });
  }

  it('Disconnect (undone by connecting again) looks like any other action', async () => {
    const { section } = await openTab('c1');
    (await findButton(W.en.edit, section)).click();
    const disconnect = await findButton(W.en.disconnect, section);
    const cancel = await findButton(W.en.cancel, section);
    const look = (b: HTMLElement) => {
      const s = getComputedStyle(b);
      return [s.color, s.backgroundColor, s.borderColor];
    };
    expect(look(disconnect)).to.deep.equal(look(cancel));
    disconnect.click();
    const confirm = await findByRole('dialog', { name: W.en.disconnect }, section.getRootNode() as ShadowRoot);
    const confirmButton = await findButton(W.en.disconnect, confirm);
    const cancelButton = await findButton(W.en.cancel, confirm);
    expect(look(confirmButton)).to.not.deep.equal(look(cancelButton), 'the confirming button stands out');
    const dangerColor = getComputedStyle(section).getPropertyValue('--_danger').trim();
    expect(dangerColor, 'the theme has a danger color').to.not.equal('');
    expect(look(confirmButton).join(' ')).to.not.contain(toRgb(dangerColor));
  });
});

/** `#b42318` as getComputedStyle writes it: `rgb(180, 35, 24)`. */
function toRgb(hex: string): string {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
