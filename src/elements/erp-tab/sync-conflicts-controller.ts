import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { EntityKey, ErpBackend } from '../../backend/erp-backend.js';
import type { ErpProblem } from '../../backend/problem.js';
import type { ConnectionState, LinkInfo, Side, SyncConflict } from '../../model/types.js';
import type { ErpConflictResolveEvent } from '../../events/erp-conflict-resolve.js';
import { ErpErrorEvent } from '../../events/erp-error.js';
import { ErpSyncEvent } from '../../events/erp-sync.js';
import { problemMessage } from '../../i18n/problem-message.js';
import { deepActiveElement } from '../shared/active-element.js';
import { ConnectionUpdateEvent, ReloadRequestEvent } from '../shared/events-internal.js';
import { LoadController } from '../shared/load-controller.js';

interface Host extends ReactiveControllerHost, EventTarget {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the conflicts dialog needs from its tab section. */
export interface ConflictsContext {
  backend: ErpBackend;
  entity: EntityKey;
  connection: ConnectionState;
  now: number;
  /** Loads the conflict picker; false (with the error shown and `retry` as its Retry) when it failed. */
  ensurePicker(retry: () => void): Promise<boolean>;
  /** Says something in the section's status line. */
  say(text: string): void;
}

/**
 * The values Sync now found changed on both sides: the modal dialog with the conflict picker, and
 * the decision applied as `saveLink` with the same ERP actor and the chosen sides (the history
 * records it). Focus goes back to where it came from, else to Sync now.
 */
export class SyncConflictsController {
  /** The conflicts to decide; null while the dialog is closed. */
  private conflicts: SyncConflict[] | null = null;
  private error: ErpProblem | null = null;
  private key = '';
  private opener: HTMLElement | null = null;
  private readonly applier: LoadController<[LinkInfo, Record<string, Side>], ConnectionState>;

  constructor(
    private readonly host: Host,
    private readonly context: () => ConflictsContext,
  ) {
    this.applier = new LoadController(host, ([link, choices], signal) => {
      const { backend, entity, connection } = this.context();
      return backend.saveLink(
        { type: entity.type, id: entity.id },
        connection.id,
        { actorType: link.actorType, erpKey: link.erpKey, choices },
        { version: connection.version, idempotencyKey: this.key, signal },
      );
    });
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('#conflict-dialog');
  }

  /** Opens the conflict picker (CRM, ERP and last-synced values) in a modal dialog. */
  async open(conflicts: SyncConflict[]): Promise<void> {
    const opener = deepActiveElement();
    if (!(await this.context().ensurePicker(() => void this.open(conflicts)))) return;
    this.opener = opener;
    this.conflicts = conflicts;
    this.error = null;
    this.key = crypto.randomUUID();
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>('h2')?.focus();
  }

  private close(decided: boolean): void {
    if (!decided) {
      this.context().say(
        msg('Not decided: these values stay different until you decide. Use Sync now to decide later.', {
          id: 'tab.conflictNotDecided',
        }),
      );
    }
    if (this.dialog?.open) this.dialog.close();
    this.conflicts = null;
    this.error = null;
    this.host.requestUpdate();
    const opener = this.opener;
    this.opener = null;
    // Back to the element that opened it, else to Sync now.
    const target =
      opener?.isConnected && opener !== document.body ? opener : this.host.renderRoot.querySelector<HTMLElement>('[data-sync-now]');
    target?.focus();
  }

  private async apply(event: ErpConflictResolveEvent): Promise<void> {
    event.stopPropagation();
    const { connection } = this.context();
    const link = connection.link;
    if (!link || this.applier.pending) return;
    this.error = null;
    const result = await this.applier.run(link, { ...event.choices });
    const problem = this.applier.problem;
    if (problem) {
      this.error = problem;
      this.host.requestUpdate();
      this.host.dispatchEvent(new ErpErrorEvent('saveLink', problem.toJSON()));
    }
    if (!result) return;
    this.close(true);
    this.host.dispatchEvent(new ConnectionUpdateEvent(result));
    this.context().say(msg('Your decision was applied and recorded in the history.', { id: 'tab.conflictApplied' }));
    this.host.dispatchEvent(new ErpSyncEvent(connection.id, result.link?.lastSynced ?? null));
  }

  render() {
    const { connection: c, now } = this.context();
    const titleId = `conflict-title-${c.id}`;
    const error = this.error;
    return html`<dialog
      id="conflict-dialog"
      part="conflict-dialog"
      aria-labelledby=${titleId}
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.close(false);
      }}
    >
      <h2 id=${titleId} tabindex="-1">${msg('Values changed on both sides', { id: 'tab.conflictTitle' })}</h2>
      <p>
        ${msg(
          str`Both the CRM and ${c.name} changed these values since the last synchronization. Choose the value to keep for each.`,
          { id: 'tab.conflictExplain' },
        )}
      </p>
      ${this.conflicts
        ? html`<erp-conflict-picker
            .conflicts=${this.conflicts}
            .now=${now}
            ?disabled=${this.applier.pending}
            @erp-conflict-resolve=${(e: ErpConflictResolveEvent) => void this.apply(e)}
            @erp-conflict-cancel=${(e: Event) => {
              e.stopPropagation();
              this.close(false);
            }}
          ></erp-conflict-picker>`
        : nothing}
      ${error
        ? html`<div class="error-box" role="alert">
            <p>${problemMessage(error)}</p>
            ${error.status === 409
              ? html`<button
                  type="button"
                  @click=${() => {
                    this.close(false);
                    this.host.dispatchEvent(new ReloadRequestEvent());
                  }}
                >
                  ${msg('Reload', { id: 'action.reload' })}
                </button>`
              : nothing}
          </div>`
        : nothing}
    </dialog>`;
  }
}
