import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { ErpAdminBackend } from '../../../backend/erp-backend.js';
import { isAbort, toProblem } from '../../../backend/problem.js';
import type { BackgroundSyncStatus, ErpConnection } from '../../../model/types.js';
import { formatDateTime, formatRelativeTime } from '../../../model/format.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { getLocale } from '../../../i18n/localization.js';
import { baseStyles } from '../../shared/base-styles.js';
import { IdempotencyKeys } from '../../shared/idempotency.js';
import { LoadController } from '../../shared/load-controller.js';
import { adminStyles } from '../admin-styles.js';
import { adminProblemMessage } from '../admin-terms.js';
import { backgroundSyncStyles } from './background-sync.styles.js';
import { numberFormat } from '../../../model/intl-cache.js';

type Action = (signal: AbortSignal, idempotencyKey: string) => Promise<BackgroundSyncStatus>;

/** How often the panel asks again while a run it asked for has not finished, and for how long. */
const POLL_MS = 2000;
const POLL_FOR_MS = 10 * 60_000;

/**
 * **Background sync** of one connection: the last run (when, records checked, changed, conflicts,
 * errors, its last error), when the next one is due, the back-off after repeated failures, with
 * **Run now** and **Pause** / **Resume**.
 */
@localized()
export class ErpBackgroundSync extends LitElement {
  static override styles = [baseStyles, adminStyles, backgroundSyncStyles];

  @property({ attribute: false }) backend?: ErpAdminBackend;
  @property({ attribute: false }) connection?: ErpConnection;

  @state() private status: BackgroundSyncStatus | null = null;
  @state() private waiting = false;
  @state() private announcement = '';
  @state() private now = Date.now();

  private readonly keys = new IdempotencyKeys();
  /** Run now and Pause/Resume, one at a time; `acting` says which. */
  private acting: 'run' | 'pause' = 'run';
  private readonly action = new LoadController<[Action, string], BackgroundSyncStatus>(this, async ([call, key], signal) => {
    const status = await call(signal, key);
    this.keys.done();
    return status;
  });
  private poll?: ReturnType<typeof setTimeout>;

  private readonly load = new Task(this, {
    args: () => [this.backend, this.connection?.id] as const,
    task: async ([backend, id], { signal }) => {
      if (!backend || !id) return null;
      return backend.getBackgroundSync(id, { signal });
    },
    onComplete: (status) => this.show(status),
  });

  constructor() {
    super();
    new LocaleController(this, 'admin', 'settings');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another connection: nothing of the previous one stays on screen.
    if (changed.has('connection') && changed.get('connection')?.id !== this.connection?.id) {
      this.status = null;
      this.announcement = '';
      this.action.clear();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.poll);
    this.waiting = false;
  }

  /** The status on screen: from the load, then from each answer (Run now, Pause, the looks while waiting). */
  private show(status: BackgroundSyncStatus | null): void {
    this.status = status;
    this.now = Date.now();
  }

  /** Runs `call` (one at a time); a failure is shown and announced, the status on screen stays. */
  private async act(kind: 'run' | 'pause', request: unknown, call: Action): Promise<BackgroundSyncStatus | null> {
    if (this.action.pending || !this.connection) return null;
    this.acting = kind;
    const status = await this.action.run(call, this.keys.for([kind, this.connection.id, request]));
    if (!status) return null;
    this.show(status);
    return status;
  }

  private get busy(): 'run' | 'pause' | null {
    return this.action.pending ? this.acting : null;
  }

  private async runNow(): Promise<void> {
    const asked = Date.now();
    const before = this.status?.lastRun?.startedAt ?? '';
    const status = await this.act('run', null, (signal, idempotencyKey) => this.backend!.runBackgroundSync(this.connection!.id, { signal, idempotencyKey }));
    if (!status) return;
    if (this.finished(status, before)) this.announceRun(status);
    else {
      this.announcement = msg('Run requested. It starts as soon as a worker is free.', { id: 'admin.bg.requested' });
      this.waitFor(before, asked);
    }
  }

  private finished(status: BackgroundSyncStatus, before: string): boolean {
    return Boolean(status.lastRun?.finishedAt && status.lastRun.startedAt > before);
  }

  /** Asks again until the run that was asked for has finished (a worker may take a while). */
  private waitFor(before: string, asked: number): void {
    clearTimeout(this.poll);
    this.waiting = true;
    this.poll = setTimeout(async () => {
      const id = this.connection?.id;
      if (!this.isConnected || !id) return;
      try {
        const status = await this.backend!.getBackgroundSync(id);
        this.show(status);
        if (this.finished(status, before)) {
          this.waiting = false;
          this.announceRun(status);
          return;
        }
      } catch {
        // One failed look is no news: the next one tries again.
      }
      if (Date.now() - asked < POLL_FOR_MS) this.waitFor(before, asked);
      else this.waiting = false;
    }, POLL_MS);
  }

  private announceRun(status: BackgroundSyncStatus): void {
    const run = status.lastRun!;
    const nf = numberFormat(getLocale());
    const [checked, changed, conflicts, errors] = [run.checked, run.changed, run.conflicts, run.errors].map((n) => nf.format(n));
    this.announcement = msg(str`Run finished: ${checked} records checked, ${changed} changed, ${conflicts} conflicts, ${errors} errors.`, {
      id: 'admin.bg.finished',
    });
  }

