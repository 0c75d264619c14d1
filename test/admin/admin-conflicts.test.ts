// Two administrators edit the same settings at once (two <erp-sync-admin> screens on one simulated
// ERP): the one who saves second gets the localized conflict with Reload, keeps the edits, reloads and
// saves them on top of the first one's. Nothing is overwritten silently.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-sync-admin.js';
import type { ErpSyncAdmin } from '../../src/elements/admin/erp-sync-admin/erp-sync-admin.js';
import { findButton, findByRole, queryAllByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import { alertSays, choose, dialogNamed, findControl, openMappings, status, type } from './admin-helpers.js';

const CONFLICT = 'Another administrator saved these settings meanwhile.';
const KEPT = 'Reloaded. Your changes are kept: save again to apply them.';

async function screen(): Promise<ErpSyncAdmin> {
  const el = await fixture<ErpSyncAdmin>(html`<erp-sync-admin></erp-sync-admin>`);
  await findByRole('region', { name: 'ERP connections' }, el.shadowRoot!);
  return el;
}

/** Adds a default value for a text field in the Defaults of `panel`; leaves the dialog open after OK. */
async function addDefault(panel: HTMLElement, field: string, label: string, value: string): Promise<HTMLElement> {
  const defaults = await findByRole('region', { name: 'Defaults' }, panel);
  const add = await findButton('Add', defaults);
  await until(() => !add.disabled, 'defaults loaded');
  add.click();
  const dialog = await dialogNamed(panel, 'Add sync default value');
  choose(await findControl<HTMLSelectElement>('ERP field', dialog), field);
  (await findByRole('checkbox', { name: 'Set default value' }, dialog)).click();
  type(await findControl(label, dialog), value);
  const ok = await findButton('OK', dialog);
  await until(() => !ok.disabled, 'OK enabled');
  ok.click();
  return dialog;
}

describe('two administrators at once (simulated ERP)', () => {
  const sim = useSimulator();

  it('Rank Fields: the second save gets the conflict, keeps its order, reloads and saves it', async function () {
    this.timeout(120_000);
    const a = await findByRole('region', { name: 'Rank Fields' }, await openMappings(await screen()));
    const b = await findByRole('region', { name: 'Rank Fields' }, await openMappings(await screen()));
    const versionBefore = sim().getActorTypeMapping('conn-a', 'customer').version;

    (await findButton('Move VAT number up', a)).click();
    (await findButton('Save', a)).click();
    await status(a, 'The new order is saved.');

    (await findButton('Move Name down', b)).click();
    (await findButton('Move Name down', b)).click();
    await findByRole('listitem', { name: /^Name, position 3 of/ }, b);
    (await findButton('Save', b)).click();
    await alertSays(b, CONFLICT);
    await alertSays(b, 'Not saved. The new order is kept.');
    await findByRole('listitem', { name: /^Name, position 3 of/ }, b);
    const tabOrder = () => sim().getActorTypeMapping('conn-a', 'customer').fields.filter((f) => f.showInTab).map((f) => f.erpField.key);
    expect(tabOrder()[0]).to.equal('vatNumber'); // the first admin's order stands

    (await findButton('Reload', b)).click();
    await status(b, KEPT);
    await findByRole('listitem', { name: /^Name, position 3 of/ }, b);
    (await findButton('Save', b)).click();
    await status(b, 'The new order is saved.');
    expect(tabOrder().indexOf('name')).to.equal(2);
    expect(sim().getActorTypeMapping('conn-a', 'customer').version).not.to.equal(versionBefore);
  });

  it('Set Sync Priority: the second save gets the conflict, keeps its order, reloads and saves it', async function () {
    this.timeout(120_000);
    const region = async () => findByRole('region', { name: 'Set Sync Priority' }, (await screen()).shadowRoot!);
    const a = await region();
    const b = await region();

    (await findButton('Move Northwind Finance up', a)).click();
    (await findButton('Save', a)).click();
    await status(a, 'The sync priority is saved.');
    // The first admin changes it back: the second admin's screen still shows the original order.
    (await findButton('Move Contoso ERP up', a)).click();
    (await findButton('Save', a)).click();
    await until(() => sim().listConnections()[0]!.id === 'conn-a', 'first admin saved twice');

    (await findButton('Move Northwind Finance up', b)).click();
    (await findButton('Save', b)).click();
    await alertSays(b, CONFLICT);
    await findByRole('listitem', { name: /^Northwind Finance, position 1 of 2/ }, b);
    expect(sim().listConnections()[0]!.id).to.equal('conn-a');

    (await findButton('Reload', b)).click();
    await status(b, KEPT);
    await findByRole('listitem', { name: /^Northwind Finance, position 1 of 2/ }, b);
    (await findButton('Save', b)).click();
    await status(b, 'The sync priority is saved.');
    expect(sim().listConnections()[0]!.id).to.equal('conn-b');
  });

  it('Defaults: the second save gets the conflict, keeps its input, reloads and saves it with the first one’s', async function () {
    this.timeout(120_000);
    const a = await openMappings(await screen());
    const b = await openMappings(await screen());
    await findByRole('region', { name: 'Defaults' }, b);

    const dialogA = await addDefault(a, 'city', 'City', 'Berlin');
    await status(a, 'Default for City saved.');
    expect((dialogA as unknown as HTMLDialogElement).open).to.equal(false);

    const dialogB = await addDefault(b, 'phone', 'Phone', '+49 30 1234');
    await alertSays(dialogB, CONFLICT);
    await alertSays(dialogB, 'Not saved. Your input is kept.');
    expect((await findControl('Phone', dialogB)).value).to.equal('+49 30 1234');
    const stored = () => sim().getDefaults('conn-a', 'customer').defaults;
    expect(stored().some((d) => d.field === 'phone')).to.equal(false);

    (await findButton('Reload', dialogB)).click();
    await status(b, KEPT);
    expect(queryAllByRole('button', { name: 'Reload' }, dialogB)).to.have.length(0);
    expect((await findControl('Phone', dialogB)).value).to.equal('+49 30 1234');
    (await findButton('OK', dialogB)).click();
    await status(b, 'Default for Phone saved.');
    expect(stored().find((d) => d.field === 'city')).to.deep.include({ value: 'Berlin' });
    expect(stored().find((d) => d.field === 'phone')).to.deep.include({ value: '+49 30 1234' });
  });
});
