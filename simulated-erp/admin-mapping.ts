import type {
  ActorType,
  ActorTypeDefaults,
  ActorTypeMapping,
  DefaultValue,
  FieldMapping,
  ListMapping,
  SyncPriority,
} from '../src/model/types.js';
import { bumpPriorityVersion } from './admin-connections.js';
import { connection, connectorKind, crmListName, entityOf, erpFields, erpLists, erpMeta, mapping, requireAdmin, type Ctx } from './context.js';
import { CRM_FIELDS, notSyncableReason } from './fields.js';
import { CRM_LISTS, defaultListMap } from './lists.js';
import type { FieldMappingRecord } from './model.js';
import { fail } from './problems.js';
import { invalidReason } from './values.js';

function supported(ctx: Ctx, connectionId: string, actorType: ActorType) {
  requireAdmin(ctx);
  const conn = connection(ctx, connectionId);
  if (!connectorKind(ctx, conn).actorTypes.includes(actorType)) {
    fail(404, 'actor-type-not-supported', `The connector of "${conn.name}" does not support ${actorType}`);
  }
  return mapping(ctx, connectionId, actorType);
}

function checkVersion(sent: string | null | undefined, current: number, prefix = 'v') {
  if (!sent) fail(428, 'version-required', 'The If-Match header is missing');
  if (sent !== '*' && sent !== `${prefix}${current}`) fail(409, 'version-conflict', 'Someone else changed this configuration meanwhile');
}

export function getActorTypeMapping(ctx: Ctx, connectionId: string, actorType: ActorType): ActorTypeMapping {
  const m = supported(ctx, connectionId, actorType);
  // What the ERP offers now: a stored field it no longer has is left out (saving drops it), a field
  // it has come to offer is listed unmapped after the others.
  const offered = erpFields(ctx, connectionId, actorType);
  const stored = m.fields.filter((f) => offered.some((x) => x.key === f.erpField));
  const added = offered.filter((x) => !m.fields.some((f) => f.erpField === x.key)).map((x) => ({ erpField: x.key, crmField: null, direction: null, showInSearch: false, showInTab: false }));
  const fields = [...stored, ...added].map((f): FieldMapping => {
    const meta = erpMeta(ctx, connectionId, actorType, f.erpField);
    const out: FieldMapping = { erpField: meta, crmField: f.crmField, direction: f.direction, showInSearch: f.showInSearch, showInTab: f.showInTab };
    const reason = notSyncableReason(meta);
    if (reason) out.notSyncable = reason;
    return out;
  });
  return { actorType, entity: entityOf(actorType), enabled: m.enabled, fields, crmFields: CRM_FIELDS[entityOf(actorType)], version: `v${m.version}` };
}

const family = (t: string) => (t === 'integer' || t === 'double' ? 'number' : t === 'label' ? 'text' : t);

