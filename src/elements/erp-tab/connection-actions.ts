import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { ErpProblem } from '../../backend/problem.js';
import { problemMessage } from '../../i18n/problem-message.js';

/** The section's call in flight: Sync now, Save (a link or an unlink), or none. */
export type Busy = 'syncNow' | 'saving' | null;

export interface ActionsView {
  editing: boolean;
  linked: boolean;
  /** A link or an unlink is staged (Save has something to store). */
  staged: boolean;
  busy: Busy;
  onEdit(): void;
  onSyncNow(): void;
  onSave(): void;
  onCancel(): void;
  onDisconnect(): void;
}

/** The section's buttons: Edit and Sync now, or in edit mode Save, Cancel and Disconnect. */
export function renderActions(v: ActionsView) {
  if (!v.editing) {
    return html`
      <button type="button" data-edit @click=${v.onEdit}>${msg('Edit', { id: 'action.edit' })}</button>
      ${v.linked
        ? html`<button
            type="button"
            aria-disabled=${v.busy ? 'true' : 'false'}
            aria-busy=${v.busy === 'syncNow' ? 'true' : 'false'}
            data-sync-now
            @click=${v.onSyncNow}
          >
            ${msg('Sync now', { id: 'action.syncNow' })}
          </button>`
        : nothing}
    `;
  }
  // Disconnect is undone by connecting again (nothing is deleted): no danger style, and last, so
  // Edit does not land on it.
  return html`
    <button
      type="button"
      class="primary"
      data-save
      aria-disabled=${v.staged && !v.busy ? 'false' : 'true'}
      aria-busy=${v.busy === 'saving' ? 'true' : 'false'}
      @click=${v.onSave}
    >
      ${msg('Save', { id: 'action.save' })}
    </button>
    <button type="button" data-cancel @click=${v.onCancel}>${msg('Cancel', { id: 'action.cancel' })}</button>
    ${v.linked && !v.staged
      ? html`<button type="button" @click=${v.onDisconnect}>${msg('Disconnect', { id: 'action.disconnect' })}</button>`
      : nothing}
  `;
}

/** An error next to the actions: a 409 offers Reload (the record changed elsewhere), anything else Retry. */
export function renderActionError(problem: ErpProblem, onRetry: () => void, onReload: () => void) {
  return html`<div class="error-box" part="error" role="alert">
    <p>${problemMessage(problem)}</p>
    ${problem.status === 409
      ? html`<button type="button" @click=${onReload}>${msg('Reload', { id: 'action.reload' })}</button>`
      : html`<button type="button" @click=${onRetry}>${msg('Retry', { id: 'action.retry' })}</button>`}
  </div>`;
}

/** The confirmation of Disconnect: what it does and what it leaves alone. */
export function renderDisconnectConfirm(c: { name: string }) {
  return html`<erp-confirm-dialog
    heading=${msg('Disconnect', { id: 'action.disconnect' })}
    confirm-label=${msg('Disconnect', { id: 'action.disconnect' })}
  >
    <p>
      ${msg(
        str`After disconnecting, this record is no longer synchronized with ${c.name}. Nothing is deleted in the ERP or the CRM.`,
        { id: 'tab.disconnectExplain' },
      )}
    </p>
  </erp-confirm-dialog>`;
}
