// The simulated ERP connector: its name index finds exactly what a scan of every name finds; a
// search answers only the fields asked for.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { buildSimulatedConnector } from '../../connectors/simulated/app.js';
import { CONNECTIONS } from '../../simulated-erp/seed-config.js';
import { ErpSimulator } from '../../simulated-erp/simulator.js';
import { queryActors } from '../../simulated-erp/search.js';

describe('simulated connector: indexed text search', () => {
  const indexed = new ErpSimulator({ indexNames: true });
  const scanned = new ErpSimulator();
  // A changed name and a created actor: both must be found although the index predates them.
  for (const sim of [indexed, scanned]) {
    sim.setErpValues('conn-a', 'customer', '100020', { name: 'Zyxwv Renamed Holding' });
    sim.actors.create('conn-a', 'customer', { name: 'Zyxwv Created Trading' });
  }
  const texts = ['brandt', 'nord', 'logist', 'gmbh', 'zyxwv', 'renamed', 'ab', 'xq', 'ltd', 'acme limited', '1000', 'p-9'];
  for (const text of texts) {
    it(`"${text}": same page, total and cursor as a full scan`, () => {
      for (const cursor of [null, '0', '200']) {
        const q = { text, limit: 50, cursor };
        const a = queryActors(indexed.actors.source('conn-a', 'customer'), 'customer', q);
        const b = queryActors(scanned.actors.source('conn-a', 'customer'), 'customer', q);
        assert.deepEqual(a.actors.map((x) => x.key), b.actors.map((x) => x.key));
        assert.equal(a.total, b.total);
        assert.equal(a.nextCursor, b.nextCursor);
      }
    });
  }
  it('finds the changed and the created name', () => {
    const found = queryActors(indexed.actors.source('conn-a', 'customer'), 'customer', { text: 'zyxwv' });
    assert.equal(found.total, 2);
  });
});

describe('simulated connector: search over the protocol', () => {
  let app: Awaited<ReturnType<typeof buildSimulatedConnector>>;
  let url: string;
  before(async () => {
    app = await buildSimulatedConnector();
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/contoso`;
  });
  after(() => app.close());
  const CONFIG = CONNECTIONS.find((c) => c.id === 'conn-a')!.config;
  const search = async (extra: object) => {
    const res = await fetch(`${url}/actors/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ config: CONFIG, actorType: 'customer', text: 'nord', limit: 5, ...extra }),
    });
    assert.equal(res.status, 200);
    return (await res.json()) as { actors: { erpKey: string; lastModified: string; values: Record<string, unknown> }[]; total: number };
  };

  it('answers only the fields asked for, the same actors and total', async () => {
    const whole = await search({});
    const some = await search({ fields: ['name', 'city', 'no-such-field'] });
    assert.ok(Object.keys(whole.actors[0]!.values).length > 3);
    assert.deepEqual(some.actors.map((a) => Object.keys(a.values).sort()), some.actors.map(() => ['city', 'name']));
    assert.deepEqual(some.actors.map((a) => [a.erpKey, a.lastModified, a.values.name, a.values.city]), whole.actors.map((a) => [a.erpKey, a.lastModified, a.values.name, a.values.city]));
    assert.equal(some.total, whole.total);
  });
});
