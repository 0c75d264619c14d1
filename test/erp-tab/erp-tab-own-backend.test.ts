import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import type { ErpBackend } from '../../src/index.js';
import type { EntityErpState } from '../../src/model/types.js';
import { findByRole, findByText } from '../helpers/queries.js';

const state: EntityErpState = {
  entity: { type: 'company', id: 'x1', name: 'Host Co' },
  available: true,
  connections: [
    {
      id: 'own',
      name: 'Host adapter ERP',
      actorTypes: [{ type: 'customer', available: true }],
      link: {
        actorType: 'customer',
        erpKey: 'K-77',
        displayName: '<b>Not bold</b>',
        lastSynced: new Date(Date.now() - 5 * 60_000).toISOString(),
        status: 'ok',
      },
      fields: [],
      canCreateActors: true,
      supportsAdvancedSearch: false,
      version: '1',
    },
  ],
};

describe('<erp-tab> with a host-provided backend', () => {
  it('uses element.backend instead of REST and renders ERP strings as text', async () => {
    const calls: string[] = [];
    const backend = {
      getEntityState: async (entity: { type: string; id: string }) => {
        calls.push(`${entity.type}/${entity.id}`);
        return state;
      },
    } as unknown as ErpBackend;
    const el = await fixture(html`<erp-tab entity="company" entity-id="x1" .backend=${backend}></erp-tab>`);
    expect(await findByRole('heading', { name: 'Host adapter ERP' })).to.exist;
    expect(calls).to.deep.equal(['company/x1']);
    const name = await findByText('<b>Not bold</b>');
    expect(name.querySelector('b')).to.equal(null);
    expect(await findByText('5 minutes ago')).to.exist;
    await expect(el).to.be.accessible();
  });
});
