import { css } from 'lit';

export const fieldStyles = css`
  :host {
    display: block;
    min-inline-size: 0;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  label,
  .label {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .required-mark {
    color: var(--_danger);
    margin-inline-start: 0.125rem;
  }
  input:not([type='checkbox']),
  select {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-block-size: 2rem;
    padding-inline: 0.5rem;
    inline-size: 100%;
    max-inline-size: 40rem;
  }
  input[readonly] {
    background: transparent;
    border-style: dashed;
  }
  input[type='checkbox'] {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .check {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    border-width: 2px !important;
  }
  .help,
  .hint {
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .message {
    margin: 0;
    font-size: 0.8125rem;
  }
  .message .error::before {
    content: '⚠ ' / '';
  }
  .value {
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
`;
