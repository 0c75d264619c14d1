import type { ErpBackend } from '../../backend/erp-backend.js';
import { RestBackend } from '../../backend/rest-backend.js';

/**
 * The backend an element talks to: its own `backend` property, else a REST client for its
 * `backend-url`, else the REST client that follows the global `configure()`.
 */
export function resolveBackend(own: ErpBackend | undefined, url: string | null | undefined): ErpBackend {
  if (own) return own;
  return url ? new RestBackend({ baseUrl: url }) : new RestBackend();
}
