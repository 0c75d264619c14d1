import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { MatchSuggestion } from '../../model/types.js';
import { renderGuard } from './match-suggestions.js';

export interface CreateGuardOptions {
  /** The strong suggested matches (each one holds Create back). */
  strong(): MatchSuggestion[];
  /** The connection may create records in the ERP. */
  canCreate(): boolean;
}

type Host = ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };

/**
 * The duplicate guard under "Can't find match in ERP": while a strong candidate exists, Create is
 * held back until the user chooses "Create anyway" and gives a reason (sent as `create.reason`).
 */
export class CreateGuardController {
  private anyway = false;
  private reason = '';
  private invalid = false;

  constructor(
    private readonly host: Host,
    private readonly options: CreateGuardOptions,
  ) {}

  /** Create is held back: a strong candidate and no reason given. */
  get held(): boolean {
    return this.options.strong().length > 0 && !this.givenReason;
  }

  /** The reason to send with the create, when the guard was passed with one. */
  get givenReason(): string | undefined {
    return this.options.strong().length && this.anyway && this.reason.trim() ? this.reason.trim() : undefined;
  }

  /** Back to the start; `reason` reopens a create that was passed with that reason. */
  reset(reason = ''): void {
    this.anyway = !!reason;
    this.reason = reason;
    this.invalid = false;
    this.host.requestUpdate();
  }

  /** Create pressed while held: leads to what releases it (Create anyway, then the reason). */
  async block(): Promise<void> {
    if (!this.anyway) {
      this.host.renderRoot.querySelector<HTMLElement>('.create-anyway')?.focus();
      return;
    }
    this.invalid = true;
    await this.focusReason();
  }

  private async focusReason(): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#create-reason-input')?.focus();
  }

  /** With "Can't find match" ticked: the guard, or why Create is not available. */
  render(noMatch: boolean) {
    if (!noMatch) return nothing;
    if (!this.options.canCreate()) {
      return html`<p id="create-reason" class="reason">
        ${msg('Create is not available: this ERP connection may not create records in the ERP.', {
          id: 'connect.createUnavailable',
        })}
      </p>`;
    }
    const strong = this.options.strong();
    if (!strong.length) return nothing;
    return renderGuard({
      strong,
      createAnyway: this.anyway,
      reason: this.reason,
      reasonInvalid: this.invalid,
      onCreateAnyway: () => {
        this.anyway = true;
        void this.focusReason();
      },
      onReason: (value) => {
        this.reason = value;
        if (value.trim()) this.invalid = false;
        this.host.requestUpdate();
      },
    });
  }
}
