import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ErpAdminBackend } from '../../backend/erp-backend.js';
import { isAbort, toProblem, type ErpProblem } from '../../backend/problem.js';
import type { ErpConnection, ResyncResult } from '../../model/types.js';
import type { ErpConfirmDialog } from '../erp-confirm-dialog/erp-confirm-dialog.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { getLocale } from '../../i18n/localization.js';
import { baseStyles } from '../shared/base-styles.js';
import { adminStyles } from './admin-styles.js';
import { adminProblemMessage, adminTerms } from './admin-terms.js';
import { IdempotencyKeys } from '../shared/idempotency.js';
import { numberFormat } from '../../model/intl-cache.js';

/**
 * **Resync from CRM** of one connection: after a confirmation that says what it does, pushes the
 * CRM values of every linked record to the ERP (ignoring timestamps), with progress and the
 * result (records sent, failed). Only for an active connection.
 */
@localized()
export class ErpResyncAction extends LitElement {
  static override styles = [baseStyles, adminStyles];

  @property({ attribute: false }) backend?: ErpAdminBackend;
  @property({ attribute: false }) connection?: ErpConnection;

  @state() private running = false;
  @state() private result: ResyncResult | null = null;
  @state() private error: ErpProblem | null = null;

  @query('erp-confirm-dialog') private confirm!: ErpConfirmDialog;
  private abort?: AbortController;
  private readonly keys = new IdempotencyKeys();

  constructor() {
    super();
    new LocaleController(this, 'admin');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  private async start(): Promise<void> {
    if (this.running || !this.connection) return;
    this.result = null;
    this.error = null;
    if (!(await this.confirm.ask())) return;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.running = true;
    try {
      const idempotencyKey = this.keys.for(this.connection.id);
      const result = await this.backend!.resync(this.connection.id, { signal: abort.signal, idempotencyKey });
      if (abort.signal.aborted) return;
      this.keys.done();
      this.result = result;
    } catch (error) {
      if (isAbort(error) || abort.signal.aborted) return;
      this.error = toProblem(error);
    } finally {
      if (!abort.signal.aborted) this.running = false;
    }
  }

  protected override render() {
    const t = adminTerms();
    const c = this.connection;
    if (!c) return nothing;
    const name = c.name;
    const nf = numberFormat(getLocale());
    const sent = nf.format(this.result?.sent ?? 0);
    const failed = nf.format(this.result?.failed ?? 0);
    return html`<section aria-labelledby="resync-heading">
      <h3 id="resync-heading">${t.resync}</h3>
      <p class="muted" id="resync-help">
        ${c.active
          ? msg('Sends the CRM values of every linked record to the ERP, regardless of which side changed last.', {
              id: 'admin.resync.help',
            })
          : msg('Only an active connection can be resynchronized.', { id: 'admin.resync.inactive' })}
      </p>
      <div class="actions">
        <button
          type="button"
          aria-describedby="resync-help"
          aria-busy=${this.running ? 'true' : 'false'}
          class="danger"
          ?disabled=${!c.active}
          @click=${this.start}
        >
          ${t.resync}
        </button>
      </div>
      ${this.running
        ? html`<progress aria-label=${msg('Resync progress', { id: 'admin.resync.progress' })}></progress>`
        : nothing}
      <p role="status" class=${this.result && this.result.failed === 0 ? 'result-ok' : 'muted'}>
        ${this.running
          ? msg(str`Resync of ${name} in progress…`, { id: 'admin.resync.running' })
          : this.result
            ? msg(str`Resync finished: ${sent} records sent, ${failed} failed.`, { id: 'admin.resync.result' })
            : ''}
      </p>
      <div role="alert" class="error">
        ${this.error ? html`${msg('The resync failed.', { id: 'admin.resync.failed' })} ${adminProblemMessage(this.error)}` : nothing}
      </div>
      <erp-confirm-dialog heading=${t.resync} confirm-label=${t.resync} danger>
        ${msg(
          str`Resync ${name} from the CRM? The CRM values of every record linked through ${name} are sent to the ERP and overwrite the ERP values, even where the ERP changed more recently. This cannot be undone.`,
          { id: 'admin.resync.confirm' },
        )}
      </erp-confirm-dialog>
    </section>`;
  }
}
