import { css } from 'lit';

export const backgroundSyncStyles = css`
  .facts {
    display: grid;
    /* Two columns of label and value where there is room, one pair per line where not. */
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
    gap: 0.5rem 1rem;
    margin: 0;
  }
  .facts > div {
    min-inline-size: 0;
  }
  .facts dt {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .notice {
    border-inline-start: 0.25rem solid var(--_danger);
    padding: 0.5rem 0.75rem;
    margin: 0.5rem 0 0;
  }
`;
