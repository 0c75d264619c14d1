import { expect, fixture, html } from '@open-wc/testing';
import { nextEvent } from '../helpers/events.js';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { configure } from '../../src/backend/config.js';
import { findButton, findByRole, findByText, queryAllByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import { useTerms } from '../helpers/terms.js';

// The words these tests look for in de, da and nl, as the translators wrote them.
const W = useTerms({ customer: 'actor.customer', edit: 'action.edit', syncNow: 'action.syncNow' });

const tab = (type: string, id: string) =>
  fixture<ErpTab>(html`<erp-tab entity=${type} entity-id=${id}></erp-tab>`);

describe('<erp-tab> read view (simulated ERP)', () => {
  const sim = useSimulator();

  it('shows one section per usable connection with the linked actor and its fields', async () => {
    const el = await tab('company', 'c1');
    const contoso = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    expect(await findByRole('region', { name: 'Northwind Finance' }, el.shadowRoot!)).to.exist;
    expect(await findByText('Customer', {}, contoso)).to.exist;
    expect(await findByText('100001', {}, contoso)).to.exist;
    expect(await findByText('ACME Limited', {}, contoso)).to.exist;
    expect(await findByText('Last synchronized', {}, contoso)).to.exist;
    expect(el.available).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows numbers in the UI language and list values as their text', async () => {
    const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c1" lang="de"></erp-tab>`);
    const contoso = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    await findByText(W.de.customer, {}, contoso);
    const values = Array.from(contoso.shadowRoot?.querySelectorAll('dd') ?? contoso.querySelectorAll('dd')).map(
      (dd) => dd.textContent?.trim(),
    );
    // A German number has a comma for decimals and dots for thousands.
    expect(values.some((v) => /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(v ?? ''))).to.equal(true, values.join(' | '));
  });

  it('tells an unlinked record how to connect', async () => {
    const el = await tab('company', 'c2');
    const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    expect(await findByText('This record is not connected to Contoso ERP yet.', {}, section)).to.exist;
    expect(await findButton('Edit', section)).to.exist;
    expect(queryAllByRole('button', { name: 'Sync now' }, section)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  for (const [user, reason] of [
    ['u-dora', 'no-access'],
    ['u-carl', 'no-licence'],
  ] as const) {
    it(`renders nothing visible and tells the host why (${reason})`, async () => {
      sim().setCurrentUser(user);
      const el = document.createElement('erp-tab');
      el.setAttribute('entity', 'company');
      el.setAttribute('entity-id', 'c1');
      const event = nextEvent(el, 'erp-availability-change');
      document.body.append(el);
      try {
        const { available, reason: why } = await event;
        expect(available).to.equal(false);
        expect(why).to.equal(reason);
        expect(el.available).to.equal(false);
        expect(el.unavailableReason).to.equal(reason);
        await el.updateComplete;
        expect(el.getBoundingClientRect().height).to.equal(0);
        expect(el.shadowRoot!.textContent!.trim()).to.equal('');
      } finally {
        el.remove();
      }
    });
  }

  it('shows a localized error with Retry when the load fails, and recovers', async () => {
    sim().faults.inject('getEntityState', { kind: 'problem', status: 503, code: 'unavailable', times: 1 });
    const el = await tab('company', 'c1');
    const alert = await findByRole('alert', {}, el.shadowRoot!);
    expect(alert.textContent).to.contain('The ERP data could not be loaded.');
    expect(alert.textContent).to.contain('not available right now');
    await expect(el).to.be.accessible();
    (await findButton('Retry', el.shadowRoot!)).click();
    expect(await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!)).to.exist;
    expect(queryAllByRole('alert', {}, el.shadowRoot!)).to.have.length(0);
  });

  for (const [fault, text] of [
    [{ kind: 'malformed' }, 'could not be read'],
    [{ kind: 'network' }, 'could not be reached'],
  ] as const) {
    it(`says what went wrong for a ${fault.kind} answer`, async () => {
      sim().faults.inject('getEntityState', fault);
      const el = await tab('company', 'c1');
      const alert = await findByRole('alert', {}, el.shadowRoot!);
      expect(alert.textContent).to.contain(text);
    });
  }

  it('times out a backend that does not answer, with a message', async () => {
    configure({ timeoutMs: 200 });
    sim().faults.inject('getEntityState', { kind: 'latency', ms: 2000, times: 1 });
    const el = await tab('company', 'c1');
    const alert = await findByRole('alert', {}, el.shadowRoot!);
    expect(alert.textContent).to.contain('took too long');
  });

  it('renders hostile ERP strings as text', async () => {
    const el = await tab('company', 'c5');
    const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    expect(await findByText('<img src=x onerror=alert(1)>', {}, section)).to.exist;
    expect(section.querySelector('img')).to.equal(null);
  });

  it('Sync now updates the time and tells the host', async () => {
    const el = await tab('company', 'c1');
    const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    const synced = nextEvent(el, 'erp-sync');
    const before = new Date().toISOString().slice(0, 19); // whole seconds: the simulator's clock
    (await findButton('Sync now', section)).click();
    const event = await synced;
    expect(event.connectionId).to.equal('conn-a');
    expect(event.lastSynced!.slice(0, 19) >= before, `${event.lastSynced} is not after ${before}`).to.equal(true);
    expect((await findByRole('status', { name: undefined }, section)).textContent).to.contain('Synchronized.');
    expect(await findByText('now', {}, section)).to.exist;
  });

  it('a double click on Sync now sends one request', async () => {
    let calls = 0;
    configure({
      fetch: (input, init) => {
        if (String(input).endsWith('/sync')) calls++;
        return fetch(input, init);
      },
    });
    try {
      const el = await tab('company', 'c1');
      const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
      const button = await findButton('Sync now', section);
      button.click();
      button.click();
      button.click();
      await findByText('Synchronized.', {}, section);
      expect(calls).to.equal(1);
    } finally {
      configure({ fetch: undefined });
    }
  });

  it('Sync now failure shows the connector error and can be retried', async () => {
    const el = await tab('company', 'c4');
    const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    const failed = nextEvent(el, 'erp-error');
    (await findButton('Sync now', section)).click();
    expect((await failed).operation).to.equal('syncNow');
    const alert = await findByRole('alert', {}, section);
    expect(alert.textContent).to.contain('The ERP reported an error');
    sim().setFailingSync({ type: 'company', id: 'c4' }, 'conn-a', false);
    (await findButton('Retry', section)).click();
    await findByText('Synchronized.', {}, section);
    await until(() => queryAllByRole('alert', {}, section).length === 0, 'the error goes away');
  });

  it('Edit enters edit mode and Cancel leaves it', async () => {
    const el = await tab('company', 'c1');
    const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    (await findButton('Edit', section)).click();
    const cancel = await findButton('Cancel', section);
    expect(await findButton('Save', section)).to.have.attribute('aria-disabled', 'true');
    cancel.click();
    expect(await findButton('Edit', section)).to.exist;
  });

  it('follows the language of the nearest lang attribute and switches live', async () => {
    // A plain wrapper, not fixture(): fixture() of a <div> waits for a frame a background page may not get.
    const wrapper = document.createElement('div');
    wrapper.lang = 'de';
    const el = document.createElement('erp-tab');
    el.setAttribute('entity', 'company');
    el.setAttribute('entity-id', 'c1');
    wrapper.append(el);
    document.body.append(wrapper);
    try {
      const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
      expect(await findButton(W.de.edit, section)).to.exist;
      expect(await findButton(W.de.syncNow, section)).to.exist;
      wrapper.setAttribute('lang', 'da');
      expect(await findButton(W.da.edit, section)).to.exist;
      expect(await findButton(W.da.syncNow, section)).to.exist;
      wrapper.setAttribute('lang', 'nl');
      expect(await findButton(W.nl.edit, section)).to.exist;
      expect(await findButton(W.nl.syncNow, section)).to.exist;
      expect(await findByText(W.nl.customer, {}, section)).to.exist;
      wrapper.setAttribute('lang', 'en');
      expect(await findButton('Edit', section)).to.exist;
    } finally {
      wrapper.remove();
    }
  });
});