export function saveActorTypeMapping(ctx: Ctx, connectionId: string, body: ActorTypeMapping, ifMatch: string | null): ActorTypeMapping {
  const actorType = body?.actorType;
  const m = supported(ctx, connectionId, actorType);
  checkVersion(ifMatch ?? body.version, m.version);
  const crmFields = CRM_FIELDS[entityOf(actorType)];
  const seenErp = new Set<string>();
  const seenCrm = new Map<string, number>();
  const fields: FieldMappingRecord[] = (body.fields ?? []).map((f, i) => {
    const at = `/fields/${i}`;
    const key = f.erpField?.key;
    const meta = erpFields(ctx, connectionId, actorType).find((x) => x.key === key) ?? fail(422, 'unknown-field', `No ERP field "${key}"`, `${at}/erpField`);
    if (seenErp.has(meta.key)) fail(422, 'duplicate-mapping', `${meta.label} is listed twice`, `${at}/erpField`);
    seenErp.add(meta.key);
    if (f.direction && !f.crmField) fail(422, 'validation-failed', `${meta.label}: pick a CRM field before a direction`, `${at}/direction`);
    if (f.direction && !['erp-to-crm', 'crm-to-erp', 'both'].includes(f.direction)) fail(422, 'validation-failed', 'Unknown direction', `${at}/direction`);
    if (f.crmField) {
      const reason = notSyncableReason(meta);
      if (reason) fail(422, 'not-syncable', `${meta.label} cannot be synchronized (${reason})`, `${at}/crmField`);
      const crm = crmFields.find((c) => c.key === f.crmField) ?? fail(422, 'unknown-field', `No CRM field "${f.crmField}"`, `${at}/crmField`);
      const listOk = meta.type !== 'list' || crm.listName === crmListName(meta.listName ?? '');
      if (family(meta.type) !== family(crm.type) || !listOk) {
        fail(422, 'incompatible-types', `${meta.label} (${meta.type}) cannot be mapped to ${crm.label} (${crm.type})`, `${at}/crmField`);
      }
      if (seenCrm.has(crm.key)) fail(422, 'duplicate-mapping', `${crm.label} is mapped twice`, `${at}/crmField`);
      seenCrm.set(crm.key, i);
    }
    return { erpField: meta.key, crmField: f.crmField ?? null, direction: f.crmField ? (f.direction ?? null) : null, showInSearch: Boolean(f.showInSearch), showInTab: Boolean(f.showInTab) };
  });
  // Fields the client left out keep their current settings, after the ones it sent.
  for (const old of m.fields) if (!seenErp.has(old.erpField)) fields.push(old);
  Object.assign(m, { enabled: Boolean(body.enabled), fields, version: m.version + 1 });
  return getActorTypeMapping(ctx, connectionId, actorType);
}

function listRecord(ctx: Ctx, connectionId: string, listName: string) {
  requireAdmin(ctx);
  connection(ctx, connectionId);
  const items = erpLists(ctx, connectionId)[listName] ?? fail(404, 'list-not-found', `No list "${listName}"`);
  // Not stored until saved: reading must not change the state.
  return ctx.state.listMappings[`${connectionId}/${listName}`] ?? { map: defaultListMap(listName, items), version: 1 };
}

export function getListMapping(ctx: Ctx, connectionId: string, listName: string): ListMapping {
  const rec = listRecord(ctx, connectionId, listName);
  const crmName = crmListName(listName);
  return {
    listName,
    crmListName: crmName,
    erpItems: structuredClone(erpLists(ctx, connectionId)[listName] ?? []),
    crmItems: structuredClone(CRM_LISTS[crmName] ?? []),
    map: { ...rec.map },
    version: `v${rec.version}`,
  };
}

export function saveListMapping(ctx: Ctx, connectionId: string, body: ListMapping, ifMatch: string | null): ListMapping {
  const rec = listRecord(ctx, connectionId, body?.listName);
  checkVersion(ifMatch ?? body.version, rec.version);
  const erpItems = erpLists(ctx, connectionId)[body.listName] ?? [];
  const crmItems = CRM_LISTS[crmListName(body.listName)] ?? [];
  const used = new Map<string, string>();
  const map: Record<string, string | null> = {};
  for (const item of erpItems) map[item.id] = null;
  for (const [erpId, crmId] of Object.entries(body.map ?? {})) {
    if (!erpItems.some((i) => i.id === erpId)) fail(422, 'unknown-item', `No ERP item "${erpId}"`, `/map/${erpId}`);
    if (crmId !== null && !crmItems.some((i) => i.id === crmId)) fail(422, 'unknown-item', `No CRM item "${crmId}"`, `/map/${erpId}`);
    if (crmId !== null && used.has(crmId)) fail(422, 'duplicate-mapping', `"${crmId}" is mapped to ${used.get(crmId)} already`, `/map/${erpId}`);
    if (crmId !== null) used.set(crmId, erpId);
    map[erpId] = crmId;
  }
  ctx.state.listMappings[`${connectionId}/${body.listName}`] = { map, version: rec.version + 1 };
  return getListMapping(ctx, connectionId, body.listName);
}

const defaultsVersion = (ctx: Ctx, key: string) => ctx.state.defaultsVersions?.[key] ?? 1;

export function getDefaults(ctx: Ctx, connectionId: string, actorType: ActorType): ActorTypeDefaults {
  supported(ctx, connectionId, actorType);
  const key = `${connectionId}/${actorType}`;
  return { defaults: structuredClone(ctx.state.defaults[key] ?? []), version: `d${defaultsVersion(ctx, key)}` };
}

