import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ErpProblem } from '../../../backend/problem.js';
import type { FieldMeta, FieldValue, ListItem } from '../../../model/types.js';
import type { ErpFieldChangeEvent } from '../../../events/erp-field-change.js';
import { adminProblemMessage, adminTerms } from '../admin-terms.js';

const NO_ITEMS: never[] = [];

/** The connector's configuration fields in the connection dialog. */
export interface ConfigFieldsView {
  /** False while the connection is active: the fields are read-only until it is deactivated. */
  editable: boolean;
  deactivating: boolean;
  notice: string;
  loading: boolean;
  problem: ErpProblem | null;
  fields: FieldMeta[];
  field(f: FieldMeta): TemplateResult;
  onDeactivate(): void;
  onRetry(): void;
}

export function renderConfigFields(v: ConfigFieldsView) {
  const t = adminTerms();
  return html`<fieldset class="config" part="config" aria-busy=${v.loading ? 'true' : 'false'}>
    <legend>${t.configFields}</legend>
    ${!v.editable
      ? html`<div class="notice">
          <p>
            ${msg('This connection is active: its configuration fields can only be changed while it is not active.', {
              id: 'admin.conn.activeExplain',
            })}
          </p>
          <button type="button" aria-busy=${v.deactivating ? 'true' : 'false'} @click=${v.onDeactivate}>
            ${msg('Deactivate to change configuration', { id: 'admin.conn.deactivate' })}
          </button>
        </div>`
      : nothing}
    <p role="status" class="muted">${v.notice}</p>
    ${v.problem
      ? html`<div role="alert" class="error">
          ${adminProblemMessage(v.problem)}
          <button type="button" @click=${v.onRetry}>${msg('Retry', { id: 'action.retry' })}</button>
        </div>`
      : nothing}
    ${v.fields.map((f) => v.field(f))}
  </fieldset>`;
}

/** One configuration field: a stored password shows as set, with Change; any other is an erp-field. */
export interface ConfigFieldView {
  f: FieldMeta;
  editable: boolean;
  /** A password whose stored value is kept (not being changed). */
  secretKept: boolean;
  value: FieldValue;
  items: ListItem[] | undefined;
  disabled: boolean;
  onChangeSecret(): void;
  onFieldChange(event: ErpFieldChangeEvent): void;
}

export function renderConfigField(v: ConfigFieldView) {
  const f = v.f;
  if (v.secretKept) {
    const label = f.label;
    return html`<div class="control">
      <span class="label" id=${`secret-${f.key}`}><strong>${f.label}</strong></span>
      <div class="secret">
        <span>${msg('Set (hidden)', { id: 'admin.conn.secretSet' })}</span>
        ${v.editable
          ? html`<button type="button" aria-label=${msg(str`Change ${label}`, { id: 'admin.conn.changeSecretNamed' })} @click=${v.onChangeSecret}>
              ${msg('Change', { id: 'admin.conn.changeSecret' })}
            </button>`
          : nothing}
      </div>
    </div>`;
  }
  return html`<erp-field
    data-key=${f.key}
    .field=${v.editable ? f : { ...f, access: f.access === 'mandatory' ? 'read-only' : f.access === 'normal' ? 'read-only' : f.access }}
    .value=${v.value}
    .items=${v.items || NO_ITEMS}
    ?disabled=${v.disabled}
    @erp-field-change=${v.onFieldChange}
  ></erp-field>`;
}
