import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import type { ErpAdminBackend } from '../../../backend/erp-backend.js';
import { CLIENT_CODES, ErpProblem, isAbort, toProblem } from '../../../backend/problem.js';
import type { ConnectorInput, SyncConnector, TestResult } from '../../../model/types.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { getLocale } from '../../../i18n/localization.js';
import { baseStyles } from '../../shared/base-styles.js';
import { dialogStyles } from '../../shared/dialog-styles.js';
import type { ErpConfirmDialog } from '../../erp-confirm-dialog/erp-confirm-dialog.js';
import { deepActiveElement } from '../../shared/active-element.js';
import { AdminChangedEvent } from '../admin-events.js';
import { adminStyles } from '../admin-styles.js';
import { adminProblemMessage, adminTerms, nameList } from '../admin-terms.js';
import { IdempotencyKeys } from '../../shared/idempotency.js';
import { LoadController } from '../../shared/load-controller.js';

/** How long a connector URL test may take before we say it did not answer. */
export const URL_TEST_LIMIT_MS = 10_000;

/** An http(s) URL, or null. */
export function parseConnectorUrl(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The **Sync Connectors** list: add (name + URL, the URL can be tested), edit, remove. A connector
 * that ERP connections use cannot be removed; the list says which connections use it.
 *
 * @csspart section - The list's section.
 * @csspart dialog - The add/edit dialog.
 */
@localized()
export class ErpConnectorList extends LitElement {
  static override styles = [baseStyles, dialogStyles, adminStyles];

  @property({ attribute: false }) backend?: ErpAdminBackend;
  @property({ attribute: false }) connectors: SyncConnector[] = [];

  @state() private editing: SyncConnector | null = null;
  @state() private name = '';
  @state() private url = '';
  @state() private urlTouched = false;
  @state() private listMessage = '';
  @state() private listError = '';

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('erp-confirm-dialog') private confirm!: ErpConfirmDialog;
  private opener: HTMLElement | null = null;
  /** Test URL: the URL tested and the connector's answer. */
  private readonly test = new LoadController(this, async ([url]: [string], signal): Promise<{ url: string; result: TestResult }> => {
    const limit = AbortSignal.timeout(URL_TEST_LIMIT_MS);
    try {
      return { url, result: await this.backend!.testConnectorUrl(url, { signal: AbortSignal.any([signal, limit]) }) };
    } catch (error) {
      // Our own time limit is a timeout to the user, not an abort.
      if (limit.aborted && !signal.aborted) throw new ErpProblem({ status: 0, code: CLIENT_CODES.timeout });
      throw error;
    }
  });
  private readonly save = new LoadController(this, ([id, input, idempotencyKey]: [string | null, ConnectorInput, string], signal) =>
    id ? this.backend!.updateConnector(id, input, { signal, idempotencyKey }) : this.backend!.addConnector(input, { signal, idempotencyKey }),
  );
  private readonly addKeys = new IdempotencyKeys();
  private readonly removeKeys = new IdempotencyKeys();
  private removing = new Set<string>();

  constructor() {
    super();
    new LocaleController(this, 'admin');
  }

  /** Opens the dialog to add a connector (or edit `connector`). */
  async open(connector: SyncConnector | null = null): Promise<void> {
    this.opener = deepActiveElement();
    this.editing = connector;
    this.name = connector?.name ?? '';
    this.url = connector?.url ?? '';
    this.urlTouched = false;
    this.test.clear();
    this.save.clear();
    await this.updateComplete;
    this.dialog.showModal();
  }

  private close(): void {
    this.test.abort();
    this.save.abort();
    if (this.dialog.open) this.dialog.close();
    this.opener?.focus();
    this.opener = null;
  }

  private get urlError(): string {
    if (!this.url.trim()) return msg('Enter the connector URL.', { id: 'admin.connector.urlRequired' });
    if (!parseConnectorUrl(this.url)) {
      return msg('Enter a web address starting with https:// or http://.', { id: 'admin.connector.urlInvalid' });
    }
    return '';
  }

  private async testUrl(): Promise<void> {
    if (this.test.pending) return;
    this.urlTouched = true;
    if (this.urlError) return;
    await this.test.run(this.url.trim());
  }

  private get testError(): string | null {
    const problem = this.test.problem;
    if (!problem) return null;
    const seconds = URL_TEST_LIMIT_MS / 1000;
    return problem.code === CLIENT_CODES.timeout
      ? msg(str`The connector did not answer within ${seconds} seconds. Check the URL and that the connector is running.`, {
          id: 'admin.connector.testTimeout',
        })
      : adminProblemMessage(problem);
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.save.pending) return;
    this.urlTouched = true;
    if (!this.name.trim() || this.urlError) {
      (this.renderRoot.querySelector<HTMLInputElement>(!this.name.trim() ? '#connector-name' : '#connector-url'))?.focus();
      return;
    }
    const input = { name: this.name.trim(), url: this.url.trim() };
    const id = this.editing?.id ?? null;
    const saved = await this.save.run(id, input, this.addKeys.for([id, input]));
    if (!saved) {
      if (this.save.problem?.code === 'duplicate-name') this.renderRoot.querySelector<HTMLInputElement>('#connector-name')?.focus();
      return;
    }
    this.addKeys.done();
    this.close();
    this.listError = '';
    this.listMessage = msg(str`Saved ${saved.name}.`, { id: 'admin.connector.saved' });
    this.dispatchEvent(new AdminChangedEvent());
  }

  private async removeConnector(connector: SyncConnector): Promise<void> {
    this.listMessage = '';
    this.listError = '';
    if (connector.usedBy.length) {
      this.listError = this.inUseText(connector.name, connector.usedBy);
      return;
    }
    if (this.removing.has(connector.id)) return;
    const name = connector.name;
    this.confirm.heading = msg(str`Remove ${name}?`, { id: 'admin.connector.removeTitle' });
    this.confirm.confirmLabel = msg('Remove', { id: 'admin.connector.remove' });
    if (!(await this.confirm.ask())) return;
    this.removing.add(connector.id);
    this.requestUpdate();
    try {
      await this.backend!.removeConnector(connector.id, { idempotencyKey: this.removeKeys.for(connector.id) });
      this.removeKeys.done();
      this.listMessage = msg(str`Removed ${name}.`, { id: 'admin.connector.removed' });
      this.dispatchEvent(new AdminChangedEvent());
    } catch (error) {
      if (isAbort(error)) return;
      const problem = toProblem(error);
      this.listError =
        problem.code === 'connector-in-use'
          ? this.inUseText(name, (problem.detail ?? '').replace(/^Used by:\s*/, '').split(/,\s*/).filter(Boolean))
          : adminProblemMessage(problem);
    } finally {
      this.removing.delete(connector.id);
      this.requestUpdate();
    }
  }

  private inUseText(name: string, usedBy: string[]): string {
    const list = nameList(usedBy, getLocale());
    return msg(str`${name} cannot be removed: it is used by the ERP connections ${list}. Remove those connections or give them another connector first.`, {
      id: 'admin.connector.inUse',
    });
  }

  protected override render() {
    const t = adminTerms();
    return html`<section part="section" aria-labelledby="connectors-heading">
        <div class="head">
          <h2 id="connectors-heading">${t.connectors}</h2>
          <button type="button" class="primary" @click=${() => this.open()}>${t.add}</button>
        </div>
        <p role="status" class="muted">${this.listMessage}</p>
        <div role="alert" class="error">${this.listError}</div>
        <div class="table-wrap">
          <table aria-labelledby="connectors-heading">
            <thead>
              <tr>
                <th scope="col">${msg('Name', { id: 'admin.col.name' })}</th>
                <th scope="col">${msg('URL', { id: 'admin.col.url' })}</th>
                <th scope="col">${msg('Used by', { id: 'admin.col.usedBy' })}</th>
                <th scope="col"><span class="visually-hidden">${msg('Actions', { id: 'admin.col.actions' })}</span></th>
              </tr>
            </thead>
            <tbody>
              ${repeat(
                this.connectors,
                (c) => c.id,
                (c) => html`<tr>
                  <th scope="row" role="rowheader">${c.name}</th>
                  <td>${c.url}</td>
                  <td>${c.usedBy.length ? nameList(c.usedBy, getLocale()) : html`<span class="muted">–</span>`}</td>
                  <td class="buttons">
                    <button
                      type="button"
                      aria-label=${msg(str`Edit ${c.name}`, { id: 'admin.connector.editNamed' })}
                      @click=${() => this.open(c)}
                    >
                      ${msg('Edit', { id: 'admin.connector.edit' })}
                    </button>
                    <button
                      type="button"
                      class="danger"
                      aria-busy=${this.removing.has(c.id) ? 'true' : 'false'}
                      aria-label=${msg(str`Remove ${c.name}`, { id: 'admin.connector.removeNamed' })}
                      @click=${() => this.removeConnector(c)}
                    >
                      ${msg('Remove', { id: 'admin.connector.remove' })}
                    </button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
      ${this.renderDialog()}
      <erp-confirm-dialog danger></erp-confirm-dialog>`;
  }

  private renderDialog() {
    const t = adminTerms();
    const urlError = this.urlTouched ? this.urlError : '';
    const testing = this.test.pending;
    const tested = this.test.value?.url === this.url.trim() ? this.test.value.result : null;
    const saveError = this.save.problem;
    const title = this.editing
      ? msg('Edit Sync Connector', { id: 'admin.connector.editTitle' })
      : msg('Add Sync Connector', { id: 'admin.connector.addTitle' });
    return html`<dialog
      part="dialog"
      aria-labelledby="connector-dialog-title"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.close();
      }}
    >
      <h2 id="connector-dialog-title">${title}</h2>
      <form novalidate @submit=${this.onSubmit}>
        <div class="control">
          <label for="connector-name"
            >${msg('Name', { id: 'admin.col.name' })}<span class="required-mark" aria-hidden="true">*</span></label
          >
          <input
            id="connector-name"
            maxlength="60"
            autocomplete="off"
            aria-required="true"
            .value=${this.name}
            @input=${(e: Event) => {
              this.name = (e.target as HTMLInputElement).value;
              if (this.save.problem) this.save.clear();
            }}
          />
        </div>
        <div class="control">
          <label for="connector-url"
            >${msg('Connector URL', { id: 'admin.connector.url' })}<span class="required-mark" aria-hidden="true"
              >*</span
            ></label
          >
          <input
            id="connector-url"
            type="url"
            autocomplete="off"
            spellcheck="false"
            aria-required="true"
            aria-invalid=${urlError ? 'true' : 'false'}
            aria-describedby="connector-url-message"
            .value=${this.url}
            @input=${(e: Event) => {
              this.url = (e.target as HTMLInputElement).value;
              if (this.test.problem) this.test.clear();
            }}
            @blur=${() => (this.urlTouched = true)}
            @change=${() => (this.urlTouched = true)}
          />
          <p id="connector-url-message" class="error" aria-live="polite">${urlError}</p>
        </div>
        <div class="actions">
          <button type="button" aria-busy=${testing ? 'true' : 'false'} @click=${this.testUrl}>
            ${msg('Test URL', { id: 'admin.connector.test' })}
          </button>
        </div>
        <p role="status" class=${tested?.ok ? 'result-ok' : 'muted'}>
          ${testing
            ? msg('Testing…', { id: 'admin.testing' })
            : tested?.ok
              ? msg(str`Test passed: ${tested.message}`, { id: 'admin.testPassed' })
              : ''}
        </p>
        <div role="alert" class="error">
          ${this.testError ??
          (tested && !tested.ok
            ? msg(str`Test failed: ${tested.message}`, { id: 'admin.testFailed' })
            : '')}
          ${saveError ? adminProblemMessage(saveError, this.name.trim()) : nothing}
        </div>
        <div class="actions dialog-actions">
          <button type="submit" class="primary" aria-busy=${this.save.pending ? 'true' : 'false'}>${t.ok}</button>
          <button type="button" @click=${this.close}>${t.cancel}</button>
        </div>
      </form>
    </dialog>`;
  }
}
