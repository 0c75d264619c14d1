import { css } from 'lit';

export const pickerStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_columns: 2;
  }
  .picker {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  p {
    margin: 0;
  }
  h3 {
    margin: 0;
    font-size: 1rem;
  }
  .rows {
    display: grid;
    grid-template-columns: minmax(7rem, 1fr) repeat(var(--_columns), minmax(0, 1.5fr));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .row {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
    gap: var(--_space);
    padding: var(--_space);
    border-block-start: 1px solid var(--_border);
    align-items: start;
  }
  .row:first-child {
    border-block-start: 0;
  }
  .row.head {
    font-weight: 600;
    color: var(--_muted);
  }
  .row.conflict.undecided {
    background: color-mix(in srgb, var(--_pending) 8%, transparent);
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .note {
    display: block;
    font-weight: normal;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .cell {
    min-inline-size: 0;
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  label.choice {
    display: flex;
    gap: 0.375rem;
    align-items: start;
    cursor: pointer;
  }
  label.choice input {
    margin: 0.2rem 0 0;
    accent-color: var(--_accent);
    flex: none;
  }
  .outcome {
    display: block;
    font-size: 0.8125rem;
  }
  .outcome.kept {
    color: var(--_success);
  }
  .outcome.lost {
    color: var(--_danger);
  }
  .lost-value {
    text-decoration: line-through;
    color: var(--_muted);
  }
  .ask {
    display: grid;
    gap: var(--_space);
  }
  .status {
    font-weight: 600;
  }
  .equal-toggle button {
    grid-column: 1 / -1;
    justify-self: start;
  }
  /* Connect (or Apply) and Cancel stay in view while a long compare scrolls in its dialog. */
  .picker > .actions:last-child {
    position: sticky;
    inset-block-end: 0;
    background: var(--_bg);
    padding-block: var(--_space);
    border-block-start: 1px solid var(--_border);
  }
  @container (max-width: 30rem) {
    .rows {
      grid-template-columns: 1fr;
    }
    .row {
      grid-template-columns: 1fr;
    }
    .row.head {
      display: none;
    }
  }
  @media (forced-colors: active) {
    .row.conflict.undecided {
      border-inline-start: 4px solid Highlight;
    }
  }
`;

/** In one column (narrow), the side names that the header row gives are written before each value. */
export const narrowStyles = css`
  @container (max-width: 30rem) {
    .side-prefix {
      position: static;
      inline-size: auto;
      block-size: auto;
      clip-path: none;
      white-space: normal;
      color: var(--_muted);
    }
  }
  .changed-by {
    display: block;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .last-synced {
    color: var(--_muted);
  }
  .rows.three {
    --_columns: 3;
  }
`;
