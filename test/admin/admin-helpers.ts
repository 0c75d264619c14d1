// Helpers for the admin tests: find form controls by their accessible name through shadow roots.
import { deepElements, nameOf } from '../helpers/queries.js';
import { until } from '../helpers/queries.js';

/** The input, select or textarea named `name` (passwords have no role, so role queries miss them). */
export async function findControl<T extends HTMLElement = HTMLInputElement>(
  name: string | RegExp,
  root: ParentNode,
): Promise<T> {
  let found: T | undefined;
  await until(() => {
    found = deepElements(root).find(
      (el): el is T =>
        (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) &&
        el.getClientRects().length > 0 &&
        (typeof name === 'string' ? nameOf(el) === name : name.test(nameOf(el))),
    );
    return found;
  }, `control named ${String(name)}`);
  return found!;
}

/** Types text the way a user's edit reaches the element (value + input event). */
export function type(input: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}
