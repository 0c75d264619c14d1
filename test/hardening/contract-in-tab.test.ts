// A response that breaks the contract is never rendered as partial data: <erp-tab> shows the localized
// contract error (with Retry) instead of the parts of the answer that happened to be fine.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { RestBackend } from '../../src/backend/rest-backend.js';
import { findButton, findByRole, findByText, queryAllByText } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';

describe('contract violations in <erp-tab>', () => {
  const sim = useSimulator();

  it('shows the contract error instead of a partly valid record, and recovers on Retry', async () => {
    const real = await new RestBackend().getEntityState({ type: 'company', id: 'c1' });
    const broken = structuredClone(real) as unknown as { connections: { version: unknown }[] };
    broken.connections[broken.connections.length - 1]!.version = 42; // the last connection breaks; the first is fine
    sim().faults.inject('getEntityState', { kind: 'body', body: broken, times: 1 });
    const errors: string[] = [];
    const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c1" @erp-error=${(e: Event) => errors.push(e.type)}></erp-tab>`);
    const alert = await findByRole('alert', {}, el.shadowRoot!);
    expect(alert.textContent).to.contain('unexpected format');
    expect(queryAllByText('ACME Limited', el.shadowRoot!), 'no partial data').to.have.length(0);
    expect(errors).to.deep.equal(['erp-error']);
    (await findButton('Retry', el.shadowRoot!)).click();
    expect(await findByText('ACME Limited', {}, el.shadowRoot!)).to.exist;
  });
});
