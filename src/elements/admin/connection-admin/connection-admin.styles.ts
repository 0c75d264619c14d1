import { css } from 'lit';

/** The styles of <erp-connection-admin> beyond the shared admin styles. */
export const connectionAdminStyles = css`
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-block-end: 1px solid var(--_border);
  }
  [role='tab'] {
    border-end-start-radius: 0;
    border-end-end-radius: 0;
  }
  [role='tab'][aria-selected='true'] {
    background: var(--_accent);
    color: var(--_accent-fg, #fff);
    border-color: var(--_accent);
  }
  [role='tabpanel'] {
    display: grid;
    gap: calc(var(--_space) * 3);
    padding-block: var(--_space);
  }
  h3 {
    font-size: 1rem;
    margin: 0;
  }
`;
