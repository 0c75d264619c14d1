import { css } from 'lit';

/** The styles of <erp-scope-picker> beyond the shared admin styles. */
export const scopePickerStyles = css`
  :host {
    display: block;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0;
    display: grid;
    gap: var(--_space);
  }
  legend {
    font-weight: 600;
  }
  .picker {
    display: grid;
    gap: var(--_space);
    padding-inline-start: 1.5rem;
  }
  .search {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
  }
  .search label {
    display: grid;
    gap: 0.25rem;
    flex: 1 1 12rem;
  }
  input[type='search'] {
    font: inherit;
    min-block-size: 2rem;
    padding-inline: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
    max-block-size: 12rem;
    overflow: auto;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .chips button {
    min-block-size: 1.75rem;
    padding-inline: 0.5rem;
  }
`;
