import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { RestAdminBackend } from '../../src/backend/rest-backend.js';
import { createHandlers, ErpSimulator, persistTo, type StateStorage } from '../../simulated-erp/index.js';
import { rejection } from '../helpers/problems.js';

const worker = setupWorker();
const company = (id: string) => ({ type: 'company' as const, id });

/** A fresh simulator served by msw for one test. */
function serve(): { sim: ErpSimulator; api: RestAdminBackend } {
  const sim = new ErpSimulator();
  worker.use(...createHandlers(sim));
  return { sim, api: new RestAdminBackend({ baseUrl: '/api/erp', timeoutMs: 5000 }) };
}


class MemoryStorage implements StateStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

describe('mock ERP handlers (msw) with the REST client', () => {
  before(async () => {
    await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  });
  afterEach(() => worker.resetHandlers());

  it('serves the entity state and searches every route of the client', async () => {
    const { api } = serve();
    const state = await api.getEntityState(company('c1'));
    expect(state.connections[0]!.link!.displayName).to.equal('ACME Limited');
    const page = await api.searchActors('conn-a', 'customer', { text: '', limit: 10, cursor: '20' });
    expect(page).to.include({ total: 100_000, nextCursor: '30' });
    const persons = await api.searchActors('conn-a', 'person', { text: '', parentKey: '100001' });
    expect(persons.rows.every((r) => r.key.startsWith('100001-'))).to.equal(true);
    expect(await api.getSearchableFields('conn-b', 'customer')).to.deep.equal([]);
    expect((await api.getList('conn-a', 'currencies')).map((i) => i.id)).to.include('EUR');
    const fields = await api.getNewActorFields(company('c6'), 'conn-a', 'customer');
    expect(fields.fields.map((f) => f.field.key)).to.include('paymentTerms');
    const suggestions = await api.getMatchSuggestions(company('c2'), 'conn-a', 'customer');
    expect(suggestions[0]!.key).to.equal('100002');
    const history = await api.getHistory(company('c1'), 'conn-a', null);
    expect(history.items).to.have.length(20);
    const more = await api.getHistory(company('c1'), 'conn-a', history.nextCursor);
    expect(more.items.length).to.be.greaterThan(0);
    expect((await api.listConnections()).map((c) => c.name)).to.include('Legacy AX');
    expect((await api.listPrincipals('sales')).map((x) => x.id)).to.deep.equal(['u-ben', 'g-sales']);
  });

  it('sends If-Match and Idempotency-Key: a retry saves once, a stale version gets 409', async () => {
    const { sim, api } = serve();
    const { version } = (await api.getEntityState(company('c6'))).connections[0]!;
    const compared = await api.compare(company('c6'), { connectionId: 'conn-a', actorType: 'customer', erpKey: '100007' });
    const choices = Object.fromEntries(compared.fields.filter((f) => f.differs).map((f) => [f.field.key, 'crm' as const]));
    const request = { actorType: 'customer' as const, erpKey: '100007', choices };
    const first = await api.saveLink(company('c6'), 'conn-a', request, { version, idempotencyKey: 'idem-1' });
    const retry = await api.saveLink(company('c6'), 'conn-a', request, { version, idempotencyKey: 'idem-1' });
    expect(retry).to.deep.equal(first);
    expect(sim.getHistory(company('c6'), 'conn-a', null).items.filter((e) => e.kind === 'linked')).to.have.length(2); // one seeded, one new
    const stale = await rejection(api.removeLink(company('c6'), 'conn-a', { version, idempotencyKey: 'idem-2' }));
    expect(stale).to.include({ status: 409, code: 'version-conflict' });
  });

  it('answers problems as application/problem+json', async () => {
    serve();
    const response = await fetch('/api/erp/connections/conn-a/actor-types/person/search', {
      method: 'POST',
      body: JSON.stringify({ text: '' }),
    });
    expect(response.status).to.equal(422);
    expect(response.headers.get('content-type')).to.equal('application/problem+json');
    expect(await response.json()).to.include({ code: 'parent-required', status: 422, field: '/parentKey' });
    const noIfMatch = await fetch('/api/erp/entities/company/c2/links/conn-a', { method: 'PUT', body: '{"actorType":"customer","erpKey":"100002","choices":{}}' });
    expect(noIfMatch.status).to.equal(428);
  });

  it('reports a connector error on Sync now and keeps it on the link', async () => {
    const { api } = serve();
    const problem = await rejection(api.syncNow(company('c4'), 'conn-a'));
    expect(problem).to.include({ status: 502, code: 'connector-error' });
    const link = (await api.getEntityState(company('c4'))).connections[0]!.link!;
    expect(link).to.include({ status: 'error' });
  });

  it('injects problems, malformed bodies, dropped connections and latency', async () => {
    const { sim, api } = serve();
    sim.faults.inject('getEntityState', { kind: 'problem', status: 503, code: 'erp-down', detail: 'Maintenance', times: 1 });
    expect(await rejection(api.getEntityState(company('c1')))).to.include({ status: 503, code: 'erp-down', detail: 'Maintenance' });
    expect((await api.getEntityState(company('c1'))).available).to.equal(true);

    sim.faults.set('searchActors', { kind: 'malformed', times: 1 });
    expect((await rejection(api.searchActors('conn-a', 'customer', { text: '' }))).code).to.equal('malformed-response');

    sim.faults.set('syncNow', { kind: 'network', times: 1 });
    expect((await rejection(api.syncNow(company('c1'), 'conn-a'))).code).to.equal('network-error');
    expect(sim.getEntityState(company('c1')).connections[0]!.link!.status).to.equal('ok');

    // A held answer: the request is provably in flight until released, and answers after.
    const held = sim.faults.hold('listConnectors');
    const listed = api.listConnectors();
    await held.arrived;
    expect(sim.faults.answered('listConnectors')).to.equal(0);
    held.release();
    expect((await listed).length).to.be.greaterThan(0);
    expect(sim.faults.answered('listConnectors')).to.equal(1);
  });

  it('persists every change and restores it in a new simulator', async () => {
    const { sim, api } = serve();
    const storage = new MemoryStorage();
    const stop = persistTo(sim, storage, 'state');
    const { version } = (await api.getEntityState(company('c1'))).connections[0]!;
    await api.removeLink(company('c1'), 'conn-a', { version, idempotencyKey: 'rm-1' });
    stop();
    const restored = new ErpSimulator();
    persistTo(restored, storage, 'state');
    expect(restored.getEntityState(company('c1')).connections[0]!.link).to.equal(null);
    storage.setItem('broken', '{not json');
    persistTo(new ErpSimulator(), storage, 'broken');
    expect(storage.getItem('broken')).to.equal(null);
  });
});
