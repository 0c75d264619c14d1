import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ErpProblem } from '../../backend/problem.js';

/**
 * The admin editors' answer to a 409 `version-conflict` (another administrator saved first), the same
 * as the end user's Save: the edits stay, **Reload** loads the current version and puts the edits back
 * on top, and saving again applies them (or a new 409 says someone was quicker again).
 */

/** True for a stale version (the only 409 that Reload resolves). */
export const isVersionConflict = (p: ErpProblem | null): boolean => p?.status === 409 && p.code === 'version-conflict';

/** The Reload button shown with a version conflict (nothing otherwise). */
export function reloadButton(problem: ErpProblem | null, reloading: boolean, onReload: () => void): TemplateResult | typeof nothing {
  if (!isVersionConflict(problem)) return nothing;
  return html`<button type="button" aria-busy=${reloading ? 'true' : 'false'} @click=${onReload}>
    ${msg('Reload', { id: 'action.reload' })}
  </button>`;
}

/** Announced after Reload: the current settings are loaded and the admin's edits kept. */
export const reloadedKeptMessage = () =>
  msg('Reloaded. Your changes are kept: save again to apply them.', { id: 'admin.conflict.reloadedKept' });

/**
 * Reapplies the admin's edits to a freshly loaded record: every entry of `draft` that differs from
 * `base` (what the admin started from) replaces the entry of `fresh`; entries the admin did not touch
 * take the current value. Entries missing from `fresh` (removed meanwhile) are dropped.
 */
export function reapply<V>(base: Record<string, V>, draft: Record<string, V>, fresh: Record<string, V>): Record<string, V> {
  const out = { ...fresh };
  for (const [key, value] of Object.entries(draft)) {
    if (key in fresh && JSON.stringify(value) !== JSON.stringify(base[key])) out[key] = value;
  }
  return out;
}

/**
 * Keeps the admin's order of items after a reload: the ones still present in the admin's order, then
 * the ones that are new in `fresh` (in their current order).
 */
export function keepOrder(mine: string[], fresh: string[]): string[] {
  return [...mine.filter((id) => fresh.includes(id)), ...fresh.filter((id) => !mine.includes(id))];
}
