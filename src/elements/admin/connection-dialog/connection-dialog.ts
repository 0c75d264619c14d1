import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ErpAdminBackend } from '../../../backend/erp-backend.js';
import { isAbort, toProblem, type ErpProblem } from '../../../backend/problem.js';
import type {
  ConnectionInput,
  ErpConnection,
  FieldMeta,
  FieldValue,
  ListItem,
  Principal,
  Scope,
  SyncConnector,
} from '../../../model/types.js';
import type { ErpFieldChangeEvent } from '../../../events/erp-field-change.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { baseStyles } from '../../shared/base-styles.js';
import { dialogStyles } from '../../shared/dialog-styles.js';
import { deepActiveElement } from '../../shared/active-element.js';
import { AdminChangedEvent, type ScopeChangeEvent } from '../admin-events.js';
import { adminStyles } from '../admin-styles.js';
import { adminProblemMessage, adminTerms } from '../admin-terms.js';
import { IdempotencyKeys } from '../../shared/idempotency.js';
import { reloadButton, reloadedKeptMessage } from '../conflict.js';
import { LoadController } from '../../shared/load-controller.js';
import { renderConfigField, renderConfigFields } from './config-fields.js';
import { renderConnectionTest } from './connection-test.js';
import { renderIdentityFields } from './identity-fields.js';
import { configToSend, keepsSecret, type ConfigDraft, missingMandatory, storedKey, testKey, valuesFor } from './connection-config.js';

/**
 * **Define new ERP connection** / **Configure ERP connection**: name, connector, **Scope**, the
 * connector's configuration fields (rendered by `<erp-field>`), a description and **Test ERP
 * connection**. **OK** is enabled once the test passed for the current values and every mandatory
 * value and the scope are filled. Configuration fields of an active connection are read-only (the
 * dialog offers to deactivate it first). Passwords are never shown: a stored one is "set" and can
 * be changed.
 *
 * @csspart dialog - The native dialog.
 * @csspart config - The configuration fields.
 */
@localized()
export class ErpConnectionDialog extends LitElement {
  static override styles = [baseStyles, dialogStyles, adminStyles];

  @property({ attribute: false }) backend?: ErpAdminBackend;
  @property({ attribute: false }) connectors: SyncConnector[] = [];
  /** Known users and groups (id -> principal) for showing the scope. */
  @property({ attribute: false }) principals: Map<string, Principal> = new Map();

  @state() private original: ErpConnection | null = null;
  @state() private name = '';
  @state() private connectorId = '';
  @state() private scope: Scope = { kind: 'everyone' };
  @state() private description = '';
  @state() private fields: FieldMeta[] = [];
  @state() private values: Record<string, FieldValue> = {};
  /** Password fields the admin is changing (their stored value is replaced). */
  @state() private changingSecret = new Set<string>();
  @state() private invalid = new Set<string>();
  /** Items of the connector's lists (for `list` configuration fields), by list name. */
  @state() private listItems = new Map<string, ListItem[]>();
  /** Why Deactivate or Reload failed (Save's own failure is `save.problem`). */
  @state() private actionError: ErpProblem | null = null;
  @state() private deactivating = false;
  @state() private notice = '';

  @query('dialog') private dialog!: HTMLDialogElement;
  private opener: HTMLElement | null = null;
  /** The connector's configuration fields and the items of their lists (a list that fails is empty). */
  private readonly fieldsLoad = new LoadController(
    this,
    async ([connectorId]: [string], signal) => {
      const fields = await this.backend!.getConnectorConfigFields(connectorId, { signal });
      const listNames = [...new Set(fields.filter((f) => f.type === 'list' && f.listName).map((f) => f.listName!))];
      const lists = await Promise.all(
        listNames.map((name) =>
          this.backend!.getConnectorList(connectorId, name, { signal }).then(
            (items) => [name, items] as const,
            (error: unknown) => {
              if (isAbort(error)) throw error;
              return [name, [] as ListItem[]] as const;
            },
          ),
        ),
      );
      return { fields, lists };
    },
    (loaded, [connectorId]) => this.takeFields(connectorId, loaded.fields, loaded.lists),
  );
  /** Test: the configuration tested (as `testKey`) and the answer. */
  private readonly tester = new LoadController(this, async ([key, input]: [string, ConnectionInput], signal) => ({
    key,
    result: await this.backend!.testConnectionConfig(input, { signal }),
  }));
  private readonly save = new LoadController(this, ([input, idempotencyKey]: [ConnectionInput, string], signal) =>
    this.original
      ? this.backend!.updateConnection(this.original.id, input, this.original.version, { signal, idempotencyKey })
      : this.backend!.addConnection(input, { signal, idempotencyKey }),
  );
  private readonly addKeys = new IdempotencyKeys();
  private readonly activeKeys = new IdempotencyKeys();
  @state() private reloading = false;

  constructor() {
    super();
    new LocaleController(this, 'admin', 'settings');
  }

  private abortAll(): void {
    this.fieldsLoad.abort();
    this.tester.abort();
    this.save.abort();
  }

