import { usePack } from '../../i18n/localization.js';

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

const loading = new Map<LazyTag, Promise<void>>();

/**
 * Resolves once `tag` is defined and its strings are there for the active language. A failed load
 * (a dropped connection) is forgotten, so the next call tries again.
 */
export function loadElement(tag: LazyTag): Promise<void> {
  let promise = loading.get(tag);
  if (!promise) {
    promise = Promise.all([customElements.get(tag) ? undefined : loaders[tag](), usePack('dialogs')]).then(() =>
      customElements.whenDefined(tag).then(() => undefined),
    );
    promise.catch(() => loading.delete(tag));
    loading.set(tag, promise);
  }
  return promise;
}
