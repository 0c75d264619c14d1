import type {
  ActorRow,
  ActorType,
  AdvancedSearchRequest,
  FieldMeta,
  ListItem,
  FieldValue,
  Restriction,
  RestrictionOperator,
  SearchRequest,
  SearchResult,
} from '../src/model/types.js';
import type { ActorSource } from './actors.js';
import { connectorKind, erpFields, erpLists, erpMeta, mappedFields, mapping, searchableConnection, type Ctx } from './context.js';
import { ERP_FIELDS } from './fields.js';
import type { ErpActor } from './model.js';
import { fail } from './problems.js';
import { display } from './values.js';
import { fold, matchesWords, searchWords } from '../src/model/text-match.js';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
const NOT_SEARCHABLE = new Set(['notes', 'bankAccount', 'description']);

const OPERATORS: Record<string, RestrictionOperator[]> = {
  text: ['begins', 'contains', 'equals'],
  integer: ['eq', 'lt', 'gt', 'between'],
  double: ['eq', 'lt', 'gt', 'between'],
  list: ['oneOf'],
  datetime: ['before', 'after', 'between'],
  checkbox: ['equals', 'eq'],
};

/** The connection and actor type a search may run on, else the problem. */
function target(ctx: Ctx, connectionId: string, actorType: ActorType, parentKey?: string | null): void {
  const conn = searchableConnection(ctx, connectionId);
  if (!connectorKind(ctx, conn).actorTypes.includes(actorType) || !mapping(ctx, conn.id, actorType).enabled) {
    fail(422, 'actor-type-not-supported', `"${conn.name}" does not offer ${actorType}`);
  }
  if (actorType === 'person' && !parentKey) {
    fail(422, 'parent-required', 'Persons are searched under their company\'s ERP actor', '/parentKey');
  }
}