  private get saveError(): ErpProblem | null {
    return this.save.problem ?? this.actionError;
  }

  private clearSaveError(): void {
    this.save.clear();
    this.actionError = null;
  }

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens **Define new ERP connection**. */
  async openNew(): Promise<void> {
    await this.start(null);
  }

  /** Opens **Configure ERP connection** for an existing connection. */
  async openEdit(connection: ErpConnection): Promise<void> {
    await this.start(connection);
  }

  private async start(connection: ErpConnection | null): Promise<void> {
    this.abortAll();
    this.opener = deepActiveElement();
    this.original = connection ? structuredClone(connection) : null;
    this.name = connection?.name ?? '';
    this.connectorId = connection?.connectorId ?? (this.connectors.length === 1 ? this.connectors[0]!.id : '');
    this.scope = connection ? structuredClone(connection.scope) : { kind: 'everyone' };
    this.description = connection?.description ?? '';
    this.fields = [];
    this.values = {};
    this.changingSecret = new Set();
    this.invalid = new Set();
    this.tester.clear();
    this.clearSaveError();
    this.notice = '';
    this.deactivating = false;
    await this.updateComplete;
    this.dialog.showModal();
    if (this.connectorId) void this.loadFields(this.connectorId);
  }

  private close(): void {
    this.abortAll();
    this.deactivating = false;
    if (this.dialog.open) this.dialog.close();
    this.opener?.focus();
    this.opener = null;
  }

  private async loadFields(connectorId: string): Promise<void> {
    await this.fieldsLoad.run(connectorId);
  }

  /** The loaded fields with their values: kept where the admin entered one, else stored, else the default. */
  private takeFields(connectorId: string, fields: FieldMeta[], lists: (readonly [string, ListItem[]])[]): void {
    this.values = valuesFor(this.draft, connectorId, fields);
    this.listItems = new Map(lists);
    this.fields = fields;
    this.invalid = new Set();
  }

  /** Whether configuration fields can be edited (a new connection, or one that is not active). */
  private get configEditable(): boolean {
    return !this.original?.active;
  }

  /** The configuration as edited so far. */
  private get draft(): ConfigDraft {
    const { original, connectorId, fields, values, changingSecret } = this;
    return { original, connectorId, fields, values, changingSecret };
  }

  /** The request body for the current values. */
  get input(): ConnectionInput {
    return {
      name: this.name.trim(),
      connectorId: this.connectorId,
      scope: structuredClone(this.scope),
      description: this.description,
      config: configToSend(this.draft),
    };
  }

  /** Why OK is disabled, or '' when it is enabled. */
  get blockedReason(): string {
    if (!this.name.trim()) return msg('Enter a name.', { id: 'admin.conn.needName' });
    if (!this.connectorId) return msg('Choose a sync connector.', { id: 'admin.conn.needConnector' });
    if (this.scope.kind === 'specific' && this.scope.principals.length === 0) {
      return msg('Pick at least one user or group for the scope.', { id: 'admin.conn.needScope' });
    }
    if (this.fieldsLoad.pending || this.fieldsLoad.problem) return msg('The configuration fields are not loaded yet.', { id: 'admin.conn.needFields' });
    const missing = missingMandatory(this.draft);
    if (missing.length) {
      const labels = missing.map((f) => f.label).join(', ');
      return msg(str`Fill in the mandatory fields: ${labels}.`, { id: 'admin.conn.needMandatory' });
    }
    if (this.invalid.size) return msg('Correct the fields marked as invalid.', { id: 'admin.conn.needValid' });
    if (this.needsTest && !this.testPassed) {
      return this.tester.value?.result.ok
        ? msg('The configuration changed after the test: test the ERP connection again.', { id: 'admin.conn.retest' })
        : msg('Test the ERP connection before saving.', { id: 'admin.conn.needTest' });
    }
    return '';
  }

  /** A new connection always needs a passed test; an existing one when its configuration changed. */
  private get needsTest(): boolean {
    return this.original === null || testKey(this.draft) !== storedKey(this.draft);
  }

  private get testPassed(): boolean {
    const test = this.tester.value;
    return !!test && test.result.ok && test.key === testKey(this.draft);
  }

