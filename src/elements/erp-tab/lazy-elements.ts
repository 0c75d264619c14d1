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

const loading = new Map<unknown, Promise<unknown>>();
let attempt = 0;

/** `make()` once per `key`; a failed load (a dropped connection) is forgotten, so the next call tries again. */
function loadOnce<T>(key: unknown, make: () => Promise<T>): Promise<T> {
  let promise = loading.get(key) as Promise<T> | undefined;
  if (!promise) {
    const made = make();
    made.catch(() => {
      if (loading.get(key) === made) loading.delete(key);
    });
    loading.set(key, (promise = made));
  }
  return promise;
}

/**
 * Imports a module on demand. The browser remembers a failed module fetch for the page, so a plain
 * second import() fails at once even with the connection back: a retry imports the URL the failure
 * names with a fresh query (the way retry-dynamic-import libraries do).
 */
async function importCode<T>(load: () => Promise<T>, failed?: unknown): Promise<T> {
  const url = failed instanceof Error ? /https?:\/\/\S+/.exec(failed.message)?.[0] : undefined;
  if (!url) return load();
  const retry = new URL(url);
  retry.searchParams.set('retry', String(++attempt));
  return import(/* @vite-ignore */ retry.href) as Promise<T>;
}

const lastFailure = new Map<unknown, unknown>();

/** Imports with `load`, or after a failure of it with the fresh URL above. */
function importRetrying<T>(load: () => Promise<T>): Promise<T> {
  return importCode(load, lastFailure.get(load)).then(
    (module) => {
      lastFailure.delete(load);
      return module;
    },
    (error: unknown) => {
      lastFailure.set(load, error);
      throw error;
    },
  );
}

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
