// Browser-side benchmark scenarios, driven by scripts/bench.mjs in headless Chromium. Each runs
// the real elements against an in-page fake backend (so the network is not what is measured).
import '../src/define/erp-tab.js';
import '../src/define/erp-connect-dialog.js';
import '../src/define/erp-conflict-picker.js';
import '../src/define/erp-field.js';
import '../src/define/erp-history.js';
import { resolveLang } from '../src/i18n/locale-controller.js';
import { createNaiveResults } from './naive-results.js';
import { createFloorTab } from './floor-tab.js';
import type { ErpBackend } from '../src/backend/erp-backend.js';
import type { ErpTab } from '../src/elements/erp-tab/erp-tab.js';
import type { ErpConnectDialog } from '../src/elements/erp-connect-dialog/erp-connect-dialog.js';
import type { ErpHistory } from '../src/elements/erp-history/erp-history.js';
import type {
  ActorRow,
  CompareField,
  ConnectionState,
  DisplayField,
  EntityErpState,
  FieldMeta,
  HistoryEvent,
  SearchRequest,
  SearchResult,
} from '../src/model/types.js';

const TYPES: FieldMeta['type'][] = ['text', 'integer', 'double', 'checkbox', 'list', 'datetime'];
const meta = (i: number): FieldMeta => ({ key: `f${i}`, label: `Field ${i}`, type: TYPES[i % TYPES.length], access: 'normal' });
/** Field `i`'s value in version `v` of the data (v > 0: every value differs from version 0's). */
const valueOf = (m: FieldMeta, i: number, v = 0) =>
  m.type === 'integer'
    ? i * 1000 + v
    : m.type === 'double'
      ? i * 1234.5 + v
      : m.type === 'checkbox'
        ? (i + v) % 2 === 0
        : m.type === 'datetime'
          ? `2025-03-${String(1 + (v % 28)).padStart(2, '0')}`
          : `Value ${i} v${v}`;

function connection(fields: number, v = 0): ConnectionState {
  const display: DisplayField[] = Array.from({ length: fields }, (_, i) => {
    const m = meta(i);
    return { field: m, value: valueOf(m, i, v), displayValue: m.type === 'list' ? `Item ${i} v${v}` : '', direction: 'both' };
  });
  return {
    id: 'conn-a',
    name: 'Contoso ERP',
    actorTypes: [{ type: 'customer', available: true }],
    link: { actorType: 'customer', erpKey: '100001', displayName: 'ACME Limited', lastSynced: new Date().toISOString(), status: 'ok' },
    fields: display,
    canCreateActors: true,
    supportsAdvancedSearch: false,
    version: '1',
  };
}

const TOTAL = 100_000;
function rows(from: number, count: number, text: string): ActorRow[] {
  return Array.from({ length: count }, (_, i) => ({
    key: String(100000 + from + i),
    displayName: `${text || 'Customer'} ${from + i}`,
    cells: { name: `${text || 'Customer'} ${from + i}`, number: String(100000 + from + i), city: 'Oslo' },
  }));
}
const columns: FieldMeta[] = [
  { key: 'name', label: 'Name', type: 'text', access: 'normal' },
  { key: 'number', label: 'Number', type: 'text', access: 'normal' },
  { key: 'city', label: 'City', type: 'text', access: 'normal' },
];

interface Counters {
  searches: SearchRequest[];
  /** Rows answered so far (all searches). */
  rowsServed?: number;
}

