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
  .label {
    flex: 1;
    min-inline-size: 0;
    overflow-wrap: break-word;
  }
`;
