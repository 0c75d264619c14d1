import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/erp-sync-admin.js';
import '../../src/define/erp-tab.js';
import type { ErpSyncAdmin } from '../../src/elements/admin/erp-sync-admin/erp-sync-admin.js';
import type { ErpAdminBackend } from '../../src/backend/erp-backend.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { deepElements, findButton, findByRole, findByText, queryAllByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import { configure } from '../../src/backend/config.js';
import { choose, findControl, type } from './admin-helpers.js';
import { useTerms } from '../helpers/terms.js';

const WORDS = useTerms({
  connectors: 'admin.term.connectors',
  connections: 'admin.term.connections',
  add: 'admin.term.add',
  newTitle: 'admin.term.newConnection',
  editTitle: 'admin.term.editConnection',
  scope: 'admin.term.scope',
  everyone: 'admin.term.everyone',
  specific: 'admin.term.specific',
  config: 'admin.term.configFields',
  test: 'admin.term.test',
  ok: 'admin.term.ok',
  active: 'admin.term.active',
  name: 'admin.col.name',
  connector: 'admin.col.connector',
  search: 'admin.term.search',
  find: 'admin.scope.find',
  cancel: 'action.cancel',
});
type Lang = keyof typeof WORDS;

async function admin(lang: Lang = 'en'): Promise<ErpSyncAdmin> {
  const el = await fixture<ErpSyncAdmin>(html`<erp-sync-admin lang=${lang}></erp-sync-admin>`);
  await findByRole('region', { name: WORDS[lang].connections }, el.shadowRoot!);
  return el;
}
const region = (el: ErpSyncAdmin, name: string) => findByRole('region', { name }, el.shadowRoot!);
const dialogNamed = (el: ErpSyncAdmin, name: string) => findByRole('dialog', { name }, el.shadowRoot!);
const textOf = (el: Element) =>
  deepElements(el)
    .flatMap((e) => Array.from((e.shadowRoot ?? e).childNodes))
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent)
    .join(' ')
    .replace(/\s+/g, ' ');

/** Fills a new Contoso connection's mandatory values. */
async function fillContoso(dialog: HTMLElement, lang: Lang, name: string, password = 'pw-1') {
  const w = WORDS[lang];
  type(await findControl(w.name, dialog), name);
  choose(await findControl<HTMLSelectElement>(w.connector, dialog), 'ctr-contoso');
  await findByRole('group', { name: w.config }, dialog);
  type(await findControl('Server URL', dialog), 'https://erp.example');
  type(await findControl('User name', dialog), 'sync');
  type(await findControl('Password', dialog), password);
  type(await findControl('Company database', dialog), 'DB1');
}

describe('admin entry points', () => {
  it('the end-user entry does not import admin code', async () => {
    const source = await (await fetch('/src/index.ts')).text();
    expect(source).not.to.match(/admin/i);
  });

  it('uses a backend object given by the host', async () => {
    const calls: string[] = [];
    const backend = {
      listConnectors: async () => (calls.push('listConnectors'), [{ id: 'x', name: 'Host connector', url: 'https://h.example', usedBy: [] }]),
      listConnections: async () => (calls.push('listConnections'), []),
      listPrincipals: async () => [],
    } as unknown as ErpAdminBackend;
    const el = await fixture<ErpSyncAdmin>(html`<erp-sync-admin .backend=${backend}></erp-sync-admin>`);
    await findByRole('rowheader', { name: 'Host connector' }, el.shadowRoot!);
    expect(calls).to.include.members(['listConnectors', 'listConnections']);
  });
});

