import type { ActorType, CrmEntityType, FieldMeta, FieldValue, ListItem, UnavailableReason } from '../src/model/types.js';
import type { ActorStore } from './actors.js';
import { CONNECTOR_KINDS, type ConnectorKind } from './connectors.js';
import { CRM_FIELDS, ENTITY_OF, ERP_FIELDS } from './fields.js';
import { defaultListMap, ERP_LISTS, LIST_PAIRS } from './lists.js';
import {
  entityKey,
  linkKey,
  typeKey,
  type ConnectionRecord,
  type CrmRecord,
  type ErpActor,
  type FieldMappingRecord,
  type MappingRecord,
  type SimState,
  type UserRecord,
} from './model.js';
import { fail } from './problems.js';
import { inLanguage, withTexts, type ErpLanguage, type TextsOf } from './texts.js';
import { crmToErpItem, erpToCrmItem } from './values.js';

/**
 * What the connectors say they offer, where a runtime asks them (the sync service); without one the
 * product's own catalogue applies (fields.ts, connectors.ts: what the simulated ERP offers).
 */
export interface Catalogue {
  /** The actor types and capabilities of a connection's connector, if it told. */
  kind(conn: ConnectionRecord): ConnectorKind | undefined;
  /** The ERP fields of an actor type in a connection (with their labels' translations), if its connector told. */
  fields(connectionId: string, actorType: ActorType): TextsOf<FieldMeta>[] | undefined;
  /** The items of the lists a connection's fields name (with their translations), if its connector told. */
  lists?(connectionId: string): Record<string, TextsOf<ListItem>[]> | undefined;
  /** The configuration fields of a connector, if it told. */
  configFields?(connectorId: string): FieldMeta[] | undefined;
}

/** What every operation module gets from the simulator: state, actors, clock, current user. */
export interface Ctx {
  readonly state: SimState;
  readonly actors: ActorStore;
  now(): string;
  nextId(prefix: string): string;
  readonly catalogue?: Catalogue;
  /** The language the request asked for (Accept-Language) where the ERP has texts in it; else English. */
  readonly lang?: ErpLanguage;
}

export function currentUser(ctx: Ctx): UserRecord {
  return ctx.state.users.find((u) => u.id === ctx.state.currentUser) ?? fail(403, 'no-access', 'Unknown user');
}

export function connection(ctx: Ctx, id: string): ConnectionRecord {
  return ctx.state.connections.find((c) => c.id === id) ?? fail(404, 'connection-not-found', `No connection "${id}"`);
}

export function connectorKind(ctx: Ctx, conn: ConnectionRecord): ConnectorKind {
  const told = ctx.catalogue?.kind(conn);
  if (told) return told;
  const connector = ctx.state.connectors.find((c) => c.id === conn.connectorId);
  return CONNECTOR_KINDS[connector?.kind ?? 'contoso'];
}

/** The configuration fields of a connector: what it told, else those of its simulated kind. */
export function connectorConfigFields(ctx: Ctx, connectorId: string): FieldMeta[] {
  const told = ctx.catalogue?.configFields?.(connectorId);
  if (told) return told;
  const connector = ctx.state.connectors.find((c) => c.id === connectorId);
  return connector ? CONNECTOR_KINDS[connector.kind].configFields : [];
}

/** The product's own fields and lists with their translations (what the simulated ERP answers). */
const OWN_FIELDS = Object.fromEntries(Object.entries(ERP_FIELDS).map(([type, fields]) => [type, fields.map(withTexts)])) as Record<ActorType, TextsOf<FieldMeta>[]>;
const OWN_LISTS = Object.fromEntries(Object.entries(ERP_LISTS).map(([name, items]) => [name, items.map(withTexts)]));

/**
 * `make()` once per source and language: a source is what a connector told (kept while the
 * catalogue holds it) or the product's own, so each request's language is worked out once.
 */
