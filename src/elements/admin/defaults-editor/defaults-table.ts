import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { DefaultValue } from '../../../model/types.js';
import { formatWords } from '../../../i18n/terms.js';
import { adminTerms } from '../admin-terms.js';

/** The defaults of one actor type as a table: field, value, Ask user, Mandatory, Edit and Remove. */
export interface DefaultsTableView {
  defaults: DefaultValue[];
  /** The ERP field's label (its key when the connector no longer has it). */
  label(d: DefaultValue): string;
  /** The default value as the user reads it. */
  display(d: DefaultValue): string;
  /** Fields whose removal is being saved. */
  removing: ReadonlySet<string>;
  onEdit(d: DefaultValue): void;
  onRemove(d: DefaultValue): void;
}

export function renderDefaultsTable(v: DefaultsTableView) {
  const t = adminTerms();
  const w = formatWords();
  return html`<div class="table-wrap">
    <table aria-labelledby="defaults-heading">
      <thead>
        <tr>
          <th scope="col">${t.erpField}</th>
          <th scope="col">${msg('Default value', { id: 'admin.def.value' })}</th>
          <th scope="col">${msg('Ask user', { id: 'admin.def.askShort' })}</th>
          <th scope="col">${msg('Mandatory', { id: 'admin.def.mandatoryShort' })}</th>
          <th scope="col"><span class="visually-hidden">${msg('Actions', { id: 'admin.col.actions' })}</span></th>
        </tr>
      </thead>
      <tbody>
        ${repeat(
          v.defaults,
          (d) => d.field,
          (d) => {
            const label = v.label(d);
            return html`<tr>
              <th scope="row" role="rowheader">${label}</th>
              <td>${v.display(d)}</td>
              <td>${d.askUser ? w.yes : w.no}</td>
              <td>
                ${d.mandatory ? w.yes : w.no}
                ${d.locked ? html`<div class="muted">${msg('Required by the connector', { id: 'admin.def.locked' })}</div>` : nothing}
              </td>
              <td class="buttons">
                <button
                  type="button"
                  aria-label=${msg(str`Edit default for ${label}`, { id: 'admin.def.editNamed' })}
                  @click=${() => v.onEdit(d)}
                >
                  ${msg('Edit', { id: 'admin.def.edit' })}
                </button>
                ${d.locked
                  ? nothing
                  : html`<button
                      type="button"
                      aria-label=${msg(str`Remove default for ${label}`, { id: 'admin.def.removeNamed' })}
                      aria-busy=${v.removing.has(d.field) ? 'true' : 'false'}
                      @click=${() => v.onRemove(d)}
                    >
                      ${msg('Remove', { id: 'admin.def.remove' })}
                    </button>`}
              </td>
            </tr>`;
          },
        )}
      </tbody>
    </table>
  </div>`;
}
