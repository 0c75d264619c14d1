import { css } from 'lit';

/** The styles of <erp-sync-admin> beyond the shared admin styles. */
export const erpSyncAdminStyles = css`
  :host {
    display: block;
  }
  .screen {
    display: grid;
    gap: calc(var(--_space) * 3);
  }
  h1 {
    font-size: 1.25rem;
    margin: 0;
  }
`;
