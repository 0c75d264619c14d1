// How a user performs each journey of journey-cases.ts, through roles, names and typed text only.
// A driver builds a scene up to the moment before the action (with the user's choices made); the
// scene performs the action, checks that the choices are still there, and recovers once the fault is
// cleared. Scenes are reused across faults where the recovery leaves them where they started.
import { fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { RestBackend } from '../../src/backend/rest-backend.js';
import type { ErpBackend } from '../../src/backend/erp-backend.js';
import type { ErpSimulator } from '../../simulated-erp/index.js';
import type { OperationName } from '../../simulated-erp/faults.js';
import { findButton, findByRole, findByText, nameOf, queryAllByRole, queryAllByText, until } from '../helpers/queries.js';
import { JOURNEY_TIMEOUT_MS } from './journey-cases.js';
import { nextTask } from '../helpers/events.js';
import { useTerms } from '../helpers/terms.js';

export type Lang = 'en' | 'de';

/** The accessible names a journey uses, per language (the glossary's words). */
const WORDS = useTerms({
  edit: 'action.edit',
  customer: 'actor.customer',
  project: 'actor.project',
  dialog: 'connect.title',
  search: 'connect.search',
  connect: 'action.connect',
  takeAllErp: 'picker.takeAllErp',
  save: 'action.save',
  cancel: 'action.cancel',
  notSaved: 'tab.badgeUnsaved',
  retry: 'action.retry',
  reload: 'action.reload',
  signIn: 'health.signIn',
  syncNow: 'action.syncNow',
  history: 'history.title',
  noMatch: 'connect.noMatch',
  create: 'connect.create',
  createDialog: 'connect.createTitle',
  advanced: 'connect.advancedSearch',
  loadMore: 'connect.loadMore',
  export: 'history.export',
  apply: 'picker.apply',
  conflictTitle: 'tab.conflictTitle',
  disconnect: 'action.disconnect',
  connected: 'tab.badgeLinked',
  suggested: 'match.title',
});
export type Words = (typeof WORDS)[Lang];

export interface Context {
  sim: () => ErpSimulator;
  lang: Lang;
  /** A `slow` cell names its operation here: only that operation's calls get the short timeout. */
  timing: { slowOperation?: OperationName };
  /** The tab's requests still waiting for an answer. */
  inFlight: { count: number };
}

/**
 * Resolves once the page holds every answer it asked for (or gave up on them) and has run their
 * handlers: after this, a late answer that was going to change the screen has done so.
 */
export async function quiet(ctx: Context): Promise<void> {
  await until(() => ctx.inFlight.count === 0, 'every request answered');
  await nextTask();
}

/**
 * The tab's backend: the REST client, except that the operation named by `timing.slowOperation`
 * runs with the short client timeout (so unrelated calls of the same action are never cut short).
 */
function journeyBackend(timing: Context['timing'], inFlight: Context['inFlight']): ErpBackend {
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    inFlight.count++;
    try {
      return await globalThis.fetch(input, init);
    } finally {
      inFlight.count--;
    }
  };
  // The product's own default (15 s) for every other call: a loaded CI machine must not time them out.
  const normal = new RestBackend({ timeoutMs: 15_000, fetch });
  const short = new RestBackend({ timeoutMs: JOURNEY_TIMEOUT_MS, fetch });
  return new Proxy(normal, {
    get(target, prop) {
      const source = prop === timing.slowOperation ? short : target;
      const value: unknown = Reflect.get(source, prop);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(source) : value;
    },
  });
}

export interface Scene {
  tab: ErpTab;
  /** Performs the action once. */
  act(): Promise<void>;
  /** Choices the user makes while the error is shown (before retrying). */
  afterError?(): Promise<void>;
  /** What of the user's choices is gone ('' when everything is still there). */
  kept(): Promise<string>;
  /** False when a successful recovery ends the choices on purpose (Save stored them). */
  keptAfterRecovery?: boolean;
  /** The control that tries again after a transient fault (a Retry button, or the action's own). */
  retryControl: () => string;
  /** With the fault cleared: the recovery the UI offers, until it succeeded (throws otherwise). */
  recover(faultId: string): Promise<void>;
  /** Back to the moment before the action; false when the scene must be built again. */
  prepareNext(): Promise<boolean>;
  /** Out-of-order answers: '' when only the newest answer shows. */
  outOfOrder?(): Promise<string>;
}

