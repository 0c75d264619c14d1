import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { ProblemBody, SyncDirection } from '../../model/types.js';
import { formatDateTime, formatRelativeTime } from '../../model/format.js';
import { getLocale } from '../../i18n/localization.js';
import { problemMessage } from '../../i18n/problem-message.js';

/** The one action that fixes a failed synchronization. */
export type Fix = 'retry' | 'sign-in' | 'admin';

export function fixFor(problem: ProblemBody): Fix {
  if (problem.status === 401) return 'sign-in';
  if (problem.status === 403 || problem.status === 422 || /config|not-allowed|mapping/.test(problem.code)) return 'admin';
  return 'retry';
}

/** The ERP (or the backend in front of it) did not answer: we show the last known values. */
export function isUnreachable(problem: ProblemBody): boolean {
  if (problem.code === 'network-error' || problem.code === 'timeout' || problem.code === 'malformed-response') return true;
  return problem.status === 503 || problem.status === 504 || (problem.status >= 500 && problem.code !== 'connector-error');
}

export interface HealthView {
  connectionId: string;
  connectionName: string;
  lastSynced: string | null;
  /** The connection's last background run over its changes: null before the first, undefined where none runs. */
  lastBackgroundSync: string | null | undefined;
  pendingChanges: number | undefined;
  /** Fields the background sync found changed on both sides, waiting for the user's decision. */
  pendingConflicts: number | undefined;
  /** The error to show: this session's failed Sync now (announced), else the stored last error. */
  error: { problem: ProblemBody; live: boolean } | null;
  /** When the ERP does not answer: the time the values on screen were loaded. */
  staleSince: number | null;
  now: number;
  busy: boolean;
  /** Sync now: also what opens the conflict picker for the waiting conflicts. */
  onRetry: () => void;
  onSignIn: () => void;
}

const time = (iso: string, now: number) => {
  const locale = getLocale();
  return html`<time datetime=${iso} title=${formatDateTime(iso, locale)}>${formatRelativeTime(iso, now, locale)}</time>`;
};

/** When the values shown were loaded, as a date and a clock time: true however long the ERP stays away (a relative "now" was not). */
const staleTime = (since: number) => formatDateTime(new Date(since).toISOString(), getLocale());

/**
 * The health strip of a linked connection: last successful sync, pending changes, the last error in
 * plain words with the one action that fixes it, and a stale badge with the time the values shown
 * were loaded when the ERP does not answer.
 */
export function renderHealthStrip(v: HealthView) {
  const titleId = `health-${v.connectionId}`;
  const pending = v.pendingChanges;
  return html`<div part="health" class="health" role="group" aria-labelledby=${titleId}>
    <span id=${titleId} class="visually-hidden">${msg('Synchronization status', { id: 'health.title' })}</span>
    ${v.staleSince !== null
      ? html`<p class="stale" part="stale">
          <span class="badge stale-badge">${msg('Offline', { id: 'health.offline' })}</span>
          ${msg(str`The ERP does not answer. Showing the last known values from ${staleTime(v.staleSince)}.`, { id: 'health.staleValues' })}
        </p>`
      : nothing}
    <p class="health-facts">
      <span
        >${msg('Last successful sync:', { id: 'health.lastSync' })}
        ${v.lastSynced ? time(v.lastSynced, v.now) : msg('Never', { id: 'tab.neverSynced' })}</span
      >
      ${pending === undefined
        ? nothing
        : html`<span
            >${pending === 0
              ? msg('No pending changes', { id: 'health.noPending' })
              : pending === 1
                ? msg('1 pending change', { id: 'health.onePending' })
                : msg(str`${pending} pending changes`, { id: 'health.manyPending' })}</span
          >`}
      ${v.lastBackgroundSync === undefined
        ? nothing
        : html`<span
            >${msg('Last background sync:', { id: 'health.lastBackground' })}
            ${v.lastBackgroundSync ? time(v.lastBackgroundSync, v.now) : msg('Not yet', { id: 'health.notYet' })}</span
          >`}
    </p>
    ${v.pendingConflicts ? renderConflicts(v, v.pendingConflicts) : nothing}
    ${v.error ? renderError(v, v.error.problem, v.error.live) : nothing}
  </div>`;
}

/** Conflicts the background sync kept: they wait for the user, who decides them in the conflict picker. */
function renderConflicts(v: HealthView, count: number) {
  return html`<div class="health-facts stale" part="conflicts-waiting">
    <p>
      ${count === 1
        ? msg('1 conflict waits for your decision.', { id: 'health.oneConflict' })
        : msg(str`${count} conflicts wait for your decision.`, { id: 'health.manyConflicts' })}
    </p>
    <button type="button" aria-busy=${v.busy ? 'true' : 'false'} @click=${v.onRetry}>${msg('Decide now', { id: 'health.decide' })}</button>
  </div>`;
}

function renderError(v: HealthView, problem: ProblemBody, live: boolean) {
  const fix = fixFor(problem);
  const content = html`<p>
      <strong>${msg('The last synchronization failed.', { id: 'health.failed' })}</strong>
      ${problemMessage(problem)}
    </p>
    ${fix === 'retry'
      ? html`<button type="button" aria-busy=${v.busy ? 'true' : 'false'} @click=${v.onRetry}>
          ${msg('Retry', { id: 'action.retry' })}
        </button>`
      : fix === 'sign-in'
        ? html`<button type="button" @click=${v.onSignIn}>${msg('Sign in again', { id: 'health.signIn' })}</button>`
        : html`<p class="fix">
            ${msg(str`Ask an administrator to check the ERP connection “${v.connectionName}”.`, {
              id: 'health.askAdmin',
            })}
          </p>`}`;
  // Announced when it just happened; a stored error from an earlier sync is shown without alarm.
  return live
    ? html`<div class="error-box health-error" part="error" role="alert">${content}</div>`
    : html`<div class="error-box health-error" part="error">${content}</div>`;
}

/** Field provenance: the direction and the leading side, as words (an arrow for sighted users). */
export function renderProvenance(direction: SyncDirection) {
  const [arrow, lead, words] =
    direction === 'erp-to-crm'
      ? ['ERP → CRM', msg('ERP leads', { id: 'tab.leadErp' }), msg('Synchronized from ERP to CRM; ERP leads', { id: 'tab.provErpToCrm' })]
      : direction === 'crm-to-erp'
        ? ['CRM → ERP', msg('CRM leads', { id: 'tab.leadCrm' }), msg('Synchronized from CRM to ERP; CRM leads', { id: 'tab.provCrmToErp' })]
        : [
            'CRM ↔ ERP',
            msg('newer change leads', { id: 'tab.leadNewer' }),
            msg('Synchronized both ways; the newer change leads, you decide conflicts', { id: 'tab.provBoth' }),
          ];
  return html`<span part="provenance" class="provenance" data-direction=${direction}
    ><span aria-hidden="true">${arrow} · ${lead}</span><span class="visually-hidden">${words}</span></span
  >`;
}
