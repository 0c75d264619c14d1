// Helpers for the admin tests: find form controls by their accessible name through shadow roots.
import { deepElements, findButton, findByRole, nameOf, queryAllByRole, until } from '../helpers/queries.js';

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

/** The visible text below `el`, through shadow roots, with whitespace collapsed. */
export const textOf = (el: Element): string =>
  [el, ...deepElements(el)]
    .flatMap((e) => [...Array.from(e.childNodes), ...Array.from(e.shadowRoot?.childNodes ?? [])])
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent)
    .join(' ')
    .replace(/\s+/g, ' ');

/** Waits until a live region (role=status) below `scope` announces `text`. */
export const status = (scope: HTMLElement, text: string | RegExp) =>
  until(
    () => queryAllByRole('status', {}, scope).some((s) => (typeof text === 'string' ? textOf(s).includes(text) : text.test(textOf(s)))),
    `status ${String(text)}`,
  );

/** Waits until an alert below `scope` says `text`. */
export const alertSays = (scope: HTMLElement, text: string) =>
  until(() => queryAllByRole('alert', {}, scope).some((a) => textOf(a).includes(text)), `alert "${text}"`);

export const dialogNamed = (scope: ParentNode, name: string) => findByRole('dialog', { name }, scope);

/** Opens a connection's settings with its Mappings button; resolves with the selected tab panel. */
export async function openMappings(admin: HTMLElement, connection = 'Contoso ERP'): Promise<HTMLElement> {
  const root = admin.shadowRoot!;
  (await findButton(`Mappings ${connection}`, root)).click();
  const region = await findByRole('region', { name: `Mappings: ${connection}` }, root);
  await findByRole('tab', { name: 'Customer' }, region);
  return findByRole('tabpanel', {}, region);
}

/**
 * Waits until a connection's settings show what they load after opening: the mappings (with the
 * list fields' `listMapping` buttons) and the defaults' rows.
 */
export async function settingsLoaded(panel: HTMLElement, listMapping = 'List mapping'): Promise<void> {
  const deep = () => deepElements(panel);
  await until(() => deep().some((e) => e.localName === 'button' && nameOf(e).startsWith(`${listMapping} `)), 'the mappings loaded');
  await until(() => deep().some((e) => e.localName === 'erp-defaults-editor' && e.shadowRoot!.querySelector('tbody tr')), 'the defaults loaded');
}