/** `pageSize`: rows per answer whatever the dialog asks (the 100,000-rows scenario loads 5,000 a page). */
function fakeBackend(state: EntityErpState, counters: Counters, delayMs = 0, pageSize?: number): ErpBackend {
  const wait = (signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const t = setTimeout(resolve, delayMs);
      signal?.addEventListener('abort', () => {
        clearTimeout(t);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  return {
    getEntityState: async () => state,
    searchActors: async (_c: string, _t: string, request: SearchRequest, options?: { signal?: AbortSignal }) => {
      counters.searches.push(request);
      await wait(options?.signal);
      const from = request.cursor ? Number(request.cursor) : 0;
      const limit = pageSize ?? request.limit ?? 50;
      const total = request.text ? 20 : TOTAL;
      const count = Math.min(limit, total - from);
      counters.rowsServed = (counters.rowsServed ?? 0) + count;
      const result: SearchResult = {
        columns,
        rows: rows(from, count, request.text),
        total,
        nextCursor: from + count < total ? String(from + count) : null,
      };
      return result;
    },
  } as unknown as ErpBackend;
}

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
const mount = <T extends HTMLElement>(html: T) => document.body.appendChild(html);

async function settle(el: HTMLElement & { updateComplete?: Promise<unknown> }): Promise<void> {
  await el.updateComplete;
  for (const child of el.shadowRoot?.querySelectorAll('*') ?? []) {
    const c = child as HTMLElement & { updateComplete?: Promise<unknown> };
    if (c.updateComplete) await c.updateComplete;
  }
}

/** The connect dialog on `backend`, open, with its first rows listed. */
async function openResults(backend: ErpBackend) {
  const dialog = document.createElement('erp-connect-dialog') as ErpConnectDialog;
  dialog.backend = backend;
  dialog.connection = connection(0);
  dialog.entity = { type: 'company', id: 'c1', name: '' };
  dialog.actorType = 'customer';
  mount(dialog);
  await dialog.show();
  const root = dialog.shadowRoot!;
  while (root.querySelectorAll('[role="option"]').length === 0) await new Promise((r) => setTimeout(r, 5));
  return { dialog, root, list: root.querySelector('[role="listbox"]') as HTMLElement };
}

const FLING_ROWS = 2000;
const FLING_PX_PER_FRAME = 200;

/** Scrolls `list` down a fixed step each frame until `loaded()` reaches FLING_ROWS; the frame times. */
async function fling(list: HTMLElement, loaded: () => number, eachFrame?: () => void): Promise<number[]> {
  const frames: number[] = [];
  let last = await frame();
  // A guard against a list that stops loading (the scenario then reports fewer rows).
  for (let i = 0; i < 20_000 && loaded() < FLING_ROWS; i++) {
    list.scrollTop += FLING_PX_PER_FRAME;
    eachFrame?.();
    const t = await frame();
    frames.push(t - last);
    last = t;
  }
  return frames;
}

/** Scrolled to the very end: rows loaded, rows and nodes in the DOM. */
async function atEnd(root: ShadowRoot, list: HTMLElement, loaded: () => number): Promise<Record<string, number>> {
  await new Promise((r) => setTimeout(r, 50));
  list.scrollTop = list.scrollHeight;
  await frame();
  await frame();
  const options = root.querySelectorAll('[role="option"]');
  return {
    rowsLoaded: loaded(),
    rowsInDom: options.length,
    domNodes: root.querySelectorAll('*').length,
  };
}

/**
 * A slow frame is a requestAnimationFrame interval over 20 ms: one 60 Hz frame (16.7 ms) plus headless
 * Chromium's timer jitter (an idle page here measures 16.6–16.8 ms, so a plain `> 16.7` counts a
 * quarter of idle frames as slow). A missed frame shows as ~33 ms, well above this.
 */
const FRAME_BUDGET_MS = 20;

function frameStats(frames: number[]): Record<string, number> {
  const over = frames.filter((f) => f > FRAME_BUDGET_MS).length;
  return {
    framesOver20ms: over,
    framesTotal: frames.length,
    percentUnder20ms: frames.length ? (100 * (frames.length - over)) / frames.length : 0,
  };
}

/**
 * A mounted <erp-tab> for company c1 whose backend holds each load: `nextLoad()` waits until the tab
 * asks for its state and gives the function that answers that request.
 */
function mountHeldTab(): { tab: ErpTab; nextLoad: () => Promise<(s: EntityErpState) => void> } {
  let deliver: ((s: EntityErpState) => void) | undefined;
  const tab = document.createElement('erp-tab') as ErpTab;
  tab.backend = { getEntityState: () => new Promise<EntityErpState>((r) => (deliver = r)) } as unknown as ErpBackend;
  tab.setAttribute('entity', 'company');
  tab.setAttribute('entity-id', 'c1');
  mount(tab);
  const nextLoad = async () => {
    while (!deliver) await frame();
    const give = deliver;
    deliver = undefined;
    return give;
  };
  return { tab, nextLoad };
}

async function tabRenderOnce(): Promise<Record<string, number>> {
  const state: EntityErpState = { entity: { type: 'company', id: 'c1', name: 'Acme' }, available: true, connections: [connection(40)] };
  const { tab: el, nextLoad } = mountHeldTab();
  await el.updateComplete;
  const deliver = await nextLoad();
  const start = performance.now();
  deliver(state);
  await new Promise((r) => setTimeout(r));
  await settle(el);
  // Up to the next frame after layout: what the user waits for, not only Lit's render.
  void el.getBoundingClientRect();
  await frame();
  const ms = performance.now() - start;
  const rendered = el.shadowRoot!.querySelector('erp-tab-connection')!.shadowRoot!.querySelectorAll('dd').length;
  el.remove();
  return { ms, rendered };
}

function historyEvents(n: number): HistoryEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    kind: 'synced' as const,
    at: new Date(Date.UTC(2025, 0, 1) - i * 60_000).toISOString(),
    by: 'Sync service',
    actorType: 'customer' as const,
    erpKey: '100001',
    changes: [{ field: 'notes', label: 'Notes', oldValue: `old ${i}`, newValue: `new ${i}`, side: 'erp' as const }],
  }));
}