/** `ifMatch` is the If-Match header; without it the body's version is used. */
export function saveDefaults(
  ctx: Ctx,
  connectionId: string,
  actorType: ActorType,
  body: ActorTypeDefaults,
  ifMatch: string | null = null,
): ActorTypeDefaults {
  supported(ctx, connectionId, actorType);
  if (!body || !Array.isArray(body.defaults)) fail(400, 'invalid-body', 'Expected { defaults: [...], version }', '/defaults');
  const key = `${connectionId}/${actorType}`;
  checkVersion(ifMatch ?? body.version, defaultsVersion(ctx, key), 'd');
  const current = ctx.state.defaults[key] ?? [];
  const saved: DefaultValue[] = body.defaults.map((d, i) => {
    const meta = erpFields(ctx, connectionId, actorType).find((m) => m.key === d.field) ?? fail(422, 'unknown-field', `No ERP field "${d.field}"`, `/${i}/field`);
    const reason = invalidReason({ ...meta, access: 'normal' }, d.value ?? null, erpLists(ctx, connectionId));
    if (reason) fail(422, 'validation-failed', reason, `/${i}/value`);
    const locked = current.find((c) => c.field === d.field)?.locked;
    if (locked && !d.mandatory) fail(422, 'locked', `${meta.label} is mandatory for the connector`, `/${i}/mandatory`);
    if (d.mandatory && !d.askUser && (d.value ?? null) === null) {
      fail(422, 'validation-failed', `${meta.label}: mandatory needs a default value or "ask user"`, `/${i}/mandatory`);
    }
    const out: DefaultValue = { field: meta.key, value: d.value ?? null, askUser: Boolean(d.askUser), mandatory: Boolean(d.mandatory) };
    if (locked) out.locked = true;
    return out;
  });
  // Connector-mandatory defaults cannot be dropped.
  for (const c of current) if (c.locked && !saved.some((s) => s.field === c.field)) saved.unshift(c);
  ctx.state.defaults[key] = saved;
  (ctx.state.defaultsVersions ??= {})[key] = defaultsVersion(ctx, key) + 1;
  return getDefaults(ctx, connectionId, actorType);
}

/** Rank Fields: the order is part of the mapping, so it shares (and advances) the mapping's version. */
export function saveRank(ctx: Ctx, connectionId: string, actorType: ActorType, order: string[], ifMatch: string | null): ActorTypeMapping {
  const m = supported(ctx, connectionId, actorType);
  if (!Array.isArray(order)) fail(400, 'invalid-body', 'Expected { order: string[] }', '/order');
  checkVersion(ifMatch, m.version);
  const byKey = new Map(m.fields.map((f) => [f.erpField, f]));
  order.forEach((key, i) => {
    if (!byKey.has(key)) fail(422, 'unknown-field', `No ERP field "${key}"`, `/order/${i}`);
    if (order.indexOf(key) !== i) fail(422, 'duplicate-mapping', `"${key}" is listed twice`, `/order/${i}`);
  });
  m.fields = [...order.map((k) => byKey.get(k)!), ...m.fields.filter((f) => !order.includes(f.erpField))];
  m.version++;
  return getActorTypeMapping(ctx, connectionId, actorType);
}

export function saveSyncPriority(ctx: Ctx, order: string[], ifMatch: string | null): SyncPriority {
  requireAdmin(ctx);
  if (!Array.isArray(order)) fail(400, 'invalid-body', 'Expected { order: string[] }', '/order');
  checkVersion(ifMatch, ctx.state.priorityVersion ?? 1, 'p');
  order.forEach((id, i) => {
    if (!ctx.state.connections.some((c) => c.id === id)) fail(422, 'validation-failed', `No connection "${id}"`, `/order/${i}`);
  });
  const listed = order.map((id) => ctx.state.connections.find((c) => c.id === id)!);
  ctx.state.connections = [...listed, ...ctx.state.connections.filter((c) => !order.includes(c.id))];
  bumpPriorityVersion(ctx);
  return { order: ctx.state.connections.map((c) => c.id), version: `p${ctx.state.priorityVersion ?? 1}` };
}
