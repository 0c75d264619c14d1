import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { ref } from 'lit/directives/ref.js';
import { styleMap } from 'lit/directives/style-map.js';
import { localized, msg, str } from '@lit/localize';
import type { EntityKey, ErpBackend } from '../../backend/erp-backend.js';
import type { ErpProblem } from '../../backend/problem.js';
import type { HistoryEvent, HistoryKind, Side } from '../../model/types.js';
import { formatDateTime, formatRelativeTime } from '../../model/format.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { getLocale } from '../../i18n/localization.js';
import { problemMessage } from '../../i18n/problem-message.js';
import { actorTypeLabel } from '../../i18n/terms.js';
import { baseStyles } from '../shared/base-styles.js';
import { historyStyles } from './erp-history.styles.js';
import { buildHistoryExport, downloadCsv } from './history-export.js';
import { numberFormat } from '../../model/intl-cache.js';
import { BlockWindowController } from './block-window-controller.js';
import { LoadController } from '../shared/load-controller.js';


/**
 * Events are rendered in blocks of this many, each re-rendered only when its events, the language or
 * `now` change: "Load more" renders the new events, not every event shown (docs/benchmarks.md,
 * historyLoadMore).
 */
const RENDER_BLOCK = 20;

/**
 * Up to this many events shown, all are in the DOM (find-in-page and a screen reader's list reading
 * see every one); beyond, only the blocks near the viewport are, so Load more costs the same at
 * 1,000 or 10,000 events shown (docs/benchmarks.md, historyLoadMore).
 */
const WINDOW_FROM = 200;


export function historyKindLabel(kind: HistoryKind): string {
  switch (kind) {
    case 'linked':
      return msg('Connected', { id: 'history.kindLinked' });
    case 'unlinked':
      return msg('Disconnected', { id: 'history.kindUnlinked' });
    case 'synced':
      return msg('Synchronized', { id: 'history.kindSynced' });
    case 'conflict-decided':
      return msg('Conflict decided', { id: 'history.kindConflict' });
    case 'created':
      return msg('Created in ERP', { id: 'history.kindCreated' });
  }
}

/** Where a change was written: the side whose value was replaced. */
export const sideChangedLabel = (side: Side) =>
  side === 'crm' ? msg('in CRM', { id: 'history.sideCrm' }) : msg('in ERP', { id: 'history.sideErp' });

/**
 * The history of one link: connected, disconnected, synchronized, created and conflict decisions,
 * with old -> new values, the side written, who and when. Newest first, one page at a time
 * ("Load more"); beyond 200 events shown, only those near the viewport are in the DOM. **Export CSV**
 * fetches every page and downloads a CSV built in the browser.
 *
 * @csspart events - The list of events.
 * @csspart event - One event.
 * @csspart load-more - The "Load more" button.
 * @csspart export - The "Export CSV" button.
 * @csspart error - An error with its Retry button.
 */
@localized()
export class ErpHistory extends LitElement {
  static override styles = [baseStyles, historyStyles];

  @property({ attribute: false }) backend!: ErpBackend;
  @property({ attribute: false }) entity!: EntityKey;
  @property({ attribute: false }) connectionId!: string;
  /** The link's version: a change (a sync, a decision) loads the history again. */
  @property({ attribute: false }) version?: string;
  @property({ attribute: false }) now = Date.now();

