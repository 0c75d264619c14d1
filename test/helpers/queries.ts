// Role/name queries that see through shadow roots: what a user sees and a screen reader names.
import { computeAccessibleName, getRole, isInaccessible } from 'dom-accessibility-api';

type NameMatcher = string | RegExp;

/** Every element below `root`, in tree order, descending into open shadow roots. */
export function deepElements(root: ParentNode = document.body): Element[] {
  const out: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const child of Array.from(node.children)) {
      out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  visit(root);
  return out;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
const matches = (text: string, name: NameMatcher) =>
  typeof name === 'string' ? normalize(text) === name : name.test(normalize(text));

/** The accessible name of an element, as assistive technology computes it. */
export const nameOf = (el: Element) => normalize(computeAccessibleName(el));

/** All accessible elements with this role (and name, when given). */
export function queryAllByRole(role: string, options: { name?: NameMatcher } = {}, root: ParentNode = document.body): HTMLElement[] {
  return deepElements(root).filter(
    (el): el is HTMLElement =>
      el instanceof HTMLElement &&
      getRole(el) === role &&
      !isInaccessible(el) &&
      (options.name === undefined || matches(computeAccessibleName(el), options.name)),
  );
}

/** All elements whose own text (not counting descendants' shadow content) matches. */
export function queryAllByText(text: NameMatcher, root: ParentNode = document.body): HTMLElement[] {
  return deepElements(root).filter(
    (el): el is HTMLElement =>
      el instanceof HTMLElement &&
      !['SCRIPT', 'STYLE'].includes(el.tagName) &&
      Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()) &&
      matches(el.textContent ?? '', text),
  );
}

/**
 * How long a query waits by default: generous, because a test page shares two cores with another
 * page, the runner and the servers (load averages over 10 were seen in CI). A wait ends as soon as
 * its condition holds, so the deadline costs nothing when the product is right.
 */
export const WAIT_MS = 20_000;

async function poll<T>(find: () => T | undefined, what: string, timeout: number): Promise<T> {
  const start = performance.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() - start > timeout) throw new Error(`Not found within ${timeout} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits for exactly one element with this role and name. */
export function findByRole(
  role: string,
  options: { name?: NameMatcher; timeout?: number } = {},
  root: ParentNode = document.body,
): Promise<HTMLElement> {
  const what = `role=${role}${options.name !== undefined ? ` name=${String(options.name)}` : ''}`;
  return poll(
    () => {
      const all = queryAllByRole(role, options, root);
      if (all.length > 1) throw new Error(`Found ${all.length} elements with ${what}`);
      return all[0];
    },
    what,
    options.timeout ?? WAIT_MS,
  );
}

export function findByText(text: NameMatcher, options: { timeout?: number } = {}, root: ParentNode = document.body): Promise<HTMLElement> {
  return poll(() => queryAllByText(text, root)[0], `text=${String(text)}`, options.timeout ?? WAIT_MS);
}

/** The button a user would press, by its accessible name. */
export const findButton = (name: NameMatcher, root: ParentNode = document.body) =>
  findByRole('button', { name }, root) as Promise<HTMLButtonElement>;

/** Resolves when `condition` holds; fails with `message` after `timeout` ms. */
export async function until(condition: () => unknown, message: string, timeout = WAIT_MS): Promise<void> {
  await poll(() => (condition() ? true : undefined), message, timeout);
}
