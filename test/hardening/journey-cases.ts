// The journey fault matrix: every end-user action that calls the backend x every fault, proven through
// the elements' public surface (roles, names, visible text). Pure data (no DOM, no Lit):
// test/hardening/journey-matrix.test.ts and journey-matrix-tab.test.ts (through journey-runner.ts and
// journey-drivers.ts) drive each cell in the browser and print the grid; scripts/fault-matrix-plugin.mjs
// writes docs/fault-matrix.md from the results of the run with renderDocument().
import type { Fault, OperationName } from '../../simulated-erp/faults.js';
import { FAULTS, markOf, NOT_APPLICABLE, renderMarkdown, tally, type CellResult } from './fault-cases.js';

/** The client timeout of a `slow` cell, and the latency that exceeds it. */
// Only the faulted operation runs with this timeout (journey-drivers.ts), so it can be short.
export const JOURNEY_TIMEOUT_MS = 300;
export const JOURNEY_LATENCY_MS = 700;

export interface JourneyFault {
  id: string;
  label: string;
  /** The simulator fault; `undefined` for `order` (each journey says how its answers race). */
  fault?: Fault;
  /** A fragment of the English message the user must see. */
  message?: string;
  /** A retry makes sense: the journey must offer its retry control (Retry, Apply…) after this fault. */
  transient: boolean;
}

// The operation matrix's faults that a journey can meet (`field` and `huge` are client-level
// variants of `shape`, proven per operation in fault-matrix.test.ts), plus responses out of order.
const PICKED = ['slow', '400', '401', '403', '404', '409', '422', '500', '502', '503', '429', 'non-json', 'network', 'shape', 'redirect', 'html'];
const TRANSIENT = new Set(['slow', '500', '502', '503', '429', 'non-json', 'network']);

export const JOURNEY_FAULTS: JourneyFault[] = [
  ...PICKED.map((id) => {
    const f = FAULTS.find((x) => x.id === id)!;
    const fault: Fault = id === 'slow' ? { kind: 'latency', ms: JOURNEY_LATENCY_MS } : f.fault!;
    const label = id === 'slow' ? `answer after ${JOURNEY_LATENCY_MS} ms (timeout ${JOURNEY_TIMEOUT_MS} ms)` : f.label;
    return { id, label, fault, message: f.message, transient: TRANSIENT.has(id) };
  }),
  { id: 'order', label: 'an earlier request answers after a later one', transient: false },
];

export interface Journey {
  id: string;
  /** What the user does, for the table. */
  action: string;
  /** The element the action lives in. */
  element: string;
  /** The backend operation the faults are injected into. */
  operation: OperationName;
  /** What the user chose before the action, checked to be still there after each fault. */
  kept: string;
  /** How the user tries again. */
  recovery: string;
  /** How answers race in this journey, or why they cannot (starts with "n/a:"). */
  order: string;
}

const ONE_AT_A_TIME = 'n/a: one request at a time (a second click sends nothing: concurrency.test.ts)';

