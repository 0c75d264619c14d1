// The admin tables as an administrator uses them (issue 17, item 7): direction choices readable in
// every language, list defaults by their text, Save only once there is something to save, Rank
// Fields / Set Sync Priority reordered by dragging as well as by keyboard, and the import wizard's
// instructions naming controls that are there.
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/define/erp-sync-admin.js';
import type { ErpSyncAdmin } from '../../src/elements/admin/erp-sync-admin/erp-sync-admin.js';
import type { SyncDirection } from '../../src/model/types.js';
import { deepElements, findButton, findByRole, nameOf, queryAllByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import { LANGS, term, type Lang } from '../helpers/terms.js';
import { choose, dialogNamed, findControl, openMappings, settingsLoaded, status, textOf, type } from './admin-helpers.js';
import { erpText } from '../../simulated-erp/texts.js';

const FULL_NAMES: Record<SyncDirection, string> = { 'erp-to-crm': 'admin.map.erpToCrm', 'crm-to-erp': 'admin.map.crmToErp', both: 'admin.map.both' };
const ARROWS: Record<SyncDirection, string> = { 'erp-to-crm': 'ERP → CRM', 'crm-to-erp': 'CRM → ERP', both: 'CRM ↔ ERP' };

async function admin(lang: Lang = 'en'): Promise<ErpSyncAdmin> {
  const el = await fixture<ErpSyncAdmin>(html`<erp-sync-admin lang=${lang}></erp-sync-admin>`);
  await findByRole('region', { name: await term(lang, 'admin.term.connections') }, el.shadowRoot!);
  return el;
}

/** Counts the calls of one simulator operation (each request the widget sends reaches it once). */
function count<K extends 'saveRank' | 'saveSyncPriority'>(target: Record<K, (...args: never[]) => unknown>, op: K): () => number {
  let calls = 0;
  const original = target[op].bind(target);
  target[op] = ((...args: never[]) => {
    calls++;
    return original(...args);
  }) as (typeof target)[K];
  return () => calls;
}

/** Drags the list item `from` by its handle with the mouse, and drops it on the upper half of `onto`. */
async function drag(from: HTMLElement, onto: HTMLElement): Promise<void> {
  from.scrollIntoView({ block: 'center' });
  const grip = from.querySelector<HTMLElement>('.grip')!.getBoundingClientRect();
  const x = Math.round(grip.left + grip.width / 2);
  await sendMouse({ type: 'move', position: [x, Math.round(grip.top + grip.height / 2)] });
  await sendMouse({ type: 'down' });
  try {
    const target = onto.getBoundingClientRect();
    // In steps, as a hand moves: each step passes at most one row's middle.
    const startY = grip.top + grip.height / 2;
    const endY = target.top + target.height / 4;
    for (let step = 1; step <= 6; step++) {
      await sendMouse({ type: 'move', position: [x, Math.round(startY + ((endY - startY) * step) / 6)] });
    }
  } finally {
    await sendMouse({ type: 'up' });
  }
}

describe('admin tables', () => {
  const sim = useSimulator();

  for (const lang of LANGS) {
    it(`${lang}: a direction shows as the ERP tab shows it (ERP → CRM), with its full name in the option's name`, async () => {
      const el = await admin(lang);
      const mappings = await term(lang, 'admin.term.mappings');
      (await findButton(`${mappings} Contoso ERP`, el.shadowRoot!)).click();
      const name = sim().getActorTypeMapping('conn-a', 'customer').fields.find((f) => f.erpField.key === 'name')!;
      const label = erpText(name.erpField.label, lang);
      const select = await findControl<HTMLSelectElement>(`${await term(lang, 'admin.term.direction')} ${label}`, el.shadowRoot!);
      const options = [...select.options].filter((o) => o.value);
      expect(options.map((o) => o.value)).to.deep.equal(['erp-to-crm', 'crm-to-erp', 'both']);
      for (const option of options) {
        const direction = option.value as SyncDirection;
        expect(option.text, `${direction} as shown`).to.equal(ARROWS[direction]);
        // What it shows, then in words (WCAG 2.5.3: the name contains the visible text).
        expect(nameOf(option), `${direction}: its name`).to.equal(`${ARROWS[direction]}: ${await term(lang, FULL_NAMES[direction])}`);
      }
      expect(select.title, 'the chosen direction in full as tooltip').to.equal(await term(lang, FULL_NAMES[name.direction!]));
    });
  }

  it('a list default shows its text ("30 days net"), not its key', async () => {
    const el = await admin();
    const panel = await openMappings(el);
    const defaults = await findByRole('region', { name: 'Defaults' }, panel);
    const paymentTerms = () => queryAllByRole('row', {}, defaults).find((r) => textOf(r).includes('Payment terms'));
    await until(paymentTerms, 'the Payment terms default');
    const row = paymentTerms()!;
    const label = sim().getList('conn-a', 'paymentTerms').find((i) => i.id === 'NET30')!.label;
    await until(() => textOf(row).includes(label), `the default shown as ${label}`);
    expect(textOf(row)).not.to.contain('NET30');
  });

  it('Rank Fields: Save is enabled only after a change; pressed before, it sends nothing', async () => {
    const saves = count(sim(), 'saveRank');
    const el = await admin();
    const panel = await openMappings(el);
    const rank = await findByRole('region', { name: 'Rank Fields' }, panel);
    const save = await findButton('Save', rank);
    expect(save.getAttribute('aria-disabled'), 'nothing to save yet').to.equal('true');
    save.click();
    (await findButton('Move Name down', rank)).click();
    await until(() => save.getAttribute('aria-disabled') === 'false', 'Save enabled after the change');
    save.click();
    await status(rank, 'The new order is saved.');
    expect(saves(), 'only the save after the change reached the ERP').to.equal(1);
    await until(() => save.getAttribute('aria-disabled') === 'true', 'nothing to save after saving');
  });

  it('Mappings: Done is enabled only after a change', async () => {
    const el = await admin();
    const panel = await openMappings(el);
    const done = await findButton('Done', panel);
    expect(done.getAttribute('aria-disabled')).to.equal('true');
    (await findByRole('checkbox', { name: 'Show in ERP tab City' }, panel)).click();
    await until(() => done.getAttribute('aria-disabled') === 'false', 'Done enabled after the change');
    (await findByRole('checkbox', { name: 'Show in ERP tab City' }, panel)).click();
    await until(() => done.getAttribute('aria-disabled') === 'true', 'the change undone: nothing to save');
  });

  it('Rank Fields by drag: the item follows the pointer, the new position is announced and saved', async () => {
    await setViewport({ width: 1000, height: 900 });
    const el = await admin();
    const panel = await openMappings(el);
    // Nothing above the list (the mappings, the defaults) may move it between the press and the release.
    await settingsLoaded(panel);
    const rank = await findByRole('region', { name: 'Rank Fields' }, panel);
    const email = await findByRole('listitem', { name: /^E-mail, position 3 of/ }, rank);
    const first = await findByRole('listitem', { name: /^Name, position 1 of/ }, rank);
    await drag(email, first);
    await findByRole('listitem', { name: /^E-mail, position 1 of/ }, rank);
    await status(rank, /E-mail moved to position 1 of \d+\./);
    const save = await findButton('Save', rank);
    expect(save.getAttribute('aria-disabled')).to.equal('false');
    save.click();
    await status(rank, 'The new order is saved.');
    expect(sim().getActorTypeMapping('conn-a', 'customer').fields[0]!.erpField.key).to.equal('email');
    expect(deepElements(rank).some((e) => e.matches('li.dragging')), 'no row left marked as dragged').to.equal(false);
  });

  it('Set Sync Priority by drag, the last connection to the top', async () => {
    const saves = count(sim(), 'saveSyncPriority');
    const el = await admin();
    const region = await findByRole('region', { name: 'Set Sync Priority' }, el.shadowRoot!);
    const list = await findByRole('list', {}, region);
    const items = queryAllByRole('listitem', {}, list);
    const last = items[items.length - 1]!;
    const lastName = nameOf(last).split(',')[0]!;
    await drag(last, items[0]!);
    await findByRole('listitem', { name: new RegExp(`^${lastName}, position 1 of`) }, region);
    (await findButton('Save', region)).click();
    await until(() => saves() === 1 && sim().listConnections()[0]!.name === lastName, 'the new priority saved');
  });

  for (const lang of LANGS) {
    it(`${lang}: the import wizard's instructions name controls that are there`, async () => {
      const el = await admin(lang);
      const root = el.shadowRoot!;
      const t = async (id: string) => term(lang, id);
      (await findButton(await t('admin.term.importVia'), root)).click();
      const dialog = await dialogNamed(root, await t('admin.term.selectConnection'));
      // An active connection: the note sends the admin to the Active switch in the ERP connections list.
      choose(await findControl<HTMLSelectElement>(await t('admin.import.connection'), dialog), 'conn-a');
      const note = await term(lang, 'admin.import.activeNote', { name: 'Contoso ERP' });
      await until(() => textOf(dialog).includes(note), 'the note on the active connection');
      const [active, connections] = [await t('admin.term.active'), await t('admin.term.connections')];
      expect(textOf(dialog)).to.contain(active).and.to.contain(connections);
      const list = await findByRole('region', { name: connections }, root);
      expect(queryAllByRole('switch', { name: `${active} Contoso ERP` }, list), `the ${active} switch in ${connections}`).to.have.length(1);
      // An inactive one: the search step says to press Add Import, which the results offer.
      choose(await findControl<HTMLSelectElement>(await t('admin.import.connection'), dialog), 'conn-c');
      const next = await findButton(await t('admin.import.next'), dialog);
      await until(() => !next.disabled, 'Next enabled');
      next.click();
      await dialogNamed(root, await t('admin.term.searchErp'));
      const addImport = await t('admin.term.addImport');
      expect(textOf(dialog)).to.contain(await t('admin.import.queueEmpty')).and.to.contain(addImport);
      type(await findControl(await t('connect.value'), dialog), '1000');
      (await findButton(await t('admin.term.search'), dialog)).click();
      expect(await findButton(addImport, dialog)).to.exist;
    });
  }
});