function perLanguage<T>(cache: WeakMap<object, Map<string, T>>, source: object, lang: ErpLanguage | undefined, make: () => T): T {
  let byLang = cache.get(source);
  if (!byLang) cache.set(source, (byLang = new Map()));
  let made = byLang.get(lang ?? 'en');
  if (made === undefined) byLang.set(lang ?? 'en', (made = make()));
  return made;
}

const itemsShown = new WeakMap<object, Map<string, unknown[]>>();
const inLanguageAll = <T extends FieldMeta | ListItem>(items: readonly TextsOf<T>[], lang: ErpLanguage | undefined): T[] =>
  perLanguage(itemsShown, items, lang, () => items.map((item) => inLanguage(item, lang))) as T[];

/** The ERP fields of an actor type in a connection, labelled in the language of the request. */
export function erpFields(ctx: Ctx, connectionId: string, actorType: ActorType): FieldMeta[] {
  return inLanguageAll(ctx.catalogue?.fields(connectionId, actorType) ?? OWN_FIELDS[actorType], ctx.lang);
}

/** The ERP's lists in a connection, as the connector spells them: what mappings compare. */
export function erpListsAsTold(ctx: Ctx, connectionId: string): Record<string, TextsOf<ListItem>[]> {
  const told = ctx.catalogue?.lists?.(connectionId);
  return told ? { ...OWN_LISTS, ...told } : OWN_LISTS;
}

const listsShown = new WeakMap<object, Map<string, Record<string, ListItem[]>>>();

/** The ERP's lists in a connection (its connector's, else the product's own), in the language of the request. */
export function erpLists(ctx: Ctx, connectionId: string): Record<string, ListItem[]> {
  const source = ctx.catalogue?.lists?.(connectionId) ?? OWN_LISTS;
  return perLanguage(listsShown, source, ctx.lang, () =>
    Object.fromEntries(Object.entries(erpListsAsTold(ctx, connectionId)).map(([name, items]) => [name, inLanguageAll(items, ctx.lang)])),
  );
}

export function canCreate(ctx: Ctx, conn: ConnectionRecord): boolean {
  return connectorKind(ctx, conn).canCreate && conn.config.allowCreate === true;
}

export function inScope(user: UserRecord, conn: ConnectionRecord): boolean {
  if (conn.scope.kind === 'everyone') return true;
  const mine = new Set([user.id, ...user.groups]);
  return conn.scope.principals.some((p) => mine.has(p));
}

/** The active connections this user may use, or why there are none. */
export function usableConnections(ctx: Ctx): { connections: ConnectionRecord[]; reason?: UnavailableReason } {
  const user = currentUser(ctx);
  if (!user.licence) return { connections: [], reason: 'no-licence' };
  const active = ctx.state.connections.filter((c) => c.active);
  if (!active.length) return { connections: [], reason: 'no-active-connection' };
  const mine = active.filter((c) => inScope(user, c));
  return mine.length ? { connections: mine } : { connections: [], reason: 'no-access' };
}

/** An active connection the current user may use, else 403/409. */
export function usableConnection(ctx: Ctx, id: string): ConnectionRecord {
  const conn = connection(ctx, id);
  const user = currentUser(ctx);
  if (!user.licence) fail(403, 'no-licence', `${user.name} has no ERP sync licence`);
  if (!inScope(user, conn)) fail(403, 'no-access', `${user.name} may not use "${conn.name}"`);
  if (!conn.active) fail(409, 'connection-inactive', `"${conn.name}" is not active`);
  return conn;
}

/** For searches: an administrator may also search an inactive connection (Import from ERP). */
export function searchableConnection(ctx: Ctx, id: string): ConnectionRecord {
  const conn = connection(ctx, id);
  if (!conn.active && currentUser(ctx).admin) return conn;
  return usableConnection(ctx, id);
}

export function requireAdmin(ctx: Ctx): void {
  const user = currentUser(ctx);
  if (!user.admin) fail(403, 'forbidden', `${user.name} is not an administrator`);
}

