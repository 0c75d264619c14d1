import { css } from 'lit';

export const createFormStyles = css`
  :host {
    display: block;
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  h2 {
    margin: 0;
    font-size: 1.125rem;
  }
  p {
    margin: 0;
  }
  .fields {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .error-box {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
`;
