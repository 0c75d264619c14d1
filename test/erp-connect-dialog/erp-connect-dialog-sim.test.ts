// The main flows against the simulated ERP (100,000 customers in conn-a), served over REST by msw
// through the shared harness; the REST client is wrapped only to record which calls were made.
import { expect, fixtureSync, html, oneEvent } from '@open-wc/testing';
import '../../src/define/erp-connect-dialog.js';
import type { ErpBackend } from '../../src/backend/erp-backend.js';
import { RestBackend } from '../../src/backend/rest-backend.js';
import type { ErpConnectDialog } from '../../src/elements/erp-connect-dialog/erp-connect-dialog.js';
import type { ErpConnectEvent } from '../../src/events/erp-connect.js';
import type { ActorType, EntityRef, SearchRequest } from '../../src/model/types.js';
import { deepElements, findButton, findByRole, queryAllByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';

interface Recorded {
  method: string;
  args: unknown[];
  /** What the call returned (its promise). */
  result?: unknown;
}

function recording(backend: ErpBackend, calls: Recorded[]): ErpBackend {
  return new Proxy(backend, {
    get(target, method, receiver) {
      const value = Reflect.get(target, method, receiver);
      if (typeof method !== 'string' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const call: Recorded = { method, args };
        calls.push(call);
        return (call.result = (value as (...a: unknown[]) => unknown).apply(target, args));
      };
    },
  });
}

async function openOnSim(entity: EntityRef, connectionId: string, actorType: ActorType, lang = 'en') {
  const calls: Recorded[] = [];
  const backend = recording(new RestBackend(), calls);
  const state = await backend.getEntityState(entity);
  const connection = state.connections.find((c) => c.id === connectionId)!;
  // fixtureSync: fixture() on a plain <div> waits for an animation frame, which never comes while
  // the page is hidden (the runner runs two test pages at once).
  const wrapper = fixtureSync<HTMLDivElement>(html`<div lang=${lang}>
    <button type="button">Open</button>
    <erp-connect-dialog
      .backend=${backend}
      .connection=${connection}
      .entity=${{ ...entity, name: state.entity.name }}
      .actorType=${actorType}
    ></erp-connect-dialog>
  </div>`);
  const el = wrapper.querySelector('erp-connect-dialog') as ErpConnectDialog;
  await el.updateComplete;
  wrapper.querySelector('button')!.focus();
  await el.show();
  await findByRole('dialog', { name: 'Connect to ERP' }, el.shadowRoot!);
  return { calls, el, root: el.shadowRoot!, connection, state };
}

const options = (root: ParentNode) => queryAllByRole('option', {}, root).filter((o) => o.getAttribute('role') === 'option');
const status = (root: ParentNode) => root.querySelector('[role="status"]')!.textContent!.trim();
const searches = (calls: Recorded[]) => calls.filter((c) => c.method === 'searchActors').map((c) => c.args[2] as SearchRequest);

describe('<erp-connect-dialog> on the simulated ERP', () => {
  const sim = useSimulator();

  it('finds the record whose ERP name lacks the legal form, and says what an empty search looked for', async () => {
    const { root } = await openOnSim({ type: 'company', id: 'c2', name: '' }, 'conn-a', 'customer');
    await until(() => options(root).length > 0, 'the pre-run search found something');
    // The CRM says "Brandt Maschinenbau GmbH", the ERP "Brandt Maschinenbau" (and "… AG").
    const names = options(root).map((o) => o.textContent!);
    expect(names.some((n) => n.includes('Brandt Maschinenbau') && n.includes('100002'))).to.equal(true);
    expect(queryAllByRole('button', { name: 'Show all records' }, root)).to.have.length(0);

    const input = (await findByRole('textbox', { name: 'Search text' }, root)) as HTMLInputElement;
    input.value = 'Brandt Zeppelinwerke';
    input.dispatchEvent(new Event('input'));
    (await findButton('Search', root)).click();
    await until(() => status(root).startsWith('No results'), 'nothing found');
    expect(status(root)).to.equal('No results for “Brandt Zeppelinwerke”: no name in the ERP holds all of its words.');
    expect(options(root)).to.have.length(0);
    (await findButton('Show all records', root)).click();
    await until(() => status(root).startsWith('100,'), 'every customer');
    expect(input.value).to.equal('');
    expect(queryAllByRole('button', { name: 'Show all records' }, root)).to.have.length(0);
  });

  it('searches the record name, lists 100,000 customers a page at a time, and connects through the picker', async () => {
    const { calls, el, root } = await openOnSim({ type: 'company', id: 'c2', name: '' }, 'conn-a', 'customer');
    await until(() => status(root) !== '' && status(root) !== 'Searching…', 'initial search');
    expect(searches(calls)[0].text).to.equal('Brandt Maschinenbau GmbH');

    // Empty search: every customer, one page in the DOM, count announced.
    const input = (await findByRole('textbox', { name: 'Search text' }, root)) as HTMLInputElement;
    input.value = '';
    input.dispatchEvent(new Event('input'));
    (await findButton('Search', root)).click();
    await until(() => status(root).startsWith('100,'), 'all customers counted');
    expect(options(root).length).to.be.at.most(50);
    expect(status(root)).to.match(/^100,0\d\d results, 50 shown$/);
    (await findButton('Load more', root)).click();
    await until(() => /100 shown$/.test(status(root)), 'second page');
    // Windowed: rows near the viewport are rendered, each with its place in the whole set.
    expect(options(root).length).to.be.at.most(50);
    expect(options(root)[0].getAttribute('aria-setsize')).to.equal(status(root).match(/^([\d,]+) results/)![1].replace(/,/g, ''));

    // Back to the record's match, select it, Connect, finish in the real conflict picker.
    input.value = 'Brandt';
    input.dispatchEvent(new Event('input'));
    (await findButton('Search', root)).click();
    await until(() => status(root) === '2 results', 'Brandt hits');
    options(root)[0].click();
    (await findButton('Connect', root)).click();
    const picker = await until(() => root.querySelector('erp-conflict-picker'), 'picker').then(
      () => root.querySelector('erp-conflict-picker')!,
    );
    const request = calls.find((c) => c.method === 'compare')!.args[1] as { erpKey: string };
    expect(request.erpKey).to.be.a('string');
    await expect(el).to.be.accessible();
    const takeAllErp = queryAllByRole('button', { name: 'Take all from ERP' }, picker.shadowRoot!)[0];
    takeAllErp?.click();
    const connected = oneEvent(el, 'erp-connect') as Promise<ErpConnectEvent>;
    const connect = await findButton('Connect', picker.shadowRoot!);
    await until(() => connect.getAttribute('aria-disabled') !== 'true' && !connect.disabled, 'picker ready');
    connect.click();
    const { pending } = await connected;
    expect(pending.connectionId).to.equal('conn-a');
    expect(pending.erpKey).to.equal(request.erpKey);
    expect(pending.preview.length).to.be.greaterThan(0);
    expect(calls.some((c) => c.method === 'saveLink')).to.equal(false);
    await until(() => !el.open, 'closed');
  });

  it('shows the results in the UI language: the ERP’s column names and list texts, dates and numbers by Intl', async () => {
    const { calls, el, root } = await openOnSim({ type: 'project', id: 'j2', name: '' }, 'conn-a', 'project', 'de');
    await until(() => searches(calls).length === 1, 'the search for the record name sent');
    await calls.find((c) => c.method === 'searchActors')!.result;
    const input = (await findByRole('textbox', {}, root)) as HTMLInputElement;
    input.value = 'P-1002';
    input.dispatchEvent(new Event('input'));
    (await findButton('Suchen', root)).click();
    await until(() => searches(calls).length === 2, 'the search for P-1002 sent');
    await calls.filter((c) => c.method === 'searchActors')[1]!.result;
    await el.updateComplete;
    const headerOf = () => deepElements(root).find((e) => e.classList.contains('result-header'));
    await until(() => headerOf() && status(root) === '1 Ergebnis', 'P-1002 found');
    const header = headerOf()!.textContent!;
    expect(header).to.include('Projektnummer');
    expect(header).to.include('Startdatum');
    const start = String(sim().erpActor('conn-a', 'project', 'P-1002')!.values.startDate);
    const row = options(root).find((o) => o.id.startsWith('opt-') && o.textContent!.includes('P-1002'))!;
    expect(row.textContent).to.include(new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(start)));
    expect(row.textContent).to.not.include(start.slice(0, 10));
    const projectStatus = String(sim().erpActor('conn-a', 'project', 'P-1002')!.values.status);
    const germanStatus = ({ PLANNED: 'Geplant', ACTIVE: 'In Arbeit', ONHOLD: 'Angehalten', DONE: 'Abgeschlossen' } as Record<string, string>)[projectStatus];
    expect(germanStatus, `a status of the list: ${projectStatus}`).to.be.a('string');
    expect(row.textContent).to.include(germanStatus);
  });

  it('runs an advanced search on the connector’s searchable fields', async () => {
    const { calls, el, root } = await openOnSim({ type: 'company', id: 'c2', name: '' }, 'conn-a', 'customer');
    await until(() => status(root) !== 'Searching…' && status(root) !== '', 'initial search');
    (await findButton('Advanced search', root)).click();
    const row = await findByRole('group', { name: 'Criterion 1' }, root);
    const field = (await findByRole('combobox', { name: 'Field' }, row)) as HTMLSelectElement;
    field.value = 'name';
    field.dispatchEvent(new Event('change'));
    const value = (await findByRole('textbox', { name: 'Value' }, row)) as HTMLInputElement;
    value.value = 'Brandt';
    value.dispatchEvent(new Event('input'));
    (await findButton('Search', root)).click();
    await until(() => calls.some((c) => c.method === 'searchActorsAdvanced'), 'advanced search sent');
    await calls.find((c) => c.method === 'searchActorsAdvanced')!.result;
    await until(() => status(root) !== 'Searching…', 'advanced search answered');
    await el.updateComplete;
    expect(status(root)).to.equal('2 results');
    expect(options(root)[0].textContent).to.include('Brandt');
  });

  it('Create is unavailable on a connection that may not create actors', async () => {
    const states = sim().getEntityState({ type: 'company', id: 'c2' }).connections;
    const blocked = states.find((c) => !c.canCreateActors);
    expect(blocked, 'a connection that may not create actors').to.exist;
    if (!blocked) return;
    const { root } = await openOnSim({ type: 'company', id: 'c2', name: '' }, blocked.id, 'customer');
    expect(blocked.id).to.equal('conn-b');
    (await findByRole('checkbox', { name: "Can't find match in ERP" }, root)).click();
    const create = await findButton('Create', root);
    expect(create.getAttribute('aria-disabled')).to.equal('true');
    expect(create.getAttribute('aria-describedby')).to.equal('create-reason');
  });
});
