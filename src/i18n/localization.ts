import { configureLocalization } from '@lit/localize';
import { SOURCE_LOCALE, TARGET_LOCALES, type UiLocale } from './locales.js';

/**
 * The one place `configureLocalization` is called (it may run once per page). Each locale module is
 * a static import so bundlers and hosts can resolve it, and it is loaded only when first used.
 */
const loaders = {
  de: () => import('../generated/locales/de.js'),
  da: () => import('../generated/locales/da.js'),
  nl: () => import('../generated/locales/nl.js'),
} as const;

const { getLocale, setLocale } = configureLocalization({
  sourceLocale: SOURCE_LOCALE,
  targetLocales: TARGET_LOCALES,
  loadLocale: (locale) => loaders[locale as keyof typeof loaders](),
});

let pending: Promise<void> = Promise.resolve();

/** Switches the widget's language; calls are serialized so the last request wins. */
export function switchLocale(locale: UiLocale): Promise<void> {
  pending = pending
    .catch(() => undefined)
    .then(() => (getLocale() === locale ? undefined : setLocale(locale)));
  return pending;
}

export { getLocale };
