import { css } from 'lit';

/** The styles of <erp-import-wizard> beyond the shared admin styles. */
export const importWizardStyles = css`
  dialog {
    inline-size: min(56rem, calc(100vw - 1rem));
  }
  .criterion {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
  }
  .cell {
    display: grid;
    gap: 0.125rem;
  }
  fieldset.criteria {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    display: grid;
    gap: var(--_space);
  }
  ul.refs {
    margin: 0;
  }
`;
