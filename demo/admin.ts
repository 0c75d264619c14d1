// The demo CRM's settings page: the administrator's Sync screen on the simulated ERP (started the
// same way as on the records page, sharing its stored state), with a user switch and a live
// preview of the ERP tab as the chosen user sees it.
import '../src/define/erp-sync-admin.js';
import '../src/define/erp-tab.js';
import { ErpSimulator, persistTo } from '../simulated-erp/index.js';
import { serveInPage } from './in-page-simulator.js';
import { connectToService } from './service-session.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const sim = new ErpSimulator();
persistTo(sim, localStorage);
// `npm start`: the sync service behind /api/erp; otherwise (offline) the in-browser simulator.
const service = await connectToService();
if (service) {
  // Reset drives the in-browser simulator only.
  $('reset').hidden = true;
} else {
  await serveInPage(sim);
}

const lang = () => new URLSearchParams(location.search).get('lang') ?? 'en';

function renderAdmin(): void {
  const main = $('admin');
  main.replaceChildren(document.createElement('erp-sync-admin'));
}

function renderPreview(): void {
  const tab = document.createElement('erp-tab');
  tab.setAttribute('entity', 'company');
  tab.setAttribute('entity-id', 'c1');
  const note = document.createElement('p');
  note.id = 'preview-note';
  tab.addEventListener('erp-availability-change', (e) => {
    note.textContent = e.available ? '' : `Not shown to this user (${e.reason ?? 'unavailable'}).`;
  });
  $('preview').replaceChildren(note, tab);
}

function renderUsers(): void {
  $<HTMLSelectElement>('user').replaceChildren(
    ...(service?.users ?? sim.users()).map((u) => {
      const option = document.createElement('option');
      option.value = u.id;
      option.textContent = `${u.name}${u.admin ? ' (administrator)' : ''}`;
      option.selected = u.id === (service ? service.current() : sim.currentUser.id);
      return option;
    }),
  );
}

function render(): void {
  document.documentElement.lang = lang();
  $<HTMLSelectElement>('lang').value = lang();
  renderUsers();
  renderAdmin();
  renderPreview();
}

$<HTMLSelectElement>('lang').addEventListener('change', (e) => {
  const next = (e.target as HTMLSelectElement).value;
  history.replaceState(null, '', `?lang=${next}`);
  // The widget follows <html lang> live.
  document.documentElement.lang = next;
});
$<HTMLSelectElement>('user').addEventListener('change', (e) => {
  const id = (e.target as HTMLSelectElement).value;
  if (service) void service.signIn(id).then(render);
  else {
    sim.setCurrentUser(id);
    render();
  }
});
$('reset').addEventListener('click', () => {
  sim.reset();
  render();
});
// Changes made in the admin screen show in the preview at once.
document.addEventListener('erp-internal-admin-changed', () => renderPreview());
document.addEventListener('erp-error', (event) => {
  const item = document.createElement('li');
  item.textContent = `erp-error ${event.operation} ${JSON.stringify(event.problem)}`;
  $('events').prepend(item);
});

render();
