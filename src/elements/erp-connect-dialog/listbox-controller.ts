import type { ReactiveControllerHost } from 'lit';

export interface ListboxOptions {
  /** Number of options (loaded; a windowed list renders only some of them). */
  count(): number;
  /** Selection follows the active option (single-select listbox). */
  select(index: number): void;
  /** Enter on the active option. */
  activate(index: number): void;
  /** Scrolls the option at an index into view. */
  reveal(index: number): void;
}

/**
 * Keyboard behaviour of a single-select listbox that keeps DOM focus on the listbox and points at the
 * active option with `aria-activedescendant`: ArrowUp/Down, Home/End, PageUp/PageDown move (and
 * select), Enter activates, Space selects.
 */
export class ListboxController {
  /** The active option's index, -1 when none. */
  active = -1;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ListboxOptions,
  ) {}

  /** Clears the active option (after a new search). */
  reset(): void {
    this.active = -1;
    this.host.requestUpdate();
  }

  /** Makes `index` active, selects it and scrolls it into view. */
  moveTo(index: number, select = true): void {
    const count = this.options.count();
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    this.active = next;
    if (select) this.options.select(next);
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.options.reveal(next));
  }

  /** Keydown handler for the listbox element. */
  readonly onKeydown = (event: KeyboardEvent): void => {
    const count = this.options.count();
    if (count === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const page = 10;
    switch (event.key) {
      case 'ArrowDown':
        this.moveTo(this.active < 0 ? 0 : this.active + 1);
        break;
      case 'ArrowUp':
        this.moveTo(this.active < 0 ? 0 : this.active - 1);
        break;
      case 'Home':
        this.moveTo(0);
        break;
      case 'End':
        this.moveTo(count - 1);
        break;
      case 'PageDown':
        this.moveTo(this.active + page);
        break;
      case 'PageUp':
        this.moveTo(this.active - page);
        break;
      case ' ':
        this.moveTo(this.active < 0 ? 0 : this.active);
        break;
      case 'Enter':
        if (this.active < 0) return;
        this.options.activate(this.active);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  /** Focusing the listbox with nothing active makes the selected (or first) option active. */
  focusIn(selectedIndex: number): void {
    if (this.active >= 0 && this.active < this.options.count()) return;
    if (this.options.count() === 0) return;
    this.moveTo(selectedIndex >= 0 ? selectedIndex : 0, false);
  }
}
