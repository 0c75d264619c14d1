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

  // What an attack on the tab found drawn: "Last successful sync: NOT-A-DATE-xyz", "1e+308 pending
  // changes", and three sections for duplicate connection ids.
  const semantic: [string, (s: { connections: Record<string, unknown>[] }) => void, string][] = [
    ['a date that is not a date', (s) => ((s.connections[0]!.link as Record<string, unknown>).lastSynced = 'NOT-A-DATE-xyz'), 'NOT-A-DATE-xyz'],
    ['a count out of range', (s) => ((s.connections[0]!.link as Record<string, unknown>).pendingChanges = 1e308), '1e+308'],
    ['duplicate connection ids', (s) => s.connections.push(structuredClone(s.connections[0]!), structuredClone(s.connections[0]!)), 'ACME Limited'],
  ];
  for (const [name, breakIt, shown] of semantic) {
    it(`shows the contract error, not the value, for ${name}`, async () => {
      const real = await new RestBackend().getEntityState({ type: 'company', id: 'c1' });
      const broken = structuredClone(real) as unknown as { connections: Record<string, unknown>[] };
      breakIt(broken);
      sim().faults.inject('getEntityState', { kind: 'body', body: broken, times: 1 });
      const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c1"></erp-tab>`);
      const alert = await findByRole('alert', {}, el.shadowRoot!);
      expect(alert.textContent).to.contain('unexpected format');
      expect(el.shadowRoot!.textContent, 'nothing of the answer drawn').to.not.contain(shown);
      expect(el.shadowRoot!.querySelectorAll('[role="region"]').length, 'no connection section').to.equal(0);
    });
  }
});
