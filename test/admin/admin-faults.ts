// The fault table of the admin editors: every editor's save against every fault the simulator offers.
// Each editor's test file (admin-faults-*.test.ts; one file per editor keeps each file's run short)
// calls describeEditorFaults(): a localized message appears (401 "sign in again" and 403 "no access"
// told apart), nothing is thrown uncaught, the admin's edits stay in the form, a 409 offers Reload on
// versioned records, and once the fault is gone the same Save succeeds (applied once).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-sync-admin.js';
import { configure, DEFAULT_TIMEOUT_MS } from '../../src/backend/config.js';
import type { ErpSyncAdmin } from '../../src/elements/admin/erp-sync-admin/erp-sync-admin.js';
import type { Fault, OperationName } from '../../simulated-erp/faults.js';
import type { ErpSimulator } from '../../simulated-erp/simulator.js';
import { findButton, findByRole, queryAllByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import { alertSays, choose, dialogNamed, findControl, openMappings, status, textOf, type } from './admin-helpers.js';

/** The client timeout while a slow answer is injected (the answer comes after twice that). */
const TIMEOUT_MS = 300;

interface FaultCase {
  id: string;
  fault: Fault;
  /** A fragment of the English message the editor must show. */
  message: string;
}

const FAULTS: FaultCase[] = [
  { id: 'latency past the client timeout', fault: { kind: 'latency', ms: TIMEOUT_MS * 2 }, message: 'The server took too long to answer.' },
  { id: '400', fault: { kind: 'problem', status: 400, code: 'invalid-body', detail: 'Injected bad request' }, message: 'The request failed: Injected bad request' },
  { id: '401', fault: { kind: 'problem', status: 401, code: 'unauthenticated' }, message: 'Your session has expired. Sign in again.' },
  { id: '403', fault: { kind: 'problem', status: 403, code: 'no-access' }, message: 'You do not have access to this.' },
  { id: '404', fault: { kind: 'problem', status: 404, code: 'not-found' }, message: 'This record was not found.' },
  { id: '409', fault: { kind: 'problem', status: 409, code: 'version-conflict' }, message: 'Another administrator saved these settings meanwhile.' },
  { id: '422', fault: { kind: 'problem', status: 422, code: 'validation-failed', detail: 'Injected invalid value', field: '/name' }, message: 'Please check the input: Injected invalid value' },
  { id: '500', fault: { kind: 'problem', status: 500, code: 'internal-error' }, message: 'The ERP service is not available right now.' },
  { id: '503', fault: { kind: 'problem', status: 503, code: 'unavailable' }, message: 'The ERP service is not available right now.' },
  { id: 'malformed JSON', fault: { kind: 'malformed' }, message: 'could not be read' },
  { id: 'contract-violating body', fault: { kind: 'body', body: { unexpected: '<b>x</b>' } }, message: 'in an unexpected format' },
  { id: 'network error', fault: { kind: 'network' }, message: 'The server could not be reached.' },
];

/** One editor, opened with an unsaved edit. */
interface Session {
  /** Where the editor shows its alert and status. */
  scope: HTMLElement;
  save(): Promise<void>;
  /** Fails unless the admin's edit is still in the form. */
  editKept(): Promise<unknown>;
  /** Resolves once the save succeeded (on screen and in the simulated ERP). */
  saved(): Promise<void>;
}

interface Editor {
  name: string;
  op: OperationName;
  /** Whether the record is versioned (a 409 offers Reload). */
  versioned: boolean;
  open(el: ErpSyncAdmin, sim: ErpSimulator): Promise<Session>;
}

const root = (el: ErpSyncAdmin) => el.shadowRoot!;
const checked = async (name: string, scope: HTMLElement) => ((await findByRole('checkbox', { name }, scope)) as HTMLInputElement).checked;

export const EDITORS: Editor[] = [
  {
    name: 'Configure ERP connection',
    op: 'updateConnection',
    versioned: true,
    async open(el, sim) {
      const connections = await findByRole('region', { name: 'ERP connections' }, root(el));
      (await findButton('Configure Contoso ERP', connections)).click();
      const dialog = await dialogNamed(root(el), 'Configure ERP connection');
      type(await findControl('Name', dialog), 'Contoso ERP (main)');
      const ok = await findButton('OK', dialog);
      await until(() => !ok.disabled, 'OK enabled');
      return {
        scope: dialog,
        save: async () => (await findButton('OK', dialog)).click(),
        editKept: async () => expect((await findControl('Name', dialog)).value).to.equal('Contoso ERP (main)'),
        saved: () => until(() => sim.getConnection('conn-a').name === 'Contoso ERP (main)' && !(dialog as unknown as HTMLDialogElement).open, 'saved'),
      };
    },
  },
  {
    name: 'Mappings',
    op: 'saveActorTypeMapping',
    versioned: true,
    async open(el, sim) {
      const panel = await openMappings(el);
      (await findByRole('checkbox', { name: 'Show in ERP tab City' }, panel)).click();
      return {
        scope: panel,
        save: async () => (await findButton('Done', panel)).click(),
        editKept: async () => expect(await checked('Show in ERP tab City', panel)).to.equal(false),
        saved: async () => {
          await status(panel, 'Mappings saved.');
          expect(sim.getActorTypeMapping('conn-a', 'customer').fields.find((f) => f.erpField.key === 'city')!.showInTab).to.equal(false);
        },
      };
    },
  },
  {
    name: 'List mapping',
    op: 'saveListMapping',
    versioned: true,
    async open(el, sim) {
      const panel = await openMappings(el);
      (await findButton('List mapping Country', panel)).click();
      const dialog = await dialogNamed(panel, 'List mapping: Country');
      choose(await findControl<HTMLSelectElement>('CRM item for Germany', dialog), '');
      return {
        scope: dialog,
        save: async () => (await findButton('Save', dialog)).click(),
        editKept: async () => expect((await findControl<HTMLSelectElement>('CRM item for Germany', dialog)).value).to.equal(''),
        saved: async () => {
          await status(dialog, 'List mapping saved.');
          expect(sim.getListMapping('conn-a', 'countries').map.DE).to.equal(null);
        },
      };
    },
  },
  {
    name: 'Add sync default value',
    op: 'saveDefaults',
    versioned: true,
    async open(el, sim) {
      const panel = await openMappings(el);
      const defaults = await findByRole('region', { name: 'Defaults' }, panel);
      const add = await findButton('Add', defaults);
      await until(() => !add.disabled, 'defaults loaded');
      add.click();
      const dialog = await dialogNamed(panel, 'Add sync default value');
      choose(await findControl<HTMLSelectElement>('ERP field', dialog), 'city');
      (await findByRole('checkbox', { name: 'Set default value' }, dialog)).click();
      type(await findControl('City', dialog), 'Berlin');
      const ok = await findButton('OK', dialog);
      await until(() => !ok.disabled, 'OK enabled');
      return {
        scope: dialog,
        save: async () => (await findButton('OK', dialog)).click(),
        editKept: async () => {
          expect((dialog as unknown as HTMLDialogElement).open).to.equal(true);
          expect((await findControl('City', dialog)).value).to.equal('Berlin');
        },
        saved: async () => {
          await status(defaults, 'Default for City saved.');
          expect(sim.getDefaults('conn-a', 'customer').defaults.find((d) => d.field === 'city')).to.deep.include({ value: 'Berlin' });
        },
      };
    },
  },
  {
    name: 'Rank Fields',
    op: 'saveRank',
    versioned: true,
    async open(el, sim) {
      const rank = await findByRole('region', { name: 'Rank Fields' }, await openMappings(el));
      (await findButton('Move Name down', rank)).click();
      await findByRole('listitem', { name: /^Name, position 2 of/ }, rank);
      return {
        scope: rank,
        save: async () => (await findButton('Save', rank)).click(),
        editKept: async () => void (await findByRole('listitem', { name: /^Name, position 2 of/ }, rank)),
        saved: async () => {
          await status(rank, 'The new order is saved.');
          const tab = sim.getActorTypeMapping('conn-a', 'customer').fields.filter((f) => f.showInTab);
          expect(tab[1]!.erpField.key).to.equal('name');
        },
      };
    },
  },
  {
    name: 'Set Sync Priority',
    op: 'saveSyncPriority',
    versioned: true,
    async open(el, sim) {
      const region = await findByRole('region', { name: 'Set Sync Priority' }, root(el));
      (await findButton('Move Northwind Finance up', region)).click();
      await findByRole('listitem', { name: /^Northwind Finance, position 1 of 2/ }, region);
      return {
        scope: region,
        save: async () => (await findButton('Save', region)).click(),
        editKept: async () => void (await findByRole('listitem', { name: /^Northwind Finance, position 1 of 2/ }, region)),
        saved: async () => {
          await status(region, 'The sync priority is saved.');
          expect(sim.listConnections()[0]!.id).to.equal('conn-b');
        },
      };
    },
  },
  {
    name: 'Import',
    op: 'importActors',
    versioned: false,
    async open(el, sim) {
      (await findButton('ERP sync', root(el))).click();
      const dialog = await dialogNamed(root(el), 'Select ERP connection');
      choose(await findControl<HTMLSelectElement>('ERP connection', dialog), 'conn-c');
      const types = await findControl<HTMLSelectElement>('Actor type', dialog);
      await until(() => types.options.length > 0, 'actor types');
      const next = await findButton('Next', dialog);
      await until(() => !next.disabled, 'Next enabled');
      next.click();
      await dialogNamed(root(el), 'Search ERP');
      type(await findControl('Value', dialog), '1000');
      (await findButton('Search', dialog)).click();
      const results = await findByRole('table', { name: 'Search results' }, dialog);
      (queryAllByRole('checkbox', { name: /^Select / }, results).slice(0, 2) as HTMLInputElement[]).forEach((b) => b.click());
      (await findButton('Add Import', dialog)).click();
      await findByRole('heading', { name: 'To import (2)' }, dialog);
      const crmRecords = () => sim.toJSON().crm;
      const before = Object.keys(crmRecords()).length;
      return {
        scope: dialog,
        save: async () => (await findButton('Import', dialog)).click(),
        editKept: async () => void (await findByRole('heading', { name: 'To import (2)' }, dialog)),
        saved: async () => {
          await until(() => textOf(dialog).includes('Import finished: 2 created, 0 updated.'), 'imported');
          // Imported once, even when a timed-out first attempt reached the ERP later.
          expect(Object.keys(crmRecords()).length).to.equal(before + 2);
        },
      };
    },
  },
  {
    name: 'Resync from CRM',
    op: 'resync',
    versioned: false,
    async open(el) {
      await openMappings(el);
      const resync = await findByRole('region', { name: 'Resync from CRM' }, root(el));
      return {
        scope: resync,
        save: async () => {
          (await findButton('Resync from CRM', resync)).click();
          (await findButton('Resync from CRM', await dialogNamed(resync, 'Resync from CRM'))).click();
        },
        // Nothing to keep but the action: it can be started again.
        editKept: async () => expect((await findButton('Resync from CRM', resync)).disabled).to.equal(false),
        saved: () => status(resync, /Resync finished: \d+ records sent, \d+ failed\./),
      };
    },
  },
];

/** The fault table of one editor (by its name in EDITORS). */
export function describeEditorFaults(name: string): void {
  const editor = EDITORS.find((e) => e.name === name);
  if (!editor) throw new Error(`No editor "${name}"`);

  describe(`${editor.name} under faults (simulated ERP)`, () => {
    const sim = useSimulator();
    let uncaught: string[] = [];
    const onError = (e: ErrorEvent) => uncaught.push(e.message);
    const onRejection = (e: PromiseRejectionEvent) => uncaught.push(String(e.reason));
    beforeEach(() => {
      uncaught = [];
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
    });
    afterEach(() => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      configure({ timeoutMs: DEFAULT_TIMEOUT_MS });
    });

    for (const f of FAULTS) {
      it(`${editor.name} (${editor.op}) with ${f.id}: localized message, edits kept, Save works after`, async function () {
        this.timeout(120_000);
        const el = await fixture<ErpSyncAdmin>(html`<erp-sync-admin></erp-sync-admin>`);
        await findByRole('region', { name: 'ERP connections' }, root(el));
        const session = await editor.open(el, sim());
        sim().faults.inject(editor.op, { ...f.fault, times: 1 });
        if (f.fault.kind === 'latency') configure({ timeoutMs: TIMEOUT_MS });
        await session.save();
        await alertSays(session.scope, f.message);
        await session.editKept();
        const reload = queryAllByRole('button', { name: 'Reload' }, session.scope);
        expect(reload.length, 'Reload offered').to.equal(f.id === '409' && editor.versioned ? 1 : 0);

        configure({ timeoutMs: DEFAULT_TIMEOUT_MS });
        sim().faults.clear();
        await session.save();
        await session.saved().catch((error: Error) => {
          const alerts = queryAllByRole('alert', {}, session.scope).map(textOf).join(' | ');
          const statuses = queryAllByRole('status', {}, session.scope).map(textOf).join(' | ');
          throw new Error(`${error.message}; alerts: ${alerts}; status: ${statuses}`);
        });
        expect(queryAllByRole('alert', {}, session.scope).map(textOf).join('').trim()).to.equal('');
        expect(uncaught).to.deep.equal([]);
      });
    }
  });
}
