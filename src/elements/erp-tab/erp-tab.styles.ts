import { css } from 'lit';

export const tabStyles = css`
  :host {
    display: block;
  }
  :host([unavailable]) {
    display: none;
  }
  .tab {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
  }
  .loading .skeleton {
    display: grid;
    gap: var(--_space);
  }
  .skeleton span {
    display: block;
    block-size: 1rem;
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_border), transparent, var(--_border));
    background-size: 200% 100%;
    animation: shimmer 1.2s linear infinite;
  }
  .skeleton span:nth-child(2) {
    inline-size: 70%;
  }
  .skeleton span:nth-child(3) {
    inline-size: 40%;
  }
  @keyframes shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton span {
      animation: none;
    }
  }
  .load-error {
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .load-error p {
    margin: 0 0 var(--_space);
  }
`;
