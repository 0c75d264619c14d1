// What goes wrong with a real Tryton, through the sync service's REST API: Tryton down or slow (a
// proxy of the test's own between the connector and Tryton), a wrong password or database, a party
// deleted in Tryton after linking, and a change in Tryton between Connect and Save. Each answers a
// problem the widget words for the user, and nothing is written where the request failed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TrytonRpc } from '../../connectors/tryton/rpc.js';
import { SEED_COMPANY } from '../../connectors/tryton/seed.js';
import { startService, type RunningService } from '../start.js';
import { touchConfig } from '../storage/state.js';
import { client, erpWinsBody, type Call } from './service-client.js';

/** Passes requests to Tryton, or drops them ("down"), or answers after `delayMs` ("slow"). */
function trytonProxy(target: string) {
  const to = new URL(target);
  const control = { mode: 'pass' as 'pass' | 'down' | 'slow', delayMs: 0 };
  const server: Server = createServer(async (req, res) => {
    if (control.mode === 'down') return void req.socket.destroy();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (control.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, control.delayMs));
    // The caller gave up meanwhile: Tryton is not asked.
    if (res.destroyed || res.writableEnded || req.socket.destroyed) return;
    const upstream = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: { ...req.headers, connection: 'close' }, agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    upstream.end(Buffer.concat(chunks));
  });
  return { server, control };
}

