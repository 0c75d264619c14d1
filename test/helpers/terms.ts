// The UI words as the translators wrote them: read by message id from locales/*.xlf (English from
// the source text), so a corrected translation needs no change in the tests.
export type Lang = 'en' | 'de' | 'da' | 'nl';
export const LANGS: Lang[] = ['en', 'de', 'da', 'nl'];

const files = new Map<Lang, Promise<Document>>();

function xliff(lang: Lang): Promise<Document> {
  // Every locale file holds the English source beside its target: English reads the German file's sources.
  const file = lang === 'en' ? 'de' : lang;
  let doc = files.get(lang);
  if (!doc) {
    doc = fetch(`/locales/${file}.xlf`)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`/locales/${file}.xlf: ${r.status}`))))
      .then((text) => new DOMParser().parseFromString(text, 'application/xml'));
    files.set(lang, doc);
  }
  return doc;
}

/**
 * The text of message `id` in `lang`, its placeholders (`${name}`) filled from `values` in their
 * order of appearance in the English source.
 */
export async function term(lang: Lang, id: string, values: Record<string, string | number> = {}): Promise<string> {
  const unit = (await xliff(lang)).querySelector(`trans-unit[id="${CSS.escape(id)}"]`);
  const part = unit?.querySelector(lang === 'en' ? 'source' : 'target');
  if (!part) throw new Error(`No ${lang} text for message "${id}"`);
  let text = '';
  for (const node of Array.from(part.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    else if ((node as Element).localName === 'x') {
      const name = /^\$\{(.+)\}$/.exec((node as Element).getAttribute('equiv-text') ?? '')?.[1] ?? '';
      if (!(name in values)) throw new Error(`Message "${id}" needs a value for ${name}`);
      text += String(values[name]);
    }
  }
  return text;
}

/** Several terms of one language at once: `{ key: id }` → `{ key: text }`. */
export async function terms<K extends string>(lang: Lang, ids: Record<K, string>): Promise<Record<K, string>> {
  const entries = await Promise.all(Object.entries<string>(ids).map(async ([k, id]) => [k, await term(lang, id)] as const));
  return Object.fromEntries(entries) as Record<K, string>;
}
