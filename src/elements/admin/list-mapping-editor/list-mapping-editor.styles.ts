import { css } from 'lit';

/** The styles of <erp-list-mapping-editor> beyond the shared admin styles. */
export const listMappingEditorStyles = css`
  dialog {
    inline-size: min(48rem, calc(100vw - 1rem));
  }
  tr[data-dup] th,
  tr[data-dup] td {
    background: color-mix(in srgb, var(--_danger) 10%, transparent);
  }
`;
