import { css } from 'lit';

/** The styles of <erp-history> beyond the shared base styles. */
export const historyStyles = css`
  :host {
    display: block;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  /* Block flow, not a grid: a grid lays out every item again when one is added. The space
     follows each event, so a block's height (the window measures it) includes its own. */
  li.event:last-child {
    margin-block-end: 0;
  }
  li.event {
    margin-block-end: var(--_space);
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: var(--_space);
    /* Events out of view skip layout and paint; up to WINDOW_FROM events they all stay in the
       accessibility tree and find-in-page. */
    content-visibility: auto;
    contain-intrinsic-size: auto 4.5rem;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem var(--_space);
    align-items: baseline;
  }
  .kind {
    font-weight: 600;
  }
  .changes {
    margin: 0.25rem 0 0;
    padding-inline-start: 1rem;
  }
  .changes li,
  .reason {
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  .reason {
    margin: 0.25rem 0 0;
  }
  .status:empty {
    display: none;
  }
  .status,
  .empty {
    margin: var(--_space) 0 0;
  }
  .actions {
    margin-block-start: var(--_space);
  }
`;
