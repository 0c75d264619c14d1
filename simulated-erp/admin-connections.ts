import type { ConfigValue, ConnectionInput, ErpConnection, FieldMeta, Principal, TestResult } from '../src/model/types.js';
import { connection, connectorConfigFields, connectorKind, erpFields, requireAdmin, type Ctx } from './context.js';
import type { ConnectionRecord, Values } from './model.js';
import { hash } from './prng.js';
import { fail } from './problems.js';
import { defaultConfigFor } from './seed-config.js';
import { invalidReason } from './values.js';

const isSecret = (v: ConfigValue | undefined): v is { set: boolean } => typeof v === 'object' && v !== null;

/** Passwords leave the simulator only as `{ set }`. */
export function toPublic(ctx: Ctx, c: ConnectionRecord): ErpConnection {
  const fields = configFields(ctx, c.connectorId);
  const config: Record<string, ConfigValue> = {};
  for (const meta of fields) {
    const value = c.config[meta.key] ?? null;
    config[meta.key] = meta.type === 'password' ? { set: value !== null && value !== '' } : value;
  }
  return {
    id: c.id,
    name: c.name,
    connectorId: c.connectorId,
    scope: structuredClone(c.scope),
    description: c.description,
    config,
    active: c.active,
    priority: ctx.state.connections.indexOf(c) + 1,
    version: `v${c.version}`,
    priorityVersion: `p${ctx.state.priorityVersion ?? 1}`,
  };
}

/** The connection order changed (added, removed, reordered): stale Set Sync Priority saves get 409. */
export function bumpPriorityVersion(ctx: Ctx): void {
  ctx.state.priorityVersion = (ctx.state.priorityVersion ?? 1) + 1;
}

const configFields = connectorConfigFields;

/** Validates the input and returns the config to store (password kept when not sent again). */
function validate(ctx: Ctx, input: ConnectionInput, existing?: ConnectionRecord): Values {
  const name = String(input?.name ?? '').trim();
  if (!name) fail(422, 'validation-failed', 'Name is required', '/name');
  if (ctx.state.connections.some((c) => c !== existing && c.name.toLowerCase() === name.toLowerCase())) {
    fail(409, 'duplicate-name', `A connection named "${name}" exists already`, '/name');
  }
  if (!ctx.state.connectors.some((c) => c.id === input.connectorId)) {
    fail(422, 'validation-failed', 'Unknown connector', '/connectorId');
  }
  const scope = input.scope;
  if (!scope || (scope.kind !== 'everyone' && scope.kind !== 'specific')) fail(422, 'validation-failed', 'Invalid scope', '/scope');
  if (scope.kind === 'specific') {
    if (!scope.principals?.length) fail(422, 'validation-failed', 'Pick at least one user or group', '/scope/principals');
    scope.principals.forEach((p, i) => {
      if (!principals(ctx).some((x) => x.id === p)) fail(422, 'validation-failed', `Unknown user or group "${p}"`, `/scope/principals/${i}`);
    });
  }
  const fields = configFields(ctx, input.connectorId);
  const config: Values = {};
  for (const key of Object.keys(input.config ?? {})) {
    if (!fields.some((m) => m.key === key)) fail(422, 'unknown-field', `No configuration field "${key}"`, `/config/${key}`);
  }
  for (const meta of fields) {
    const sent = input.config?.[meta.key];
    if (meta.type === 'label') config[meta.key] = null;
    else if (meta.access === 'read-only') config[meta.key] = existing?.config[meta.key] ?? meta.defaultValue ?? null;
    else if (meta.type === 'password' && (sent === undefined || isSecret(sent))) config[meta.key] = existing?.config[meta.key] ?? null;
    else {
      const value = isSecret(sent) ? null : (sent ?? meta.defaultValue ?? null);
      const reason = invalidReason({ ...meta, access: 'normal' }, value);
      if (reason) fail(422, 'validation-failed', reason, `/config/${meta.key}`);
      config[meta.key] = value;
    }
  }
  return config;
}

export function missingMandatory(fields: FieldMeta[], config: Record<string, ConfigValue>): FieldMeta[] {
  return fields.filter((m) => {
    if (m.access !== 'mandatory') return false;
    const v = config[m.key];
    return v === undefined || v === null || v === '' || (isSecret(v) && !v.set);
  });
}

export function runTest(fields: FieldMeta[], config: Record<string, ConfigValue>): TestResult {
  const missing = missingMandatory(fields, config);
  if (missing.length) return { ok: false, message: `Missing: ${missing.map((m) => m.label).join(', ')}` };
  if (config.password === 'wrong') return { ok: false, message: `Authentication failed: user "${String(config.username)}" was rejected by the ERP` };
  if (/down|fail/i.test(String(config.serverUrl ?? ''))) return { ok: false, message: `Could not reach ${String(config.serverUrl)}` };
  return { ok: true, message: `Connected to ${String(config.companyDb ?? config.tenant ?? 'ERP')}, ERP version 12.3` };
}

export function listConnections(ctx: Ctx): ErpConnection[] {
  requireAdmin(ctx);
  return ctx.state.connections.map((c) => toPublic(ctx, c));
}

export function getConnection(ctx: Ctx, id: string): ErpConnection {
  requireAdmin(ctx);
  return toPublic(ctx, connection(ctx, id));
}

