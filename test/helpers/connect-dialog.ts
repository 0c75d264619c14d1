import { fixtureSync, html } from '@open-wc/testing';
import '../../src/define/erp-connect-dialog.js';
import { RestBackend } from '../../src/backend/rest-backend.js';
import type { ErpConnectDialog } from '../../src/elements/erp-connect-dialog/erp-connect-dialog.js';
import { findByRole } from './queries.js';

/**
 * Shows <erp-connect-dialog> for CRM company `entityId` on Contoso ERP (conn-a) of the simulated ERP
 * (useSimulator()), over the REST client; `name` replaces the record's name it searches for.
 */
export async function showConnectDialog(entityId: string, name?: string) {
  const backend = new RestBackend();
  const entity = { type: 'company' as const, id: entityId };
  const state = await backend.getEntityState(entity);
  const connection = state.connections.find((c) => c.id === 'conn-a')!;
  const el = fixtureSync<ErpConnectDialog>(html`<erp-connect-dialog
    lang="en"
    .backend=${backend}
    .connection=${connection}
    .entity=${{ ...entity, name: name ?? state.entity.name }}
    .actorType=${'customer'}
  ></erp-connect-dialog>`);
  await el.updateComplete;
  await el.show();
  const root = el.shadowRoot!;
  const dialog = await findByRole('dialog', { name: 'Connect to ERP' }, root);
  return { el, root, dialog, state };
}