export const JOURNEYS: Journey[] = [
  {
    id: 'suggestions',
    action: 'Open Connect to ERP (suggested matches load)',
    element: 'erp-connect-dialog',
    operation: 'getMatchSuggestions',
    kept: 'the search still runs and lists results',
    recovery: 'the search works without suggestions; reopening the dialog loads them again',
    order: "the first opening's load (failing) answers after the dialog was closed and opened again: the new dialog shows its own suggestions and no error",
  },
  {
    id: 'search-text',
    action: 'Search with typed text',
    element: 'erp-connect-dialog',
    operation: 'searchActors',
    kept: 'typed search text; selected suggested match',
    recovery: 'Retry',
    order: 'a slow search for one text answers after a second search for another: only the second shows',
  },
  {
    id: 'advanced-fields',
    action: 'Advanced search (its fields load)',
    element: 'erp-connect-dialog',
    operation: 'getSearchableFields',
    kept: 'typed search text (back in simple search)',
    recovery: 'Retry',
    order: "the load of a first turn-on (failing) answers after the user turned advanced search off and on again: the second load's criteria stay, no error",
  },
  {
    id: 'search-advanced',
    action: 'Search with advanced criteria',
    element: 'erp-connect-dialog',
    operation: 'searchActorsAdvanced',
    kept: 'criterion field, operator and typed value',
    recovery: 'Retry',
    order: 'a slow search for one value answers after a search for another: only the second shows',
  },
  {
    id: 'load-more',
    action: 'Load more results',
    element: 'erp-connect-dialog',
    operation: 'searchActors',
    kept: 'typed search text; rows already loaded; selected row',
    recovery: 'Retry (loads the same next page)',
    order: 'a slow Load more answers after a new search: its rows are not added',
  },
  {
    id: 'compare',
    action: 'Connect a selected result (compare)',
    element: 'erp-connect-dialog',
    operation: 'compare',
    kept: 'typed search text; results; selected row',
    recovery: 'Retry',
    order: ONE_AT_A_TIME,
  },
  {
    id: 'create-fields',
    action: "Can't find match in ERP, then Create (fields load)",
    element: 'erp-connect-dialog',
    operation: 'getNewActorFields',
    kept: "ticked Can't find match in ERP; typed search text",
    recovery: 'Retry',
    order: ONE_AT_A_TIME,
  },
  {
    id: 'create-lists',
    action: 'Create in ERP: list values of the fields',
    element: 'erp-create-form',
    operation: 'getList',
    kept: 'values typed while the lists failed',
    recovery: 'Retry',
    order: 'n/a: loaded once per list name',
  },
  {
    id: 'save-link',
    action: 'Save a staged link (conflict choices made in the picker)',
    element: 'erp-tab',
    operation: 'saveLink',
    kept: 'staged link with the chosen values (Not saved, Save enabled)',
    recovery: 'Retry (same Idempotency-Key); after 409 Reload, then Save',
    order: ONE_AT_A_TIME,
  },
  {
    id: 'save-create',
    action: 'Save a staged Create in ERP (typed values)',
    element: 'erp-tab',
    operation: 'saveLink',
    kept: 'staged new actor with the typed values (Not saved, Save enabled)',
    recovery: 'Retry (same Idempotency-Key); after 409 Reload, then Save',
    order: ONE_AT_A_TIME,
  },
  {
    id: 'sync-now',
    action: 'Sync now',
    element: 'erp-tab',
    operation: 'syncNow',
    kept: 'the linked values stay on screen',
    recovery: 'Retry; Sign in again after 401; Sync now again',
    order: ONE_AT_A_TIME,
  },
  {
    id: 'conflict-apply',
    action: 'Apply decided conflicts after Sync now',
    element: 'erp-tab (erp-conflict-picker)',
    operation: 'saveLink',
    kept: 'the conflict choices (dialog stays open, Apply enabled)',
    recovery: 'Apply again; after 409 Reload',
    order: ONE_AT_A_TIME,
  },
  {
    id: 'disconnect',
    action: 'Disconnect (confirmed), then Save',
    element: 'erp-tab (erp-confirm-dialog)',
    operation: 'removeLink',
    kept: 'the staged Disconnect (Not saved, Save enabled)',
    recovery: 'Retry (same Idempotency-Key); after 409 Reload, then Save',
    order: ONE_AT_A_TIME,
  },
  {
    id: 'history-load',
    action: 'Open History',
    element: 'erp-history',
    operation: 'getHistory',
    kept: 'the linked values stay on screen',
    recovery: 'Retry',
    order: "the first opening's load (failing) answers after History was closed and opened again: the 20 events of the second load stay, no error",
  },
  {
    id: 'history-more',
    action: 'History: Load more',
    element: 'erp-history',
    operation: 'getHistory',
    kept: 'events already shown',
    recovery: 'Retry (loads the same next page)',
    order: ONE_AT_A_TIME,
  },
  {
    id: 'history-export',
    action: 'History: Export CSV',
    element: 'erp-history',
    operation: 'getHistory',
    kept: 'events already shown',
    recovery: 'Retry',
    order: ONE_AT_A_TIME,
  },
];

/** Cells also run with lang="de": the German message and the German Retry. */
export const GERMAN_JOURNEYS = ['search-text', 'save-link', 'sync-now', 'history-load'];
export const GERMAN_FAULTS = ['401', '403', '500', 'network'];

/** The message ids of the German faults (German cells look for the whole message, from the locales). */
export const GERMAN_MESSAGE_IDS = {
  '401': 'error.unauthorized',
  '403': 'error.forbidden',
  '500': 'error.unavailable',
  network: 'error.network',
} as const;