export type Driver = (ctx: Context) => Promise<Scene>;

const enabled = (b: Element | undefined) => !!b && b.getAttribute('aria-disabled') !== 'true' && !(b as HTMLButtonElement).disabled;
const type = (input: HTMLInputElement | HTMLTextAreaElement, text: string) => {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};
const buttons = (name: string | RegExp, root: ParentNode) => queryAllByRole('button', { name }, root);
const enabledButton = (name: string | RegExp, root: ParentNode) => buttons(name, root).find((b) => enabled(b));
/** The one enabled button with this name; waits for it. */
async function press(name: string | RegExp, root: ParentNode): Promise<void> {
  await until(() => enabledButton(name, root), `enabled button ${String(name)}`);
  enabledButton(name, root)!.click();
}
const alerts = (root: ParentNode) => queryAllByRole('alert', {}, root);
/** Names of the retry controls present and enabled, for the cell's check. */
const retryIf = (root: () => ParentNode, name: string) => () => (enabledButton(name, root()) ? name : '');

async function openTab(ctx: Context, entity: string, id: string): Promise<{ tab: ErpTab; section: HTMLElement }> {
  const backend = journeyBackend(ctx.timing, ctx.inFlight);
  const tab = await fixture<ErpTab>(
    html`<erp-tab entity=${entity} entity-id=${id} lang=${ctx.lang} .backend=${backend}></erp-tab>`,
  );
  const section = await findByRole('region', { name: 'Contoso ERP' }, tab.shadowRoot!);
  return { tab, section };
}

/** Edit, the actor type, and the Connect to ERP dialog with its first search listed. */
async function openConnect(ctx: Context, entity: string, id: string, actor: 'customer' | 'project') {
  const w = WORDS[ctx.lang];
  const { tab, section } = await openTab(ctx, entity, id);
  await press(w.edit, section);
  await press(actor === 'customer' ? w.customer : w.project, section);
  const dialog = await findByRole('dialog', { name: w.dialog }, tab.shadowRoot!);
  return { tab, section, dialog, w };
}

/** The result rows (not the options of the criteria's selects). */
const options = (root: ParentNode) => queryAllByRole('option', {}, root).filter((o) => o.closest('[role="listbox"]'));
const searchBox = (dialog: HTMLElement) => queryAllByRole('textbox', {}, dialog)[0] as HTMLInputElement | undefined;
/** The result count the dialog announces ("1,234 results, 50 shown"): the number shown. */
function shownCount(dialog: HTMLElement): number {
  const text = dialog.querySelector('#result-count')?.textContent ?? '';
  const numbers = text.replace(/[.,\u202f\u00a0](?=\d{3})/g, '').match(/\d+/g) ?? [];
  return Number(numbers.at(-1) ?? -1);
}
const searchSettled = (dialog: HTMLElement) => {
  const status = dialog.querySelector('#result-count')?.textContent?.trim() ?? '';
  return status !== '' && !/…/.test(status) && alerts(dialog).length === 0;
};
/** Waits (generously: a loaded 2-core CI) until the search is done; says what it saw otherwise. */
async function settled(dialog: HTMLElement, what: string): Promise<void> {
  await until(() => searchSettled(dialog), what).catch((error: unknown) => {
    const status = dialog.querySelector('#result-count')?.textContent?.trim();
    const errors = alerts(dialog).map((a) => a.textContent?.replace(/\s+/g, ' ').trim());
    throw new Error(`${String(error)} (status "${status ?? 'none'}", alerts: ${errors.join(' / ') || 'none'})`);
  });
}
/** Types `text`, presses Search and waits for the rows. */
async function searchFor(dialog: HTMLElement, w: Words, text: string): Promise<void> {
  await settled(dialog, 'first search done');
  type(searchBox(dialog)!, text);
  await press(w.search, dialog);
  await until(() => searchSettled(dialog) && options(dialog).length > 0, `results for "${text}"`);
}

