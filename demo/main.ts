// The demo CRM page: the simulated ERP in a service worker, a record list, and <erp-tab>.
import '../src/define/erp-tab.js';
import { configure } from '../src/index.js';
import { DEMO_RECORDS, ErpSimulator, OPERATIONS, persistTo } from '../simulated-erp/index.js';
import { serveInPage } from './in-page-simulator.js';
import type { Fault, OperationName } from '../simulated-erp/index.js';
import { connectToService } from './service-session.js';
import { setupThemeToggle } from './theme.js';
import { recordTabs } from './record-tabs.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ENTITY_TITLES = { company: 'Companies', person: 'Contacts', project: 'Projects' } as const;

const sim = new ErpSimulator();
persistTo(sim, localStorage);

// `npm start`: the sync service behind /api/erp; otherwise (offline) the in-browser simulator.
const service = await connectToService();
let records: { type: string; id: string; name: string; description: string }[] = DEMO_RECORDS;
// `?api=http://127.0.0.1:8787/api/erp` (see `npm run serve:api`): talk to the reference server over
// real HTTP instead of the in-page service worker; remembered for the tab, `?api=off` switches back.
// The record list, user picker and fault panel below still drive the in-page simulator only.
const apiParam = new URLSearchParams(location.search).get('api');
if (apiParam === 'off') sessionStorage.removeItem('erp-demo-api');
else if (apiParam) sessionStorage.setItem('erp-demo-api', apiParam);
const remoteApi = sessionStorage.getItem('erp-demo-api');
if (service) {
  records = (await (await fetch('/crm/records', { headers: { Authorization: `Bearer ${service.token()}` } })).json()) as typeof records;
  // The reset and the fault panel drive the in-browser simulator only.
  $('reset').hidden = true;
  ($('faults-title').closest('aside') as HTMLElement).hidden = true;
} else if (remoteApi) {
  const token = new URLSearchParams(location.search).get('token') ?? sessionStorage.getItem('erp-demo-token') ?? 'demo';
  sessionStorage.setItem('erp-demo-token', token);
  configure({ baseUrl: remoteApi, headers: { Authorization: `Bearer ${token}` }, credentials: 'omit' });
} else {
  await serveInPage(sim);
}

function currentParams() {
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang') ?? 'en';
  const entity = params.get('entity') ?? 'company';
  const id = params.get('id') ?? records.find((r) => r.type === entity)?.id ?? 'c1';
  return { lang, entity, id };
}

/** The host's side of the tab's unsaved changes (README: "Unsaved changes"): ask before leaving them. */
const unsaved = () => document.querySelector('erp-tab')?.hasUnsavedChanges === true;
const leaveUnsaved = () => !unsaved() || confirm('The ERP tab has changes that are not saved. Leave this record and discard them?');
window.addEventListener('beforeunload', (event) => {
  if (unsaved()) event.preventDefault();
});

function navigate(changes: Partial<ReturnType<typeof currentParams>>): void {
  const next = { ...currentParams(), ...changes };
  if ((next.entity !== currentParams().entity || next.id !== currentParams().id) && !leaveUnsaved()) return;
  history.pushState(null, '', `?lang=${next.lang}&entity=${next.entity}&id=${next.id}`);
  render();
}

function renderNav(): void {
  const { lang, entity, id } = currentParams();
  const nav = $('records');
  nav.replaceChildren();
  for (const type of ['company', 'person', 'project'] as const) {
    const heading = document.createElement('h2');
    heading.textContent = ENTITY_TITLES[type];
    const list = document.createElement('ul');
    for (const record of records.filter((r) => r.type === type)) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `?lang=${lang}&entity=${type}&id=${record.id}`;
      link.textContent = record.name;
      link.title = record.description;
      if (type === entity && record.id === id) link.setAttribute('aria-current', 'page');
      link.addEventListener('click', (event) => {
        event.preventDefault();
        navigate({ entity: type, id: record.id });
      });
      item.append(link);
      list.append(item);
    }
    nav.append(heading, list);
  }
}

