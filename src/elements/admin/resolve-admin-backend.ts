import type { ErpAdminBackend } from '../../backend/erp-backend.js';
import { RestAdminBackend } from '../../backend/rest-backend.js';

/**
 * The admin twin of `resolveBackend`: the element's own `backend` property, else a REST client for
 * its `backend-url`, else the REST client that follows the global `configure()`.
 */
export function resolveAdminBackend(own: ErpAdminBackend | undefined, url: string | null | undefined): ErpAdminBackend {
  if (own) return own;
  return url ? new RestAdminBackend({ baseUrl: url }) : new RestAdminBackend();
}
