// Concurrency: double and triple clicks on every action send exactly one request; an action in flight
// marks its button busy and keeps its accessible name; closing a dialog or removing the element aborts
// its requests (no update, no console error or warning afterwards); every non-idempotent write carries
// an Idempotency-Key. Requests are counted by wrapping `fetch` through `configure({ fetch })`.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import '../../src/define/erp-connect-dialog.js';
import '../../src/define/erp-sync-admin.js';
import { configure } from '../../src/backend/config.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import type { ErpSyncAdmin } from '../../src/elements/admin/erp-sync-admin/erp-sync-admin.js';
import { deepElements, findButton, findByRole, nameOf, queryAllByRole, until } from '../helpers/queries.js';
import { showConnectDialog } from '../helpers/connect-dialog.js';
import { useSimulator } from '../helpers/sim.js';
import { choose, findControl, type } from '../admin/admin-helpers.js';
import { nextTask } from '../helpers/events.js';
import type { OperationName } from '../../simulated-erp/index.js';

interface Sent {
  method: string;
  path: string;
  signal: AbortSignal | undefined;
  key: string | null;
  settled: boolean;
}

/** Records every request the widget sends (then sends it on to the simulated ERP). */
function recordRequests(): Sent[] {
  const sent: Sent[] = [];
  configure({
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, document.baseURI);
      const entry: Sent = {
        method: init?.method ?? 'GET',
        path: url.pathname.replace(/^\/api\/erp/, ''),
        signal: init?.signal ?? undefined,
        key: new Headers(init?.headers).get('Idempotency-Key'),
        settled: false,
      };
      sent.push(entry);
      try {
        return await fetch(input, init);
      } finally {
        entry.settled = true;
      }
    },
  });
  return sent;
}

const count = (sent: Sent[], method: string, path: RegExp) => sent.filter((s) => s.method === method && path.test(s.path)).length;

/** Clicks `times` times in a row (no rendering in between), then once more after the element re-rendered. */
async function hammer(button: HTMLElement, times = 3): Promise<void> {
  for (let i = 0; i < times; i++) button.click();
  await nextTask();
  button.click();
}

/** While its request is in flight, the button is marked busy (or disabled) and keeps its accessible name. */
async function expectBusyWhileInFlight(button: HTMLElement, name: string) {
  await until(
    () => button.getAttribute('aria-busy') === 'true' || (button as HTMLButtonElement).disabled || button.getAttribute('aria-disabled') === 'true',
    `${name} marked busy`,
  );
  expect(nameOf(button)).to.equal(name);
}

/** Console errors and warnings (dev warnings from Lit included) during the test. */
function watchConsole(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => {
    messages.push(`error: ${args.map(String).join(' ')}`);
    error.apply(console, args);
  };
  console.warn = (...args: unknown[]) => {
    messages.push(`warn: ${args.map(String).join(' ')}`);
    warn.apply(console, args);
  };
  return { messages, restore: () => Object.assign(console, { error, warn }) };
}

const section = (tab: ErpTab, name: string) => findByRole('region', { name }, tab.shadowRoot!);