/** Search with typed text, a suggested match selected. */
const searchText: Driver = async (ctx) => {
  const { tab, dialog, w } = await openConnect(ctx, 'company', 'c2', 'customer');
  await searchFor(dialog, w, 'Brandt');
  const group = await findByRole('group', { name: w.suggested }, dialog);
  await until(() => queryAllByRole('radio', {}, group).length > 0, 'suggestions');
  const suggestion = queryAllByRole('radio', {}, group)[0] as HTMLInputElement;
  suggestion.click();
  const kept = async () =>
    searchBox(dialog)?.value !== 'Brandt'
      ? `search text "${searchBox(dialog)?.value}"`
      : suggestion.checked
        ? ''
        : 'the selected suggested match was dropped';
  return {
    tab,
    act: async () => press(w.search, dialog),
    kept,
    retryControl: retryIf(() => dialog, w.retry),
    recover: async () => {
      await press(w.retry, dialog);
      await until(() => searchSettled(dialog) && options(dialog).length > 0, 'results after Retry');
    },
    prepareNext: async () => true,
    outOfOrder: async () => {
      const first = ctx.sim().faults.hold('searchActors');
      type(searchBox(dialog)!, 'Acme');
      await press(w.search, dialog);
      await first.arrived;
      type(searchBox(dialog)!, 'Brandt');
      await press(w.search, dialog);
      await until(() => searchSettled(dialog) && options(dialog).length > 0, 'second search listed');
      first.release();
      await first.answered;
      await quiet(ctx);
      const names = options(dialog).map(nameOf);
      if (names.some((n) => /acme/i.test(n))) return `the slow first search replaced the second: ${names.join(' | ')}`;
      if (!names.some((n) => /brandt/i.test(n))) return `the second search is not shown: ${names.join(' | ')}`;
      return searchBox(dialog)?.value === 'Brandt' ? '' : 'search text changed';
    },
  };
};

/** Advanced search: its searchable fields load when the user turns it on. */
const advancedFields: Driver = async (ctx) => {
  const { tab, dialog, w } = await openConnect(ctx, 'company', 'c2', 'customer');
  await settled(dialog, 'first search done');
  type(searchBox(dialog)!, 'Brandt');
  const toggle = await findButton(w.advanced, dialog);
  const criterion = () => queryAllByRole('group', { name: /^(Criterion|Kriterium) 1$/ }, dialog)[0];
  return {
    tab,
    act: async () => toggle.click(),
    kept: async () => {
      if (toggle.getAttribute('aria-pressed') !== 'true') return 'advanced search turned itself off';
      // Back in simple search the typed text is there; then on again (which loads the fields again).
      toggle.click();
      await until(() => searchBox(dialog), 'simple search');
      const text = searchBox(dialog)!.value;
      toggle.click();
      await until(() => toggle.getAttribute('aria-pressed') === 'true', 'advanced again');
      // Turning it on loads the fields again: the fault answers again (or, once slow, in time).
      await until(() => alerts(dialog).length > 0 || criterion(), 'the fields or the error again');
      return text === 'Brandt' ? '' : `search text "${text}"`;
    },
    retryControl: retryIf(() => dialog, w.retry),
    recover: async () => {
      if (alerts(dialog).length > 0) await press(w.retry, dialog);
      await until(() => criterion() && alerts(dialog).length === 0, 'the criteria');
    },
    // The fields are loaded once per dialog: a new scene for the next fault.
    prepareNext: async () => false,
    // On (its load held, and failing), off, on again: the first load answers after the second.
    outOfOrder: async () => {
      ctx.sim().faults.inject('getSearchableFields', { kind: 'problem', status: 500, code: 'internal-error', times: 1 });
      const first = ctx.sim().faults.hold('getSearchableFields');
      toggle.click();
      await first.arrived;
      toggle.click();
      await until(() => searchBox(dialog), 'simple search');
      toggle.click();
      await until(() => criterion(), 'the criteria of the second load');
      first.release();
      await first.answered;
      await quiet(ctx);
      if (alerts(dialog).length) return `the first load's late failure shows: ${alerts(dialog).map((a) => a.textContent?.trim()).join(' / ')}`;
      if (toggle.getAttribute('aria-pressed') !== 'true' || !criterion()) return 'the criteria went away after the late answer';
      return '';
    },
  };
};

