/**
 * One document-wide MutationObserver for `lang` attributes, shared by every element on the page:
 * a page with 200 `<erp-field>`s pays for one observer, not 200. It exists while anyone listens.
 */
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

/** Calls `listener` after any `lang` attribute on the page changes; returns the unsubscribe. */
export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => {
      for (const l of [...listeners]) l();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}

/** How many elements listen (for tests and the benchmark). */
export function langListenerCount(): number {
  return listeners.size;
}