describe('concurrency', () => {
  const sim = useSimulator();
  let sent: Sent[];
  let consoleWatch: ReturnType<typeof watchConsole>;

  beforeEach(() => {
    sent = recordRequests();
    consoleWatch = watchConsole();
  });

  /**
   * Holds the simulator's next answer of `op`. `settle()` lets it go and returns once the page has
   * every answer it asked for and has run their handlers: what was not sent by then was not sent.
   */
  function holdAnswer(op: OperationName) {
    const held = sim().faults.hold(op);
    return {
      arrived: held.arrived,
      async settle() {
        held.release();
        await held.answered;
        await until(() => sent.every((s) => s.settled), 'every answer received');
        await nextTask();
      },
    };
  }
  afterEach(() => {
    consoleWatch.restore();
    configure({ fetch: undefined });
  });

  describe('<erp-tab>', () => {
    it('Sync now: a triple click sends one request with an Idempotency-Key; busy while in flight', async () => {
      const held = holdAnswer('syncNow');
      const tab = await fixture<ErpTab>(html`<erp-tab lang="en" entity="company" entity-id="c1"></erp-tab>`);
      const contoso = await section(tab, 'Contoso ERP');
      const sync = await findButton('Sync now', contoso);
      await hammer(sync);
      await held.arrived;
      await expectBusyWhileInFlight(sync, 'Sync now');
      await hammer(sync, 2);
      await held.settle();
      expect(count(sent, 'POST', /\/links\/conn-a\/sync$/)).to.equal(1);
      expect(sent.find((s) => s.path.endsWith('/sync'))!.key).to.match(/^[0-9a-f-]{36}$/);
    });

    it('Disconnect confirm and Save: one DELETE with an Idempotency-Key; Save busy while in flight', async () => {
      const held = holdAnswer('removeLink');
      const tab = await fixture<ErpTab>(html`<erp-tab lang="en" entity="company" entity-id="c1"></erp-tab>`);
      const contoso = await section(tab, 'Contoso ERP');
      (await findButton('Edit', contoso)).click();
      (await findButton('Disconnect', contoso)).click();
      const confirm = await findByRole('dialog', { name: 'Disconnect' }, tab.shadowRoot!);
      await hammer(await findButton('Disconnect', confirm));
      await until(() => queryAllByRole('dialog', { name: 'Disconnect' }, tab.shadowRoot!).length === 0, 'confirm closed');
      expect(count(sent, 'DELETE', /links/), 'confirming only stages the change').to.equal(0);
      const save = await findButton('Save', contoso);
      await hammer(save);
      await held.arrived;
      await expectBusyWhileInFlight(save, 'Save');
      await hammer(save, 2);
      await held.settle();
      expect(count(sent, 'DELETE', /\/links\/conn-a$/)).to.equal(1);
      expect(sent.find((s) => s.method === 'DELETE')!.key).to.match(/^[0-9a-f-]{36}$/);
    });

    it('removing the element aborts its request in flight, with no update and no console error afterwards', async () => {
      const held = holdAnswer('syncNow');
      const tab = await fixture<ErpTab>(html`<erp-tab lang="en" entity="company" entity-id="c1"></erp-tab>`);
      const sync = await findButton('Sync now', await section(tab, 'Contoso ERP'));
      sync.click();
      await held.arrived;
      const request = sent.find((s) => s.path.endsWith('/sync'))!;
      const events: string[] = [];
      for (const type of ['erp-sync', 'erp-error', 'erp-link-change']) tab.addEventListener(type, () => events.push(type));
      tab.remove();
      expect(request.signal?.aborted, 'signal aborted').to.equal(true);
      await held.settle();
      expect(sim().faults.answered('syncNow'), 'the simulator answered').to.equal(1);
      expect(events, 'events after removal').to.deep.equal([]);
      expect(consoleWatch.messages).to.deep.equal([]);
    });
  });

  describe('<erp-connect-dialog>', () => {
    async function openDialog(entityId: string) {
      const { el, root } = await showConnectDialog(entityId);
      const status = () => root.querySelector('[role="status"]')!.textContent!.trim();
      await until(() => status() !== '' && !status().endsWith('…'), 'first search done');
      return { el, root, status };
    }
    const searches = () => count(sent, 'POST', /\/search$/);

    it('Search, Load more and Connect: one request per triple click, busy while in flight', async () => {
      const { root, status } = await openDialog('c2');
      const input = (await findByRole('textbox', { name: 'Search text' }, root)) as HTMLInputElement;
      input.value = '';
      input.dispatchEvent(new Event('input'));
      const before = searches();
      const search = holdAnswer('searchActors');
      await hammer(await findButton('Search', root));
      await search.arrived;
      await search.settle();
      await until(() => /shown$/.test(status()), 'all customers listed');
      expect(searches() - before, 'Search').to.equal(1);

      const page = holdAnswer('searchActors');
      const more = await findButton('Load more', root);
      await hammer(more);
      await page.arrived;
      await expectBusyWhileInFlight(more, 'Load more');
      await page.settle();
      await until(() => /100 shown$/.test(status()), 'second page');
      expect(searches() - before, 'Search + Load more').to.equal(2);

      queryAllByRole('option', {}, root)[0]!.click();
      const compare = holdAnswer('compare');
      const connect = await findButton('Connect', root);
      await hammer(connect);
      await compare.arrived;
      await expectBusyWhileInFlight(connect, 'Connect');
      await compare.settle();
      await until(() => root.querySelector('erp-conflict-picker'), 'compare step');
      expect(count(sent, 'POST', /\/compare$/)).to.equal(1);
    });

    it('Create: one request per triple click', async () => {
      const { el, root } = await openDialog('c6');
      (await findByRole('checkbox', { name: "Can't find match in ERP" }, root)).click();
      await el.updateComplete;
      const anyway = queryAllByRole('button', { name: 'Create anyway' }, root)[0];
      if (anyway) {
        // Strong matches guard Create: say why, as a user would.
        anyway.click();
        const reason = (await findByRole('textbox', { name: /^Why create a new ERP record anyway/ }, root)) as HTMLTextAreaElement;
        type(reason, 'Separate legal entity');
      }
      const fields = holdAnswer('getNewActorFields');
      const create = await findButton('Create', root);
      await hammer(create);
      await fields.arrived;
      await fields.settle();
      await until(() => root.querySelector('erp-create-form'), 'create step');
      expect(count(sent, 'GET', /\/new-actor-fields$/)).to.equal(1);
    });

    it('closing the dialog aborts its search in flight; no console error afterwards', async () => {
      const { el, root } = await openDialog('c2');
      const held = holdAnswer('searchActors');
      (await findButton('Search', root)).click();
      await held.arrived;
      const request = sent[sent.length - 1]!;
      el.close();
      expect(request.signal?.aborted).to.equal(true);
      await held.settle();
      expect(consoleWatch.messages).to.deep.equal([]);
    });
  });

  describe('administration', () => {
    async function admin(): Promise<ErpSyncAdmin> {
      const el = await fixture<ErpSyncAdmin>(html`<erp-sync-admin lang="en"></erp-sync-admin>`);
      await findByRole('region', { name: 'ERP connections' }, el.shadowRoot!);
      return el;
    }
    const dialogNamed = (scope: ParentNode, name: string) => findByRole('dialog', { name }, scope);

    it('Add connector: Test URL and OK send one request each; the POST carries an Idempotency-Key', async () => {
      const el = await admin();
      const connectors = await findByRole('region', { name: 'Sync Connectors' }, el.shadowRoot!);
      await hammer(await findButton('Add', connectors));
      const dialog = await dialogNamed(el.shadowRoot!, 'Add Sync Connector');
      type(await findControl('Name', dialog), 'Fabrikam connector');
      type(await findControl('Connector URL', dialog), 'https://sync.fabrikam.example/sync');
      const tested = holdAnswer('testConnectorUrl');
      const test = await findButton('Test URL', dialog);
      await hammer(test);
      await tested.arrived;
      await expectBusyWhileInFlight(test, 'Test URL');
      await tested.settle();
      await until(() => dialog.textContent !== null && deepElements(dialog).some((e) => /Test passed/.test(e.textContent ?? '')), 'tested');
      expect(count(sent, 'POST', /\/admin\/connectors\/test-url$/)).to.equal(1);
      const added = holdAnswer('addConnector');
      const ok = await findButton('OK', dialog);
      await hammer(ok);
      await added.arrived;
      await added.settle();
      await findByRole('rowheader', { name: 'Fabrikam connector' }, connectors);
      expect(count(sent, 'POST', /\/admin\/connectors$/)).to.equal(1);
      expect(sent.find((s) => s.method === 'POST' && s.path === '/admin/connectors')!.key).to.match(/^[0-9a-f-]{36}$/);
      expect(sim().listConnectors().filter((c) => c.name === 'Fabrikam connector')).to.have.length(1);
    });

    it('Add connection: Test and OK send one request each', async () => {
      const el = await admin();
      const connections = await findByRole('region', { name: 'ERP connections' }, el.shadowRoot!);
      (await findButton('Add', connections)).click();
      const dialog = await dialogNamed(el.shadowRoot!, 'Define new ERP connection');
      type(await findControl('Name', dialog), 'Fabrikam');
      choose(await findControl<HTMLSelectElement>('Sync connector', dialog), 'ctr-contoso');
      await findByRole('group', { name: 'Configuration fields' }, dialog);
      type(await findControl('Server URL', dialog), 'https://erp.example');
      type(await findControl('User name', dialog), 'sync');
      type(await findControl('Password', dialog), 'pw');
      type(await findControl('Company database', dialog), 'DB1');
      const tested = holdAnswer('testConnectionConfig');
      const test = await findButton('Test ERP connection', dialog);
      await hammer(test);
      await tested.arrived;
      await expectBusyWhileInFlight(test, 'Test ERP connection');
      await tested.settle();
      const ok = await findButton('OK', dialog);
      await until(() => !ok.disabled, 'tested');
      expect(count(sent, 'POST', /\/admin\/connections\/test$/)).to.equal(1);
      const added = holdAnswer('addConnection');
      await hammer(ok);
      await added.arrived;
      await added.settle();
      await findByRole('rowheader', { name: /^Fabrikam/ }, connections);
      expect(count(sent, 'POST', /\/admin\/connections$/)).to.equal(1);
      expect(sent.find((s) => s.method === 'POST' && s.path === '/admin/connections')!.key).to.match(/^[0-9a-f-]{36}$/);
      expect(sim().listConnections().filter((c) => c.name === 'Fabrikam')).to.have.length(1);
    });

    async function openMappings(el: ErpSyncAdmin): Promise<HTMLElement> {
      (await findButton('Mappings Contoso ERP', el.shadowRoot!)).click();
      const region = await findByRole('region', { name: 'Mappings: Contoso ERP' }, el.shadowRoot!);
      await findByRole('tab', { name: 'Customer' }, region);
      return region;
    }

    it('Done (mapping) and Resync from CRM send one request each; resync carries an Idempotency-Key', async () => {
      const el = await admin();
      const region = await openMappings(el);
      const p = await findByRole('tabpanel', {}, region);
      choose(await findControl<HTMLSelectElement>('Direction Notes', p), 'erp-to-crm');
      const saved = holdAnswer('saveActorTypeMapping');
      const done = await findButton('Done', p);
      await hammer(done);
      await saved.arrived;
      await expectBusyWhileInFlight(done, 'Done');
      await saved.settle();
      expect(count(sent, 'PUT', /\/mapping$/)).to.equal(1);

      const resync = await findByRole('region', { name: 'Resync from CRM' }, region);
      (await findButton('Resync from CRM', resync)).click();
      const resynced = holdAnswer('resync');
      await hammer(await findButton('Resync from CRM', await dialogNamed(resync, 'Resync from CRM')));
      await resynced.arrived;
      await resynced.settle();
      expect(count(sent, 'POST', /\/resync$/)).to.equal(1);
      expect(sent.find((s) => /\/resync$/.test(s.path))!.key).to.match(/^[0-9a-f-]{36}$/);
    });

    it('List mapping Save and Add default OK send one request each', async () => {
      const el = await admin();
      const p = await findByRole('tabpanel', {}, await openMappings(el));
      (await findButton('List mapping Country', p)).click();
      const dialog = await dialogNamed(p, 'List mapping: Country');
      choose(await findControl<HTMLSelectElement>('CRM item for Germany', dialog), '');
      const save = await findButton('Save', dialog);
      await until(() => !save.disabled, 'save enabled');
      const saved = holdAnswer('saveListMapping');
      await hammer(save);
      await saved.arrived;
      await expectBusyWhileInFlight(save, 'Save');
      await saved.settle();
      expect(count(sent, 'PUT', /\/list-mappings\//)).to.equal(1);
      (dialog as unknown as HTMLDialogElement).close();

      const defaults = await findByRole('region', { name: 'Defaults' }, p);
      (await findButton('Add', defaults)).click();
      const add = await dialogNamed(p, 'Add sync default value');
      choose(await findControl<HTMLSelectElement>('ERP field', add), 'phone');
      (await findByRole('checkbox', { name: 'Ask user for value' }, add)).click();
      const defaultSaved = holdAnswer('saveDefaults');
      await hammer(await findButton('OK', add));
      await defaultSaved.arrived;
      await defaultSaved.settle();
      expect(count(sent, 'PUT', /\/defaults$/)).to.equal(1);
    });

    it('Import sends one request per triple click, with an Idempotency-Key', async () => {
      const el = await admin();
      (await findButton('ERP sync', el.shadowRoot!)).click();
      const dialog = await dialogNamed(el.shadowRoot!, 'Select ERP connection');
      choose(await findControl<HTMLSelectElement>('ERP connection', dialog), 'conn-c');
      const typeSelect = await findControl<HTMLSelectElement>('Actor type', dialog);
      await until(() => typeSelect.options.length > 0, 'types');
      const next = await findButton('Next', dialog);
      await until(() => !next.disabled, 'next enabled');
      next.click();
      await dialogNamed(el.shadowRoot!, 'Search ERP');
      type(await findControl('Value', dialog), '1000');
      const before = count(sent, 'POST', /\/search/);
      await hammer(await findButton('Search', dialog));
      const results = await findByRole('table', { name: 'Search results' }, dialog);
      expect(count(sent, 'POST', /\/search/) - before, 'Search').to.equal(1);
      (queryAllByRole('checkbox', { name: /^Select / }, results)[0] as HTMLInputElement).click();
      await hammer(await findButton('Add Import', dialog));
      await findByRole('heading', { name: 'To import (1)' }, dialog);
      const imported = holdAnswer('importActors');
      const importButton = await findButton('Import', dialog);
      await hammer(importButton);
      await imported.arrived;
      await imported.settle();
      await dialogNamed(el.shadowRoot!, 'Import');
      expect(count(sent, 'POST', /\/import$/)).to.equal(1);
      expect(sent.find((s) => /\/import$/.test(s.path))!.key).to.match(/^[0-9a-f-]{36}$/);
    });
  });
});
