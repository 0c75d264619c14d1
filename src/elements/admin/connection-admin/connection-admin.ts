import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ErpAdminBackend } from '../../../backend/erp-backend.js';
import { isAbort, toProblem } from '../../../backend/problem.js';
import type { ActorType, ActorTypeMapping, ErpConnection } from '../../../model/types.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { actorTypeLabel } from '../../../i18n/terms.js';
import { baseStyles } from '../../shared/base-styles.js';
import { LoadController } from '../../shared/load-controller.js';
import type { MappingSavedEvent } from '../admin-events.js';
import { adminStyles } from '../admin-styles.js';
import { adminProblemMessage, adminTerms } from '../admin-terms.js';
import { connectionAdminStyles } from './connection-admin.styles.js';

const ACTOR_TYPES: ActorType[] = ['customer', 'supplier', 'person', 'project', 'partner'];

/** Internal: the admin leaves the per-connection view. */
export class ConnectionAdminCloseEvent extends Event {
  static readonly eventName = 'erp-internal-connection-admin-close';
  constructor() {
    super(ConnectionAdminCloseEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'erp-internal-connection-admin-close': ConnectionAdminCloseEvent;
  }
}

/**
 * The settings of one ERP connection: one tab per ERP actor type the connector supports (ARIA tabs,
 * arrow keys, Home/End) holding its **Mappings**, **Defaults** and **Rank Fields**; its **Background sync**; and **Resync
 * from CRM**. Reached from the **Mappings** button of the ERP connections list.
 *
 * @csspart tabs - The tab list.
 * @csspart panel - The selected tab's panel.
 */
@localized()
export class ErpConnectionAdmin extends LitElement {
  static override styles = [
    baseStyles,
    adminStyles,
    connectionAdminStyles,
  ];

  @property({ attribute: false }) backend?: ErpAdminBackend;
  @property({ attribute: false }) connection?: ErpConnection;

  @state() private mappings: ActorTypeMapping[] | null = null;
  @state() private selected: ActorType | null = null;
  private readonly loader = new LoadController<[ErpAdminBackend, string], ActorTypeMapping[]>(this, async ([backend, id], signal) => {
    const found = await Promise.all(
      ACTOR_TYPES.map((type) =>
        backend.getActorTypeMapping(id, type, { signal }).catch((error: unknown) => {
          if (!isAbort(error) && toProblem(error).status === 404) return null;
          throw error;
        }),
      ),
    );
    return found.filter((m): m is ActorTypeMapping => m !== null);
  });

  constructor() {
    super();
    new LocaleController(this, 'admin', 'settings');
  }

  /** Moves focus to the view's heading (when the view opens). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#ca-heading')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const previous = changed.get('connection') as ErpConnection | undefined;
    const otherConnection = changed.has('connection') && previous?.id !== this.connection?.id;
    // A new backend object alone (e.g. after configure()) reloads in place: the editors stay, with
    // their unsaved edits and any save in flight.
    if (otherConnection || changed.has('backend')) void this.load(!otherConnection);
  }

  /** Loads the mapping of every actor type the connector supports (404 = not supported). */
  private async load(keepEditors = false): Promise<void> {
    const c = this.connection;
    if (!c || !this.backend) return;
    if (!keepEditors) this.mappings = null;
    const found = await this.loader.run(this.backend, c.id);
    if (!found) return;
    this.mappings = found;
    if (!found.some((m) => m.actorType === this.selected)) this.selected = found[0]?.actorType ?? null;
  }

  private onSaved(event: MappingSavedEvent): void {
    if (!this.mappings) return;
    const m = event.mapping;
    // Every editor of the actor type gets the new version; each keeps its own unsaved edits.
    this.mappings = this.mappings.map((x) => (x.actorType === m.actorType ? m : x));
  }

  private async select(type: ActorType, focus = false): Promise<void> {
    this.selected = type;
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${type}`)?.focus();
  }

  private onTabKey(event: KeyboardEvent): void {
    const types = (this.mappings ?? []).map((m) => m.actorType);
    const i = types.indexOf(this.selected!);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (i + 1) % types.length;
    else if (event.key === 'ArrowLeft') next = (i - 1 + types.length) % types.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = types.length - 1;
    if (next === null) return;
    event.preventDefault();
    void this.select(types[next]!, true);
  }

  protected override render() {
    const t = adminTerms();
    const c = this.connection;
    if (!c) return nothing;
    const name = c.name;
    const current = this.mappings?.find((m) => m.actorType === this.selected);
    return html`<section aria-labelledby="ca-heading">
      <div class="head">
        <h2 id="ca-heading" tabindex="-1">${msg(str`${t.mappings}: ${name}`, { id: 'admin.ca.heading' })}</h2>
        <button type="button" @click=${() => this.dispatchEvent(new ConnectionAdminCloseEvent())}>
          ${msg('Back to ERP connections', { id: 'admin.ca.back' })}
        </button>
      </div>
      ${this.loader.problem
        ? html`<div role="alert" class="error">
            ${adminProblemMessage(this.loader.problem)}
            <button type="button" @click=${() => this.load()}>${msg('Retry', { id: 'action.retry' })}</button>
          </div>`
        : nothing}
      ${this.mappings === null && !this.loader.problem
        ? html`<p role="status" class="muted">${msg('Loading…', { id: 'admin.loadingShort' })}</p>`
        : nothing}
      ${this.mappings
        ? html`<div role="tablist" part="tabs" aria-label=${msg(str`Actor types of ${name}`, { id: 'admin.ca.tabs' })} @keydown=${this.onTabKey}>
            ${this.mappings.map(
              (m) => html`<button
                type="button"
                role="tab"
                id=${`tab-${m.actorType}`}
                aria-selected=${m.actorType === this.selected ? 'true' : 'false'}
                aria-controls=${`panel-${m.actorType}`}
                tabindex=${m.actorType === this.selected ? '0' : '-1'}
                @click=${() => this.select(m.actorType)}
              >
                ${actorTypeLabel(m.actorType)}
              </button>`,
            )}
          </div>`
        : nothing}
      ${(this.mappings ?? []).map((m) => {
        const type = m.actorType;
        // Every tab's editors stay rendered (hidden), so switching tabs keeps unsaved edits.
        return html`<div
          role="tabpanel"
          part="panel"
          id=${`panel-${type}`}
          aria-labelledby=${`tab-${type}`}
          tabindex="0"
          ?hidden=${type !== current?.actorType}
        >
          <section aria-labelledby=${`map-heading-${type}`}>
            <h3 id=${`map-heading-${type}`}>${t.mappings}</h3>
            <erp-mapping-editor
              data-type=${type}
              .backend=${this.backend}
              .connectionId=${c.id}
              .mapping=${m}
              @erp-internal-mapping-saved=${this.onSaved}
            ></erp-mapping-editor>
          </section>
          <erp-defaults-editor
            .backend=${this.backend}
            .connectionId=${c.id}
            .actorType=${type}
            .fields=${m.fields.map((f) => f.erpField)}
          ></erp-defaults-editor>
          <erp-rank-editor
            .backend=${this.backend}
            .connectionId=${c.id}
            .mapping=${m}
            @erp-internal-mapping-saved=${this.onSaved}
          ></erp-rank-editor>
        </div>`;
      })}
      <erp-background-sync .backend=${this.backend} .connection=${c}></erp-background-sync>
      <erp-resync-action .backend=${this.backend} .connection=${c}></erp-resync-action>
    </section>`;
  }
}
