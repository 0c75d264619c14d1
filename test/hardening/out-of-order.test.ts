// Responses arriving out of order: when <erp-tab>'s entity-id changes while the first record's state is
// still loading, the older answer must never be shown (over the simulated ERP, and with a host backend
// that ignores the abort signal and answers late anyway).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import type { ErpBackend } from '../../src/backend/erp-backend.js';
import { RestBackend } from '../../src/backend/rest-backend.js';
import { findByText, queryAllByText } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const c1Shown = (el: ErpTab) => queryAllByText('ACME Limited', el.shadowRoot!).length > 0;

describe('out-of-order responses in <erp-tab>', () => {
  const sim = useSimulator();

  it('never shows the slow first record after switching entity-id (simulated ERP)', async () => {
    sim().faults.inject('getEntityState', { kind: 'latency', ms: 600, times: 1 }); // c1 answers late
    const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c1"></erp-tab>`);
    await sleep(50);
    el.setAttribute('entity-id', 'c2');
    expect(await findByText('This record is not connected to Contoso ERP yet.', {}, el.shadowRoot!)).to.exist;
    await sleep(800); // c1's answer would have arrived by now
    await el.updateComplete;
    expect(c1Shown(el), 'c1 (ACME Limited) shown after switching to c2').to.equal(false);
    expect(queryAllByText('This record is not connected to Contoso ERP yet.', el.shadowRoot!)).to.not.be.empty;
  });

  it('ignores a late answer even from a backend that does not honour the abort signal', async () => {
    const rest = new RestBackend();
    const answered: string[] = [];
    const backend = {
      ...Object.fromEntries(
        Object.getOwnPropertyNames(RestBackend.prototype)
          .filter((name) => name !== 'constructor' && name !== 'request')
          .map((name) => [name, (...args: unknown[]) => (rest as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args)]),
      ),
      // No signal passed on: the first (slow) request completes and resolves after the second.
      getEntityState: async (entity: { type: 'company'; id: string }) => {
        const state = await rest.getEntityState(entity);
        if (entity.id === 'c1') await sleep(500);
        answered.push(entity.id);
        return state;
      },
    } as unknown as ErpBackend;
    const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c1" .backend=${backend}></erp-tab>`);
    await sleep(100);
    el.entityId = 'c2';
    expect(await findByText('This record is not connected to Contoso ERP yet.', {}, el.shadowRoot!)).to.exist;
    for (let i = 0; i < 40 && !answered.includes('c1'); i++) await sleep(50);
    expect(answered, 'both answers arrived, c1 last').to.deep.equal(['c2', 'c1']);
    await el.updateComplete;
    await sleep(50);
    expect(c1Shown(el), 'the late c1 answer replaced c2').to.equal(false);
  });
});
