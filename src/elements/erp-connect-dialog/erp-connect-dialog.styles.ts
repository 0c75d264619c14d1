import { css } from 'lit';

export const connectDialogStyles = css`
  :host {
    display: contents;
  }
  /* Anchored at the top, not centred: content arriving later grows the dialog downwards instead
     of moving what the user is looking at. */
  dialog {
    inline-size: min(48rem, calc(100vw - 1rem));
    margin-block: min(6vh, 3rem) auto;
    max-block-size: calc(100vh - min(6vh, 3rem) - 1rem);
  }
  .subtitle {
    margin: 0 0 var(--_space);
    overflow-wrap: anywhere;
  }
  h2:focus,
  .step-title:focus {
    outline: none;
  }
  h2:focus-visible,
  .step-title:focus-visible {
    outline: 2px solid var(--_accent);
  }
  .step-title {
    font-size: 1rem;
    margin: 0 0 var(--_space);
    overflow-wrap: anywhere;
  }
  .search-row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
  }
  .search-field {
    display: grid;
    gap: 0.25rem;
    flex: 1 1 12rem;
  }
  input,
  select {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.25rem 0.5rem;
    min-block-size: 2rem;
    min-inline-size: 0;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .advanced-toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }
  .advanced-toggle[aria-pressed='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .hint {
    margin: 0.25rem 0 0;
    font-size: 0.8125rem;
  }
  .criteria {
    margin-block-start: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    display: grid;
    gap: var(--_space);
  }
  .criteria-rows {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .criterion {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
  }
  .criterion .cell {
    display: grid;
    gap: 0.125rem;
    font-size: 0.8125rem;
  }
  .criterion .and {
    flex-basis: 100%;
    font-size: 0.75rem;
    text-transform: uppercase;
  }
  .criterion-error {
    flex-basis: 100%;
    margin: 0;
  }
  .add-criterion {
    justify-self: start;
  }
  .status {
    margin: var(--_space) 0 0.25rem;
    min-block-size: 1.4em;
    color: var(--_muted);
  }
  .results {
    display: grid;
    gap: 0.25rem;
    overflow-x: auto;
  }
  .result-header,
  .option {
    display: grid;
    grid-template-columns: var(--_erp-result-columns);
    gap: var(--_space);
    padding: 0.25rem 0.5rem;
  }
  .result-header {
    font-weight: 600;
    color: var(--_muted);
  }
  .listbox {
    max-block-size: min(20rem, 45vh);
    overflow-y: auto;
    /* Rows come and go while scrolling: keep that layout work inside the list. */
    contain: content;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  /* Every row has the same height (the windowed list computes positions from it), so a long value
     is cut with an ellipsis instead of wrapping; the whole text stays in the option's name. */
  .option {
    cursor: pointer;
    border-block-end: 1px solid var(--_border);
    box-sizing: border-box;
    block-size: 2.5em;
    align-items: center;
    overflow: hidden;
  }
  .option .cell {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    unicode-bidi: isolate;
    min-inline-size: 0;
  }
  .spacer {
    display: block;
  }
  .option[aria-selected='true'] {
    background: color-mix(in srgb, var(--_accent) 14%, var(--_bg));
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  .listbox:focus-visible .option.active {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .listbox[aria-busy='true'] {
    opacity: 0.7;
  }
  .load-more {
    justify-self: start;
  }
  .no-match {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    margin-block-start: var(--_space);
  }
  .reason {
    margin: var(--_space) 0 0;
  }
  .error-box {
    color: var(--_danger);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-block-start: var(--_space);
  }
  .error-box p {
    margin: 0;
  }
  .suggestions {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 var(--_space);
    padding: 0.25rem var(--_space) var(--_space);
    display: grid;
    gap: 0.25rem;
  }
  .suggestions legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }
  .suggestions .hint {
    margin: 0;
  }
  /* Two rows of two lines each are kept from the start (skeleton, then the suggestions). */
  .suggestion-rows {
    display: grid;
    gap: 0.25rem;
    align-content: start;
    min-block-size: calc(6em + 0.25rem);
    line-height: 1.5;
  }
  .suggestion,
  .skeleton-row {
    min-block-size: 3em;
  }
  .suggestion {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    grid-template-rows: 1.5em auto;
    column-gap: var(--_space);
    align-items: center;
    cursor: pointer;
  }
  .suggestion input {
    margin: 0;
  }
  .suggestion .why {
    grid-column: 2;
  }
  .skeleton-row {
    display: block;
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_border), transparent, var(--_border));
    background-size: 200% 100%;
    opacity: 0.5;
  }
  .suggestion .name {
    font-weight: 600;
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  .suggestion .key {
    color: var(--_muted);
  }
  .suggestion .strength {
    font-weight: 600;
  }
  .suggestion.weak .strength {
    font-weight: 400;
  }
  .notice {
    border-inline-start: 3px solid var(--_pending);
    padding-inline-start: var(--_space);
    margin-block: 0 var(--_space);
  }
  .guard {
    border-inline-start: 3px solid var(--_pending);
    padding-inline-start: var(--_space);
    margin-block-start: var(--_space);
    display: grid;
    gap: 0.25rem;
    justify-items: start;
  }
  .guard p,
  .guard ul {
    margin: 0;
  }
  .guard .name {
    unicode-bidi: isolate;
  }
  .reason-field {
    display: grid;
    gap: 0.25rem;
    inline-size: 100%;
  }
  .reason-field textarea {
    font: inherit;
    inline-size: 100%;
  }
  .guard .error {
    margin: 0;
  }
  @media (forced-colors: active) {
    .option[aria-selected='true'] {
      outline: 2px solid Highlight;
    }
  }
`;
