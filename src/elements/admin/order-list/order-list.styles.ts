import { css } from 'lit';

/** The styles of <erp-order-list> beyond the shared admin styles. */
export const orderListStyles = css`
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.25rem;
  }
  li {
    /* A grid item is as wide as its longest word by default: a long field name would widen the page. */
    min-inline-size: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  li:focus-visible {
    outline: 2px solid var(--_accent);
  }
  .pos {
    min-inline-size: 1.5rem;
    color: var(--_muted);
  }
  /* Where a name and the buttons do not fit on one line (280 px, a long German name), the buttons
     go to the next line instead of the name breaking inside a word. */
  .label {
    flex: 1 1 10rem;
    min-inline-size: 0;
    overflow-wrap: break-word;
  }
  .label + button {
    margin-inline-start: auto;
  }
  .grip {
    cursor: grab;
    touch-action: none;
    user-select: none;
    color: var(--_muted);
    padding-inline: 0.25rem;
  }
  li.dragging {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_bg));
  }
  li.dragging .grip {
    cursor: grabbing;
  }
`;
