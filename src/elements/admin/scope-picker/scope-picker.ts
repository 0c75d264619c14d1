import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ErpAdminBackend } from '../../../backend/erp-backend.js';
import type { Principal, Scope } from '../../../model/types.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { baseStyles } from '../../shared/base-styles.js';
import { ScopeChangeEvent } from '../admin-events.js';
import { adminProblemMessage, adminTerms } from '../admin-terms.js';
import { LoadController } from '../../shared/load-controller.js';
import { scopePickerStyles } from './scope-picker.styles.js';

/**
 * The **Scope** of an ERP connection: Everyone, or specific users and groups picked from the ones
 * the host's backend lists (`listPrincipals`), with search.
 *
 * @csspart scope - The fieldset.
 * @csspart results - The list of users and groups found.
 * @csspart selected - The chosen users and groups.
 */
@localized()
export class ErpScopePicker extends LitElement {
  static override styles = [
    baseStyles,
    scopePickerStyles,
  ];

  @property({ attribute: false }) backend?: ErpAdminBackend;
  /** The current scope. */
  @property({ attribute: false }) scope: Scope = { kind: 'everyone' };
  /** Names of principals already known (id -> name), e.g. from the connection list. */
  @property({ attribute: false }) known: Map<string, Principal> = new Map();
  @property({ type: Boolean }) disabled = false;

  @state() private query = '';
  @state() private results: Principal[] | null = null;
  private readonly lookup = new LoadController<[ErpAdminBackend, string], Principal[]>(this, ([backend, text], signal) =>
    backend.listPrincipals(text, { signal }),
  );
  private names = new Map<string, Principal>();

  constructor() {
    super();
    new LocaleController(this, 'admin', 'settings');
  }

  /** Whether the scope is complete (Everyone, or at least one user or group). */
  get valid(): boolean {
    return this.scope.kind === 'everyone' || this.scope.principals.length > 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('known')) for (const [id, p] of this.known) this.names.set(id, p);
    if (changed.has('scope') && this.scope.kind === 'specific' && this.results === null && !this.lookup.pending) {
      void this.search();
    }
  }

  /** Runs a search for users and groups; an empty text lists all. */
  async search(): Promise<void> {
    if (!this.backend) {
      this.lookup.abort();
      return;
    }
    const found = await this.lookup.run(this.backend, this.query.trim());
    if (!found) return;
    for (const p of found) this.names.set(p.id, p);
    this.results = found;
  }

  private setScope(scope: Scope): void {
    this.scope = scope;
    this.dispatchEvent(new ScopeChangeEvent(scope));
  }

  private selected(): string[] {
    return this.scope.kind === 'specific' ? this.scope.principals : [];
  }

  private toggle(id: string, on: boolean): void {
    const current = this.selected().filter((p) => p !== id);
    this.setScope({ kind: 'specific', principals: on ? [...current, id] : current });
  }

  private kindLabel(p: Principal): string {
    return p.kind === 'group' ? msg('group', { id: 'admin.scope.group' }) : msg('user', { id: 'admin.scope.user' });
  }

  private label(id: string): string {
    const p = this.names.get(id);
    return p ? `${p.name} (${this.kindLabel(p)})` : id;
  }

  protected override render() {
    const t = adminTerms();
    const specific = this.scope.kind === 'specific';
    const selected = this.selected();
    const count = this.results?.length ?? 0;
    return html`<fieldset part="scope" ?disabled=${this.disabled}>
      <legend>${t.scope}</legend>
      <label
        ><input
          type="radio"
          name="scope"
          value="everyone"
          .checked=${!specific}
          @change=${() => this.setScope({ kind: 'everyone' })}
        />
        ${t.everyone}</label
      >
      <label
        ><input
          type="radio"
          name="scope"
          value="specific"
          .checked=${specific}
          @change=${() => this.setScope({ kind: 'specific', principals: [] })}
        />
        ${t.specific}</label
      >
      ${specific
        ? html`<div class="picker">
            <div class="search">
              <label
                >${msg('Find users and groups', { id: 'admin.scope.find' })}
                <input
                  type="search"
                  .value=${this.query}
                  @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
                  @keydown=${(e: KeyboardEvent) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      void this.search();
                    }
                  }}
              /></label>
              <button type="button" aria-busy=${this.lookup.pending ? 'true' : 'false'} @click=${() => this.search()}>
                ${t.search}
              </button>
            </div>
            <p role="status" class="muted">
              ${this.results === null
                ? ''
                : count === 0
                  ? msg('No users or groups found.', { id: 'admin.scope.none' })
                  : msg(str`${count} users and groups found.`, { id: 'admin.scope.count' })}
            </p>
            ${this.lookup.problem
              ? html`<p role="alert" class="error">
                  ${adminProblemMessage(this.lookup.problem)}
                  <button type="button" @click=${() => this.search()}>${msg('Retry', { id: 'action.retry' })}</button>
                </p>`
              : nothing}
            ${this.results?.length
              ? html`<ul part="results" aria-label=${msg('Users and groups found', { id: 'admin.scope.results' })}>
                  ${this.results.map(
                    (p) => html`<li>
                      <label
                        ><input
                          type="checkbox"
                          .checked=${selected.includes(p.id)}
                          @change=${(e: Event) => this.toggle(p.id, (e.target as HTMLInputElement).checked)}
                        />
                        ${p.name} <span class="muted">(${this.kindLabel(p)})</span></label
                      >
                    </li>`,
                  )}
                </ul>`
              : nothing}
            <div>
              <p id="selected-label">${msg('Selected:', { id: 'admin.scope.selected' })}</p>
              ${selected.length
                ? html`<ul part="selected" class="chips" aria-labelledby="selected-label">
                    ${selected.map((id) => {
                      const name = this.label(id);
                      return html`<li>
                        <button
                          type="button"
                          aria-label=${msg(str`Remove ${name}`, { id: 'admin.scope.remove' })}
                          @click=${() => this.toggle(id, false)}
                        >
                          ${name} <span aria-hidden="true">×</span>
                        </button>
                      </li>`;
                    })}
                  </ul>`
                : html`<p class="error">${msg('Pick at least one user or group.', { id: 'admin.scope.pickOne' })}</p>`}
            </div>
          </div>`
        : nothing}
    </fieldset>`;
  }
}