describe('<erp-sync-admin> (simulated ERP)', () => {
  const sim = useSimulator();

  it('lists the sync connectors and the ERP connections with connector, scope and Active', async () => {
    const el = await admin();
    const connectors = await region(el, 'Sync Connectors');
    expect(await findByRole('rowheader', { name: 'Contoso Sync Connector' }, connectors)).to.exist;
    const usedBy = (await findByRole('rowheader', { name: 'Contoso Sync Connector' }, connectors)).closest('tr')!;
    expect(usedBy.textContent).to.contain('Contoso ERP').and.contain('Legacy AX');
    const connections = await region(el, 'ERP connections');
    const row = (await findByRole('rowheader', { name: /^Contoso ERP/ }, connections)).closest('tr')!;
    expect(row.textContent).to.contain('Contoso Sync Connector').and.contain('Administrators').and.contain('Sales');
    const legacy = (await findByRole('rowheader', { name: /^Legacy AX/ }, connections)).closest('tr')!;
    expect(legacy.textContent).to.contain('Everyone');
    expect((await findByRole('switch', { name: 'Active Contoso ERP' }, connections)) as HTMLInputElement).to.have.property('checked', true);
    expect((await findByRole('switch', { name: 'Active Legacy AX' }, connections)) as HTMLInputElement).to.have.property('checked', false);
    await expect(el).to.be.accessible();
  });

  it('tells a user who is not an administrator that the settings are for administrators', async () => {
    sim().setCurrentUser('u-ben');
    const el = await fixture<ErpSyncAdmin>(html`<erp-sync-admin></erp-sync-admin>`);
    const alert = await findByRole('alert', {}, el.shadowRoot!);
    expect(alert.textContent).to.contain('Only administrators');
    await expect(el).to.be.accessible();
  });

  describe('Sync Connectors', () => {
    it('adds a connector: the URL is validated and tested', async () => {
      const el = await admin();
      const section = await region(el, 'Sync Connectors');
      (await findButton('Add', section)).click();
      const dialog = await dialogNamed(el, 'Add Sync Connector');
      await expect(el).to.be.accessible();
      type(await findControl('Name', dialog), 'Fabrikam connector');
      const url = await findControl('Connector URL', dialog);
      type(url, 'not a url');
      url.blur();
      await findByText('Enter a web address starting with https:// or http://.', {}, dialog);
      expect(url.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();

      type(url, 'https://down.fabrikam.example/sync');
      (await findButton('Test URL', dialog)).click();
      await until(() => textOf(dialog).includes('Test failed: No answer from down.fabrikam.example'), 'failed test message');

      type(url, 'https://sync.fabrikam.example/sync');
      (await findButton('Test URL', dialog)).click();
      await until(() => textOf(dialog).includes('Test passed: Connector answered'), 'passed test message');
      await expect(el).to.be.accessible();

      (await findButton('OK', dialog)).click();
      await findByRole('rowheader', { name: 'Fabrikam connector' }, section);
      expect(sim().listConnectors().map((c) => c.name)).to.include('Fabrikam connector');
    });

    it('says clearly and within a bounded time when the connector URL does not answer', async function () {
      this.timeout(120_000);
      sim().faults.inject('testConnectorUrl', { kind: 'latency', ms: 20_000 });
      configure({ timeoutMs: 3000 });
      const el = await admin();
      (await findButton('Add', await region(el, 'Sync Connectors'))).click();
      const dialog = await dialogNamed(el, 'Add Sync Connector');
      type(await findControl('Connector URL', dialog), 'https://slow.example/sync');
      (await findButton('Test URL', dialog)).click();
      // The client gives up on its own: the message comes while the simulator still holds its answer.
      await until(() => textOf(dialog).includes('did not answer within'), 'timeout message', 19_000);
      expect(sim().faults.answered('testConnectorUrl'), 'the slow answer had not come yet').to.equal(0);
      expect(((await findControl('Connector URL', dialog)) as HTMLInputElement).value).to.equal('https://slow.example/sync');
    });

    it('edits a connector', async () => {
      const el = await admin();
      const section = await region(el, 'Sync Connectors');
      (await findButton('Edit Spare connector (unused)', section)).click();
      const dialog = await dialogNamed(el, 'Edit Sync Connector');
      const name = await findControl('Name', dialog);
      expect(name.value).to.equal('Spare connector (unused)');
      type(name, 'Spare connector');
      (await findButton('OK', dialog)).click();
      await findByRole('rowheader', { name: 'Spare connector' }, section);
    });

    it('refuses to remove a used connector and names the connections that use it', async () => {
      const el = await admin();
      const section = await region(el, 'Sync Connectors');
      (await findButton('Remove Contoso Sync Connector', section)).click();
      await until(() => textOf(section).includes('Contoso Sync Connector cannot be removed'), 'in-use message');
      const alert = queryAllByRole('alert', {}, section).find((a) => a.textContent!.includes('cannot be removed'))!;
      expect(alert.textContent).to.contain('Contoso ERP').and.contain('Legacy AX');
      expect(sim().listConnectors().some((c) => c.id === 'ctr-contoso')).to.equal(true);
    });

    it('removes an unused connector after confirmation', async () => {
      const el = await admin();
      const section = await region(el, 'Sync Connectors');
      (await findButton('Remove Spare connector (unused)', section)).click();
      const confirm = await findByRole('dialog', { name: 'Remove Spare connector (unused)?' }, el.shadowRoot!);
      (await findButton('Remove', confirm)).click();
      await until(() => queryAllByRole('rowheader', { name: 'Spare connector (unused)' }, section).length === 0, 'row gone');
      expect(sim().listConnectors().some((c) => c.id === 'ctr-spare')).to.equal(false);
    });
  });

  describe('Define new ERP connection', () => {
    for (const lang of ['en', 'de', 'da', 'nl'] as const) {
      it(`main path in ${lang}: scope, configuration fields, test, OK`, async () => {
        const w = WORDS[lang];
        const el = await admin(lang);
        const connections = await region(el, w.connections);
        (await findButton(w.add, connections)).click();
        const dialog = await dialogNamed(el, w.newTitle);
        const ok = await findButton(w.ok, dialog);
        expect(ok.disabled).to.equal(true);
        await expect(el).to.be.accessible();

        await fillContoso(dialog, lang, `Fabrikam ${lang}`);
        // Scope: specific users and groups, picked with search.
        (await findByRole('radio', { name: w.specific }, dialog)).click();
        type(await findControl(w.find, dialog), 'fin');
        (await findButton(w.search, dialog)).click();
        (await findByRole('checkbox', { name: /^Finance/ }, dialog)).click();
        await expect(el).to.be.accessible();
        expect(ok.disabled).to.equal(true, 'not tested yet');

        (await findButton(w.test, dialog)).click();
        await until(() => !ok.disabled, 'OK enabled after a passed test');
        await expect(el).to.be.accessible();

        // A change after the test asks for another one.
        type(await findControl('Company database', dialog), 'DB2');
        await until(() => ok.disabled, 'OK disabled after a change');
        (await findButton(w.test, dialog)).click();
        await until(() => !ok.disabled, 'OK enabled after the second test');

        ok.click();
        await until(() => queryAllByRole('dialog', { name: w.newTitle }, el.shadowRoot!).length === 0, 'dialog closed');
        const row = (await findByRole('rowheader', { name: new RegExp(`^Fabrikam ${lang}`) }, connections)).closest('tr')!;
        expect(row.textContent).to.contain('Finance');
        const stored = sim().listConnections().find((c) => c.name === `Fabrikam ${lang}`)!;
        expect(stored.scope).to.deep.equal({ kind: 'specific', principals: ['g-finance'] });
        expect(stored.config.companyDb).to.equal('DB2');
        expect(stored.config.password).to.deep.equal({ set: true });
        expect(stored.active).to.equal(false);
      });
    }

    it('a failed test shows the connector message and keeps every value', async () => {
      const el = await admin();
      (await findButton('Add', await region(el, 'ERP connections'))).click();
      const dialog = await dialogNamed(el, 'Define new ERP connection');
      await fillContoso(dialog, 'en', 'Wrong password', 'wrong');
      (await findButton('Test ERP connection', dialog)).click();
      await until(() => textOf(dialog).includes('Test failed: Authentication failed'), 'connector message');
      expect((await findButton('OK', dialog)).disabled).to.equal(true);
      expect((await findControl('Name', dialog)).value).to.equal('Wrong password');
      expect((await findControl('Server URL', dialog)).value).to.equal('https://erp.example');
      expect((await findControl('Password', dialog)).value).to.equal('wrong');
      await expect(el).to.be.accessible();
    });

    it('explains a duplicate name and keeps every value', async () => {
      const el = await admin();
      (await findButton('Add', await region(el, 'ERP connections'))).click();
      const dialog = await dialogNamed(el, 'Define new ERP connection');
      await fillContoso(dialog, 'en', 'contoso erp');
      const ok = await findButton('OK', dialog);
      (await findButton('Test ERP connection', dialog)).click();
      await until(() => !ok.disabled, 'tested');
      ok.click();
      await until(() => textOf(dialog).includes('The name "contoso erp" is already used'), 'duplicate message');
      expect(queryAllByRole('dialog', { name: 'Define new ERP connection' }, el.shadowRoot!)).to.have.length(1);
      expect((await findControl('Name', dialog)).value).to.equal('contoso erp');
      expect((await findControl('Company database', dialog)).value).to.equal('DB1');
      await expect(el).to.be.accessible();
    });

    it('keeps every value when the save fails', async () => {
      sim().faults.inject('addConnection', { kind: 'problem', status: 503, code: 'unavailable', times: 1 });
      const el = await admin();
      (await findButton('Add', await region(el, 'ERP connections'))).click();
      const dialog = await dialogNamed(el, 'Define new ERP connection');
      await fillContoso(dialog, 'en', 'Retry me');
      const ok = await findButton('OK', dialog);
      (await findButton('Test ERP connection', dialog)).click();
      await until(() => !ok.disabled, 'tested');
      ok.click();
      await until(() => textOf(dialog).includes('Not saved.'), 'save error');
      expect((await findControl('Name', dialog)).value).to.equal('Retry me');
      expect(ok.disabled).to.equal(false);
      ok.click();
      await findByRole('rowheader', { name: /^Retry me/ }, await region(el, 'ERP connections'));
    });

    it('opens and closes with the keyboard only; focus returns to Add', async () => {
      const el = await admin();
      const add = await findButton('Add', await region(el, 'ERP connections'));
      add.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = await dialogNamed(el, 'Define new ERP connection');
      await sendKeys({ type: 'Typed name' });
      expect((await findControl('Name', dialog)).value).to.equal('Typed name');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Escape' });
      await until(() => queryAllByRole('dialog', { name: 'Define new ERP connection' }, el.shadowRoot!).length === 0, 'closed');
      const active = deepElements(el.shadowRoot!).find((e) => e === add);
      expect(active!.matches(':focus')).to.equal(true);
    });
  });

  describe('Configure ERP connection', () => {
    it('edits the name and scope of an active connection; config fields only after deactivating', async () => {
      const el = await admin();
      const connections = await region(el, 'ERP connections');
      (await findButton('Configure Contoso ERP', connections)).click();
      const dialog = await dialogNamed(el, 'Configure ERP connection');
      await findByText('Set (hidden)', {}, dialog);
      expect(queryAllByRole('button', { name: 'Change Password' }, dialog)).to.have.length(0);
      const server = await findControl('Server URL', dialog);
      expect(server.readOnly).to.equal(true);
      expect(textOf(dialog)).to.contain('can only be changed while it is not active');
      await expect(el).to.be.accessible();

      // Name and scope can change while active; no new test is needed.
      type(await findControl('Name', dialog), 'Contoso ERP (main)');
      (await findByRole('radio', { name: 'Everyone' }, dialog)).click();
      const ok = await findButton('OK', dialog);
      await until(() => !ok.disabled, 'OK enabled without a test');
      ok.click();
      await findByRole('rowheader', { name: /^Contoso ERP \(main\)/ }, connections);
      const stored = sim().listConnections().find((c) => c.id === 'conn-a')!;
      expect(stored.scope).to.deep.equal({ kind: 'everyone' });
      expect(stored.active).to.equal(true);
    });

    it('offers to deactivate first, then edits config fields and changes the password', async () => {
      const el = await admin();
      const connections = await region(el, 'ERP connections');
      (await findButton('Configure Contoso ERP', connections)).click();
      const dialog = await dialogNamed(el, 'Configure ERP connection');
      (await findButton('Deactivate to change configuration', dialog)).click();
      await until(() => textOf(dialog).includes('is no longer active'), 'deactivated');
      const server = await findControl('Server URL', dialog);
      expect(server.readOnly).to.equal(false);
      (await findButton('Change Password', dialog)).click();
      const password = await findControl('Password', dialog);
      expect(password.value).to.equal('');
      type(password, 'new-secret');
      const ok = await findButton('OK', dialog);
      expect(ok.disabled).to.equal(true);
      await expect(el).to.be.accessible();
      (await findButton('Test ERP connection', dialog)).click();
      await until(() => !ok.disabled, 'tested');
      ok.click();
      await until(() => queryAllByRole('dialog', { name: 'Configure ERP connection' }, el.shadowRoot!).length === 0, 'closed');
      // The password is never echoed: Configure shows it as set again.
      (await findButton('Configure Contoso ERP', connections)).click();
      await findByText('Set (hidden)', {}, await dialogNamed(el, 'Configure ERP connection'));
      expect(JSON.stringify(sim().listConnections())).not.to.contain('new-secret');
      expect(((await findByRole('switch', { name: 'Active Contoso ERP' }, connections)) as HTMLInputElement).checked).to.equal(false);
    });
  });

  describe('Active', () => {
    it('shows the backend explanation when activation fails', async () => {
      const el = await admin();
      const connections = await region(el, 'ERP connections');
      const toggle = (await findByRole('switch', { name: 'Active Legacy AX' }, connections)) as HTMLInputElement;
      toggle.click();
      await until(() => textOf(connections).includes('Legacy AX could not be activated.'), 'activation error');
      expect(textOf(connections)).to.contain('Missing configuration: Password');
      expect(toggle.checked).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('toggles with the keyboard (Space) and reports the refusal', async () => {
      const el = await admin();
      const connections = await region(el, 'ERP connections');
      const toggle = (await findByRole('switch', { name: 'Active Legacy AX' }, connections)) as HTMLInputElement;
      toggle.focus();
      await sendKeys({ press: 'Space' });
      await until(() => textOf(connections).includes('Legacy AX could not be activated.'), 'activation error');
      expect(toggle.checked).to.equal(false);
      expect(sim().listConnections().find((c) => c.id === 'conn-c')!.active).to.equal(false);
    });

    it('an end user sees a connection only while it is active (deactivate Northwind Finance)', async () => {
      const el = await admin();
      const connections = await region(el, 'ERP connections');
      (await findByRole('switch', { name: 'Active Northwind Finance' }, connections)).click();
      await until(() => textOf(connections).includes('Northwind Finance is not active.'), 'deactivated');
      el.remove();
      const tab = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c1"></erp-tab>`);
      await findByRole('region', { name: 'Contoso ERP' }, tab.shadowRoot!);
      expect(queryAllByRole('region', { name: 'Northwind Finance' }, tab.shadowRoot!)).to.have.length(0);
    });

    it('an end user sees a connection only while in its scope', async () => {
      sim().setCurrentUser('u-eve');
      const tab = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c1"></erp-tab>`);
      await findByRole('region', { name: 'Northwind Finance' }, tab.shadowRoot!);
      expect(queryAllByRole('region', { name: 'Contoso ERP' }, tab.shadowRoot!)).to.have.length(0);
    });
  });
});
