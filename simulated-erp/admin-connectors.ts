import type { ConnectorInput, FieldMeta, ListItem, SyncConnector, TestResult } from '../src/model/types.js';
import { connectorConfigFields, requireAdmin, type Ctx } from './context.js';
import { kindForUrl } from './connectors.js';
import type { ConnectorRecord } from './model.js';
import { ERP_LISTS } from './lists.js';
import { fail } from './problems.js';

function toPublic(ctx: Ctx, c: ConnectorRecord): SyncConnector {
  const usedBy = ctx.state.connections.filter((conn) => conn.connectorId === c.id).map((conn) => conn.name);
  return { id: c.id, name: c.name, url: c.url, usedBy };
}

function find(ctx: Ctx, id: string): ConnectorRecord {
  return ctx.state.connectors.find((c) => c.id === id) ?? fail(404, 'connector-not-found', `No connector "${id}"`);
}

function validUrl(url: unknown): URL | undefined {
  try {
    const parsed = new URL(String(url));
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function validate(ctx: Ctx, input: ConnectorInput, selfId?: string): void {
  const name = String(input?.name ?? '').trim();
  if (!name) fail(422, 'validation-failed', 'Name is required', '/name');
  if (name.length > 60) fail(422, 'validation-failed', 'Name is longer than 60 characters', '/name');
  if (!validUrl(input.url)) fail(422, 'validation-failed', 'URL must be an http(s) address', '/url');
  if (ctx.state.connectors.some((c) => c.id !== selfId && c.name.toLowerCase() === name.toLowerCase())) {
    fail(409, 'duplicate-name', `A connector named "${name}" exists already`, '/name');
  }
}

export function listConnectors(ctx: Ctx): SyncConnector[] {
  requireAdmin(ctx);
  return ctx.state.connectors.map((c) => toPublic(ctx, c));
}

export function addConnector(ctx: Ctx, input: ConnectorInput): SyncConnector {
  requireAdmin(ctx);
  validate(ctx, input);
  const record: ConnectorRecord = { id: ctx.nextId('ctr-'), name: input.name.trim(), url: input.url, kind: kindForUrl(input.url) };
  ctx.state.connectors.push(record);
  return toPublic(ctx, record);
}

export function updateConnector(ctx: Ctx, id: string, input: ConnectorInput): SyncConnector {
  requireAdmin(ctx);
  const record = find(ctx, id);
  validate(ctx, input, id);
  Object.assign(record, { name: input.name.trim(), url: input.url });
  return toPublic(ctx, record);
}

export function removeConnector(ctx: Ctx, id: string): void {
  requireAdmin(ctx);
  const record = find(ctx, id);
  const usedBy = toPublic(ctx, record).usedBy;
  if (usedBy.length) fail(409, 'connector-in-use', `Used by: ${usedBy.join(', ')}`);
  ctx.state.connectors = ctx.state.connectors.filter((c) => c.id !== id);
}

/** A URL whose host mentions "down" or "fail" does not answer (so the demo can show a failed test). */
export function testConnectorUrl(ctx: Ctx, url: string): TestResult {
  requireAdmin(ctx);
  const parsed = validUrl(url);
  if (!parsed) return { ok: false, message: 'Not a valid http(s) URL' };
  if (/down|fail/i.test(parsed.host)) return { ok: false, message: `No answer from ${parsed.host} within 10 seconds` };
  return { ok: true, message: `Connector answered: ${kindForUrl(url) === 'northwind' ? 'Northwind' : 'Contoso'} Sync Connector 4.2` };
}

export function getConnectorConfigFields(ctx: Ctx, connectorId: string): FieldMeta[] {
  requireAdmin(ctx);
  return structuredClone(connectorConfigFields(ctx, find(ctx, connectorId).id));
}

/** The items of a list the connector's `list` configuration fields use. */
export function getConnectorList(ctx: Ctx, connectorId: string, listName: string): ListItem[] {
  requireAdmin(ctx);
  find(ctx, connectorId);
  return structuredClone(ERP_LISTS[listName] ?? fail(404, 'list-not-found', `No list "${listName}"`));
}
