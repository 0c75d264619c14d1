/**
 * Registers a custom element once. A second copy of the library on the same page (another
 * version bundled by someone else) warns instead of throwing.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, constructor);
  } else if (existing !== constructor) {
    console.warn(`erp-widget: <${tag}> is already defined by another copy of the library; keeping the first.`);
  }
}
