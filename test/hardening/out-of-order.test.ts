// Responses arriving out of order: when <erp-tab>'s entity-id changes while the first record's state is
// still loading, the older answer must never be shown (over the simulated ERP, and with a host backend
// that ignores the abort signal and answers late anyway). The first answer is held until the second
// has been drawn, so the order is certain on any machine.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import type { ErpBackend } from '../../src/backend/erp-backend.js';
import type { EntityErpState } from '../../src/model/types.js';
import { RestBackend } from '../../src/backend/rest-backend.js';
import { findButton, findByRole, findByText, queryAllByText, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import { deferred, nextTask } from '../helpers/events.js';
import { configure } from '../../src/backend/config.js';

const notConnected = 'This record is not connected to Contoso ERP yet.';
const c1Shown = (el: ErpTab) => queryAllByText('ACME Limited', el.shadowRoot!).length > 0;

describe('out-of-order responses in <erp-tab>', () => {
  const sim = useSimulator();

  afterEach(() => configure({ fetch: undefined }));

  it('never shows the slow first record after switching entity-id (simulated ERP)', async () => {
    // The page's request for c1 settles (answered or aborted) before the check.
    const c1Over = deferred();
    configure({
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const c1 = String(input instanceof Request ? input.url : input).includes('/company/c1/');
        try {
          return await fetch(input, init);
        } finally {
          if (c1) c1Over.resolve();
        }
      },
    });
    const first = sim().faults.hold('getEntityState'); // c1 answers only when released
    const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c1"></erp-tab>`);
    await first.arrived;
    el.setAttribute('entity-id', 'c2');
    expect(await findByText(notConnected, {}, el.shadowRoot!)).to.exist;
    first.release();
    await first.answered;
    await c1Over.promise;
    await nextTask();
    await el.updateComplete;
    expect(c1Shown(el), 'c1 (ACME Limited) shown after switching to c2').to.equal(false);
    expect(queryAllByText(notConnected, el.shadowRoot!)).to.not.be.empty;
  });

  it('ignores a late answer even from a backend that does not honour the abort signal', async () => {
    const rest = new RestBackend();
    const answered: string[] = [];
    const c1Released = deferred();
    const c1Done = deferred();
    const c1Arrived = deferred();
    const backend = {
      ...Object.fromEntries(
        Object.getOwnPropertyNames(RestBackend.prototype)
          .filter((name) => name !== 'constructor' && name !== 'request')
          .map((name) => [name, (...args: unknown[]) => (rest as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args)]),
      ),
      // No signal passed on: the first request completes and resolves after the second.
      getEntityState: async (entity: { type: 'company'; id: string }): Promise<EntityErpState> => {
        if (entity.id === 'c1') c1Arrived.resolve();
        const state = await rest.getEntityState(entity);
        if (entity.id === 'c1') await c1Released.promise;
        answered.push(entity.id);
        if (entity.id === 'c1') queueMicrotask(c1Done.resolve);
        return state;
      },
    } as unknown as ErpBackend;
    const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c1" .backend=${backend}></erp-tab>`);
    await c1Arrived.promise;
    el.entityId = 'c2';
    expect(await findByText(notConnected, {}, el.shadowRoot!)).to.exist;
    c1Released.resolve();
    await c1Done.promise;
    expect(answered, 'both answers arrived, c1 last').to.deep.equal(['c2', 'c1']);
    await nextTask();
    await el.updateComplete;
    expect(c1Shown(el), 'the late c1 answer replaced c2').to.equal(false);
    expect(queryAllByText(notConnected, el.shadowRoot!)).to.not.be.empty;
  });

  it('keeps what Sync now answered when a reload that read the record before it answers after it', async () => {
    const rest = new RestBackend();
    let hold: { arrived: ReturnType<typeof deferred>; release: ReturnType<typeof deferred>; done: ReturnType<typeof deferred> } | null = null;
    const backend = Object.assign(Object.create(rest) as ErpBackend, {
      // The held load reads the record first, then answers only when released: its state is older.
      getEntityState: async (entity: { type: 'company'; id: string }, options?: { signal?: AbortSignal }) => {
        const state = await rest.getEntityState(entity, options);
        const held = hold;
        if (held) {
          hold = null;
          held.arrived.resolve();
          await held.release.promise;
          queueMicrotask(held.done.resolve);
        }
        return state;
      },
    });
    const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c1" .backend=${backend}></erp-tab>`);
    const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    const syncedAt = () => section.querySelector('time')?.getAttribute('datetime') ?? '';
    await until(() => syncedAt() !== '', 'the last synchronization shown');
    const before = syncedAt();

    hold = { arrived: deferred(), release: deferred(), done: deferred() };
    const { arrived, release, done } = hold;
    el.reload();
    await arrived.promise;
    (await findButton('Sync now', section)).click();
    await until(() => syncedAt() !== before, 'the synchronization shown');
    const after = syncedAt();
    release.resolve();
    await done.promise;
    await nextTask();
    await el.updateComplete;
    expect(syncedAt(), 'the older reload put back the time before Sync now').to.equal(after);
  });
});
