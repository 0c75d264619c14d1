// Spec 1.3 end to end in <erp-tab>: Can't find match in ERP → Create → Create in ERP → staged → Save.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { configure } from '../../src/backend/config.js';
import { findButton, findByRole, findByText, queryAllByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import type { ErpSimulator } from '../../simulated-erp/index.js';
import { useTerms } from '../helpers/terms.js';

const WORDS = useTerms({
  edit: 'action.edit',
  project: 'actor.project',
  dialog: 'connect.title',
  createDialog: 'connect.createTitle',
  noMatch: 'connect.noMatch',
  connect: 'action.connect',
  create: 'connect.create',
  save: 'action.save',
  cancel: 'action.cancel',
});
type Words = (typeof WORDS)[keyof typeof WORDS];

const j3 = { type: 'project' as const, id: 'j3' };

async function openCreate(w: Words, lang: string, connection = 'Contoso ERP', entity = j3) {
  const el = await fixture<ErpTab>(
    html`<erp-tab entity=${entity.type} entity-id=${entity.id} lang=${lang}></erp-tab>`,
  );
  const section = await findByRole('region', { name: connection }, el.shadowRoot!);
  (await findButton(w.edit, section)).click();
  (await findButton(w.project, section)).click();
  const dialog = await findByRole('dialog', { name: w.dialog }, el.shadowRoot!);
  return { el, section, dialog };
}

/** The ERP projects with this name, as a search of the simulated ERP finds them. */
const createdActors = (sim: ErpSimulator, name: string) =>
  sim.searchActors('conn-a', 'project', { text: name }).rows;

describe('<erp-tab> create the actor in the ERP (simulated ERP)', () => {
  const sim = useSimulator();

  for (const lang of ['en', 'de', 'da', 'nl'] as const) {
    it(`creates a new ERP actor on Save, in ${lang} with the glossary words`, async () => {
      const w = WORDS[lang];
      const name = sim().crmRecord('project', 'j3')!.name;
      const before = createdActors(sim(), name).length;
      const { el, section, dialog } = await openCreate(w, lang);
      const noMatch = await findByRole('checkbox', { name: w.noMatch }, dialog);
      noMatch.click();
      await until(() => queryAllByRole('button', { name: w.connect }, dialog).length === 0, 'Connect becomes Create');
      (await findButton(w.create, dialog)).click();
      const createDialog = await findByRole('dialog', { name: w.createDialog }, el.shadowRoot!);
      await expect(el).to.be.accessible();
      const create = await findButton(w.create, createDialog);
      await until(() => create.getAttribute('aria-disabled') !== 'true', 'Create enabled for valid prefilled values');
      create.click();
      await until(() => !(createDialog as HTMLDialogElement).open, 'dialog closes');
      expect(createdActors(sim(), name).length).to.equal(before, 'nothing created before Save');
      (await findButton(w.save, section)).click();
      await until(() => sim().getEntityState(j3).connections[0].link !== null, 'linked after Save');
      expect(createdActors(sim(), name).length).to.equal(before + 1);
      const link = sim().getEntityState(j3).connections[0].link!;
      expect(sim().erpActor('conn-a', 'project', link.erpKey)).to.exist;
    });
  }

  it('unticking the checkbox turns Create back into Connect and keeps the selection', async () => {
    const { dialog } = await openCreate(WORDS.en, 'en');
    const input = (await findByRole('textbox', {}, dialog)) as HTMLInputElement;
    input.value = '';
    input.dispatchEvent(new Event('input'));
    (await findButton('Search', dialog)).click();
    await until(() => queryAllByRole('option', {}, dialog).length > 0, 'results');
    const first = queryAllByRole('option', {}, dialog)[0];
    first.click();
    const box = await findByRole('checkbox', { name: "Can't find match in ERP" }, dialog);
    box.click();
    expect(await findButton('Create', dialog)).to.exist;
    box.click();
    expect(await findButton('Connect', dialog)).to.have.attribute('aria-disabled', 'false');
    expect(first).to.have.attribute('aria-selected', 'true');
  });

  it('Create is unavailable, with the reason, where the connection may not create actors', async () => {
    const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c2"></erp-tab>`);
    const section = await findByRole('region', { name: 'Northwind Finance' }, el.shadowRoot!);
    (await findButton('Edit', section)).click();
    (await findButton('Customer', section)).click();
    const dialog = await findByRole('dialog', { name: 'Connect to ERP' }, el.shadowRoot!);
    (await findByRole('checkbox', { name: "Can't find match in ERP" }, dialog)).click();
    const create = await findButton('Create', dialog);
    expect(create).to.have.attribute('aria-disabled', 'true');
    const reason = dialog.querySelector(`#${create.getAttribute('aria-describedby')?.split(' ')[0]}`);
    expect(reason?.textContent).to.contain('may not create');
    create.click();
    expect(queryAllByRole('dialog', { name: 'Create in ERP' }, el.shadowRoot!)).to.have.length(0);
  });

  it('Cancel in Create in ERP creates nothing', async () => {
    const writes: string[] = [];
    configure({
      fetch: (input, init) => {
        if (init?.method === 'PUT') writes.push(String(input));
        return fetch(input, init);
      },
    });
    try {
      const { el, section, dialog } = await openCreate(WORDS.en, 'en');
      (await findByRole('checkbox', { name: "Can't find match in ERP" }, dialog)).click();
      (await findButton('Create', dialog)).click();
      const createDialog = await findByRole('dialog', { name: 'Create in ERP' }, el.shadowRoot!);
      (await findButton('Cancel', createDialog)).click();
      (await findButton('Cancel', dialog)).click();
      (await findButton('Cancel', section)).click();
      expect(writes).to.deep.equal([]);
      expect(sim().getEntityState(j3).connections[0].link).to.equal(null);
    } finally {
      configure({ fetch: undefined });
    }
  });

  it('a value the backend refuses reopens Create in ERP with the message on that field and the values kept', async () => {
    const { el, section, dialog } = await openCreate(WORDS.en, 'en');
    (await findByRole('checkbox', { name: "Can't find match in ERP" }, dialog)).click();
    (await findButton('Create', dialog)).click();
    let createDialog = await findByRole('dialog', { name: 'Create in ERP' }, el.shadowRoot!);
    const nameBox = (await findByRole('textbox', { name: /Name/ }, createDialog)) as HTMLInputElement;
    nameBox.value = 'Renamed by the user';
    nameBox.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    nameBox.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    const create = await findButton('Create', createDialog);
    await until(() => create.getAttribute('aria-disabled') !== 'true', 'Create enabled');
    create.click();
    await until(() => !(createDialog as HTMLDialogElement).open, 'dialog closes');
    sim().faults.inject('saveLink', {
      kind: 'problem',
      status: 422,
      code: 'invalid-value',
      detail: 'The ERP already uses this project name.',
      field: '/create/values/name',
      times: 1,
    });
    (await findButton('Save', section)).click();
    createDialog = await findByRole('dialog', { name: 'Create in ERP' }, el.shadowRoot!);
    await until(() => (createDialog as HTMLDialogElement).open, 'reopened');
    const again = (await findByRole('textbox', { name: /Name/ }, createDialog)) as HTMLInputElement;
    expect(again.value).to.equal('Renamed by the user');
    await until(() => again.getAttribute('aria-invalid') === 'true', 'field marked invalid');
    expect(await findByText(/already uses this project name/, {}, createDialog)).to.exist;
  });

  it('a retried Save after a failure creates one actor, not two', async () => {
    const name = sim().crmRecord('project', 'j3')!.name;
    const before = createdActors(sim(), name).length;
    const { el, section, dialog } = await openCreate(WORDS.en, 'en');
    (await findByRole('checkbox', { name: "Can't find match in ERP" }, dialog)).click();
    (await findButton('Create', dialog)).click();
    const createDialog = await findByRole('dialog', { name: 'Create in ERP' }, el.shadowRoot!);
    const create = await findButton('Create', createDialog);
    await until(() => create.getAttribute('aria-disabled') !== 'true', 'Create enabled');
    create.click();
    sim().faults.inject('saveLink', { kind: 'network', times: 1 });
    (await findButton('Save', section)).click();
    await findByRole('alert', {}, section);
    (await findButton('Retry', section)).click();
    await until(() => sim().getEntityState(j3).connections[0].link !== null, 'linked');
    expect(createdActors(sim(), name).length).to.equal(before + 1);
  });
});
