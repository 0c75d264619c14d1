// The sync service as the service suites call it: over real HTTP, signed in through the demo's
// development sign-in, each write with an Idempotency-Key of its own.
import type { BackgroundSyncStatus } from '../../src/model/types.js';
import type { RunningService } from '../start.js';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T & { code?: string; detail?: string };
}

export type Call = <T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer<T>>;

export async function signIn(service: Pick<RunningService, 'url'>, userId = 'u-anna'): Promise<string> {
  const res = await fetch(`${service.url}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  if (!res.ok) throw new Error(`sign-in of ${userId}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Calls of one signed-in user: every answer with its status, none thrown. */
export async function client(service: Pick<RunningService, 'url' | 'apiUrl'>, userId = 'u-anna'): Promise<Call> {
  const token = await signIn(service, userId);
  return async (method, path, body, headers = {}) => {
    const res = await fetch(`${service.apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method === 'GET' ? {} : { 'idempotency-key': crypto.randomUUID() }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  };
}

/** Like `client`, but a failed answer throws with its status and body. */
export async function okClient(service: Pick<RunningService, 'url' | 'apiUrl'>, userId = 'u-anna') {
  const call = await client(service, userId);
  return async <T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> => {
    const answer = await call<T>(method, path, body, headers);
    if (answer.status >= 400) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
}

interface Compared {
  fields: { field: { key: string }; differs: boolean }[];
  askFields: { field: { key: string }; value: unknown }[];
  erpVersion?: string;
}

/** The body that links `company` to `erpKey` with the ERP's values winning (a base for every synced field). */
export async function erpWinsBody(call: Call, company: string, connectionId: string, erpKey: string, actorType = 'customer') {
  const answer = await call<Compared>('POST', `/entities/company/${company}/compare`, { connectionId, actorType, erpKey });
  if (answer.status !== 200) throw new Error(`compare: ${answer.status} ${JSON.stringify(answer.body)}`);
  const compared = answer.body;
  const choices = Object.fromEntries(compared.fields.filter((f) => f.differs).map((f) => [f.field.key, 'erp']));
  const values = Object.fromEntries(compared.askFields.map((f) => [f.field.key, f.value]));
  return { actorType, erpKey, choices, values, ...(compared.erpVersion ? { erpVersion: compared.erpVersion } : {}) };
}

/** The record's current version in the connection (its If-Match). */
export async function versionOf(call: Call, company: string, connectionId: string): Promise<string> {
  const state = await call<{ connections: { id: string; version: string }[] }>('GET', `/entities/company/${company}/erp-state`);
  return state.body.connections.find((c) => c.id === connectionId)!.version;
}

/** Links `company` to `erpKey` with the ERP's values winning. */
export async function linkErpWins(call: Call, company: string, connectionId: string, erpKey: string): Promise<Answer> {
  const body = await erpWinsBody(call, company, connectionId, erpKey);
  return call('PUT', `/entities/company/${company}/links/${connectionId}`, body, { 'if-match': `"${await versionOf(call, company, connectionId)}"` });
}

/** Run now on a connection; resolves with its status once the run it asked for has finished. */
export async function runBackground(call: Call, connectionId: string, deadlineMs = 120_000): Promise<BackgroundSyncStatus> {
  const path = `/admin/connections/${connectionId}/background`;
  const before = (await call<BackgroundSyncStatus>('GET', path)).body.lastRun?.startedAt ?? '';
  const asked = await call<BackgroundSyncStatus>('POST', `${path}/run`);
  if (asked.status !== 202) throw new Error(`Run now: ${asked.status} ${JSON.stringify(asked.body)}`);
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const s = (await call<BackgroundSyncStatus>('GET', path)).body;
    if (s.lastRun?.finishedAt && s.lastRun.startedAt > before) return s;
    if (Date.now() > deadline) throw new Error(`no finished run within ${deadlineMs / 1000} s: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