export function crmRecord(ctx: Ctx, type: CrmEntityType, id: string): CrmRecord {
  return ctx.state.crm[entityKey(type, id)] ?? fail(404, 'entity-not-found', `No ${type} "${id}"`);
}

export function mapping(ctx: Ctx, connectionId: string, actorType: ActorType): MappingRecord {
  return (
    ctx.state.mappings[typeKey(connectionId, actorType)] ??
    fail(404, 'actor-type-not-supported', `"${actorType}" is not supported by this connection`)
  );
}

/** Mapped fields that actually sync (CRM field and direction set). */
/**
 * The mapping's fields that the ERP still has: a field the connector no longer offers (removed in the
 * ERP) drops out of the tab, the search columns and the sync instead of failing them.
 */
export function mappedFields(ctx: Ctx, connectionId: string, actorType: ActorType): FieldMappingRecord[] {
  const offered = new Set(erpFields(ctx, connectionId, actorType).map((m) => m.key));
  return mapping(ctx, connectionId, actorType).fields.filter((f) => offered.has(f.erpField));
}

export function syncedFields(ctx: Ctx, connectionId: string, actorType: ActorType) {
  return mappedFields(ctx, connectionId, actorType)
    .filter((f): f is FieldMappingRecord & { crmField: string; direction: NonNullable<FieldMappingRecord['direction']> } =>
      Boolean(f.crmField && f.direction),
    )
    .map((f) => ({ ...f, meta: erpMeta(ctx, connectionId, actorType, f.erpField) }));
}

export function erpMeta(ctx: Ctx, connectionId: string, actorType: ActorType, key: string): FieldMeta {
  return erpFields(ctx, connectionId, actorType).find((m) => m.key === key) ?? fail(422, 'unknown-field', `No ERP field "${key}"`);
}

export function listMap(ctx: Ctx, connectionId: string, listName: string): Record<string, string | null> {
  return ctx.state.listMappings[typeKey(connectionId, listName)]?.map ?? defaultListMap(listName, erpListsAsTold(ctx, connectionId)[listName]);
}

/** A CRM field's value expressed in the ERP's terms (list ids translated), for comparing. */
export function crmValueAsErp(ctx: Ctx, connectionId: string, meta: FieldMeta, record: CrmRecord, crmField: string): FieldValue {
  const raw = record.values[crmField] ?? null;
  return meta.type === 'list' && meta.listName ? crmToErpItem(listMap(ctx, connectionId, meta.listName), raw) : raw;
}

export function erpValueAsCrm(ctx: Ctx, connectionId: string, meta: FieldMeta, value: FieldValue): FieldValue {
  return meta.type === 'list' && meta.listName ? erpToCrmItem(listMap(ctx, connectionId, meta.listName), value) : value;
}

export function crmListName(erpListName: string): string {
  return LIST_PAIRS[erpListName] ?? erpListName;
}

export function crmFieldsOf(type: CrmEntityType) {
  return CRM_FIELDS[type];
}

export function entityOf(actorType: ActorType): CrmEntityType {
  return ENTITY_OF[actorType];
}

export function actor(ctx: Ctx, connectionId: string, type: ActorType, key: string): ErpActor {
  return ctx.actors.get(connectionId, type, key) ?? fail(404, 'actor-not-found', `No ${type} "${key}" in the ERP`);
}

export function linkOf(ctx: Ctx, type: CrmEntityType, id: string, connectionId: string) {
  return ctx.state.links[linkKey(type, id, connectionId)];
}

export function linkVersion(ctx: Ctx, type: CrmEntityType, id: string, connectionId: string): string {
  return `v${ctx.state.linkVersions[linkKey(type, id, connectionId)] ?? 1}`;
}

export function bumpVersion(ctx: Ctx, type: CrmEntityType, id: string, connectionId: string): void {
  const k = linkKey(type, id, connectionId);
  ctx.state.linkVersions[k] = (ctx.state.linkVersions[k] ?? 1) + 1;
}
