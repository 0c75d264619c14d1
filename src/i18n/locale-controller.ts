import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { switchLocale, usePack } from './localization.js';
import type { StringPack } from './string-packs.js';
import { toUiLocale, type UiLocale } from './locales.js';
import { onLangChange } from './lang-observer.js';

/** The nearest `lang` attribute on the element or its composed ancestors, else `<html lang>`. */
export function resolveLang(element: Element): string | null {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.getAttribute('lang');
}

/**
 * Keeps the widget's language in step with the element's `lang` (or its nearest ancestor's, or the
 * page's), and switches it live when any `lang` attribute changes (one observer for the page:
 * lang-observer.ts). @lit/localize has one active
 * locale per page, so elements on one page share it. `packs` name the translations the host renders
 * beyond `core` (which always loads); they load with the language, or on first connect if the
 * language is already active.
 */
export class LocaleController implements ReactiveController {
  locale: UiLocale = 'en';
  private unsubscribe?: () => void;
  private readonly packs: StringPack[];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    ...packs: StringPack[]
  ) {
    this.packs = packs;
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = onLangChange(() => this.update());
    this.update();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private update(): void {
    const locale = toUiLocale(resolveLang(this.host));
    const changed = locale !== this.locale;
    this.locale = locale;
    // Always ask: another element on the page may have switched the shared locale meanwhile.
    void switchLocale(locale)
      .then(() => Promise.all(this.packs.map(usePack)))
      .then(() => {
        if (changed) this.host.requestUpdate();
      });
  }
}