const env = process.env;
if (env.TRYTON_URL) {
  const login = { url: env.TRYTON_URL, database: env.TRYTON_DATABASE ?? 'erp', user: env.TRYTON_USER ?? 'admin', password: env.TRYTON_PASSWORD ?? '' };
  const tryton = new TrytonRpc(login);
  const proxy = trytonProxy(env.TRYTON_URL);
  let service: RunningService;
  let api: Call;
  const dataDir = mkdtempSync(join(tmpdir(), 'erp-sync-tryton-failures-'));
  before(async () => {
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    const serverUrl = `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}`;
    // The connector waits 2 s for Tryton; the service waits longer for the connector.
    const config = { serverUrl, database: login.database, username: login.user, password: login.password, company: SEED_COMPANY, timeoutSec: 2 };
    service = await startService({ demo: true, port: 0, dataDir, tryton: config, connectorTimeoutMs: 20_000 });
    api = await client(service);
  });
  after(async () => {
    await service.close();
    proxy.server.closeAllConnections();
    await new Promise((resolve) => proxy.server.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  type Connection = { id: string; version: string; link?: { erpKey: string; status: string; lastError?: { code: string; detail: string } } | null; fields?: { field: { key: string }; value: unknown }[] };
  const state = async (company: string) => ((await api('GET', `/entities/company/${company}/erp-state`)).body as unknown as { connections: Connection[] }).connections.find((c) => c.id === 'conn-t')!;
  /** A customer of the test's own, made in Tryton (in the customer category). */
  const newParty = async (name: string) => {
    const [customers] = await tryton.model<number[]>('party.category.search', [[['name', '=', 'Customer']], 0, 1, null]);
    const [id] = await tryton.model<number[]>('party.party.create', [[{ name, categories: [['add', [customers]]], addresses: [['create', [{ city: 'Leipzig' }]]] }]]);
    return String(id);
  };
  /** Compare with Tryton's values winning: a link body, and what the compare showed. */
  const linkBody = (company: string, erpKey: string) => erpWinsBody(api, company, 'conn-t', erpKey);
  const link = async (company: string, body: object) => api('PUT', `/entities/company/${company}/links/conn-t`, body, { 'if-match': `"${(await state(company)).version}"` });
  const run = Date.now().toString(36);

  describe('the sync service when Tryton fails', () => {
    it('Tryton down: search and Save answer connector-unavailable, nothing is linked, and the same Save works once it is back', async () => {
      const key = await newParty(`Failures Down ${run}`);
      const body = await linkBody('c3', key);
      proxy.control.mode = 'down';
      try {
        const search = await api('POST', '/connections/conn-t/actor-types/customer/search', { text: 'Failures', limit: 5 });
        assert.equal(search.status, 503, JSON.stringify(search.body));
        assert.equal(search.body.code, 'connector-unavailable');
        assert.match(String(search.body.detail), /^Tryton cannot be reached at http:\/\/127\.0\.0\.1:\d+$/);
        const saved = await link('c3', body);
        assert.equal(saved.status, 503, JSON.stringify(saved.body));
        assert.equal((await state('c3')).link ?? null, null, 'nothing linked');
      } finally {
        proxy.control.mode = 'pass';
      }
      const again = await link('c3', body);
      assert.equal(again.status, 200, JSON.stringify(again.body));
      assert.equal((await state('c3')).link?.erpKey, key);
    });

    it('Tryton slow: Sync now answers connector-unavailable after the timeout and the link keeps the error', async () => {
      const key = await newParty(`Failures Slow ${run}`);
      assert.equal((await link('c4', await linkBody('c4', key))).status, 200);
      proxy.control.mode = 'slow';
      proxy.control.delayMs = 5_000;
      try {
        const synced = await api('POST', '/entities/company/c4/links/conn-t/sync', {});
        assert.equal(synced.status, 503, JSON.stringify(synced.body));
        assert.equal(synced.body.code, 'connector-unavailable');
        assert.match(String(synced.body.detail), /Tryton did not answer within 2 s/);
      } finally {
        proxy.control.mode = 'pass';
      }
      const after = await state('c4');
      assert.equal(after.link?.status, 'error');
      assert.equal(after.link?.lastError?.code, 'connector-unavailable');
      const retried = await api('POST', '/entities/company/c4/links/conn-t/sync', {});
      assert.equal(retried.status, 200, JSON.stringify(retried.body));
      assert.equal((await state('c4')).link?.status, 'ok', 'the next sync clears it');
    });

    it("a wrong password or an unknown database: Test connection says so in Tryton's words", async () => {
      const shown = (await api('GET', '/admin/connections/conn-t')).body as unknown as { connectorId: string; config: Record<string, unknown> };
      const test = async (change: object) =>
        (await api('POST', '/admin/connections/test', { name: 'Test', connectorId: shown.connectorId, scope: { kind: 'everyone' }, description: '', config: { ...shown.config, password: login.password, ...change } })).body;
      const ok = await test({});
      assert.equal(ok.ok, true, String(ok.message));
      assert.match(String(ok.message), /^Connected to Tryton 6\.\d+\.\d+, database "erp"$/);
      const wrong = await test({ password: 'wrong' });
      assert.equal(wrong.ok, false);
      assert.match(String(wrong.message), /refused the login of user "admin": wrong user name or password/);
      const unknown = await test({ database: 'no_such_db' });
      assert.equal(unknown.ok, false);
      assert.match(String(unknown.message), /has no database "no_such_db"/);
    });

    it('a party deleted in Tryton after linking: Sync now answers actor-not-found, the link stays for the user to disconnect', async () => {
      const key = await newParty(`Failures Deleted ${run}`);
      assert.equal((await link('c5', await linkBody('c5', key))).status, 200);
      await tryton.model('party.party.delete', [[Number(key)]]);
      const synced = await api('POST', '/entities/company/c5/links/conn-t/sync', {});
      assert.equal(synced.status, 404, JSON.stringify(synced.body));
      assert.equal(synced.body.code, 'actor-not-found');
      const after = await state('c5');
      assert.equal(after.link?.erpKey, key, 'the link is not dropped silently');
      const gone = await api('DELETE', '/entities/company/c5/links/conn-t', undefined, { 'if-match': `"${after.version}"` });
      assert.equal(gone.status, 200, JSON.stringify(gone.body));
    });

    it('a change in Tryton between Connect and Save answers erp-changed and writes nothing; compared again, it saves', async () => {
      const key = await newParty(`Failures Concurrent ${run}`);
      // The CRM's e-mail wins: a write into Tryton the change must stop.
      const body = await linkBody('c6', key);
      const compared = (await api('POST', '/entities/company/c6/compare', { connectionId: 'conn-t', actorType: 'customer', erpKey: key })).body as unknown as { fields: { field: { key: string }; differs: boolean }[] };
      assert.ok(compared.fields.some((f) => f.field.key === 'email' && f.differs));
      const chosen = { ...body, choices: { ...body.choices, email: 'crm' } };
      const [party] = await tryton.model<{ 'addresses.': { id: number }[] }[]>('party.party.read', [[Number(key)], ['addresses.id']]);
      await tryton.model('party.address.write', [[party!['addresses.'][0]!.id], { city: 'Görlitz' }]);
      const refused = await link('c6', chosen);
      assert.equal(refused.status, 409, JSON.stringify(refused.body));
      assert.equal(refused.body.code, 'erp-changed');
      const [unchanged] = await tryton.model<{ 'contact_mechanisms.': unknown[] }[]>('party.party.read', [[Number(key)], ['contact_mechanisms.value']]);
      assert.deepEqual(unchanged!['contact_mechanisms.'], [], 'no e-mail written into Tryton');
      assert.equal((await state('c6')).link ?? null, null);
      const again = await linkBody('c6', key);
      const saved = await link('c6', { ...again, choices: { ...again.choices, email: 'crm' } });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal((await state('c6')).fields?.find((f) => f.field.key === 'city')?.value, 'Görlitz');
    });

    it('a mapped field Tryton no longer has: the tab, Compare, Save and Sync now go on with the others; the admin sees it gone', async () => {
      // As after a module was removed from Tryton: the stored mapping names a field the connector lost.
      const [row] = await service.db.query<{ data: { fields: { erpField: string; crmField: string | null; direction: string | null; showInSearch: boolean; showInTab: boolean }[] } }>(
        `SELECT data FROM mappings WHERE connection_id = 'conn-t' AND name = 'customer' AND kind = 'mapping'`,
      );
      assert.ok(row, 'the customer mapping of conn-t');
      const data = { ...row.data, fields: [...row.data.fields, { erpField: 'fax', crmField: 'phone', direction: 'both', showInSearch: true, showInTab: true }] };
      await service.db.query(`UPDATE mappings SET data = $1 WHERE connection_id = 'conn-t' AND name = 'customer' AND kind = 'mapping'`, [JSON.stringify(data)]);
      await touchConfig(service.db);
      service.forgetConfig();
      const key = await newParty(`Failures Removed Field ${run}`);
      const body = await linkBody('c2', key);
      assert.ok(!Object.keys(body.choices).includes('fax'), 'Compare offers no choice for a field Tryton lacks');
      const saved = await link('c2', body);
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      const shown = await state('c2');
      assert.ok(!shown.fields?.some((f) => f.field.key === 'fax'), 'the tab shows no value for it');
      assert.equal((await api('POST', '/entities/company/c2/links/conn-t/sync', {})).status, 200);
      const search = await api('POST', '/connections/conn-t/actor-types/customer/search', { text: 'Failures Removed Field', limit: 5 });
      assert.equal(search.status, 200, JSON.stringify(search.body));
      const read = await api('GET', '/admin/connections/conn-t/actor-types/customer/mapping');
      assert.equal(read.status, 200, JSON.stringify(read.body));
      const mapping = read.body as unknown as { fields: { erpField: { key: string }; notSyncable?: string }[] };
      assert.ok(!mapping.fields.some((f) => f.erpField.key === 'fax'), 'the admin mapping lists what Tryton offers');
    });
  });
}
