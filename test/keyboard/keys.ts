// Keyboard-only helpers: real key presses (sendKeys) and the focused element through shadow roots.
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement } from '../../src/elements/shared/active-element.js';
import { nameOf, until, WAIT_MS } from '../helpers/queries.js';

/** The element that has focus, looking into shadow roots. */
export const focused = (): HTMLElement | null => deepActiveElement();

/** A short description of an element for failure messages. */
export function describeEl(el: Element | null): string {
  if (!el) return '(nothing)';
  const role = el.getAttribute('role');
  return `<${el.tagName.toLowerCase()}${role ? ` role=${role}` : ''}> "${nameOf(el)}"`;
}

/**
 * Presses a key or a chord like `Shift+Tab`. The puppeteer launcher's `sendKeys({ press })` knows
 * single keys only, so modifiers are held with `down`/`up` around the key.
 */
export async function press(key: string): Promise<void> {
  const parts = key.split('+');
  const main = parts.pop()!;
  for (const modifier of parts) await sendKeys({ down: modifier });
  try {
    await sendKeys({ press: main });
  } finally {
    for (const modifier of parts.reverse()) await sendKeys({ up: modifier });
  }
}
export const typeText = (text: string) => sendKeys({ type: text });

/** A button, placed before `el`, that has focus: where a keyboard user comes from. */
export function startBefore(el: Element, label = 'Before'): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  el.before(button);
  button.focus();
  return button;
}

/**
 * Presses Tab (or Shift+Tab) until the focused element satisfies `match`; fails with the path taken.
 * Re-checks for a short while after each press, since elements render asynchronously.
 */
export async function tabTo(
  match: (el: HTMLElement) => boolean,
  what: string,
  { back = false, max = 40 }: { back?: boolean; max?: number } = {},
): Promise<HTMLElement> {
  const path: string[] = [];
  for (let i = 0; i <= max; i++) {
    const el = focused();
    if (el && match(el)) return el;
    path.push(describeEl(el));
    await press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${what}; visited: ${path.join(' → ')}`);
}

/** Matches a focused element by role-ish tag and accessible name. */
export const named = (name: string | RegExp, tag?: string) => (el: HTMLElement) =>
  (!tag || el.tagName.toLowerCase() === tag) && (typeof name === 'string' ? nameOf(el) === name : name.test(nameOf(el)));

/** Waits until focus is on an element satisfying `match`. */
export async function expectFocus(match: (el: HTMLElement) => boolean, what: string, timeout = WAIT_MS): Promise<HTMLElement> {
  try {
    await until(() => {
      const el = focused();
      return el && match(el);
    }, what, timeout);
  } catch {
    throw new Error(`Expected focus on ${what}, but it is on ${describeEl(focused())}`);
  }
  return focused()!;
}

/** Whether `el` is inside `root`, across shadow-root boundaries. */
export function deepContains(root: Node, el: Node): boolean {
  let node: Node | null = el;
  while (node) {
    if (node === root || root.contains(node)) return true;
    node = (node.getRootNode() as ShadowRoot).host ?? null;
  }
  return false;
}
