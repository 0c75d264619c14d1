// Keyboard-only use of <erp-tab>: connect (issue 3), create in ERP (issue 4) and disconnect (issue 3),
// driven by real key presses from a button placed before the tab.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { findByRole, nameOf, queryAllByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import { deepContains, describeEl, expectFocus, focused, named, press, startBefore, tabTo, typeText } from './keys.js';

const c2 = { type: 'company' as const, id: 'c2' };
const j3 = { type: 'project' as const, id: 'j3' };
const c1 = { type: 'company' as const, id: 'c1' };

async function openTab(entity: { type: string; id: string }) {
  const el = await fixture<ErpTab>(html`<erp-tab entity=${entity.type} entity-id=${entity.id}></erp-tab>`);
  const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
  const before = startBefore(el);
  return { el, section, before };
}

const button = (name: string | RegExp) => named(name, 'button');
const enabled = (el: HTMLElement) => el.getAttribute('aria-disabled') !== 'true' && !(el as HTMLButtonElement).disabled;

/** Tab from wherever focus is to the button in `scope`, then press Enter on it. */
async function activate(name: string | RegExp, scope: Node, key = 'Enter') {
  const target = await tabTo((el) => button(name)(el) && deepContains(scope, el), `button "${String(name)}"`);
  await press(key);
  return target;
}

