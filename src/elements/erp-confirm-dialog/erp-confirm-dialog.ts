import { LitElement, html } from 'lit';
import { property, query } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { LocaleController } from '../../i18n/locale-controller.js';
import { baseStyles } from '../shared/base-styles.js';
import { dialogStyles } from '../shared/dialog-styles.js';
import { deepActiveElement } from '../shared/active-element.js';

/**
 * A modal yes/no question on a native `<dialog>`: focus moves into it, the page is inert, Escape
 * answers "no", and focus returns to where it was.
 *
 * @slot - The question's explanation.
 * @csspart dialog - The native dialog.
 * @csspart confirm - The confirming button.
 */
@localized()
export class ErpConfirmDialog extends LitElement {
  static override styles = [baseStyles, dialogStyles];

  @property() heading = '';
  @property({ attribute: 'confirm-label' }) confirmLabel = '';
  /** Styles the confirming button as destructive. */
  @property({ type: Boolean }) danger = false;

  @query('dialog') private dialog!: HTMLDialogElement;
  private resolve?: (answer: boolean) => void;
  private opener: HTMLElement | null = null;

  constructor() {
    super();
    new LocaleController(this, 'dialogs');
  }

  /** Opens the question; resolves true when confirmed, false when cancelled or closed. */
  async ask(): Promise<boolean> {
    await this.updateComplete;
    this.resolve?.(false);
    this.opener = deepActiveElement();
    this.dialog.showModal();
    return new Promise<boolean>((resolve) => (this.resolve = resolve));
  }

  private answer(value: boolean): void {
    if (this.dialog.open) this.dialog.close();
    this.resolve?.(value);
    this.resolve = undefined;
    this.opener?.focus();
    this.opener = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resolve?.(false);
    this.resolve = undefined;
  }

  protected override render() {
    return html`<dialog
      part="dialog"
      aria-labelledby="heading"
      aria-describedby="body"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.answer(false);
      }}
    >
      <h2 id="heading">${this.heading}</h2>
      <div id="body"><slot></slot></div>
      <div class="actions dialog-actions">
        <button
          type="button"
          part="confirm"
          class=${this.danger ? 'primary danger-fill' : 'primary'}
          @click=${() => this.answer(true)}
        >
          ${this.confirmLabel}
        </button>
        <button type="button" autofocus @click=${() => this.answer(false)}>
          ${msg('Cancel', { id: 'action.cancel' })}
        </button>
      </div>
    </dialog>`;
  }
}
