import type {
  ActorType,
  AskField,
  CompareRequest,
  CompareResult,
  ConnectionState,
  HistoryChange,
  NewActorFields,
  SaveLinkRequest,
  Side,
} from '../src/model/types.js';
import type { EntityKey } from '../src/backend/erp-backend.js';
import {
  actor as getActor,
  bumpVersion,
  canCreate,
  crmRecord,
  crmValueAsErp,
  erpFields,
  erpLists,
  erpMeta,
  erpValueAsCrm,
  linkVersion,
  syncedFields,
  usableConnection,
  type Ctx,
} from './context.js';
import { companyLink, connectionState, offers, tabFields } from './entity-state.js';
import { guardedWrite, type WriteGuard } from './guard.js';
import { addHistory, historyChange } from './history.js';
import { linkKey, type ConnectionRecord, type CrmRecord, type ErpActor, type Values } from './model.js';
import { fail } from './problems.js';
import { hash } from './prng.js';
import { display, invalidReason, same } from './values.js';

/** Record + usable connection + an available offer of the actor type, or a problem. */
function prepare(ctx: Ctx, entity: EntityKey, connectionId: string, actorType: ActorType) {
  const record = crmRecord(ctx, entity.type, entity.id);
  const conn = usableConnection(ctx, connectionId);
  const offer = offers(ctx, record, conn).find((o) => o.type === actorType);
  if (!offer) fail(422, 'actor-type-not-offered', `${actorType} is not offered for a ${record.type} in "${conn.name}"`, '/actorType');
  if (!offer.available) fail(422, 'actor-type-unavailable', offer.reason ?? 'unavailable', '/actorType');
  return { record, conn };
}

function askFields(ctx: Ctx, record: CrmRecord, conn: ConnectionRecord, actorType: ActorType, erp?: ErpActor): AskField[] {
  const synced = syncedFields(ctx, conn.id, actorType);
  return (ctx.state.defaults[`${conn.id}/${actorType}`] ?? [])
    .filter((d) => d.askUser || d.mandatory)
    .map((d) => {
      const field = erpMeta(ctx, conn.id, actorType, d.field);
      const mapped = synced.find((s) => s.erpField === d.field);
      const fromCrm = mapped ? crmValueAsErp(ctx, conn.id, field, record, mapped.crmField) : null;
      const value = erp?.values[d.field] ?? (fromCrm === '' ? null : fromCrm) ?? d.value ?? null;
      return { field: field.access === 'normal' && d.mandatory ? { ...field, access: 'mandatory' } : field, value };
    });
}

export function compare(ctx: Ctx, entity: EntityKey, req: CompareRequest): CompareResult {
  const { record, conn } = prepare(ctx, entity, req.connectionId, req.actorType);
  const erp = getActor(ctx, conn.id, req.actorType, req.erpKey);
  const synced = syncedFields(ctx, conn.id, req.actorType);
  const fields = synced.map((s) => {
    const crmValue = crmValueAsErp(ctx, conn.id, s.meta, record, s.crmField);
    const erpValue = erp.values[s.erpField] ?? null;
    return {
      field: s.meta,
      direction: s.direction,
      crmValue,
      erpValue,
      crmDisplay: display(s.meta, crmValue, erpLists(ctx, conn.id)),
      erpDisplay: display(s.meta, erpValue, erpLists(ctx, conn.id)),
      differs: !same(crmValue, erpValue, s.meta),
    };
  });
  // Synced fields are decided by the choices; only the others are asked for.
  const asked = askFields(ctx, record, conn, req.actorType, erp).filter((a) => !synced.some((s) => s.erpField === a.field.key));
  return { fields, askFields: asked, erpVersion: erpVersion(ctx, conn.id, erp), tabFields: tabFields(ctx, conn.id, req.actorType, erp.values) };
}

/**
 * The ERP values a compare showed, as a token (two 32-bit hashes): what the user chose on. A change
 * in the ERP to a field the compare did not show is no reason to choose again.
 */
function erpVersion(ctx: Ctx, connectionId: string, erp: ErpActor): string {
  const values = JSON.stringify(syncedFields(ctx, connectionId, erp.type).map((s) => [s.erpField, erp.values[s.erpField] ?? null]));
  return `${hash('erp-version', values).toString(36)}.${hash(values, 'erp-version').toString(36)}`;
}

export function getNewActorFields(ctx: Ctx, entity: EntityKey, connectionId: string, actorType: ActorType): NewActorFields {
  const { record, conn } = prepare(ctx, entity, connectionId, actorType);
  return { fields: askFields(ctx, record, conn, actorType) };
}

