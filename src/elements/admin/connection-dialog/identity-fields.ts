import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { SyncConnector } from '../../../model/types.js';

/** The connection's name and its sync connector, the first two fields of the connection dialog. */
export interface IdentityFieldsView {
  name: string;
  /** The name is already used (the save error says so, `conn-save-error`). */
  nameTaken: boolean;
  connectors: SyncConnector[];
  connectorId: string;
  /** The connector can be changed (not while the connection is active). */
  editable: boolean;
  onName(name: string): void;
  onConnector(event: Event): void;
}

export function renderIdentityFields(v: IdentityFieldsView) {
  return html`<div class="control">
      <label for="conn-name">${msg('Name', { id: 'admin.col.name' })}<span class="required-mark" aria-hidden="true">*</span></label>
      <input
        id="conn-name"
        autocomplete="off"
        maxlength="80"
        aria-required="true"
        aria-invalid=${v.nameTaken ? 'true' : 'false'}
        aria-describedby=${v.nameTaken ? 'conn-save-error' : nothing}
        .value=${v.name}
        @input=${(e: Event) => v.onName((e.target as HTMLInputElement).value)}
      />
    </div>
    <div class="control">
      <label for="conn-connector"
        >${msg('Sync connector', { id: 'admin.col.connector' })}<span class="required-mark" aria-hidden="true">*</span></label
      >
      <select id="conn-connector" aria-required="true" ?disabled=${!v.editable} @change=${v.onConnector}>
        <option value="" ?selected=${!v.connectorId} disabled>${msg('(Choose a connector)', { id: 'admin.conn.chooseConnector' })}</option>
        ${v.connectors.map((c) => html`<option value=${c.id} ?selected=${c.id === v.connectorId}>${c.name}</option>`)}
      </select>
    </div>`;
}
