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
let attempt = 0;

/**
 * Imports a lazy element's code. The browser remembers a failed module fetch for the page, so a
 * plain second import() fails at once even with the connection back: a retry imports the URL the
 * failure names with a fresh query (the way retry-dynamic-import libraries do).
 */
async function importCode(tag: LazyTag, failed?: unknown): Promise<unknown> {
  const url = failed instanceof Error ? /https?:\/\/\S+/.exec(failed.message)?.[0] : undefined;
  if (!url) return loaders[tag]();
  const retry = new URL(url);
  retry.searchParams.set('retry', String(++attempt));
  return import(/* @vite-ignore */ retry.href);
}

const lastFailure = new Map<LazyTag, unknown>();

/**
 * Resolves once `tag` is defined and its strings are there for the active language. A failed load
 * (a dropped connection) is forgotten, so the next call tries again.
 */
export function loadElement(tag: LazyTag): Promise<void> {
  let promise = loading.get(tag);
  if (!promise) {
    const code = customElements.get(tag)
      ? undefined
      : importCode(tag, lastFailure.get(tag)).then(
          () => lastFailure.delete(tag),
          (error: unknown) => {
            lastFailure.set(tag, error);
            throw error;
          },
        );
    promise = Promise.all([code, usePack('dialogs')]).then(() => customElements.whenDefined(tag).then(() => undefined));
    promise.catch(() => loading.delete(tag));
    loading.set(tag, promise);
  }
  return promise;
}
