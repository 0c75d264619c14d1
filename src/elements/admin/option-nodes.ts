/** One `<option>` to build. */
export interface OptionData {
  value: string;
  label: string;
}

const cache = new WeakMap<object, Map<string, DocumentFragment>>();

/**
 * `<option>` elements for a long list, built once per (source, key) with `textContent` (text only)
 * and cloned natively for every `<select>` that needs them: far cheaper than one Lit template per
 * option when 300 rows or 1,000 items each carry the whole list. The option whose value is
 * `selected` is marked selected in the clone. Render the result as a child of the `<select>`.
 */
export function optionNodes(source: object, key: string, build: () => OptionData[], selected: string | null): DocumentFragment {
  let byKey = cache.get(source);
  if (!byKey) cache.set(source, (byKey = new Map()));
  let template = byKey.get(key);
  if (!template) {
    template = document.createDocumentFragment();
    for (const o of build()) {
      const option = document.createElement('option');
      option.value = o.value;
      option.textContent = o.label;
      template.append(option);
    }
    byKey.set(key, template);
  }
  const clone = template.cloneNode(true) as DocumentFragment;
  if (selected !== null) {
    for (const option of Array.from(clone.children) as HTMLOptionElement[]) {
      if (option.value === selected) {
        option.selected = true;
        option.setAttribute('selected', '');
        break;
      }
    }
  }
  return clone;
}