export function addConnection(ctx: Ctx, input: ConnectionInput): ErpConnection {
  requireAdmin(ctx);
  const config = validate(ctx, input);
  const id = ctx.nextId('conn-');
  const record: ConnectionRecord = {
    id,
    name: input.name.trim(),
    connectorId: input.connectorId,
    scope: structuredClone(input.scope),
    description: String(input.description ?? ''),
    config,
    active: false,
    version: 1,
    data: { seed: hash(id), customers: 2_000, suppliers: 200, projects: 100, persons: true },
  };
  ctx.state.connections.push(record);
  bumpPriorityVersion(ctx);
  const kind = connectorKind(ctx, record);
  const northwind = ctx.state.connectors.find((c) => c.id === record.connectorId)?.kind === 'northwind';
  const defaults = defaultConfigFor(record, northwind, kind.actorTypes);
  Object.assign(ctx.state.mappings, defaults.mappings);
  Object.assign(ctx.state.defaults, defaults.defaults);
  Object.assign(ctx.state.listMappings, defaults.listMappings);
  return toPublic(ctx, record);
}

export function updateConnection(ctx: Ctx, id: string, input: ConnectionInput, version: string | null): ErpConnection {
  requireAdmin(ctx);
  const record = connection(ctx, id);
  if (!version) fail(428, 'version-required', 'The If-Match header is missing');
  if (version !== '*' && version !== `v${record.version}`) fail(409, 'version-conflict', 'The connection was changed by someone else');
  const config = validate(ctx, input, record);
  if (record.active && (input.connectorId !== record.connectorId || !sameConfig(config, record.config))) {
    fail(409, 'connection-active', 'Configuration fields can only be edited while the connection is not active', '/config');
  }
  Object.assign(record, {
    name: input.name.trim(),
    connectorId: input.connectorId,
    scope: structuredClone(input.scope),
    description: String(input.description ?? ''),
    config,
    version: record.version + 1,
  });
  return toPublic(ctx, record);
}

/** Equal values key by key: the order a config was stored in is no change. */
function sameConfig(a: Values, b: Values): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => JSON.stringify(a[k] ?? null) === JSON.stringify(b[k] ?? null));
}

export function removeConnection(ctx: Ctx, id: string): void {
  requireAdmin(ctx);
  const record = connection(ctx, id);
  if (record.active) fail(409, 'connection-active', 'Deactivate the connection before removing it');
  ctx.state.connections = ctx.state.connections.filter((c) => c !== record);
  bumpPriorityVersion(ctx);
  // Links of the connection go with it; nothing in the CRM or the ERP is deleted.
  for (const k of Object.keys(ctx.state.links)) if (k.endsWith(`/${id}`)) delete ctx.state.links[k];
}

export function testConnectionConfig(ctx: Ctx, input: ConnectionInput): TestResult {
  requireAdmin(ctx);
  return runTest(configFields(ctx, input?.connectorId), input?.config ?? {});
}

export function testConnection(ctx: Ctx, id: string): TestResult {
  requireAdmin(ctx);
  const record = connection(ctx, id);
  return runTest(configFields(ctx, record.connectorId), record.config);
}

/** Activation needs a complete configuration: mandatory config and every mandatory ERP field synced or defaulted. */
export function setConnectionActive(ctx: Ctx, id: string, active: boolean): ErpConnection {
  requireAdmin(ctx);
  const record = connection(ctx, id);
  if (active && !record.active) {
    const missing = missingMandatory(configFields(ctx, record.connectorId), record.config);
    if (missing.length) {
      fail(422, 'incomplete-configuration', `Missing configuration: ${missing.map((m) => m.label).join(', ')}`, `/config/${missing[0]!.key}`);
    }
    for (const type of connectorKind(ctx, record).actorTypes) {
      const m = ctx.state.mappings[`${id}/${type}`];
      if (!m?.enabled) continue;
      const defaults = ctx.state.defaults[`${id}/${type}`] ?? [];
      for (const meta of erpFields(ctx, id, type)) {
        const mandatory = meta.access === 'mandatory' || defaults.some((d) => d.field === meta.key && d.mandatory);
        const mapped = m.fields.some((f) => f.erpField === meta.key && f.crmField && f.direction);
        const defaulted = defaults.some((d) => d.field === meta.key && (d.value !== null || d.askUser));
        if (mandatory && !mapped && !defaulted) {
          fail(422, 'incomplete-configuration', `${type}: the mandatory ERP field "${meta.label}" has no sync direction`);
        }
      }
    }
  }
  if (record.active !== active) record.version++;
  record.active = active;
  return toPublic(ctx, record);
}

function principals(ctx: Ctx): Principal[] {
  return [
    ...ctx.state.users.map((u): Principal => ({ id: u.id, kind: 'user', name: u.name })),
    ...ctx.state.groups.map((g): Principal => ({ id: g.id, kind: 'group', name: g.name })),
  ];
}

export function listPrincipals(ctx: Ctx, q: string): Principal[] {
  requireAdmin(ctx);
  const needle = (q ?? '').trim().toLowerCase();
  return principals(ctx).filter((p) => !needle || p.name.toLowerCase().includes(needle) || p.id.includes(needle));
}
