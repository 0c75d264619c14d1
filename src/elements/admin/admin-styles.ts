import { css } from 'lit';

/** The look shared by the admin lists and forms. */
export const adminStyles = css`
  :host {
    display: block;
  }
  section {
    display: grid;
    gap: var(--_space);
  }
  /* Grid items are as wide as their longest word by default: at 280 px that widens the screen. */
  section > * {
    min-inline-size: 0;
  }
  h2 {
    font-size: 1.125rem;
    margin: 0;
  }
  /* A heading of one long word (de "Hintergrundsynchronisierung") hyphenates or wraps at 280 px
     instead of widening the screen. */
  h2,
  h3 {
    overflow-wrap: break-word;
    hyphens: auto;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--_space);
  }
  /* Positioned: the visually hidden texts in a table that scrolls stay inside its frame. */
  .table-wrap {
    overflow-x: auto;
    position: relative;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  /* A cell is at least as wide as its longest word (a table that does not fit scrolls in its
     frame instead of breaking words); an unbroken name longer than 20rem breaks at that width. */
  th,
  td {
    text-align: start;
    padding: 0.375rem 0.5rem;
    border-block-end: 1px solid var(--_border);
    vertical-align: middle;
    overflow-wrap: break-word;
    max-inline-size: 20rem;
  }
  th {
    font-weight: 600;
    color: var(--_muted);
  }
  td button {
    white-space: nowrap;
  }
  /* Side by side where they fit, one below the other where not; the cell stays a table cell. */
  td.buttons button {
    margin: 0.125rem 0.25rem 0.125rem 0;
  }
  /* A choice is as wide as its longest option, so the chosen value shows whole. */
  td select {
    inline-size: auto;
    max-inline-size: 18rem;
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .control {
    display: grid;
    gap: 0.25rem;
  }
  .control > label {
    font-weight: 600;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-block-size: 2rem;
    padding-inline: 0.5rem;
    inline-size: 100%;
  }
  textarea {
    min-block-size: 4rem;
    padding-block: 0.25rem;
  }
  .required-mark {
    color: var(--_danger);
  }
  .result-ok {
    color: var(--_success);
  }
  p {
    margin: 0;
  }
  fieldset.config {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0;
    display: grid;
    gap: var(--_space);
  }
  fieldset.config legend {
    font-weight: 600;
  }
  .notice {
    border-inline-start: 4px solid var(--_pending);
    padding: 0.25rem 0.5rem;
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
  .secret {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  input[type='checkbox'][role='switch'] {
    inline-size: 2.25rem;
    block-size: 1.25rem;
    accent-color: var(--_accent);
  }
`;
