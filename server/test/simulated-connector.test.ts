// The simulated ERP connector: its name index finds exactly what a scan of every name finds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErpSimulator } from '../../demo/mock-erp/simulator.js';
import { queryActors } from '../../demo/mock-erp/search.js';

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