/** Checks values against the ERP field metadata; the JSON pointer names the offending one. */
function validateValues(ctx: Ctx, connectionId: string, actorType: ActorType, values: Values, pointer: string): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    const meta = erpFields(ctx, connectionId, actorType).find((m) => m.key === key) ?? fail(422, 'unknown-field', `No ERP field "${key}"`, `${pointer}/${key}`);
    if (meta.access === 'read-only' || meta.type === 'label') continue;
    const reason = invalidReason({ ...meta, access: 'normal' }, value, erpLists(ctx, connectionId));
    if (reason) fail(422, 'validation-failed', reason, `${pointer}/${key}`);
    out[key] = value;
  }
  return out;
}

function requireMandatory(ctx: Ctx, conn: ConnectionRecord, actorType: ActorType, values: Values, pointer: string) {
  const defaults = ctx.state.defaults[`${conn.id}/${actorType}`] ?? [];
  for (const meta of erpFields(ctx, conn.id, actorType)) {
    const mandatory = meta.access === 'mandatory' || defaults.some((d) => d.field === meta.key && d.mandatory);
    if (mandatory && (values[meta.key] ?? null) === null) fail(422, 'validation-failed', `${meta.label} is mandatory`, `${pointer}/${meta.key}`);
    if (mandatory && values[meta.key] === '') fail(422, 'validation-failed', `${meta.label} is mandatory`, `${pointer}/${meta.key}`);
  }
}

function createActor(ctx: Ctx, record: CrmRecord, conn: ConnectionRecord, body: SaveLinkRequest): ErpActor {
  if (!canCreate(ctx, conn)) fail(403, 'create-not-allowed', `"${conn.name}" does not allow creating actors`);
  const values: Values = {};
  for (const d of ctx.state.defaults[`${conn.id}/${body.actorType}`] ?? []) if (d.value !== null) values[d.field] = d.value;
  for (const s of syncedFields(ctx, conn.id, body.actorType)) {
    const v = crmValueAsErp(ctx, conn.id, s.meta, record, s.crmField);
    if (v !== null && v !== '' && s.meta.access !== 'read-only') values[s.erpField] = v;
  }
  Object.assign(values, validateValues(ctx, conn.id, body.actorType, body.create?.values ?? {}, '/create/values'));
  Object.assign(values, validateValues(ctx, conn.id, body.actorType, body.values ?? {}, '/values'));
  requireMandatory(ctx, conn, body.actorType, values, '/create/values');
  const parentKey = body.actorType === 'person' ? companyLink(ctx, record, conn.id)?.erpKey : undefined;
  const created = ctx.actors.create(conn.id, body.actorType, values, parentKey);
  const event: Parameters<typeof addHistory>[4] = { kind: 'created', actorType: body.actorType, erpKey: created.key, changes: [] };
  if (body.create?.reason) event.reason = body.create.reason;
  addHistory(ctx, record.type, record.id, conn.id, event);
  return created;
}

/**
 * Brings both sides together field by field: one-way fields follow their direction, two-way fields
 * follow the user's choice (a missing choice for a differing field is a 422). Returns the changes.
 */
export function applyChoices(
  ctx: Ctx,
  record: CrmRecord,
  conn: ConnectionRecord,
  erp: ErpActor,
  choices: Record<string, Side>,
  fallback?: Side,
): HistoryChange[] {
  const changes: HistoryChange[] = [];
  const erpUpdates: Values = {};
  for (const s of syncedFields(ctx, conn.id, erp.type)) {
    const crmValue = crmValueAsErp(ctx, conn.id, s.meta, record, s.crmField);
    const erpValue = erp.values[s.erpField] ?? null;
    if (same(crmValue, erpValue, s.meta)) continue;
    const winner: Side =
      s.direction === 'erp-to-crm' ? 'erp' : s.direction === 'crm-to-erp' ? 'crm'
        : (choices?.[s.erpField] ?? fallback ?? fail(422, 'choice-missing', `Choose the correct value of ${s.meta.label}`, `/choices/${s.erpField}`));
    if (winner === 'erp') {
      record.values[s.crmField] = erpValueAsCrm(ctx, conn.id, s.meta, erpValue);
      if (s.crmField === 'name') record.name = String(erpValue ?? '');
      changes.push(historyChange(ctx, conn.id, erp.type, s.erpField, crmValue, erpValue, 'crm'));
    } else if (s.meta.access !== 'read-only') {
      erpUpdates[s.erpField] = crmValue;
      changes.push(historyChange(ctx, conn.id, erp.type, s.erpField, erpValue, crmValue, 'erp'));
    }
  }
  if (Object.keys(erpUpdates).length) {
    ctx.actors.update(conn.id, erp, erpUpdates);
    Object.assign(erp.values, erpUpdates);
  }
  return changes;
}

