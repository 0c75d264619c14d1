import { css } from 'lit';

/**
 * The theming surface shared by every element: a few `--erp-*` custom properties with defaults,
 * and the look of buttons, headings and messages. Hosts restyle through these and `::part`.
 * Each `var(--erp-…, default)` line's comment is its description: custom-elements.json and the
 * README's theming table are generated from these lines.
 */
export const baseStyles = css`
  :host {
    --_fg: var(--erp-color-text, #1f2328); /* text, button text */
    --_muted: var(--erp-color-muted, #59636e); /* secondary text (hints, timestamps) */
    --_bg: var(--erp-color-surface, #ffffff); /* backgrounds of buttons, panels, dialogs */
    --_border: var(--erp-color-border, #d1d9e0); /* borders and separators */
    --_accent: var(--erp-color-accent, #0b5cad); /* primary buttons, links, focus rings */
    --_accent-fg: var(--erp-color-on-accent, #ffffff); /* text on the accent color */
    --_danger: var(--erp-color-danger, #b42318); /* errors, destructive buttons */
    --_success: var(--erp-color-success, #1a7f37); /* "in sync" and success states */
    --_pending: var(--erp-color-pending, #9a6700); /* pending / stale states */
    --_space: var(--erp-space, 0.5rem); /* the base gap and padding unit */
    --_radius: var(--erp-radius, 6px); /* corner radius of buttons, inputs and panels */
    font-family: var(--erp-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif); /* the font */
    font-size: var(--erp-font-size, 0.875rem); /* the base font size */
    color: var(--_fg);
    line-height: 1.4;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  button {
    font: inherit;
    min-block-size: 2rem;
    padding-block: 0.25rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
  }
  button.danger {
    color: var(--_danger);
    border-color: currentColor;
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  [tabindex]:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  /* A heading focused for screen readers (a dialog's title) is not a control: no ring. */
  :is(h1, h2, h3)[tabindex='-1']:focus-visible {
    outline: none;
  }
  .error {
    color: var(--_danger);
  }
  .muted {
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    button.primary {
      border: 2px solid ButtonText;
    }
    /* System colors only: the --erp-* palette is replaced by the user's high-contrast one. */
    :host {
      --_fg: CanvasText;
      --_muted: GrayText;
      --_bg: Canvas;
      --_border: CanvasText;
      --_accent: Highlight;
      --_accent-fg: HighlightText;
      --_danger: CanvasText;
      --_success: CanvasText;
      --_pending: CanvasText;
    }
    button:disabled,
    button[aria-disabled='true'] {
      opacity: 1;
      color: GrayText;
      border-color: GrayText;
    }
    button:focus-visible,
    input:focus-visible,
    select:focus-visible,
    [tabindex]:focus-visible {
      outline-color: Highlight;
    }
  }
`;
