// Code loaded on first use (the tab's dialogs, the admin's settings screens): once, and again after
// a failure (a dropped connection), with a URL the browser has not remembered as failed.

const loading = new Map<unknown, Promise<unknown>>();
let attempt = 0;

/** `make()` once per `key`; a failed load (a dropped connection) is forgotten, so the next call tries again. */
export function loadOnce<T>(key: unknown, make: () => Promise<T>): Promise<T> {
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
export function importRetrying<T>(load: () => Promise<T>): Promise<T> {
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
