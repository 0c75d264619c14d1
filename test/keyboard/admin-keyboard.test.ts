// Keyboard-only use of <erp-sync-admin> (issues 5 and 6): add a Sync Connector, define a new ERP
// connection with a specific scope, and edit Mappings, driven by real key presses.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-sync-admin.js';
import type { ErpSyncAdmin } from '../../src/elements/admin/erp-sync-admin/erp-sync-admin.js';
import { deepElements, findByRole, nameOf, queryAllByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import { deepContains, describeEl, expectFocus, focused, named, press, startBefore, tabTo, typeText } from './keys.js';

async function admin(): Promise<ErpSyncAdmin> {
  const el = await fixture<ErpSyncAdmin>(html`<erp-sync-admin></erp-sync-admin>`);
  await findByRole('region', { name: 'ERP connections' }, el.shadowRoot!);
  startBefore(el);
  return el;
}

const within = (scope: Node, match: (e: HTMLElement) => boolean) => (e: HTMLElement) => match(e) && deepContains(scope, e);
const button = (name: string | RegExp) => named(name, 'button');
const control = (name: string | RegExp) => (e: HTMLElement) =>
  (e instanceof HTMLInputElement || e instanceof HTMLSelectElement || e instanceof HTMLTextAreaElement) &&
  (typeof name === 'string' ? nameOf(e) === name : name.test(nameOf(e)));
const textOf = (el: Element) =>
  [el, ...deepElements(el)]
    .flatMap((e) => [...Array.from(e.childNodes), ...Array.from(e.shadowRoot?.childNodes ?? [])])
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent)
    .join(' ')
    .replace(/\s+/g, ' ');

/** Tabs to a control in `scope` and types into it. */
async function fill(scope: Node, name: string | RegExp, text: string): Promise<HTMLInputElement> {
  const input = (await tabTo(within(scope, control(name)), `control "${String(name)}"`)) as HTMLInputElement;
  await typeText(text);
  expect(input.value).to.equal(text);
  return input;
}

/** Tabs to a select in `scope` and moves its value with ArrowDown/ArrowUp until it is `value`. */
async function pick(scope: Node, name: string | RegExp, value: string, max = 40): Promise<HTMLSelectElement> {
  const select = (await tabTo(within(scope, control(name)), `select "${String(name)}"`, { max })) as HTMLSelectElement;
  const values = Array.from(select.options).map((o) => o.value);
  const target = values.indexOf(value);
  expect(target, `option ${value} of ${values.join(',')}`).to.be.at.least(0);
  for (let i = 0; i < values.length && select.selectedIndex !== target; i++) {
    await press(select.selectedIndex < target ? 'ArrowDown' : 'ArrowUp');
  }
  expect(select.value).to.equal(value);
  return select;
}

async function activate(scope: Node, name: string | RegExp, key = 'Enter', max = 40): Promise<HTMLElement> {
  const target = await tabTo(within(scope, button(name)), `button "${String(name)}"`, { max });
  await press(key);
  return target;
}

