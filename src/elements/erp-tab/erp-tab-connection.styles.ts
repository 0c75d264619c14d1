import { css } from 'lit';

export const connectionStyles = css`
  :host {
    display: block;
    /* The section lays out by its own width (the CRM's tab panel), not the page's. */
    container-type: inline-size;
  }
  .connection {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5);
    background: var(--_bg);
    /* A flex column, not a grid: a grid's auto column sizes its items to their content first, an extra
       layout pass over every field on each update (bench tabUpdate). */
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    min-inline-size: 0;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  h3 {
    margin: 0;
    font-size: 1rem;
    overflow-wrap: break-word;
    min-inline-size: 0;
  }
  .badge {
    font-size: 0.75rem;
    padding-inline: 0.5rem;
    border-radius: 999px;
    border: 1px solid var(--_border);
    color: var(--_muted);
  }
  .badge.linked {
    color: var(--_success);
    border-color: currentColor;
  }
  .badge.failed {
    color: var(--_danger);
    border-color: currentColor;
  }
  .fields {
    display: grid;
    grid-template-columns: minmax(6rem, max-content) minmax(0, 1fr);
    gap: 0.25rem var(--_space) ;
    margin: 0;
  }
  .fields > div {
    display: contents;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    /* Breaks a word only when it cannot fit a line (anywhere would also shrink the column to a letter). */
    overflow-wrap: break-word;
    unicode-bidi: isolate;
    min-inline-size: 0;
  }
  /* Narrow: each label above its value, both the full width. */
  @container (max-width: 30rem) {
    .fields {
      grid-template-columns: minmax(0, 1fr);
      row-gap: 0;
    }
    dd {
      margin-block-end: 0.5rem;
    }
  }
  .empty p {
    margin: 0 0 0.25rem;
  }
  .status:empty {
    display: none;
  }
  .status,
  .warning {
    margin: 0;
  }
  .warning {
    color: var(--_pending);
  }
  .error-box {
    color: var(--_danger);
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .error-box p {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .edit-hint {
    flex-basis: 100%;
    margin: 0;
  }

  .badge.pending,
  .pending-note {
    color: var(--_pending);
  }
  .badge.pending {
    border-color: currentColor;
  }
  .pending {
    border-inline-start: 3px solid var(--_pending);
    padding-inline-start: var(--_space);
  }
  .pending-note {
    margin: 0 0 var(--_space);
  }
  .offers {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .offers > p {
    margin: 0;
    flex-basis: 100%;
  }
  .offer {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    max-inline-size: 100%;
  }
  .health {
    display: grid;
    gap: 0.25rem;
    padding: 0.25rem var(--_space);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
  }
  .health p {
    margin: 0;
  }
  .health-facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem calc(var(--_space) * 2);
  }
  .stale {
    color: var(--_pending);
  }
  .badge.stale-badge {
    color: var(--_pending);
    border-color: currentColor;
    font-weight: 600;
  }
  .provenance {
    display: block;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .history summary {
    cursor: pointer;
    inline-size: fit-content;
  }
  .history summary:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .history erp-history {
    margin-block-start: var(--_space);
  }
`;
