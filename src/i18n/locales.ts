/** The UI languages we ship; `en` is the source language. Pure data, no Lit. */
export const SOURCE_LOCALE = 'en';
export const TARGET_LOCALES = ['de', 'da', 'nl'] as const;
export const ALL_LOCALES = [SOURCE_LOCALE, ...TARGET_LOCALES] as const;
export type UiLocale = (typeof ALL_LOCALES)[number];

/** Maps a BCP 47 tag (`de-AT`, `nl_BE`, `DA`) to a shipped locale, falling back to English. */
export function toUiLocale(tag: string | null | undefined): UiLocale {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (ALL_LOCALES as readonly string[]).includes(base) ? (base as UiLocale) : SOURCE_LOCALE;
}