export const isNotApplicable = (journey: Journey, fault: JourneyFault) =>
  fault.id === 'order' && journey.order.startsWith('n/a');

const escapeCell = (s: string) => s.replace(/\|/g, '\\|');

/** The key of a journey cell in a run's results. */
export const journeyCell = (lang: string, journey: string, fault: string) => `journey ${lang} ${journey} ${fault}`;

/** The journey part of docs/fault-matrix.md, with each cell's result in the run. */
export function renderJourneyMarkdown(results: ReadonlyMap<string, CellResult>): string {
  const mark = (lang: string, j: Journey, f: JourneyFault) =>
    isNotApplicable(j, f) ? markOf(NOT_APPLICABLE) : markOf(results.get(journeyCell(lang, j.id, f.id)));
  const marks = JOURNEYS.map((j) => JOURNEY_FAULTS.map((f) => mark('en', j, f)));
  const german = GERMAN_JOURNEYS.map((id) => {
    const j = JOURNEYS.find((x) => x.id === id)!;
    return GERMAN_FAULTS.map((fid) => mark('de', j, JOURNEY_FAULTS.find((f) => f.id === fid)!));
  });
  const lines = [
    '# Journey fault matrix',
    '',
    'Every end-user action that calls the backend is driven through the elements as a user would (roles,',
    'accessible names, typed text), with each fault injected into its operation;',
    '`test/hardening/journey-matrix.test.ts` (connect dialog) and `journey-matrix-tab.test.ts` (tab) check',
    'every cell: the faulty answer reached the page (the simulator served it), a localized message naming',
    'the problem is shown in an alert or live region (401 and a sign-in page say to sign in again, 403 says',
    'there is no access, 429 says when to try again), the recovery below is offered where a retry makes',
    'sense, nothing is thrown uncaught or written to console.error/console.warn, everything the user chose',
    'is still there, and once the fault is cleared the recovery (or the action again) succeeds.',
    '',
    '## Actions',
    '',
    '| Journey | Action | Element | Operation | Still there after a fault | Recovery | Out of order |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...JOURNEYS.map(
      (j) =>
        `| \`${j.id}\` | ${escapeCell(j.action)} | \`${j.element}\` | \`${j.operation}\` | ${escapeCell(j.kept)} | ${escapeCell(j.recovery)} | ${escapeCell(j.order)} |`,
    ),
    '',
    'Faults are those of the operations table above that a user can meet (`field` and `huge` are',
    'client-level variants of `shape`; the empty, 204 and content-type faults end in the same two',
    `messages as \`shape\` and \`non-json\`), plus \`order\`. \`slow\` here: ${escapeCell(JOURNEY_FAULTS[0]!.label)}.`,
    '',
    '## Action x fault',
    '',
    `| Journey | ${JOURNEY_FAULTS.map((f) => `\`${f.id}\``).join(' | ')} |`,
    `| --- | ${JOURNEY_FAULTS.map(() => ':---:').join(' | ')} |`,
    ...JOURNEYS.map((j, i) => `| \`${j.id}\` | ${marks[i]!.join(' | ')} |`),
    '',
    `${JOURNEYS.length} actions x ${JOURNEY_FAULTS.length} faults = ${JOURNEYS.length * JOURNEY_FAULTS.length} cells: ${tally(marks.flat())}.`,
    '',
    '## In German (`lang="de"`)',
    '',
    'These cells run again in German and look for the German message.',
    '',
    `| Journey | ${GERMAN_FAULTS.map((f) => `\`${f}\``).join(' | ')} |`,
    `| --- | ${GERMAN_FAULTS.map(() => ':---:').join(' | ')} |`,
    ...GERMAN_JOURNEYS.map((id, i) => `| \`${id}\` | ${german[i]!.join(' | ')} |`),
    '',
    `${GERMAN_JOURNEYS.length * GERMAN_FAULTS.length} cells: ${tally(german.flat())}.`,
    '',
  ];
  return lines.join('\n');
}

/** The whole of docs/fault-matrix.md from a run's results: the operations table, then the journeys. */
export function renderDocument(results: ReadonlyMap<string, CellResult>): string {
  return `${renderMarkdown(results)}\n${renderJourneyMarkdown(results)}`;
}
