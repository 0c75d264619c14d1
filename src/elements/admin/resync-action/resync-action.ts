import { LitElement, html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ErpAdminBackend } from '../../../backend/erp-backend.js';
import type { ErpConnection, ResyncResult } from '../../../model/types.js';
import type { ErpConfirmDialog } from '../../erp-confirm-dialog/erp-confirm-dialog.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { getLocale } from '../../../i18n/localization.js';
import { baseStyles } from '../../shared/base-styles.js';
import { adminStyles } from '../admin-styles.js';
import { adminProblemMessage, adminTerms } from '../admin-terms.js';
import { IdempotencyKeys } from '../../shared/idempotency.js';
import { LoadController } from '../../shared/load-controller.js';
import { numberFormat } from '../../../model/intl-cache.js';

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

  @query('erp-confirm-dialog') private confirm!: ErpConfirmDialog;
  private readonly keys = new IdempotencyKeys();
  private readonly resync = new LoadController<[string], ResyncResult>(this, async ([connectionId], signal) => {
    const result = await this.backend!.resync(connectionId, { signal, idempotencyKey: this.keys.for(connectionId) });
    this.keys.done();
    return result;
  });

  constructor() {
    super();
    new LocaleController(this, 'admin', 'settings');
  }

  private async start(): Promise<void> {
    if (this.resync.pending || !this.connection) return;
    this.resync.clear();
    if (!(await this.confirm.ask())) return;
    await this.resync.run(this.connection.id);
  }

  protected override render() {
    const t = adminTerms();
    const c = this.connection;
    if (!c) return nothing;
    const name = c.name;
    const nf = numberFormat(getLocale());
    const running = this.resync.pending;
    const result = this.resync.value;
    const error = this.resync.problem;
    const sent = nf.format(result?.sent ?? 0);
    const failed = nf.format(result?.failed ?? 0);
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
          aria-busy=${running ? 'true' : 'false'}
          class="danger"
          ?disabled=${!c.active}
          @click=${this.start}
        >
          ${t.resync}
        </button>
      </div>
      ${running
        ? html`<progress aria-label=${msg('Resync progress', { id: 'admin.resync.progress' })}></progress>`
        : nothing}
      <p role="status" class=${result && result.failed === 0 ? 'result-ok' : 'muted'}>
        ${running
          ? msg(str`Resync of ${name} in progress…`, { id: 'admin.resync.running' })
          : result
            ? msg(str`Resync finished: ${sent} records sent, ${failed} failed.`, { id: 'admin.resync.result' })
            : ''}
      </p>
      <div role="alert" class="error">
        ${error ? html`${msg('The resync failed.', { id: 'admin.resync.failed' })} ${adminProblemMessage(error)}` : nothing}
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