function renderRecord(): void {
  const { entity, id } = currentParams();
  const record = records.find((r) => r.type === entity && r.id === id);
  const main = $('record');
  main.replaceChildren();
  const title = document.createElement('h1');
  title.textContent = record?.name ?? `${entity} ${id}`;
  main.append(title);
  // The CRM's own tabs beside the ERP tab; the ERP tab hides itself when this user may not use it.
  const overview = document.createElement('section');
  const about = document.createElement('p');
  about.textContent = record?.description ?? '';
  overview.append(about);
  const activities = document.createElement('section');
  const none = document.createElement('p');
  none.textContent = 'No activities yet.';
  activities.append(none);
  const erp = document.createElement('section');
  const tab = document.createElement('erp-tab');
  tab.setAttribute('entity', entity);
  tab.setAttribute('entity-id', id);
  erp.append(tab);
  recordTabs(
    main,
    [
      { id: 'overview', label: 'Overview', panel: overview },
      { id: 'activities', label: 'Activities', panel: activities },
      { id: 'erp', label: 'ERP', panel: erp },
    ],
    'erp',
  );
}

function renderUsers(): void {
  const select = $<HTMLSelectElement>('user');
  const current = service ? service.current() : sim.currentUser.id;
  select.replaceChildren(
    ...(service?.users ?? sim.users()).map((u) => {
      const option = document.createElement('option');
      option.value = u.id;
      option.textContent = u.name;
      option.selected = u.id === current;
      return option;
    }),
  );
}

function render(): void {
  const { lang } = currentParams();
  document.documentElement.lang = lang;
  $<HTMLSelectElement>('lang').value = lang;
  renderNav();
  renderRecord();
  renderUsers();
}

$<HTMLSelectElement>('lang').addEventListener('change', (e) => {
  const lang = (e.target as HTMLSelectElement).value;
  // The widget follows <html lang> live: no reload of the tab needed.
  history.replaceState(null, '', `?lang=${lang}&entity=${currentParams().entity}&id=${currentParams().id}`);
  document.documentElement.lang = lang;
  renderNav();
});
$<HTMLSelectElement>('user').addEventListener('change', (e) => {
  const id = (e.target as HTMLSelectElement).value;
  if (service) void service.signIn(id).then(renderRecord);
  else {
    sim.setCurrentUser(id);
    renderRecord();
  }
});
$('reset').addEventListener('click', () => {
  sim.reset();
  render();
});

// Fault injection panel.
const opSelect = $<HTMLSelectElement>('fault-op');
opSelect.replaceChildren(
  ...OPERATIONS.map((op) => {
    const option = document.createElement('option');
    option.value = option.textContent = op;
    return option;
  }),
);
const FAULTS: Record<string, Fault> = {
  latency: { kind: 'latency', ms: 3000 },
  timeout: { kind: 'latency', ms: 20000 },
  malformed: { kind: 'malformed' },
  network: { kind: 'network' },
  429: { kind: 'problem', status: 429, code: 'rate-limited', headers: { 'Retry-After': '30' } },
  502: { kind: 'problem', status: 502, code: 'connector-error', detail: 'the customer is locked by another user' },
  'sign-in': { kind: 'raw', status: 302, headers: { Location: '/sign-in' } },
};
function faultFor(kind: string): Fault | undefined {
  if (FAULTS[kind]) return FAULTS[kind];
  const status = Number(kind);
  return status ? { kind: 'problem', status, code: `demo-${status}`, detail: `Simulated ${status} problem` } : undefined;
}
$('fault-apply').addEventListener('click', () => {
  const op = opSelect.value as OperationName;
  const fault = faultFor($<HTMLSelectElement>('fault-kind').value);
  if (fault) sim.faults.set(op, fault);
  else sim.faults.clear(op);
  $('fault-status').textContent = fault ? `${op}: ${$<HTMLSelectElement>('fault-kind').selectedOptions[0].text}` : `${op}: no fault`;
});
$('fault-clear').addEventListener('click', () => {
  sim.faults.clear();
  $('fault-status').textContent = 'All faults cleared.';
});

// Show the host events the widget fires.
for (const name of ['erp-availability-change', 'erp-link-change', 'erp-sync', 'erp-error'] as const) {
  document.addEventListener(name, (event) => {
    const item = document.createElement('li');
    const { type, ...rest } = event as unknown as { type: string } & Record<string, unknown>;
    item.textContent = `${type} ${JSON.stringify(rest, (k, v) => (k === 'isTrusted' ? undefined : v))}`;
    $('events').prepend(item);
  });
}

setupThemeToggle($<HTMLInputElement>('dark'));
window.addEventListener('popstate', render);
render();
