import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { ActorType, ConnectionState, DisplayField } from '../../model/types.js';
import { formatDateTime, formatFieldValue, formatRelativeTime } from '../../model/format.js';
import type { PendingLink } from '../../events/erp-connect.js';
import { getLocale } from '../../i18n/localization.js';
import { actorTypeLabel, connectionNotLinkedText, formatWords } from '../../i18n/terms.js';
import { problemMessage } from '../../i18n/problem-message.js';
import { renderProvenance } from './health-strip.js';

// Render helpers for the states of one connection section (stateless; the element owns the state).

const row = (label: string, value: unknown) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;

/**
 * The rows of a linked record, and of one that will be linked on Save (the same rows, so the preview
 * is what the tab shows after saving): actor type, ERP number, the name where no field shows it, the
 * fields with their direction.
 */
function actorRows(actorType: ActorType, erpKey: string | undefined, displayName: string, fields: readonly DisplayField[]) {
  const locale = getLocale();
  const words = formatWords();
  return html`
    ${row(msg('ERP actor', { id: 'tab.actorType' }), actorTypeLabel(actorType))}
    ${erpKey ? row(msg('ERP number', { id: 'tab.erpKey' }), erpKey) : nothing}
    ${fields.some((f) => f.displayValue === displayName) ? nothing : row(msg('Name', { id: 'tab.displayName' }), displayName)}
    ${fields.map(
      (f) => html`<div>
        <dt><span>${f.field.label}</span>${f.direction ? renderProvenance(f.direction) : nothing}</dt>
        <dd>${formatFieldValue(f.field, f.value, f.displayValue, locale, words)}</dd>
      </div>`,
    )}
  `;
}

export function renderLinkedFields(c: ConnectionState, now: number, unlinkPending: boolean, showLastError = true) {
  const link = c.link!;
  const locale = getLocale();
  return html`
    ${unlinkPending
      ? html`<p class="pending-note">
          ${msg('Disconnect is not saved yet. After saving, this record is no longer synchronized.', {
            id: 'tab.unlinkPendingNote',
          })}
        </p>`
      : nothing}
    <dl part="fields" class="fields">
      ${actorRows(link.actorType, link.erpKey, link.displayName, c.fields)}
      ${row(
        msg('Last synchronized', { id: 'tab.lastSynced' }),
        link.lastSynced
          ? html`<time datetime=${link.lastSynced} title=${formatDateTime(link.lastSynced, locale)}
              >${formatRelativeTime(link.lastSynced, now, locale)}</time
            >`
          : msg('Never', { id: 'tab.neverSynced' }),
      )}
    </dl>
    ${showLastError && link.status === 'error' && link.lastError
      ? html`<p class="warning">
          ${msg(str`The last synchronization failed: ${problemMessage(link.lastError)}`, {
            id: 'tab.lastSyncFailed',
          })}
        </p>`
      : nothing}
  `;
}

export function renderPendingLink(link: PendingLink) {
  return html`<div part="pending" class="pending">
    <p class="pending-note">
      ${link.create
        ? msg('A new ERP actor will be created when you save. The values below are not saved yet.', {
            id: 'tab.pendingCreate',
          })
        : msg('The values below show the record as it will be after synchronization. Not saved yet.', {
            id: 'tab.pendingLink',
          })}
    </p>
    <dl class="fields">${actorRows(link.actorType, link.erpKey, link.displayName, link.preview)}</dl>
  </div>`;
}

export function renderNotLinked(c: ConnectionState) {
  return html`<div class="empty" part="empty">
    <p>${connectionNotLinkedText(c.name)}</p>
    <p class="muted">
      ${msg('To connect it, choose Edit, then the type of ERP actor, and pick the matching ERP record.', {
        id: 'tab.howToConnect',
      })}
    </p>
  </div>`;
}

/** A connected record's state: in sync as far as known, its last sync failed, or its ERP does not answer. */
export type LinkHealth = 'linked' | 'failed' | 'unreachable';

/** The section's state in one word or two: a link whose last sync failed or whose ERP does not answer says so. */
export function renderBadge(state: 'unsaved' | 'not-linked' | LinkHealth) {
  const [kind, text] =
    state === 'unsaved'
      ? ['pending', msg('Not saved', { id: 'tab.badgeUnsaved' })]
      : state === 'not-linked'
        ? ['', msg('Not connected', { id: 'tab.badgeNotLinked' })]
        : state === 'unreachable'
          ? ['pending', msg('Connected, ERP not reachable', { id: 'tab.badgeUnreachable' })]
          : state === 'failed'
            ? ['failed', msg('Connected, last sync failed', { id: 'tab.badgeFailed' })]
            : ['linked', msg('Connected', { id: 'tab.badgeLinked' })];
  return html`<span class="badge ${kind}">${text}</span>`;
}
