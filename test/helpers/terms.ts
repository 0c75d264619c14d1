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

/** A message id, or one with placeholders filled from values or from other messages (`{ term: id }`). */
export type TermSpec = string | { id: string; values: Record<string, string | number | { term: string }> };

async function termOf(lang: Lang, spec: TermSpec): Promise<string> {
  if (typeof spec === 'string') return term(lang, spec);
  const values = Object.fromEntries(
    await Promise.all(Object.entries(spec.values).map(async ([name, v]) => [name, typeof v === 'object' ? await term(lang, v.term) : v] as const)),
  );
  return term(lang, spec.id, values);
}

/** Several terms of one language at once: `{ key: id }` → `{ key: text }`. */
export async function terms<K extends string>(lang: Lang, ids: Record<K, TermSpec>): Promise<Record<K, string>> {
  const entries = await Promise.all(Object.entries<TermSpec>(ids).map(async ([k, spec]) => [k, await termOf(lang, spec)] as const));
  return Object.fromEntries(entries) as Record<K, string>;
}

/**
 * A suite's words in every language, read from the locales before its tests run (a mocha `before`
 * hook where it is called): `useTerms({ edit: 'action.edit' })` gives `{ en: { edit: 'Edit' }, de:
 * { edit: 'Bearbeiten' }, … }`, filled in by the time a test reads it.
 */
export function useTerms<K extends string>(specs: Record<K, TermSpec>): Record<Lang, Record<K, string>> {
  const table = {} as Record<Lang, Record<K, string>>;
  before(async () => {
    for (const lang of LANGS) table[lang] = await terms(lang, specs);
  });
  return table;
}
