import { css } from 'lit';

/** The styles of <erp-mapping-editor> beyond the shared admin styles. */
export const mappingEditorStyles = css`
  .why {
    font-size: 0.875em;
  }
  .suggestions {
    border-inline-start: 4px solid var(--_accent);
    padding: 0.25rem 0.5rem;
    display: grid;
    gap: 0.5rem;
  }
  .suggestions ul {
    margin: 0;
    padding-inline-start: 0;
    list-style: none;
  }
`;
