import type { ActorRow, AskField, CompareResult, FieldMeta, FieldValue, Restriction, SearchRequest } from '../../model/types.js';

/** Where the connect dialog is: one step, with what that step shows (the dialog has no other step flags). */
export type DialogStep =
  | { kind: 'search' }
  | { kind: 'compare'; result: CompareResult }
  | { kind: 'create'; fields: AskField[] };

/** A step that has to be loaded first (the compare, or the create form's fields). */
export type LoadedStep = Exclude<DialogStep['kind'], 'search'>;

/** What the last search asked for (kept for "Load more" and Retry). */
export type SearchQuery = { kind: 'text'; text: string } | { kind: 'advanced'; restrictions: Restriction[] };

/** The paging part of a search request. */
export type SearchPage = Omit<SearchRequest, 'text'>;

/** The rows found so far, with what was asked. */
export interface Results {
  query: SearchQuery;
  columns: FieldMeta[];
  rows: ActorRow[];
  total: number | null;
  nextCursor: string | null;
}

/** Ask fields with the values the user gave before, where they gave one. */
export function withValues(fields: AskField[], values: Record<string, FieldValue>): AskField[] {
  return fields.map((f) => (f.field.key in values ? { ...f, value: values[f.field.key]! } : f));
}