describe('keyboard only: <erp-sync-admin>', () => {
  const sim = useSimulator();

  it('adds a Sync Connector: Add, name, URL, Test URL, OK', async () => {
    const el = await admin();
    const section = await findByRole('region', { name: 'Sync Connectors' }, el.shadowRoot!);
    const add = await activate(section, 'Add');
    const dialog = (await findByRole('dialog', { name: 'Add Sync Connector' }, el.shadowRoot!)) as HTMLDialogElement;
    await expectFocus((e) => deepContains(dialog, e), 'inside Add Sync Connector');
    await fill(dialog, 'Name', 'Fabrikam connector');
    await fill(dialog, 'Connector URL', 'https://sync.fabrikam.example/sync');
    await activate(dialog, 'Test URL');
    await until(() => textOf(dialog).includes('Test passed'), 'passed test message');
    await activate(dialog, 'OK');
    await until(() => !dialog.isConnected || !dialog.open, 'dialog closed');
    await findByRole('rowheader', { name: 'Fabrikam connector' }, section);
    expect(sim().listConnectors().map((c) => c.name)).to.include('Fabrikam connector');
    await expectFocus((e) => e === add || (button('Add')(e) && deepContains(section, e)), `Add again (opener ${describeEl(add)})`);
  });

  it('defines a new ERP connection with a specific scope, configuration, Test ERP connection, OK', async function () {
    this.timeout(120_000);
    const el = await admin();
    const section = await findByRole('region', { name: 'ERP connections' }, el.shadowRoot!);
    const add = await activate(section, 'Add');
    const dialog = (await findByRole('dialog', { name: 'Define new ERP connection' }, el.shadowRoot!)) as HTMLDialogElement;
    await expectFocus((e) => deepContains(dialog, e), 'inside Define new ERP connection');

    await fill(dialog, 'Name', 'Fabrikam keyboard');
    await pick(dialog, 'Sync connector', 'ctr-contoso');
    await findByRole('group', { name: 'Configuration fields' }, dialog);

    // Scope: arrow keys in the radio group, then the picker's search and a checkbox with Space.
    const radio = (await tabTo(within(dialog, (e) => e instanceof HTMLInputElement && e.type === 'radio'), 'a scope radio')) as HTMLInputElement;
    expect(nameOf(radio)).to.equal('Everyone');
    await press('ArrowDown');
    await expectFocus((e) => e instanceof HTMLInputElement && e.checked && nameOf(e) === 'Specific users and groups', 'Specific users and groups, checked');
    await fill(dialog, 'Find users and groups', 'fin');
    await press('Enter');
    await findByRole('checkbox', { name: 'Finance (group)' }, dialog);
    const finance = (await tabTo(within(dialog, control('Finance (group)')), 'the Finance checkbox')) as HTMLInputElement;
    await press('Space');
    await until(() => finance.checked, 'Finance picked');

    await fill(dialog, 'Server URL', 'https://erp.example');
    await fill(dialog, 'User name', 'sync');
    await fill(dialog, 'Password', 'pw-1');
    await fill(dialog, 'Company database', 'DB1');

    await activate(dialog, 'Test ERP connection');
    const ok = queryAllByRole('button', { name: 'OK' }, dialog)[0] as HTMLButtonElement;
    await until(() => !ok.disabled, 'OK enabled after a passed test');
    await activate(dialog, 'OK');
    await until(() => queryAllByRole('dialog', { name: 'Define new ERP connection' }, el.shadowRoot!).length === 0, 'dialog closed');
    const stored = sim().listConnections().find((c) => c.name === 'Fabrikam keyboard')!;
    expect(stored.scope).to.deep.equal({ kind: 'specific', principals: ['g-finance'] });
    expect(stored.config.companyDb).to.equal('DB1');
    await expectFocus((e) => e === add || (button('Add')(e) && deepContains(section, e)), `Add again (opener ${describeEl(add)})`);
  });

  it('Mappings: arrow keys switch tabs, a Direction changes, Done saves', async function () {
    this.timeout(120_000);
    const el = await admin();
    const opener = await activate(el.shadowRoot!, 'Mappings Contoso ERP');
    const region = await findByRole('region', { name: 'Mappings: Contoso ERP' }, el.shadowRoot!);
    await expectFocus((e) => deepContains(region, e), `inside the Mappings (opener ${describeEl(opener)})`);

    const customer = await tabTo(within(region, (e) => e.getAttribute('role') === 'tab'), 'the actor-type tabs');
    expect(nameOf(customer)).to.equal('Customer');
    await press('ArrowRight');
    await expectFocus((e) => e.getAttribute('role') === 'tab' && nameOf(e) === 'Supplier' && e.getAttribute('aria-selected') === 'true', 'Supplier, selected');
    await findByRole('checkbox', { name: 'Sync ERP Supplier to CRM Company' }, region);
    await press('ArrowLeft');
    await expectFocus((e) => e === customer && e.getAttribute('aria-selected') === 'true', 'Customer, selected');

    const panel = await findByRole('tabpanel', {}, region);
    const before = sim().getActorTypeMapping('conn-a', 'customer').fields.find((f) => f.erpField.key === 'notes')!;
    expect(before.crmField).to.not.equal(null);
    const next = before.direction === 'erp-to-crm' ? 'both' : 'erp-to-crm';
    // A long form: Tab through every field to the Notes row.
    await pick(panel, 'Direction Notes', next, 200);
    await activate(panel, 'Done', 'Enter', 200);
    await until(() => textOf(panel).includes('Mappings saved.'), 'saved');
    expect(sim().getActorTypeMapping('conn-a', 'customer').fields.find((f) => f.erpField.key === 'notes')!.direction).to.equal(next);
    expect(focused()).to.not.equal(document.body);
  });
});