describe('keyboard only: <erp-tab> connect, create and disconnect', () => {
  const sim = useSimulator();

  it('connects company c2 to customer 100002 and saves, by keyboard alone', async () => {
    const { el, section } = await openTab(c2);
    const root = el.shadowRoot!;
    await activate('Edit', section);
    // Edit replaces the buttons: focus moves to the first actor type, not to <body>.
    await expectFocus((e) => button('Customer')(e) && deepContains(section, e), 'Customer after Edit');
    const customer = await activate('Customer', section);

    const dialog = (await findByRole('dialog', { name: 'Connect to ERP' }, root)) as HTMLDialogElement;
    // The dialog opens with focus inside it (the search text box).
    const search = await expectFocus((e) => deepContains(dialog, e) && e.tagName === 'INPUT' && (e as HTMLInputElement).type === 'text', 'the search text box');
    // Replace the prefilled query and search with Enter.
    await press('Control+KeyA');
    await typeText('Brandt');
    expect((search as HTMLInputElement).value).to.equal('Brandt');
    await press('Enter');
    await until(() => queryAllByRole('option', { name: /100002/ }, dialog).length > 0, 'results for Brandt');

    // Tab to the results list, ArrowDown to 100002, Enter starts the comparison.
    const listbox = await tabTo((e) => e.getAttribute('role') === 'listbox', 'the results listbox');
    const options = () => queryAllByRole('option', {}, listbox);
    const target = options().findIndex((o) => /100002/.test(nameOf(o)));
    expect(target).to.be.at.least(0);
    const selected = () => options().findIndex((o) => o.getAttribute('aria-selected') === 'true');
    await press('Home');
    await until(() => selected() === 0, 'Home selects the first result');
    for (let i = 0; i < target; i++) {
      await press('ArrowDown');
      await until(() => selected() === i + 1, `ArrowDown selects result ${i + 1}`);
    }
    await until(() => options()[target]?.getAttribute('aria-selected') === 'true', '100002 selected');
    expect(listbox.getAttribute('aria-activedescendant')).to.equal(options()[target].id);
    await press('Enter');

    // The conflict picker: focus moves to the step's heading; take all from ERP, then Connect.
    await until(() => queryAllByRole('button', { name: 'Take all from ERP' }, dialog).length === 1, 'conflict picker shown');
    await expectFocus((e) => deepContains(dialog, e), 'somewhere inside the dialog');
    await activate('Take all from ERP', dialog);
    // The radio groups work with arrow keys too: flip the first conflict to CRM and back to ERP.
    const radio = (await tabTo((e) => e instanceof HTMLInputElement && e.type === 'radio', 'a conflict radio')) as HTMLInputElement;
    expect(radio.value).to.equal('erp');
    await press('ArrowLeft');
    await expectFocus((e) => e instanceof HTMLInputElement && e.value === 'crm' && e.checked && e.name === radio.name, 'the CRM radio, checked');
    await press('ArrowRight');
    await expectFocus((e) => e === radio && radio.checked, 'the ERP radio, checked again');
    const connect = await tabTo((e) => button('Connect')(e) && deepContains(dialog, e) && enabled(e), 'the enabled Connect in the picker');
    await press('Enter');
    await until(() => !dialog.open, 'dialog closes');
    void connect;

    // Focus comes back to the tab, not to <body>: the opener (Customer) is gone, so Save, the next step.
    await expectFocus((e) => button('Save')(e) && deepContains(section, e), `Save (opener was ${describeEl(customer)})`);
    expect(sim().getEntityState(c2).connections[0].link).to.equal(null, 'staged only');

    await activate('Save', section);
    await until(() => sim().getEntityState(c2).connections[0].link !== null, 'linked after Save');
    expect(sim().getEntityState(c2).connections[0].link?.erpKey).to.equal('100002');
    await expectFocus((e) => button('Edit')(e) && deepContains(section, e), 'Edit after Save');
  });

  it('Escape closes the connect dialog and returns focus to the actor type that opened it', async () => {
    const { el, section } = await openTab(c2);
    await activate('Edit', section);
    const customer = await activate('Customer', section);
    const dialog = (await findByRole('dialog', { name: 'Connect to ERP' }, el.shadowRoot!)) as HTMLDialogElement;
    await expectFocus((e) => deepContains(dialog, e), 'inside the dialog');
    await press('Escape');
    await until(() => !dialog.open, 'dialog closed');
    await expectFocus((e) => e === customer, 'Customer again');
    // Cancel leaves edit mode; focus goes to Edit, not to <body>.
    await activate('Cancel', section);
    await expectFocus((e) => button('Edit')(e) && deepContains(section, e), 'Edit after Cancel');
    expect(sim().getEntityState(c2).connections[0].link).to.equal(null);
  });

  it('creates project j3 in the ERP by keyboard alone', async () => {
    const { el, section } = await openTab(j3);
    const root = el.shadowRoot!;
    const name = sim().crmRecord('project', 'j3')!.name;
    const before = sim().searchActors('conn-a', 'project', { text: name }).rows.length;
    await activate('Edit', section);
    const opener = await activate('Project', section);
    const dialog = (await findByRole('dialog', { name: 'Connect to ERP' }, root)) as HTMLDialogElement;
    await expectFocus((e) => deepContains(dialog, e), 'inside the dialog');

    // Tick "Can't find match in ERP" with Space: Connect becomes Create.
    const box = await tabTo(
      (e) => e instanceof HTMLInputElement && e.type === 'checkbox' && nameOf(e) === "Can't find match in ERP",
      'the no-match checkbox',
    );
    await press('Space');
    await until(() => (box as HTMLInputElement).checked, 'ticked');
    await activate('Create', dialog);

    // Create in ERP: focus moves to its heading; the prefilled values are valid; Tab to Create, Enter.
    await until(() => queryAllByRole('dialog', { name: 'Create in ERP' }, root).length === 1, 'Create in ERP step');
    await expectFocus((e) => deepContains(dialog, e) && e.tagName === 'H2', 'the Create in ERP heading');
    const create = await tabTo(
      (e) => button('Create')(e) && deepContains(dialog.querySelector('erp-create-form')!, e),
      'Create in the form',
    );
    await until(() => enabled(create), 'Create enabled');
    await press('Enter');
    await until(() => !dialog.open, 'dialog closes');
    await expectFocus((e) => button('Save')(e) && deepContains(section, e), `Save (opener was ${describeEl(opener)})`);
    expect(sim().searchActors('conn-a', 'project', { text: name }).rows.length).to.equal(before, 'nothing created before Save');

    await press('Enter');
    await until(() => sim().getEntityState(j3).connections[0].link !== null, 'linked after Save');
    const link = sim().getEntityState(j3).connections[0].link!;
    expect(sim().erpActor('conn-a', 'project', link.erpKey)).to.exist;
    expect(sim().searchActors('conn-a', 'project', { text: name }).rows.length).to.equal(before + 1);
    await expectFocus((e) => button('Edit')(e) && deepContains(section, e), 'Edit after Save');
  });

  it('disconnects c1 by keyboard alone; Escape in the confirmation cancels', async () => {
    const { el, section } = await openTab(c1);
    const root = el.shadowRoot!;
    await activate('Edit', section);
    // Edit lands on Cancel, not on Disconnect; Disconnect is the last action.
    await expectFocus((e) => button('Cancel')(e) && deepContains(section, e), 'Cancel after Edit');
    await tabTo((e) => button('Disconnect')(e) && deepContains(section, e), 'Disconnect');
    const disconnect = focused()!;
    await press('Enter');
    const confirm = (await findByRole('dialog', { name: 'Disconnect' }, root)) as HTMLDialogElement;
    // Focus starts on Cancel (the safe choice); Escape cancels and returns focus to Disconnect.
    await expectFocus((e) => button('Cancel')(e) && deepContains(confirm, e), 'Cancel in the confirmation');
    await press('Escape');
    await until(() => !confirm.open, 'confirmation closed');
    await expectFocus((e) => e === disconnect, 'Disconnect again');
    expect(sim().getEntityState(c1).connections[0].link).to.not.equal(null);

    // Again, and confirm with the dialog's Disconnect button.
    await press('Enter');
    await until(() => confirm.open, 'confirmation open again');
    await expectFocus((e) => button('Cancel')(e) && deepContains(confirm, e), 'Cancel in the confirmation');
    await tabTo((e) => button('Disconnect')(e) && deepContains(confirm, e), 'Disconnect in the confirmation', { back: true });
    await press('Enter');
    await until(() => !confirm.open, 'confirmation closed');
    await expectFocus((e) => button('Save')(e) && deepContains(section, e), 'Save after confirming');
    expect(sim().getEntityState(c1).connections[0].link).to.not.equal(null, 'staged only');
    await press('Enter');
    await until(() => sim().getEntityState(c1).connections[0].link === null, 'unlinked after Save');
    expect(sim().erpActor('conn-a', 'customer', '100001')).to.exist;
    await expectFocus((e) => button('Edit')(e) && deepContains(section, e), 'Edit after Save');
  });
});