/** Search with advanced criteria: the field "Name", "contains", a typed value. */
const searchAdvanced: Driver = async (ctx) => {
  const { tab, dialog, w } = await openConnect(ctx, 'company', 'c2', 'customer');
  await settled(dialog, 'first search done');
  (await findButton(w.advanced, dialog)).click();
  const criterion = await findByRole('group', { name: 'Criterion 1' }, dialog);
  const [fieldSelect, operatorSelect] = queryAllByRole('combobox', {}, criterion) as HTMLSelectElement[];
  fieldSelect!.value = 'name';
  fieldSelect!.dispatchEvent(new Event('change'));
  await until(() => [...operatorSelect!.options].some((o) => o.value === 'contains'), 'text operators');
  operatorSelect!.value = 'contains';
  operatorSelect!.dispatchEvent(new Event('change'));
  const value = () => queryAllByRole('textbox', {}, criterion)[0] as HTMLInputElement | undefined;
  await until(() => value(), 'value box');
  type(value()!, 'Brandt');
  const kept = async () => {
    const [f, o] = queryAllByRole('combobox', {}, criterion) as HTMLSelectElement[];
    const lost = [f?.value !== 'name' ? `field ${f?.value}` : '', o?.value !== 'contains' ? `operator ${o?.value}` : ''];
    lost.push(value()?.value !== 'Brandt' ? `value "${value()?.value}"` : '');
    return lost.filter(Boolean).join(', ');
  };
  return {
    tab,
    act: async () => press(w.search, dialog),
    kept,
    retryControl: retryIf(() => dialog, w.retry),
    recover: async () => {
      await press(w.retry, dialog);
      await until(() => searchSettled(dialog) && options(dialog).length > 0, 'results after Retry');
    },
    prepareNext: async () => true,
    outOfOrder: async () => {
      const first = ctx.sim().faults.hold('searchActorsAdvanced');
      type(value()!, 'Acme');
      await press(w.search, dialog);
      await first.arrived;
      type(value()!, 'Brandt');
      await press(w.search, dialog);
      await until(() => searchSettled(dialog) && options(dialog).length > 0, 'second search listed');
      first.release();
      await first.answered;
      await quiet(ctx);
      const names = options(dialog).map(nameOf);
      if (names.some((n) => /acme/i.test(n))) return `the slow first search replaced the second: ${names.join(' | ')}`;
      return names.every((n) => /brandt/i.test(n)) ? '' : `not all rows match the second search: ${names.join(' | ')}`;
    },
  };
};

/** Load more after a search for "a" (many pages), with the second row selected. */
const loadMore: Driver = async (ctx) => {
  const { tab, dialog, w } = await openConnect(ctx, 'company', 'c2', 'customer');
  await settled(dialog, 'first search done');
  type(searchBox(dialog)!, 'a');
  await press(w.search, dialog);
  await until(() => searchSettled(dialog) && buttons(w.loadMore, dialog).length === 1, 'a page with Load more');
  const selected = options(dialog)[1]!;
  const selectedName = nameOf(selected);
  selected.click();
  let before = shownCount(dialog);
  const isSelected = () => options(dialog).some((o) => nameOf(o) === selectedName && o.getAttribute('aria-selected') === 'true');
  return {
    tab,
    act: async () => {
      before = shownCount(dialog);
      await press(w.loadMore, dialog);
    },
    kept: async () =>
      [
        searchBox(dialog)?.value !== 'a' ? `search text "${searchBox(dialog)?.value}"` : '',
        shownCount(dialog) !== before ? `rows shown ${shownCount(dialog)}, were ${before}` : '',
        isSelected() ? '' : 'selected row',
      ]
        .filter(Boolean)
        .join(', '),
    retryControl: retryIf(() => dialog, w.retry),
    recover: async () => {
      await press(w.retry, dialog);
      await until(() => searchSettled(dialog) && shownCount(dialog) > before, 'the next page after Retry');
      before = shownCount(dialog);
    },
    prepareNext: async () => buttons(w.loadMore, dialog).length === 1,
    outOfOrder: async () => {
      const page = ctx.sim().faults.hold('searchActors');
      await press(w.loadMore, dialog);
      await page.arrived;
      type(searchBox(dialog)!, 'Brandt');
      await press(w.search, dialog);
      await until(() => searchSettled(dialog) && options(dialog).length > 0, 'the new search listed');
      page.release();
      await page.answered;
      await quiet(ctx);
      const names = options(dialog).map(nameOf);
      if (!names.every((n) => /brandt/i.test(n))) return `rows of the slow Load more were added: ${names.length} rows`;
      return shownCount(dialog) === names.length ? '' : `count says ${shownCount(dialog)}, ${names.length} rows`;
    },
  };
};

