import { css } from 'lit';

/** The look shared by our native `<dialog>`s. */
export const dialogStyles = css`
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    background: var(--_bg);
    color: var(--_fg);
    inline-size: min(40rem, calc(100vw - 1rem));
    max-block-size: calc(100vh - 2rem);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog h2 {
    margin: 0 0 var(--_space);
    font-size: 1.125rem;
  }
  .dialog-actions {
    margin-block-start: calc(var(--_space) * 2);
    justify-content: flex-end;
  }
  button.danger-fill {
    background: var(--_danger);
    border-color: var(--_danger);
  }
`;
