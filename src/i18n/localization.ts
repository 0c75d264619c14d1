import { configureLocalization, type LocaleModule, type TemplateMap } from '@lit/localize';
import { SOURCE_LOCALE, TARGET_LOCALES, type UiLocale } from './locales.js';
import type { StringPack } from './string-packs.js';

type TargetLocale = (typeof TARGET_LOCALES)[number];

/**
 * The one place `configureLocalization` is called (it may run once per page). Translations are split
 * into packs (scripts/split-locales.mjs) so a page pays only for the strings of the elements it shows:
 * `core` for <erp-tab>, `dialogs` for the elements it loads on first use, `admin` for the admin entry,
 * `settings` for the admin screens it loads on first use.
 * Each module is a static import so bundlers and hosts can resolve it; it loads only when first used.
 */
const loaders: Record<TargetLocale, Record<StringPack, () => Promise<LocaleModule>>> = {
  de: {
    core: () => import('../generated/locales/core/de.js'),
    dialogs: () => import('../generated/locales/dialogs/de.js'),
    admin: () => import('../generated/locales/admin/de.js'),
    settings: () => import('../generated/locales/settings/de.js'),
  },
  da: {
    core: () => import('../generated/locales/core/da.js'),
    dialogs: () => import('../generated/locales/dialogs/da.js'),
    admin: () => import('../generated/locales/admin/da.js'),
    settings: () => import('../generated/locales/settings/da.js'),
  },
  nl: {
    core: () => import('../generated/locales/core/nl.js'),
    dialogs: () => import('../generated/locales/dialogs/nl.js'),
    admin: () => import('../generated/locales/admin/nl.js'),
    settings: () => import('../generated/locales/settings/nl.js'),
  },
};

/** Packs some element on the page has asked for; `core` always. */
const wanted = new Set<StringPack>(['core']);
/** What the active locale has loaded. @lit/localize keeps this very object, so merging into it works. */
let active: { locale: string; templates: TemplateMap; packs: Set<StringPack> } | null = null;

async function loadPacks(locale: TargetLocale, packs: Iterable<StringPack>, into: TemplateMap): Promise<void> {
  const modules = await Promise.all([...packs].map((pack) => loaders[locale][pack]()));
  for (const module of modules) Object.assign(into, module.templates);
}

const { getLocale, setLocale } = configureLocalization({
  sourceLocale: SOURCE_LOCALE,
  targetLocales: TARGET_LOCALES,
  loadLocale: async (locale) => {
    const packs = new Set(wanted);
    const templates: TemplateMap = {};
    await loadPacks(locale as TargetLocale, packs, templates);
    active = { locale, templates, packs };
    return { templates };
  },
});

/** Serializes language switches and pack loads, so the last request wins and none is lost. */
let pending: Promise<void> = Promise.resolve();

/** The language the widget was last asked to show (it may still be loading). */
let requested: UiLocale | undefined;

/**
 * The UI language: the one last asked for, even while its strings still load, so a request sent
 * meanwhile already asks the backend for that language's texts.
 */
export function uiLanguage(): string {
  return requested ?? getLocale();
}

/** Switches the widget's language; calls are serialized so the last request wins. */
export function switchLocale(locale: UiLocale): Promise<void> {
  requested = locale;
  pending = pending
    .catch(() => undefined)
    .then(() => (getLocale() === locale ? undefined : setLocale(locale)));
  return pending;
}

/**
 * Makes sure the strings of `pack` are there for the active language (and for every later one).
 * Resolves once they are merged; elements re-render then.
 */
export function usePack(pack: StringPack): Promise<void> {
  if (wanted.has(pack) && (getLocale() === SOURCE_LOCALE || active?.packs.has(pack))) return pending;
  wanted.add(pack);
  pending = pending
    .catch(() => undefined)
    .then(async () => {
      const current = active;
      if (!current || current.locale !== getLocale() || current.packs.has(pack)) return;
      await loadPacks(current.locale as TargetLocale, [pack], current.templates);
      current.packs.add(pack);
    });
  return pending;
}

export { getLocale };
