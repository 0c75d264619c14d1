import { usePack } from '../../i18n/localization.js';
import { importRetrying, loadOnce } from '../shared/lazy-import.js';

/**
 * The parts of the Sync screen an administrator opens on demand: a connection's settings and the
 * connection dialog. They load on first use with their translations, so the screen's first load
 * carries only the lists.
 */
const parts = {
  settings: () => import('../../define/erp-connection-admin.js'),
  'connection-dialog': () => import('../../define/erp-connection-dialog.js'),
} as const;

export type AdminPart = keyof typeof parts;

/** Resolves once the part's elements are defined and its strings are there for the active language. */
export function loadAdminPart(part: AdminPart): Promise<void> {
  return loadOnce(parts[part], () => Promise.all([importRetrying(parts[part]), usePack('settings')]).then(() => undefined));
}
