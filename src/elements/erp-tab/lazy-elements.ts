import { usePack } from '../../i18n/localization.js';
import { importRetrying, loadOnce } from '../shared/lazy-import.js';

/**
 * The elements <erp-tab> shows only on demand (dialogs, history). They load on first use, with their
 * translations, so a CRM page that only views a record does not pay for them.
 */
const loaders = {
  'erp-connect-dialog': () => import('../../define/erp-connect-dialog.js'),
  'erp-confirm-dialog': () => import('../../define/erp-confirm-dialog.js'),
  'erp-conflict-picker': () => import('../../define/erp-conflict-picker.js'),
  'erp-history': () => import('../../define/erp-history.js'),
} as const;

export type LazyTag = keyof typeof loaders;

const conflictsCode = () => import('./sync-conflicts-controller.js');

/**
 * The tab section's handling of values changed on both sides (the dialog around the conflict
 * picker), loaded with the picker when a Sync now first finds such values.
 */
export function loadConflicts(): ReturnType<typeof conflictsCode> {
  return loadOnce(conflictsCode, () =>
    Promise.all([importRetrying(conflictsCode), loadElement('erp-conflict-picker')]).then(([module]) => module),
  );
}

/** Resolves once `tag` is defined and its strings are there for the active language. */
export function loadElement(tag: LazyTag): Promise<void> {
  return loadOnce(tag, () => {
    const code = customElements.get(tag) ? undefined : importRetrying(loaders[tag]);
    return Promise.all([code, usePack('dialogs')]).then(() => customElements.whenDefined(tag).then(() => undefined));
  });
}