  private async setPaused(paused: boolean): Promise<void> {
    const status = await this.act('pause', paused, (signal, idempotencyKey) =>
      this.backend!.setBackgroundSyncPaused(this.connection!.id, paused, { signal, idempotencyKey }),
    );
    if (status) {
      this.announcement = status.paused
        ? msg('Background sync paused.', { id: 'admin.bg.pausedNow' })
        : msg('Background sync resumed.', { id: 'admin.bg.resumed' });
    }
  }

  protected override render() {
    const c = this.connection;
    if (!c) return nothing;
    return html`<section aria-labelledby="bg-heading" aria-busy=${this.load.status === TaskStatus.PENDING ? 'true' : 'false'}>
      <h3 id="bg-heading">${msg('Background sync', { id: 'admin.bg.heading' })}</h3>
      <p class="muted">
        ${msg('Linked records are synchronized by themselves: the changes on either side since the last run.', {
          id: 'admin.bg.help',
        })}
      </p>
      ${this.status
        ? this.renderStatus(this.status)
        : this.load.render({
            pending: () => html`<p role="status" class="muted">${msg('Loading…', { id: 'admin.loadingShort' })}</p>`,
            error: (e) =>
              isAbort(e)
                ? nothing
                : html`<div role="alert" class="error">
                    ${msg('The background sync status could not be loaded.', { id: 'admin.bg.loadFailed' })} ${adminProblemMessage(toProblem(e))}
                    <button type="button" @click=${() => void this.load.run()}>${msg('Retry', { id: 'action.retry' })}</button>
                  </div>`,
          })}
      <p role="status" class="muted">${this.announcement}</p>
      <div role="alert" class="error">${this.action.problem ? html`${msg('That did not work.', { id: 'admin.bg.failed' })} ${adminProblemMessage(this.action.problem)}` : nothing}</div>
    </section>`;
  }

  private renderStatus(s: BackgroundSyncStatus) {
    const c = this.connection!;
    const locale = getLocale();
    const nf = numberFormat(locale);
    const when = (iso: string) => html`<time datetime=${iso} title=${formatDateTime(iso, locale)}>${formatRelativeTime(iso, this.now, locale)}</time>`;
    const run = s.lastRun;
    const next = s.paused
      ? msg('Paused', { id: 'admin.bg.paused' })
      : !c.active
        ? msg('Not while the connection is inactive', { id: 'admin.bg.inactive' })
        : s.nextRunAt
          ? when(s.nextRunAt)
          : msg('Not scheduled', { id: 'admin.bg.notScheduled' });
    const fact = (label: string, value: unknown) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`<dl class="facts">
        ${fact(
          msg('Last run', { id: 'admin.bg.lastRun' }),
          !run
            ? msg('Never', { id: 'admin.bg.never' })
            : run.finishedAt
              ? when(run.finishedAt)
              : html`${msg('Running since', { id: 'admin.bg.runningSince' })} ${when(run.startedAt)}`,
        )}
        ${fact(msg('Next run', { id: 'admin.bg.nextRun' }), next)}
        ${run
          ? html`${fact(msg('Records checked', { id: 'admin.bg.checked' }), nf.format(run.checked))}
            ${fact(msg('Changed', { id: 'admin.bg.changed' }), nf.format(run.changed))}
            ${fact(msg('Conflicts', { id: 'admin.bg.conflicts' }), nf.format(run.conflicts))}
            ${fact(msg('Errors', { id: 'admin.bg.errors' }), nf.format(run.errors))}`
          : nothing}
      </dl>
      ${s.backoffUntil ? this.renderBackoff(s, s.backoffUntil) : nothing}
      ${run?.lastError && run.errors > 0
        ? html`<p class="notice">${msg('Last error:', { id: 'admin.bg.lastError' })} ${adminProblemMessage(run.lastError)}</p>`
        : nothing}
      <div class="actions">
        <button type="button" aria-busy=${this.busy === 'run' || this.waiting ? 'true' : 'false'} ?disabled=${!c.active} @click=${this.runNow}>
          ${msg('Run now', { id: 'admin.bg.runNow' })}
        </button>
        <button type="button" aria-busy=${this.busy === 'pause' ? 'true' : 'false'} @click=${() => void this.setPaused(!s.paused)}>
          ${s.paused ? msg('Resume', { id: 'admin.bg.resume' }) : msg('Pause', { id: 'admin.bg.pause' })}
        </button>
      </div>`;
  }

  private renderBackoff(s: BackgroundSyncStatus, backoffUntil: string) {
    const locale = getLocale();
    const until = formatDateTime(backoffUntil, locale);
    const failures = numberFormat(locale).format(s.failures);
    return html`<p class="notice" part="backoff">
      ${s.failures === 1
        ? msg(str`The last run failed. The background sync waits until ${until} before it tries again.`, { id: 'admin.bg.backoffOne' })
        : msg(str`The last ${failures} runs failed. The background sync waits until ${until} before it tries again; Run now tries at once.`, {
            id: 'admin.bg.backoffMany',
          })}
    </p>`;
  }
}
