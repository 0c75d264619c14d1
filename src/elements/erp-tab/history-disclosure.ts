import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { EntityKey, ErpBackend } from '../../backend/erp-backend.js';
import type { ConnectionState } from '../../model/types.js';

/** The "History" disclosure of a connected record; `<erp-history>` is rendered (and loaded) once it is opened. */
export interface HistoryView {
  backend: ErpBackend;
  entity: EntityKey;
  connection: ConnectionState;
  now: number;
  open: boolean;
  onToggle(open: boolean): void;
}

export function renderHistory(v: HistoryView) {
  return html`<details part="history" class="history" @toggle=${(e: Event) => v.onToggle((e.target as HTMLDetailsElement).open)}>
    <summary>${msg('History', { id: 'history.title' })}</summary>
    ${v.open
      ? html`<erp-history
          .backend=${v.backend}
          .entity=${v.entity}
          .connectionId=${v.connection.id}
          .version=${v.connection.version}
          .now=${v.now}
        ></erp-history>`
      : nothing}
  </details>`;
}