/** ERP values of the synced fields: the base for the next two-sided change detection. */
export function syncedBase(ctx: Ctx, connectionId: string, erp: ErpActor): Values {
  const base: Values = {};
  for (const s of syncedFields(ctx, connectionId, erp.type)) base[s.erpField] = erp.values[s.erpField] ?? null;
  return base;
}

export function saveLink(ctx: Ctx, entity: EntityKey, connectionId: string, body: SaveLinkRequest, guard: WriteGuard): ConnectionState {
  const fingerprint = JSON.stringify(['saveLink', entity.type, entity.id, connectionId, body]);
  return guardedWrite(ctx, guard, fingerprint, () => linkVersion(ctx, entity.type, entity.id, connectionId), () => {
    const { record, conn } = prepare(ctx, entity, connectionId, body.actorType);
    const key = linkKey(record.type, record.id, conn.id);
    const previous = ctx.state.links[key];
    let erp: ErpActor;
    if (body.erpKey) {
      erp = getActor(ctx, conn.id, body.actorType, body.erpKey);
      const other = Object.entries(ctx.state.links).find(
        ([k, l]) => k !== key && k.endsWith(`/${conn.id}`) && l.actorType === erp.type && l.erpKey === erp.key,
      );
      if (other) fail(409, 'actor-already-linked', `${erp.key} is already linked to ${other[0].split('/')[0]}`, '/erpKey');
      if (erp.type === 'person' && erp.parentKey !== companyLink(ctx, record, conn.id)?.erpKey) {
        fail(422, 'wrong-parent', 'This contact belongs to another ERP company', '/erpKey');
      }
      if (body.erpVersion !== undefined && body.erpVersion !== erpVersion(ctx, conn.id, erp)) {
        fail(409, 'erp-changed', 'The ERP record was changed after you compared it: compare again', '/erpVersion');
      }
      const asked = validateValues(ctx, conn.id, body.actorType, body.values ?? {}, '/values');
      if (Object.keys(asked).length) {
        ctx.actors.update(conn.id, erp, asked);
        Object.assign(erp.values, asked);
      }
    } else if (body.create) {
      erp = createActor(ctx, record, conn, body);
    } else {
      return fail(422, 'validation-failed', 'Either erpKey or create is required', '/erpKey');
    }
    const changes = applyChoices(ctx, record, conn, erp, body.choices ?? {}, body.create ? 'erp' : undefined);
    const relink = previous && previous.erpKey === erp.key && previous.actorType === erp.type;
    if (previous && !relink) {
      ctx.state.previousLinks[key] = { actorType: previous.actorType, erpKey: previous.erpKey };
      addHistory(ctx, record.type, record.id, conn.id, { kind: 'unlinked', actorType: previous.actorType, erpKey: previous.erpKey, changes: [] });
    }
    ctx.state.links[key] = { actorType: erp.type, erpKey: erp.key, lastSynced: ctx.now(), status: 'ok', synced: syncedBase(ctx, conn.id, erp) };
    addHistory(ctx, record.type, record.id, conn.id, { kind: relink ? 'conflict-decided' : 'linked', actorType: erp.type, erpKey: erp.key, changes });
    bumpVersion(ctx, record.type, record.id, conn.id);
    return connectionState(ctx, record, conn);
  });
}

export function removeLink(ctx: Ctx, entity: EntityKey, connectionId: string, guard: WriteGuard): ConnectionState {
  const fingerprint = JSON.stringify(['removeLink', entity.type, entity.id, connectionId]);
  return guardedWrite(ctx, guard, fingerprint, () => linkVersion(ctx, entity.type, entity.id, connectionId), () => {
    const record = crmRecord(ctx, entity.type, entity.id);
    const conn = usableConnection(ctx, connectionId);
    const key = linkKey(record.type, record.id, conn.id);
    const link = ctx.state.links[key] ?? fail(409, 'not-linked', 'This record is not linked in this connection');
    // Soft unlink: remember the actor so a later connect offers it first. Nothing is deleted.
    ctx.state.previousLinks[key] = { actorType: link.actorType, erpKey: link.erpKey };
    delete ctx.state.links[key];
    addHistory(ctx, record.type, record.id, conn.id, { kind: 'unlinked', actorType: link.actorType, erpKey: link.erpKey, changes: [] });
    bumpVersion(ctx, record.type, record.id, conn.id);
    return connectionState(ctx, record, conn);
  });
}