/** Connect on a selected result: the compare step. */
const compare: Driver = async (ctx) => {
  const { tab, dialog, w } = await openConnect(ctx, 'company', 'c2', 'customer');
  await searchFor(dialog, w, 'Brandt');
  const text = searchBox(dialog)!.value;
  const row = () => queryAllByRole('option', { name: /100002/ }, dialog)[0];
  row()!.click();
  return {
    tab,
    act: async () => press(w.connect, dialog),
    kept: async () =>
      [
        searchBox(dialog)?.value !== text ? 'search text' : '',
        row()?.getAttribute('aria-selected') !== 'true' ? 'selected row' : '',
      ]
        .filter(Boolean)
        .join(', '),
    retryControl: retryIf(() => dialog, w.retry),
    recover: async () => {
      await press(w.retry, dialog);
      await findButton(w.takeAllErp, dialog);
      // Back from the compare step: the search and the selection are as the user left them.
      await press(w.cancel, dialog);
      await until(() => row(), 'back to the results');
    },
    prepareNext: async () => true,
  };
};

/** "Can't find match in ERP", then Create: the new actor's fields load. */
const createFields: Driver = async (ctx) => {
  const { tab, dialog, w } = await openConnect(ctx, 'project', 'j3', 'project');
  await settled(dialog, 'first search done');
  const box = (await findByRole('checkbox', { name: w.noMatch }, dialog)) as HTMLInputElement;
  box.click();
  const text = searchBox(dialog)!.value;
  return {
    tab,
    act: async () => press(w.create, dialog),
    kept: async () => {
      const now = queryAllByRole('checkbox', { name: w.noMatch }, dialog)[0] as HTMLInputElement | undefined;
      return [now?.checked ? '' : "Can't find match in ERP", searchBox(dialog)?.value === text ? '' : 'search text']
        .filter(Boolean)
        .join(', ');
    },
    retryControl: retryIf(() => dialog, w.retry),
    recover: async () => {
      await press(w.retry, dialog);
      const form = await findByRole('form', { name: w.createDialog }, dialog);
      // Back from Create in ERP: the search step is as the user left it.
      await press(w.cancel, form);
      await until(() => searchBox(dialog), 'back to the search');
    },
    prepareNext: async () => true,
  };
};

/** Create in ERP: the list items fail to load while the user types the budget. */
const createLists: Driver = async (ctx) => {
  const { tab, dialog, w } = await openConnect(ctx, 'project', 'j3', 'project');
  await settled(dialog, 'first search done');
  (await findByRole('checkbox', { name: w.noMatch }, dialog)).click();
  const budget = () => queryAllByRole('textbox', { name: 'Budget' }, dialog)[0] as HTMLInputElement | undefined;
  return {
    tab,
    act: async () => press(w.create, dialog),
    afterError: async () => {
      await until(() => budget(), 'the Budget field');
      type(budget()!, '4200');
    },
    kept: async () => (budget()?.value === '4200' ? '' : `typed budget "${budget()?.value}"`),
    retryControl: retryIf(() => dialog, w.retry),
    recover: async () => {
      await press(w.retry, dialog);
      await until(() => alerts(dialog).length === 0, 'lists loaded');
    },
    prepareNext: async () => {
      await press(w.cancel, dialog);
      await until(() => searchBox(dialog), 'back to the search');
      return true;
    },
  };
};