  @state() private events: HistoryEvent[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loaded = false;
  @state() private statusText = '';

  private readonly loader = new LoadController(
    this,
    ([entity, connectionId, cursor]: [EntityKey, string, string | null], signal) =>
      this.backend.getHistory(entity, connectionId, cursor, { signal }),
    (page, [, , cursor]) => {
      if (!cursor) this.blockWindow.reset();
      this.events = cursor ? [...this.events, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
      this.loaded = true;
      if (cursor) {
        const shown = numberFormat(getLocale()).format(this.events.length);
        this.statusText = msg(str`${shown} events shown.`, { id: 'history.shown' });
      }
    },
  );
  private readonly exporter = new LoadController(this, (_: [], signal) => this.buildExport(signal));
  /** The first event of the last Load more, focused when it arrives: kept rendered. */
  private focusTarget = -1;

  private readonly blockWindow = new BlockWindowController(this, {
    blocks: () => Math.ceil(this.events.length / RENDER_BLOCK),
    windowed: () => this.events.length > WINDOW_FROM,
    pinned: () => {
      const focused = (this.renderRoot as ShadowRoot).activeElement?.closest<HTMLElement>('[data-block]');
      const blocks = focused ? [Number(focused.dataset['block'])] : [];
      return this.focusTarget >= 0 ? [...blocks, Math.floor(this.focusTarget / RENDER_BLOCK)] : blocks;
    },
    estimate: () => RENDER_BLOCK * 72,
  });

  /** The last CSV built by Export (file name and text), e.g. for a host that uploads it instead. */
  lastExport: { filename: string; csv: string } | null = null;

  constructor() {
    super();
    new LocaleController(this, 'dialogs');
  }

  private get loading(): boolean {
    return this.loader.pending;
  }

  private get exporting(): boolean {
    return this.exporter.pending;
  }

  /** Why the last load or export failed (each clears the other's: one error is shown). */
  private get error(): { problem: ErpProblem; during: 'load' | 'export' } | null {
    if (this.loader.problem) return { problem: this.loader.problem, during: 'load' };
    return this.exporter.problem ? { problem: this.exporter.problem, during: 'export' } : null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.loaded && !this.loading) void this.load(null);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const identity = changed.has('entity') || changed.has('connectionId') || changed.has('backend');
    const versionChanged = changed.has('version') && changed.get('version') !== undefined;
    if ((identity || versionChanged) && this.backend && this.entity && this.connectionId) {
      void this.load(null);
    }
  }

  /** Loads the first page again. */
  reload(): Promise<void> {
    return this.load(null);
  }

  private async load(cursor: string | null): Promise<void> {
    this.exporter.clear();
    await this.loader.run(this.entity, this.connectionId, cursor);
  }

  private async loadMore(): Promise<void> {
    if (!this.nextCursor || this.loading) return;
    const focusNext = this.events.length;
    this.focusTarget = focusNext;
    await this.load(this.nextCursor);
    await this.updateComplete;
    // Keep the keyboard in the list: focus the first event that came in, else stay on Load more.
    if (!this.nextCursor) this.renderRoot.querySelector<HTMLElement>(`#event-${focusNext}`)?.focus();
    this.focusTarget = -1;
  }

  /** Fetches every event (page by page, without rendering them), builds the CSV and downloads it. */
  async exportCsv(): Promise<void> {
    if (this.exporting) return;
    this.loader.clear();
    this.statusText = msg('Preparing the export…', { id: 'history.exporting' });
    const built = await this.exporter.run();
    if (this.exporter.problem) this.statusText = '';
    if (!built) return;
    const { filename, csv, count } = built;
    this.lastExport = { filename, csv };
    downloadCsv(this.renderRoot, filename, csv);
    this.statusText = msg(str`Exported ${count} events as ${filename}.`, { id: 'history.exported' });
  }

  /** Every event as CSV, from what is shown so far; the status line counts them. */
  private buildExport(signal: AbortSignal) {
    const labels = {
      header: [
        msg('Time (UTC)', { id: 'history.csvTime' }),
        msg('Event', { id: 'history.csvEvent' }),
        msg('By', { id: 'history.csvBy' }),
        msg('ERP actor', { id: 'tab.actorType' }),
        msg('ERP number', { id: 'tab.erpKey' }),
        msg('Field', { id: 'history.csvField' }),
        msg('Old value', { id: 'history.csvOld' }),
        msg('New value', { id: 'history.csvNew' }),
        msg('Changed', { id: 'history.csvSide' }),
        msg('Reason', { id: 'history.csvReason' }),
      ],
      kind: historyKindLabel,
      side: sideChangedLabel,
      actorType: actorTypeLabel,
    };
    const { backend, entity, connectionId, events, nextCursor, loaded } = this;
    return buildHistoryExport({ backend, entity, connectionId, events, nextCursor, loaded }, labels, signal, (text) => (this.statusText = text));
  }


  private retry(): void {
    if (this.error?.during === 'export') void this.exportCsv();
    else void this.load(this.loaded ? this.nextCursor : null);
  }

  protected override render() {
    return html`
      ${this.loading && !this.loaded
        ? html`<p class="muted" role="status">${msg('Loading the history…', { id: 'history.loading' })}</p>`
        : nothing}
      ${this.loaded && this.events.length === 0
        ? html`<p class="empty muted">${msg('No events yet.', { id: 'history.empty' })}</p>`
        : nothing}
      ${this.events.length
        ? html`<ol
            part="events"
            aria-label=${msg('History', { id: 'history.title' })}
            aria-busy=${this.loading ? 'true' : 'false'}
            ${ref(this.blockWindow.attach)}
          >
            ${this.renderBlocks()}
          </ol>`
        : nothing}
      ${this.error
        ? html`<div part="error" class="error" role="alert">
            <p>${problemMessage(this.error.problem)}</p>
            <button type="button" @click=${this.retry}>${msg('Retry', { id: 'action.retry' })}</button>
          </div>`
        : nothing}
      <p class="status" role="status">${this.statusText}</p>
      <div class="actions">
        ${this.nextCursor
          ? html`<button
              type="button"
              part="load-more"
              aria-busy=${this.loading ? 'true' : 'false'}
              @click=${this.loadMore}
            >
              ${msg('Load more', { id: 'history.loadMore' })}
            </button>`
          : nothing}
        ${this.loaded && this.events.length
          ? html`<button
              type="button"
              part="export"
              aria-busy=${this.exporting ? 'true' : 'false'}
              aria-disabled=${this.exporting ? 'true' : 'false'}
              @click=${this.exportCsv}
            >
              ${msg('Export CSV', { id: 'history.export' })}
            </button>`
          : nothing}
      </div>
    `;
  }

  private renderBlocks() {
    const { events, now } = this;
    const locale = getLocale();
    // Windowed, each event says where it is in the list, as the items left out cannot.
    const setSize = events.length > WINDOW_FROM ? events.length : undefined;
    return repeat(
      this.blockWindow.pieces(),
      (piece) => (piece.kind === 'block' ? piece.index : `gap-${piece.first}`),
      (piece) => {
        if (piece.kind === 'gap') {
          return html`<li class="gap" aria-hidden="true" data-gap style=${styleMap({ blockSize: `${piece.height}px` })}></li>`;
        }
        const start = piece.index * RENDER_BLOCK;
        const end = Math.min(start + RENDER_BLOCK, events.length);
        // Loading more keeps the event objects shown so far, so their blocks' first and last stay the same.
        return guard([events[start], events[end - 1], end - start, now, locale, setSize], () =>
          events.slice(start, end).map((e, j) => this.renderEvent(e, start + j, locale, setSize)),
        );
      },
    );
  }

  private renderEvent(e: HistoryEvent, i: number, locale: string, setSize: number | undefined) {
    return html`<li
      part="event"
      class="event"
      id="event-${i}"
      tabindex="-1"
      data-block=${Math.floor(i / RENDER_BLOCK)}
      aria-setsize=${ifDefined(setSize)}
      aria-posinset=${ifDefined(setSize === undefined ? undefined : i + 1)}
    >
      <div class="head">
        <span class="kind">${historyKindLabel(e.kind)}</span>
        ${e.actorType ? html`<span>${actorTypeLabel(e.actorType)} ${e.erpKey ?? ''}</span>` : nothing}
        <span class="muted"
          >${msg(str`by ${e.by}`, { id: 'history.by' })},
          <time datetime=${e.at} title=${formatDateTime(e.at, locale)}
            >${formatRelativeTime(e.at, this.now, locale)}</time
          ></span
        >
      </div>
      ${e.changes.length
        ? html`<ul class="changes">
            ${e.changes.map(
              (c) => html`<li>
                ${c.label}: <span class="old">${c.oldValue}</span>
                <span aria-hidden="true">→</span><span class="visually-hidden">${msg('changed to', { id: 'history.changedTo' })}</span>
                <span class="new">${c.newValue}</span>
                <span class="muted">(${sideChangedLabel(c.side)})</span>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${e.reason ? html`<p class="reason">${msg(str`Reason: ${e.reason}`, { id: 'history.reason' })}</p>` : nothing}
    </li>`;
  }
}