function page(limit: number | undefined, cursor: string | null | undefined) {
  const size = Math.min(Math.max(Math.trunc(limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const start = cursor ? Number(cursor) : 0;
  if (!Number.isInteger(start) || start < 0) fail(400, 'invalid-cursor', 'The paging cursor is not valid', '/cursor');
  return { size, start };
}

/** The result columns of a connection's actor type: its mapped fields shown in search. */
export function searchColumns(ctx: Ctx, connectionId: string, actorType: ActorType): FieldMeta[] {
  return mappedFields(ctx, connectionId, actorType)
    .filter((f) => f.showInSearch)
    .map((f) => erpMeta(ctx, connectionId, actorType, f.erpField));
}

function row(actor: ErpActor, cols: FieldMeta[], lists: Record<string, ListItem[]>): ActorRow {
  const cells: Record<string, string> = {};
  for (const col of cols) cells[col.key] = display(col, actor.values[col.key] ?? null, lists);
  return { key: actor.key, displayName: String(actor.values.name ?? actor.key), cells };
}

/** What a connector is asked for: text (or restrictions), optionally under a parent, one page. */
export interface ActorQuery {
  text?: string;
  restrictions?: Restriction[];
  cursor?: string | null;
  limit?: number;
}

export interface ActorPage {
  actors: ErpActor[];
  total: number;
  nextCursor: string | null;
}

/**
 * Scans a source once: counts every match (for `total`) but builds actors only for the page.
 * `cheap` tests an index without building the actor; `full` (optional) tests the built actor.
 */
function scan(
  src: ActorSource,
  req: { limit?: number; cursor?: string | null },
  cheap: (i: number) => boolean,
  full?: (a: ErpActor) => boolean,
  /** The only indexes that can match, ascending (an index said so); else every one. */
  only?: number[],
): ActorPage {
  const { size, start } = page(req.limit, req.cursor);
  const actors: ErpActor[] = [];
  let total = 0;
  let nextCursor: string | null = null;
  const n = only ? only.length : src.size;
  for (let j = 0; j < n; j++) {
    const i = only ? only[j]! : j;
    if (!cheap(i)) continue;
    const actor = full ? src.actorAt(i) : undefined;
    if (actor && full && !full(actor)) continue;
    total++;
    if (i < start) continue;
    if (actors.length < size) actors.push(actor ?? src.actorAt(i));
    else nextCursor ??= String(i);
  }
  return { actors, total, nextCursor };
}

/**
 * The ERP side of every search (what the simulated ERP's connector answers): text on name and key,
 * or restrictions (validated against the searchable fields), one page of whole actors.
 */
export function queryActors(src: ActorSource, actorType: ActorType, q: ActorQuery): ActorPage {
  if (q.restrictions?.length) {
    const searchable = searchableFieldsOf(actorType);
    const tests = q.restrictions.map((r, i) => compile(r, i, searchable));
    const onName = tests.filter((t) => t.field === 'name');
    const rest = tests.filter((t) => t.field !== 'name');
    return scan(
      src,
      q,
      (i) => onName.every((t) => t.test(src.nameAt(i))),
      rest.length ? (a) => rest.every((t) => t.test(a.values[t.field] ?? null)) : undefined,
    );
  }
  const text = fold((q.text ?? '').trim());
  if (!text) {
    // Empty text lists everything: pure index arithmetic, only the page is built.
    const { size, start } = page(q.limit, q.cursor);
    const actors: ErpActor[] = [];
    for (let i = start; i < Math.min(start + size, src.size); i++) actors.push(src.actorAt(i));
    const end = start + size;
    return { actors, total: src.size, nextCursor: end < src.size ? String(end) : null };
  }
  // Word by word (see SearchRequest.text in api/openapi.yaml); ERP keys are digits or "P-…": only
  // such a text can be the start of one.
  const words = searchWords(text);
  const keyish = /^(\d|p-|p$)/.test(text);
  // The index narrows by one word: the longest, whose trigrams are the rarest.
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const only = keyish ? undefined : src.candidates?.(longest);
  return scan(src, q, (i) => matchesWords(src.foldedNameAt(i), words) || (keyish && src.keyAt(i).toLowerCase().startsWith(text)), undefined, only);
}

/** An actor page as the search result's rows, in the columns of the mapping. */
export function toSearchResult(ctx: Ctx, connectionId: string, actorType: ActorType, found: ActorPage): SearchResult {
  return pageAsResult(searchColumns(ctx, connectionId, actorType), found, erpLists(ctx, connectionId));
}

/** An actor page as rows in the given columns (list values as the texts of `lists`). */
export function pageAsResult(cols: FieldMeta[], found: ActorPage, lists: Record<string, ListItem[]>): SearchResult {
  return { columns: cols, rows: found.actors.map((a) => row(a, cols, lists)), total: found.total, nextCursor: found.nextCursor };
}

/** Checks a text search (connection, actor type, parent, cursor) without running it. */
export function checkSearch(ctx: Ctx, connectionId: string, actorType: ActorType, req: SearchRequest): void {
  target(ctx, connectionId, actorType, req.parentKey);
  page(req.limit, req.cursor);
}

/** Checks an advanced search (support, restrictions, cursor) without running it. */
export function checkAdvancedSearch(ctx: Ctx, connectionId: string, actorType: ActorType, req: AdvancedSearchRequest): void {
  const conn = searchableConnection(ctx, connectionId);
  if (!connectorKind(ctx, conn).advancedSearch) {
    fail(422, 'advanced-search-unsupported', `"${conn.name}" does not support advanced search`);
  }
  target(ctx, connectionId, actorType, req.parentKey);
  const searchable = getSearchableFields(ctx, connectionId, actorType);
  (req.restrictions ?? []).forEach((r, i) => compile(r, i, searchable));
  page(req.limit, req.cursor);
}

export function searchActors(ctx: Ctx, connectionId: string, actorType: ActorType, req: SearchRequest): SearchResult {
  checkSearch(ctx, connectionId, actorType, req);
  const src = ctx.actors.source(connectionId, actorType, req.parentKey);
  return toSearchResult(ctx, connectionId, actorType, queryActors(src, actorType, req));
}

function searchableFieldsOf(actorType: ActorType): FieldMeta[] {
  return searchable(ERP_FIELDS[actorType]);
}

function searchable(fields: FieldMeta[]): FieldMeta[] {
  return fields.filter((m) => OPERATORS[m.type] && !NOT_SEARCHABLE.has(m.key));
}

export function getSearchableFields(ctx: Ctx, connectionId: string, actorType: ActorType): FieldMeta[] {
  const conn = searchableConnection(ctx, connectionId);
  if (!connectorKind(ctx, conn).advancedSearch) return [];
  return searchable(erpFields(ctx, connectionId, actorType));
}

export function searchActorsAdvanced(
  ctx: Ctx,
  connectionId: string,
  actorType: ActorType,
  req: AdvancedSearchRequest,
): SearchResult {
  checkAdvancedSearch(ctx, connectionId, actorType, req);
  const src = ctx.actors.source(connectionId, actorType, req.parentKey);
  return toSearchResult(ctx, connectionId, actorType, queryActors(src, actorType, { ...req, restrictions: req.restrictions ?? [] }));
}

function compile(r: Restriction, index: number, searchable: FieldMeta[]) {
  const at = `/restrictions/${index}`;
  const meta = searchable.find((m) => m.key === r.field) ?? fail(422, 'invalid-restriction', `"${r.field}" is not searchable`, `${at}/field`);
  if (!OPERATORS[meta.type]?.includes(r.operator)) {
    fail(422, 'invalid-restriction', `${meta.label} cannot be searched with "${r.operator}"`, `${at}/operator`);
  }
  const values = Array.isArray(r.values) ? r.values.map(String) : [];
  const need = r.operator === 'between' ? 2 : 1;
  if (values.length < need) fail(422, 'invalid-restriction', `${meta.label}: value missing`, `${at}/values`);
  const [a = '', b = ''] = values;
  let test: (v: FieldValue) => boolean;
  if (meta.type === 'text') {
    const q = fold(a);
    const s = (v: FieldValue) => fold(String(v ?? ''));
    test = r.operator === 'begins' ? (v) => s(v).startsWith(q) : r.operator === 'equals' ? (v) => s(v) === q : (v) => s(v).includes(q);
  } else if (meta.type === 'integer' || meta.type === 'double' || meta.type === 'datetime') {
    const num = (x: string) => (meta.type === 'datetime' ? Date.parse(x) : Number(x));
    const [x, y] = [num(a), num(b)];
    if (Number.isNaN(x) || (r.operator === 'between' && Number.isNaN(y))) {
      fail(422, 'invalid-restriction', `${meta.label}: "${values.join('", "')}" is not a valid value`, `${at}/values`);
    }
    const val = (v: FieldValue) => (v === null ? NaN : meta.type === 'datetime' ? Date.parse(String(v)) : Number(v));
    const ops: Partial<Record<RestrictionOperator, (n: number) => boolean>> = {
      eq: (n) => n === x,
      lt: (n) => n < x,
      gt: (n) => n > x,
      before: (n) => n < x,
      after: (n) => n > x,
      between: (n) => n >= Math.min(x, y) && n <= Math.max(x, y),
    };
    const op = ops[r.operator]!;
    test = (v) => op(val(v));
  } else if (meta.type === 'list') {
    test = (v) => values.includes(String(v));
  } else {
    test = (v) => (v === true) === (a === 'true');
  }
  return { field: meta.key, test };
}
