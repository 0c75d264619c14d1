/**
 * The one piece of global state: how the widget reaches the host's backend when an element is
 * given neither a `backend` property nor a `backend-url` attribute.
 */
export interface BackendConfig {
  /** Base URL of the REST API, e.g. `/api/erp` or `https://crm.example.com/erp`. */
  baseUrl: string;
  /** Extra headers on every request (e.g. an Authorization header). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** `fetch` credentials mode; defaults to `same-origin`. */
  credentials?: RequestCredentials;
  /** A fetch implementation to use instead of the global one. */
  fetch?: typeof fetch;
  /** Per-request timeout in milliseconds; defaults to 15,000. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

let current: BackendConfig = { baseUrl: '/api/erp' };
const listeners = new Set<() => void>();

/** Sets the global backend configuration; elements that use it reload. */
export function configure(config: Partial<BackendConfig>): void {
  current = { ...current, ...config };
  for (const listener of listeners) listener();
}

export function getConfig(): BackendConfig {
  return current;
}

/** Calls `listener` after each `configure()`; returns the unsubscribe function. */
export function onConfigChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