/**
 * A history backend over `all`: the first page holds `first` events, later pages what `limit` asks
 * (20 without). `requests` counts the calls.
 */
function historyBackend(all: HistoryEvent[], first: number, counters: { requests: number }): ErpBackend {
  return {
    getHistory: async (_e: unknown, _c: string, cursor: string | null, options?: { limit?: number }) => {
      counters.requests++;
      const start = cursor ? Number(cursor) : 0;
      const end = Math.min(all.length, start + (cursor ? (options?.limit ?? 20) : first));
      return { items: all.slice(start, end), nextCursor: end < all.length ? String(end) : null };
    },
  } as unknown as ErpBackend;
}

/**
 * Waits for `done()` through microtasks only (a Lit update and a settled promise are microtasks), so
 * no timer's delay is counted; falls back to timers if the work is not done after many turns.
 */
async function untilRendered(done: () => boolean): Promise<void> {
  for (let turns = 0; !done(); turns++) await (turns < 10_000 ? Promise.resolve() : new Promise((r) => setTimeout(r)));
}

/** <erp-history> with `shown` events listed: one "Load more" (20 events), from the click to the events rendered and laid out. */
async function historyLoadMoreOnce(shown: number): Promise<number> {
  const el = document.createElement('erp-history') as ErpHistory;
  el.backend = historyBackend(historyEvents(shown + 40), shown, { requests: 0 });
  el.entity = { type: 'company', id: 'c1' };
  el.connectionId = 'conn-a';
  mount(el);
  const event = (i: number) => el.shadowRoot!.querySelector(`#event-${i}`);
  let button: HTMLButtonElement | null = null;
  while (!(button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="load-more"]'))) await frame();
  // As a user does: scroll down to Load more (a long history is windowed around the viewport).
  button.scrollIntoView({ block: 'end' });
  while (!event(shown - 1)) await frame();
  await frame();
  const start = performance.now();
  button.click();
  await untilRendered(() => event(shown + 19) !== null);
  void el.getBoundingClientRect();
  const ms = performance.now() - start;
  el.remove();
  return ms;
}

/**
 * <erp-tab> and the floor element (bench/floor-tab.ts) with the same 40 fields, each updated to new
 * values `updates` times, alternating: from the new data to the rendered values after style and layout.
 */
async function tabUpdateVsFloor(updates: number): Promise<{ tab: number[]; floor: number[] }> {
  const entity = { type: 'company' as const, id: 'c1', name: 'Acme' };
  const stateOf = (v: number): EntityErpState => ({ entity, available: true, connections: [connection(40, v)] });
  const { tab, nextLoad } = mountHeldTab();
  const floor = createFloorTab();
  mount(floor);
  // Field 0 is a text field: its <dd> shows "Value 0 v<version>". The check runs on every microtask
  // while waiting, so it reads the one <dd> found last time (Lit updates it in place) and searches
  // only when that one is gone: a search of every <dd> per turn would charge more to whichever of the
  // two takes more turns.
  const shows = (root: () => ShadowRoot | null | undefined) => {
    let dd: Element | undefined;
    return (v: number) => {
      if (!dd?.isConnected) dd = [...(root()?.querySelectorAll('dd') ?? [])].find((d) => d.textContent?.startsWith('Value 0 v'));
      return dd?.textContent === `Value 0 v${v}`;
    };
  };
  const tabShows = shows(() => tab.shadowRoot!.querySelector('erp-tab-connection')?.shadowRoot);
  const floorShows = shows(() => floor.shadowRoot);
  const out = { tab: [] as number[], floor: [] as number[] };
  for (let v = 0; v <= updates; v++) {
    if (v > 0) tab.reload();
    const give = await nextLoad();
    await frame();
    let start = performance.now();
    give(stateOf(v));
    await untilRendered(() => tabShows(v));
    void tab.getBoundingClientRect();
    const tabMs = performance.now() - start;
    await frame();
    start = performance.now();
    floor.state = stateOf(v);
    await untilRendered(() => floorShows(v));
    void floor.getBoundingClientRect();
    const floorMs = performance.now() - start;
    // The first round renders both for the first time: not an update.
    if (v > 0) {
      out.tab.push(tabMs);
      out.floor.push(floorMs);
    }
    await frame();
  }
  tab.remove();
  floor.remove();
  return out;
}

/** 200 document-wide `lang` observers, each resolving its field's language as the old controller did. */
function fields200Observers(wrapper: HTMLElement): MutationObserver[] {
  return [...wrapper.querySelectorAll('erp-field')].map((f) => {
    const o = new MutationObserver(() => void resolveLang(f));
    o.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    return o;
  });
}

export const scenarios: Record<string, () => Promise<Record<string, number>>> = {
  /** <erp-tab> with 40 fields: from the data arriving to the rendered section (after 3 warm-up renders). */
  async tabFirstRender() {
    for (let i = 0; i < 3; i++) await tabRenderOnce();
    return tabRenderOnce();
  },

  /**
   * The connect dialog over a 100,000-record backend: scroll down 200 px a frame (a fast fling) until
   * 2,000 rows are loaded; the dialog loads the next 50-row page itself near the end of the loaded rows.
   */
  async scrollTo2000Rows() {
    const counters: Counters = { searches: [] };
    const { dialog, root, list } = await openResults(fakeBackend({} as EntityErpState, counters));
    const loaded = () => counters.rowsServed ?? 0;
    const frames = await fling(list, loaded);
    const result = { ...(await atEnd(root, list, loaded)), ...frameStats(frames) };
    dialog.close();
    dialog.remove();
    return result;
  },

  /**
   * The naive variant of scrollTo2000Rows: the same rows, markup and styles, every loaded row in the DOM
   * (bench/naive-results.ts), paged in the same way, scrolled in the same way.
   */
  async scrollTo2000RowsNaive() {
    const counters: Counters = { searches: [] };
    const backend = fakeBackend({} as EntityErpState, counters);
    const el = createNaiveResults();
    mount(el);
    let cursor: string | null = null;
    let loading = false;
    const loadNext = async () => {
      loading = el.loading = true;
      const page = await backend.searchActors('conn-a', 'customer', { text: '', cursor, limit: 50 });
      el.columns = page.columns;
      el.total = page.total;
      el.rows = [...el.rows, ...page.rows];
      cursor = page.nextCursor;
      loading = el.loading = false;
      await el.updateComplete;
    };
    await loadNext();
    const root = el.shadowRoot!;
    const list = root.querySelector('[role="listbox"]') as HTMLElement;
    // As the dialog does: the next page when the viewport's bottom is within 10 rows of the end.
    const frames = await fling(list, () => el.rows.length, () => {
      const rowHeight = list.scrollHeight / el.rows.length;
      if (!loading && cursor && list.scrollTop + list.clientHeight >= list.scrollHeight - 10 * rowHeight) void loadNext();
    });
    const result = { ...(await atEnd(root, list, () => el.rows.length)), ...frameStats(frames) };
    el.remove();
    return result;
  },

  /**
   * The connect dialog holding all 100,000 rows (loaded 5,000 a page by scrolling to the end), then a
   * fling of 300 frames through the middle: rows and nodes in the DOM, frame times, heap after GC.
   */
  async scroll100000Loaded() {
    const counters: Counters = { searches: [] };
    const { dialog, root, list } = await openResults(fakeBackend({} as EntityErpState, counters, 0, 5000));
    const loaded = () => counters.rowsServed ?? 0;
    const loadStart = performance.now();
    for (let i = 0; i < 1000 && loaded() < TOTAL; i++) {
      list.scrollTop = list.scrollHeight;
      await frame();
    }
    const loadAllMs = performance.now() - loadStart;
    list.scrollTop = list.scrollHeight / 2;
    await frame();
    const frames: number[] = [];
    let last = await frame();
    for (let i = 0; i < 300; i++) {
      list.scrollTop += FLING_PX_PER_FRAME;
      const t = await frame();
      frames.push(t - last);
      last = t;
    }
    const metrics = (window as unknown as { benchMetrics: () => Promise<Record<string, number>> }).benchMetrics;
    const heap = (await metrics()).JSHeapUsedSize / 2 ** 20;
    const result = {
      rowsLoaded: loaded(),
      rowsInDom: root.querySelectorAll('[role="option"]').length,
      domNodes: root.querySelectorAll('*').length,
      loadAllMs,
      heapMb: heap,
      ...frameStats(frames),
    };
    dialog.close();
    dialog.remove();
    return result;
  },

  /**
   * 200 `<erp-field>`s on the page (one shared `lang` observer): mounting them, then `<html lang>` from
   * en to de until every field shows the German number, up to the next frame.
   */
  async langSwitch200Fields() {
    document.documentElement.lang = 'en';
    const wrapper = document.createElement('div');
    const mountStart = performance.now();
    for (let i = 0; i < 200; i++) {
      const f = document.createElement('erp-field') as HTMLElement & { field: FieldMeta; value: number };
      f.field = { key: `f${i}`, label: `Limit ${i}`, type: 'double', access: 'normal' };
      f.value = 1234.5;
      wrapper.append(f);
    }
    mount(wrapper);
    const fields = [...wrapper.querySelectorAll('erp-field')] as (HTMLElement & { updateComplete: Promise<unknown> })[];
    await Promise.all(fields.map((f) => f.updateComplete));
    await frame();
    const mountMs = performance.now() - mountStart;
    const inputs = fields.map((f) => f.shadowRoot!.querySelector('input')!);
    const start = performance.now();
    document.documentElement.lang = 'de';
    while (!inputs.every((i) => i.value === '1.234,5')) await new Promise((r) => setTimeout(r));
    await frame();
    const switchMs = performance.now() - start;
    wrapper.remove();
    document.documentElement.lang = 'en';
    return { mountMs, switchMs };
  },

  /**
   * What an observer per element (as before) costs every attribute write on the page: 20,000 writes
   * of a `data-` attribute with 200 fields and the one shared observer, then with 200 observers more
   * of the same kind (document-wide, `lang` filter, as each element used to add).
   */
  async attributeWrites200Fields() {
    const wrapper = document.createElement('div');
    for (let i = 0; i < 200; i++) {
      const f = document.createElement('erp-field') as HTMLElement & { field: FieldMeta };
      f.field = { key: `f${i}`, label: `Limit ${i}`, type: 'double', access: 'normal' };
      wrapper.append(f);
    }
    mount(wrapper);
    await frame();
    const target = document.createElement('span');
    wrapper.append(target);
    const writes = async () => {
      const start = performance.now();
      for (let i = 0; i < 20_000; i++) target.dataset['n'] = String(i);
      await new Promise((r) => setTimeout(r));
      return performance.now() - start;
    };
    await writes(); // warm up
    const sharedMs = await writes();
    const extra = fields200Observers(wrapper);
    const perElementMs = await writes();
    for (const o of extra) o.disconnect();
    wrapper.remove();
    return { sharedMs, perElementMs };
  },

  /** The conflict picker with 60 fields, all differing. */
  async pickerRender() {
    const fields: CompareField[] = Array.from({ length: 60 }, (_, i) => {
      const m = meta(i);
      return { field: m, direction: 'both', crmValue: `CRM ${i}`, erpValue: `ERP ${i}`, crmDisplay: `CRM ${i}`, erpDisplay: `ERP ${i}`, differs: true };
    });
    const picker = document.createElement('erp-conflict-picker') as HTMLElement & { fields: CompareField[]; askFields: unknown[] };
    const start = performance.now();
    picker.fields = fields;
    picker.askFields = [];
    mount(picker);
    await settle(picker);
    const ms = performance.now() - start;
    const radios = picker.shadowRoot!.querySelectorAll('input[type="radio"]').length;
    picker.remove();
    return { ms, radios };
  },

  /** The tab's update next to the floor's (bench/floor-tab.ts), 40 fields, medians of 20 updates each. */
  async tabUpdate() {
    const { tab, floor } = await tabUpdateVsFloor(20);
    const med = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
    };
    return { tabMs: med(tab), floorMs: med(floor), ratio: med(tab) / med(floor) };
  },

  /** One "Load more" in the history with 100, 1,000 and 10,000 events shown: flat when only new events render. */
  async historyLoadMore() {
    await historyLoadMoreOnce(100); // warm-up: the first Load more of a page also builds its formatters
    return {
      at100Ms: await historyLoadMoreOnce(100),
      at1000Ms: await historyLoadMoreOnce(1_000),
      at10000Ms: await historyLoadMoreOnce(10_000),
    };
  },

  /** Export CSV of a 10,000-event history with 20 shown: requests made and time to the file. */
  async historyExport10000() {
    const counters = { requests: 0 };
    const el = document.createElement('erp-history') as ErpHistory;
    el.backend = historyBackend(historyEvents(10_000), 20, counters);
    el.entity = { type: 'company', id: 'c1' };
    el.connectionId = 'conn-a';
    // The benchmark measures building the file, not the browser's download.
    (el as unknown as { download: () => void }).download = () => {};
    mount(el);
    while (el.shadowRoot!.querySelectorAll('li.event').length < 20) await frame();
    counters.requests = 0;
    const start = performance.now();
    await el.exportCsv();
    const ms = performance.now() - start;
    const rows = el.lastExport!.csv.split('\r\n').length - 2;
    el.remove();
    return { ms, requests: counters.requests, rows };
  },

  /** 200 open/close cycles of the connect dialog: heap and DOM growth. */
  async openCloseCycles() {
    const counters: Counters = { searches: [] };
    const backend = fakeBackend({} as EntityErpState, counters);
    const cycle = async () => {
      const dialog = document.createElement('erp-connect-dialog') as ErpConnectDialog;
      dialog.backend = backend;
      dialog.connection = connection(0);
      dialog.entity = { type: 'company', id: 'c1', name: 'Acme' };
      dialog.actorType = 'customer';
      mount(dialog);
      await dialog.show();
      await new Promise((r) => setTimeout(r, 5));
      dialog.close();
      dialog.remove();
    };
    const idle = () => new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 20; i++) await cycle(); // warm up
    // Chrome's own counters (after a forced GC), read over the DevTools protocol by the driver.
    const metrics = (window as unknown as { benchMetrics: () => Promise<Record<string, number>> }).benchMetrics;
    await idle();
    const before = await metrics();
    for (let i = 0; i < 200; i++) await cycle();
    // Let the last dialog's pending timers and observer callbacks run, so it can be collected: else one
    // dialog's nodes and listeners (not a growth per cycle) count in some runs and not in others.
    await idle();
    const after = await metrics();
    return {
      heapGrowthKb: (after.JSHeapUsedSize - before.JSHeapUsedSize) / 1024,
      listenerGrowth: after.JSEventListeners - before.JSEventListeners,
      nodeGrowth: after.Nodes - before.Nodes,
      requests: counters.searches.length,
    };
  },
};

(window as unknown as { scenarios: typeof scenarios }).scenarios = scenarios;