/** What a staged change looks like in the section (its text, the badge, Save enabled), as now. */
async function stagedCheck(section: HTMLElement, w: Words) {
  const pendingText = () => (section.querySelector('[part~="pending"], .pending-note')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  await until(() => pendingText(), 'the staged change shown');
  const expected = pendingText();
  return async () =>
    [
      expected && pendingText() === expected ? '' : `staged values "${pendingText()}" (were "${expected}")`,
      queryAllByText(w.notSaved, section).length ? '' : `"${w.notSaved}" badge`,
      enabledButton(w.save, section) ? '' : 'Save enabled',
    ]
      .filter(Boolean)
      .join(', ');
}

/** Save of a staged change; after 409 the user reloads, then saves again. */
function saveRecovery(section: HTMLElement, w: Words, saved: () => boolean) {
  return async (faultId: string) => {
    if (faultId === '409') {
      await press(w.reload, section);
      await until(() => enabledButton(w.save, section), 'Save after Reload');
      await press(w.save, section);
    } else {
      await press(w.retry, section);
    }
    await until(saved, 'saved');
  };
}

/** Save of a link staged with the conflict picker's choices (all taken from the ERP). */
const saveLink: Driver = async (ctx) => {
  ctx.sim().reset();
  const { tab, section, dialog, w } = await openConnect(ctx, 'company', 'c2', 'customer');
  await searchFor(dialog, w, 'Brandt');
  (await findByRole('option', { name: /100002/ }, dialog)).click();
  await press(w.connect, dialog);
  await press(w.takeAllErp, dialog);
  await press(w.connect, dialog);
  await until(() => !(dialog as HTMLDialogElement).open, 'dialog closes');
  await findByText(w.notSaved, {}, section);
  const linked = () => ctx.sim().getEntityState({ type: 'company', id: 'c2' }).connections[0]!.link !== null;
  return {
    tab,
    act: async () => press(w.save, section),
    kept: await stagedCheck(section, w),
    keptAfterRecovery: false,
    retryControl: retryIf(() => section, w.retry),
    recover: saveRecovery(section, w, () => linked() && queryAllByText(w.connected, section).length > 0),
    prepareNext: async () => false,
  };
};

/** Save of a staged Create in ERP with a typed budget. */
const saveCreate: Driver = async (ctx) => {
  ctx.sim().reset();
  const { tab, section, dialog, w } = await openConnect(ctx, 'project', 'j3', 'project');
  await settled(dialog, 'first search done');
  (await findByRole('checkbox', { name: w.noMatch }, dialog)).click();
  await press(w.create, dialog);
  const form = await findByRole('form', { name: w.createDialog }, dialog);
  const budget = (await findByRole('textbox', { name: 'Budget' }, form)) as HTMLInputElement;
  type(budget, '4200');
  await press(w.create, form);
  await until(() => !(dialog as HTMLDialogElement).open, 'dialog closes');
  await findByText(w.notSaved, {}, section);
  const linked = () => ctx.sim().getEntityState({ type: 'project', id: 'j3' }).connections[0]!.link !== null;
  const staged = await stagedCheck(section, w);
  return {
    tab,
    act: async () => press(w.save, section),
    keptAfterRecovery: false,
    kept: async () => {
      const lost = await staged();
      const typed = /4[.,]?200/.test(section.textContent ?? '') ? '' : 'the typed budget in the staged values';
      return [lost, typed].filter(Boolean).join(', ');
    },
    retryControl: retryIf(() => section, w.retry),
    recover: saveRecovery(section, w, () => linked() && queryAllByText(w.connected, section).length > 0),
    prepareNext: async () => false,
  };
};

/** Sync now on a linked project (no conflicts). */
const syncNow: Driver = async (ctx) => {
  const w = WORDS[ctx.lang];
  const { tab, section } = await openTab(ctx, 'project', 'j1');
  const synced = () => /Synchronized\.|Synchronisiert\./.test(section.querySelector('.status')?.textContent ?? '');
  return {
    tab,
    act: async () => press(w.syncNow, section),
    kept: async () => (queryAllByText('P-1001', section).length ? '' : 'the linked values'),
    retryControl: retryIf(() => section, w.retry),
    recover: async (faultId) => {
      if (['401', 'redirect', 'html'].includes(faultId)) await findButton(w.signIn, section);
      if (enabledButton(w.retry, section)) await press(w.retry, section);
      else await press(w.syncNow, section);
      await until(() => synced() && alerts(section).length === 0, 'synchronized');
    },
    prepareNext: async () => true,
  };
};

/** Apply in the conflict dialog after Sync now found a value changed on both sides. */
const conflictApply: Driver = async (ctx) => {
  ctx.sim().reset();
  const w = WORDS[ctx.lang];
  const { tab, section } = await openTab(ctx, 'company', 'c3');
  const openPicker = async () => {
    await press(w.syncNow, section);
    const dialog = await findByRole('dialog', { name: w.conflictTitle }, tab.shadowRoot!);
    await until(() => queryAllByRole('radio', {}, dialog).length > 0, 'conflict rows');
    (queryAllByRole('radio', {}, dialog)[0] as HTMLInputElement).click();
    await until(() => enabledButton(w.apply, dialog), 'Apply enabled');
    return dialog;
  };
  let dialog = await openPicker();
  const applied = () => ctx.sim().getHistory({ type: 'company', id: 'c3' }, 'conn-a', null).items[0]?.kind === 'conflict-decided';
  return {
    tab,
    act: async () => press(w.apply, dialog),
    keptAfterRecovery: false,
    kept: async () => {
      const first = queryAllByRole('radio', {}, dialog)[0] as HTMLInputElement | undefined;
      return [
        (dialog as HTMLDialogElement).open ? '' : 'the conflict dialog closed',
        first?.checked ? '' : 'the chosen value',
        enabledButton(w.apply, dialog) ? '' : 'Apply enabled',
      ]
        .filter(Boolean)
        .join(', ');
    },
    retryControl: retryIf(() => dialog, w.apply),
    recover: async (faultId) => {
      if (faultId === '409') {
        await press(w.reload, dialog);
        await until(() => !(dialog as HTMLDialogElement).open, 'dialog closes for the reload');
        dialog = await openPicker();
      }
      await press(w.apply, dialog);
      await until(() => !(dialog as HTMLDialogElement).open && applied(), 'decision applied');
    },
    prepareNext: async () => false,
  };
};

/** Disconnect, confirmed in the question, then Save. */
const disconnect: Driver = async (ctx) => {
  ctx.sim().reset();
  const w = WORDS[ctx.lang];
  const { tab, section } = await openTab(ctx, 'company', 'c1');
  await press(w.edit, section);
  await press(w.disconnect, section);
  const confirm = await findByRole('dialog', { name: w.disconnect }, tab.shadowRoot!);
  await press(w.disconnect, confirm);
  await findByText(w.notSaved, {}, section);
  const unlinked = () => ctx.sim().getEntityState({ type: 'company', id: 'c1' }).connections[0]!.link === null;
  return {
    tab,
    act: async () => press(w.save, section),
    kept: await stagedCheck(section, w),
    keptAfterRecovery: false,
    retryControl: retryIf(() => section, w.retry),
    recover: saveRecovery(section, w, () => unlinked() && queryAllByText(w.notSaved, section).length === 0),
    prepareNext: async () => false,
  };
};

/** The History disclosure of a linked record, and its element once open. */
async function historyScene(ctx: Context) {
  const w = WORDS[ctx.lang];
  const { tab, section } = await openTab(ctx, 'company', 'c1');
  const summary = await findByText(w.history, {}, section);
  const history = () => section.querySelector('erp-history')?.shadowRoot ?? undefined;
  const events = () => history()?.querySelectorAll('li.event').length ?? 0;
  const open = async (expectEvents: boolean) => {
    summary.click();
    await until(() => history(), 'history element');
    if (expectEvents) await until(() => events() === 20, 'first page');
  };
  const close = async () => {
    summary.click();
    await until(() => !history(), 'history closed');
  };
  return { tab, section, w, history, events, open, close };
}

const historyLoad: Driver = async (ctx) => {
  const { tab, section, w, history, events, open, close } = await historyScene(ctx);
  return {
    tab,
    act: async () => open(false),
    kept: async () => (queryAllByText('100001', section).length ? '' : 'the linked values'),
    retryControl: retryIf(() => history()!, w.retry),
    recover: async () => {
      await press(w.retry, history()!);
      await until(() => events() === 20, 'first page after Retry');
    },
    prepareNext: async () => (await close(), true),
    // The first opening's load, held and failing, answers after History was closed and opened again.
    outOfOrder: async () => {
      ctx.sim().faults.inject('getHistory', { kind: 'problem', status: 500, code: 'internal-error', times: 1 });
      const first = ctx.sim().faults.hold('getHistory');
      await open(false);
      await first.arrived;
      await close();
      await open(true);
      first.release();
      await first.answered;
      await quiet(ctx);
      const shown = history();
      if (!shown) return 'the history closed itself';
      if (alerts(shown).length) return `the first opening's late failure shows: ${alerts(shown).map((a) => a.textContent?.trim()).join(' / ')}`;
      return events() === 20 ? '' : `events shown ${events()}, were 20`;
    },
  };
};

const historyMore: Driver = async (ctx) => {
  const { tab, w, history, events, open, close } = await historyScene(ctx);
  await open(true);
  return {
    tab,
    act: async () => press(w.loadMore, history()!),
    kept: async () => (events() >= 20 ? '' : `events shown ${events()}, were 20`),
    retryControl: retryIf(() => history()!, w.retry),
    recover: async () => {
      await press(w.retry, history()!);
      await until(() => events() === 31, 'second page after Retry');
    },
    prepareNext: async () => {
      await close();
      await open(true);
      return true;
    },
  };
};

const historyExport: Driver = async (ctx) => {
  const { tab, w, history, events, open } = await historyScene(ctx);
  await open(true);
  const exported = () => /Exported 31 events/.test(history()?.textContent ?? '');
  return {
    tab,
    act: async () => press(w.export, history()!),
    kept: async () => (events() === 20 ? '' : `events shown ${events()}, were 20`),
    retryControl: retryIf(() => history()!, w.retry),
    recover: async () => {
      await press(w.retry, history()!);
      await until(exported, 'exported after Retry');
    },
    prepareNext: async () => true,
  };
};

/** Opening Connect to ERP: the suggested matches fail, the search still works. */
const suggestions: Driver = async (ctx) => {
  const w = WORDS[ctx.lang];
  const { tab, section } = await openTab(ctx, 'company', 'c2');
  await press(w.edit, section);
  const dialog = () => queryAllByRole('dialog', { name: w.dialog }, tab.shadowRoot!)[0];
  /** Cancel, and wait until the dialog has closed (as any user does before reopening it), with a deadline. */
  const cancel = async () => {
    const open = dialog()!;
    let closed = false;
    open.addEventListener('close', () => (closed = true), { once: true });
    await press(w.cancel, open);
    await until(() => closed || !open.isConnected || (open instanceof HTMLDialogElement && !open.open), 'the dialog closed after Cancel');
  };
  return {
    tab,
    act: async () => {
      await press(w.customer, section);
      await until(() => dialog(), 'dialog');
    },
    kept: async () => {
      // The search works without the suggestions.
      await searchFor(dialog()!, w, 'Brandt');
      return '';
    },
    retryControl: () => 'reopen',
    recover: async () => {
      await cancel();
      await press(w.customer, section);
      await until(() => dialog() && queryAllByRole('radio', {}, dialog()!).length > 0, 'suggestions after reopening');
    },
    prepareNext: async () => (await cancel(), true),
    // The first opening's load, held and failing, answers after the dialog was closed and opened again.
    outOfOrder: async () => {
      ctx.sim().faults.inject('getMatchSuggestions', { kind: 'problem', status: 500, code: 'internal-error', times: 1 });
      const first = ctx.sim().faults.hold('getMatchSuggestions');
      await press(w.customer, section);
      await first.arrived;
      await cancel();
      await press(w.customer, section);
      await until(() => dialog() && queryAllByRole('radio', {}, dialog()!).length > 0, 'suggestions of the second opening');
      const shown = queryAllByRole('radio', {}, dialog()!).length;
      first.release();
      await first.answered;
      await quiet(ctx);
      const open = dialog()!;
      if (alerts(open).length) return `the first opening's late failure shows: ${alerts(open).map((a) => a.textContent?.trim()).join(' / ')}`;
      const now = queryAllByRole('radio', {}, open).length;
      return now === shown ? '' : `suggestions changed from ${shown} to ${now} after the late answer`;
    },
  };
};

export const DRIVERS: Record<string, Driver> = {
  suggestions,
  'search-text': searchText,
  'advanced-fields': advancedFields,
  'search-advanced': searchAdvanced,
  'load-more': loadMore,
  compare,
  'create-fields': createFields,
  'create-lists': createLists,
  'save-link': saveLink,
  'save-create': saveCreate,
  'sync-now': syncNow,
  'conflict-apply': conflictApply,
  disconnect,
  'history-load': historyLoad,
  'history-more': historyMore,
  'history-export': historyExport,
};