  private async runTest(): Promise<void> {
    if (this.tester.pending) return;
    await this.tester.run(testKey(this.draft), this.input);
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.save.pending || this.blockedReason) return;
    this.actionError = null;
    const input = this.input;
    const saved = await this.save.run(input, this.addKeys.for([this.original?.id ?? null, this.original?.version ?? null, input]));
    if (!saved) {
      if (this.save.problem?.code === 'duplicate-name') this.renderRoot.querySelector<HTMLInputElement>('#conn-name')?.focus();
      return;
    }
    this.addKeys.done();
    this.close();
    this.dispatchEvent(new AdminChangedEvent(saved));
  }

  private async deactivate(): Promise<void> {
    if (!this.original || this.deactivating) return;
    this.deactivating = true;
    this.clearSaveError();
    try {
      const updated = await this.backend!.setConnectionActive(this.original.id, false, {
        idempotencyKey: this.activeKeys.for(this.original.id),
      });
      this.activeKeys.done();
      this.original = { ...this.original, active: false, version: updated.version };
      const name = updated.name;
      this.notice = msg(str`${name} is no longer active. You can now change its configuration fields.`, {
        id: 'admin.conn.deactivated',
      });
      this.dispatchEvent(new AdminChangedEvent(updated));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('erp-field')?.focus();
    } catch (error) {
      if (!isAbort(error)) this.actionError = toProblem(error);
    } finally {
      this.deactivating = false;
    }
  }

  /** After a 409: takes the stored connection's version; the form keeps everything the admin entered. */
  private async reload(): Promise<void> {
    if (!this.original || this.reloading) return;
    this.reloading = true;
    try {
      const fresh = await this.backend!.getConnection(this.original.id);
      this.original = structuredClone(fresh);
      this.clearSaveError();
      this.notice = reloadedKeptMessage();
    } catch (error) {
      if (isAbort(error)) return;
      this.save.clear();
      this.actionError = toProblem(error);
    } finally {
      this.reloading = false;
    }
  }

  private onFieldChange(event: ErpFieldChangeEvent): void {
    event.stopPropagation();
    this.values = { ...this.values, [event.key]: event.value };
    const invalid = new Set(this.invalid);
    if (event.valid) invalid.delete(event.key);
    else invalid.add(event.key);
    this.invalid = invalid;
  }

  private onConnectorChange(event: Event): void {
    this.connectorId = (event.target as HTMLSelectElement).value;
    this.tester.clear();
    this.fields = [];
    this.values = {};
    if (this.connectorId) void this.loadFields(this.connectorId);
  }

  protected override render() {
    const t = adminTerms();
    const title = this.original ? t.editConnection : t.newConnection;
    const blocked = this.blockedReason;
    return html`<dialog
      part="dialog"
      aria-labelledby="conn-title"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.close();
      }}
    >
      <h2 id="conn-title">${title}</h2>
      <form novalidate @submit=${this.onSubmit}>
        ${renderIdentityFields({
          name: this.name,
          nameTaken: this.saveError?.code === 'duplicate-name',
          connectors: this.connectors,
          connectorId: this.connectorId,
          editable: this.configEditable,
          onName: (name) => {
            this.name = name;
            if (this.saveError?.code === 'duplicate-name') this.clearSaveError();
          },
          onConnector: (e) => this.onConnectorChange(e),
        })}
        <erp-scope-picker
          .backend=${this.backend}
          .scope=${this.scope}
          .known=${this.principals}
          @erp-internal-scope-change=${(e: ScopeChangeEvent) => {
            e.stopPropagation();
            this.scope = e.scope;
          }}
        ></erp-scope-picker>
        ${this.renderConfig()}
        <div class="control">
          <label for="conn-description">${msg('Description (optional)', { id: 'admin.conn.description' })}</label>
          <textarea
            id="conn-description"
            .value=${this.description}
            @input=${(e: Event) => (this.description = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        ${renderConnectionTest({
          pending: this.tester.pending,
          test: this.tester.value,
          currentKey: testKey(this.draft),
          problem: this.tester.problem,
          disabled: !this.connectorId || !this.configEditable,
          onTest: () => void this.runTest(),
        })}
        <div role="alert" id="conn-save-error" class="error">
          ${this.saveError
            ? html`${msg('Not saved.', { id: 'admin.conn.notSaved' })} ${adminProblemMessage(this.saveError, this.name.trim())}
                ${reloadButton(this.saveError, this.reloading, () => void this.reload())}`
            : nothing}
        </div>
        <p id="conn-blocked" class="muted">${blocked}</p>
        <div class="actions dialog-actions">
          <button
            type="submit"
            class="primary"
            ?disabled=${blocked !== ''}
            aria-describedby="conn-blocked"
            aria-busy=${this.save.pending ? 'true' : 'false'}
          >
            ${t.ok}
          </button>
          <button type="button" @click=${this.close}>${t.cancel}</button>
        </div>
      </form>
    </dialog>`;
  }

  private renderConfig() {
    if (!this.connectorId) return nothing;
    const editable = this.configEditable;
    return renderConfigFields({
      editable,
      deactivating: this.deactivating,
      notice: this.notice,
      loading: this.fieldsLoad.pending,
      problem: this.fieldsLoad.problem,
      fields: this.fields,
      onDeactivate: () => void this.deactivate(),
      onRetry: () => void this.loadFields(this.connectorId),
      field: (f) =>
        renderConfigField({
          f,
          editable,
          secretKept: keepsSecret(this.draft, f),
          value: this.values[f.key] ?? null,
          items: f.listName ? this.listItems.get(f.listName) : undefined,
          disabled: this.save.pending,
          onChangeSecret: async () => {
            this.changingSecret = new Set([...this.changingSecret, f.key]);
            this.values = { ...this.values, [f.key]: null };
            await this.updateComplete;
            this.renderRoot.querySelector<HTMLElement>(`erp-field[data-key="${f.key}"]`)?.focus();
          },
          onFieldChange: (e) => this.onFieldChange(e),
        }),
    });
  }
}
