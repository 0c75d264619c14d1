// How texts are compared where the user means the same thing: search words, and values that differ
// only in spelling (a VAT number's spaces, a phone number's, an e-mail address's case). The ERP
// side (the simulated ERP, the Tryton connector) and the sync service use it; the widget does not.
import type { FieldMeta, FieldValue } from './types.js';

/** Legal-form words a CRM name often has and the ERP's lacks, or the other way round. */
export const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'gmbh', 'ag', 'kg', 'ohg', 'ug', 'ev', 'ltd', 'limited', 'plc', 'llc', 'inc', 'corp', 'co', 'aps', 'as',
  'a/s', 'asa', 'ab', 'oy', 'bv', 'nv', 'vof', 'sa', 'sarl', 'sas', 'spa', 'srl', '&',
]);

/** Lower case without diacritics: "Köln" and "KOLN" both become "koln". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * The words a text search matches, folded: every word must occur in the name. Legal forms are
 * left out ("Brandt Maschinenbau GmbH" finds "Brandt Maschinenbau"), unless the text is nothing
 * else. Empty for an empty text.
 */
export function searchWords(text: string): string[] {
  const all = fold(text).split(/\s+/).filter(Boolean);
  const significant = all.filter((w) => !LEGAL_FORMS.has(w.replace(/[.,]/g, '')));
  return significant.length ? significant : all;
}

/** Whether a folded name holds every search word. */
export function matchesWords(foldedName: string, words: readonly string[]): boolean {
  return words.every((w) => foldedName.includes(w));
}

/** A value as its format compares it: what is left when only the spelling differs. */
function canonical(format: FieldMeta['format'], value: string): string {
  switch (format) {
    case 'email':
      return value.trim().toLowerCase();
    case 'phone':
      // "+49 40 123-45" and "+494012345" are one number; a leading 00 is the same as +.
      return value.replace(/[^\d+]/g, '').replace(/^00/, '+');
    case 'vat-number':
      return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
    default:
      return value;
  }
}

/**
 * Whether two raw values are the same: empty and null are, and texts that differ only in what
 * their format ignores. Used wherever a difference or a conflict is decided.
 */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined, format?: FieldMeta['format']): boolean {
  const norm = (v: FieldValue | undefined) => (v === undefined || v === '' ? null : v);
  const [x, y] = [norm(a), norm(b)];
  if (x === y) return true;
  if (!format || typeof x !== 'string' || typeof y !== 'string') return false;
  return canonical(format, x) === canonical(format, y);
}
