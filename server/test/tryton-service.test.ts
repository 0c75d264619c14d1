// The sync service's demo on a live Tryton (TRYTON_URL): connect a CRM company to a Tryton party,
// choose values, save, sync now, create in ERP and disconnect over the service's REST API, and
// read back over Tryton's JSON-RPC what arrived there.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TrytonRpc } from '../../connectors/tryton/rpc.js';
import { SEED_COMPANY } from '../../connectors/tryton/seed.js';
import { startService, type RunningService } from '../start.js';

const env = process.env;
if (env.TRYTON_URL) {
  const config = { serverUrl: env.TRYTON_URL, database: env.TRYTON_DATABASE ?? 'erp', username: env.TRYTON_USER ?? 'admin', password: env.TRYTON_PASSWORD ?? '', company: SEED_COMPANY };
  const tryton = new TrytonRpc({ url: config.serverUrl, database: config.database, user: config.username, password: config.password });
  let service: RunningService;
  let token: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'erp-sync-tryton-'));
  before(async () => {
    service = await startService({ demo: true, port: 0, dataDir, tryton: config });
    const res = await fetch(`${service.url}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"u-anna"}' });
    token = ((await res.json()) as { token: string }).token;
  });
  after(async () => {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const api = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${service.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(method === 'GET' ? {} : { 'idempotency-key': crypto.randomUUID() }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, never> };
  };
  type Connection = { id: string; version: string; link?: { erpKey: string; actorType: string }; fields?: { field: { key: string }; value: unknown; displayValue: string }[] };
  const state = async (company: string) => ((await api('GET', `/entities/company/${company}/erp-state`)).body as unknown as { connections: Connection[] }).connections.find((c) => c.id === 'conn-t')!;
  const party = async (id: string) =>
    (await tryton.model<Record<string, unknown>[]>('party.party.search_read', [[['id', '=', Number(id)]], 0, 1, null, ['name', 'categories.name', 'contact_mechanisms.type', 'contact_mechanisms.value', 'addresses.city']]))[0];

  describe('the sync service on Tryton', () => {
    let partyKey: string;

    it('finds the Tryton party by the CRM name (legal form or not), connects it with the chosen values and saves them into Tryton', async () => {
      // The seeded party as seeded, whatever an earlier run on this database wrote into it.
      const [seeded] = await tryton.model<number[]>('party.party.search', [[['name', 'in', ['Brandt Maschinenbau', 'Brandt Maschinenbau GmbH']]], 0, 1, [['id', 'ASC']]]);
      await tryton.model('party.party.write', [[seeded], { name: 'Brandt Maschinenbau' }]);
      const found = await api('POST', '/connections/conn-t/actor-types/customer/search', { text: 'Brandt Maschinenbau GmbH', limit: 20 });
      assert.equal(found.status, 200, JSON.stringify(found.body));
      const rows = found.body.rows as unknown as { key: string; displayName: string }[];
      const brandt = rows.find((r) => r.displayName === 'Brandt Maschinenbau');
      assert.ok(brandt, JSON.stringify(rows.map((r) => r.displayName)));
      partyKey = brandt.key;
      // An e-mail of Tryton's own (the seed's equals the CRM's), whatever an earlier run on this database did.
      const [{ 'contact_mechanisms.': contacts }] = await tryton.model<{ 'contact_mechanisms.': { id: number; type: string }[] }[]>('party.party.read', [[Number(partyKey)], ['contact_mechanisms.type']]);
      await tryton.model('party.contact_mechanism.write', [contacts.filter((c) => c.type === 'email').map((c) => c.id), { value: 'office@brandt.tryton.example' }]);

      const compared = await api('POST', '/entities/company/c2/compare', { connectionId: 'conn-t', actorType: 'customer', erpKey: partyKey });
      assert.equal(compared.status, 200, JSON.stringify(compared.body));
      const fields = compared.body.fields as unknown as { field: { key: string }; differs: boolean; crmValue: unknown }[];
      // The CRM wins where it has a value, Tryton elsewhere.
      const choices = Object.fromEntries(fields.filter((f) => f.differs).map((f) => [f.field.key, f.crmValue === null || f.crmValue === '' ? 'erp' : 'crm']));
      assert.equal(choices.email, 'crm', 'the e-mail differs and the CRM has one');
      const crmEmail = fields.find((f) => f.field.key === 'email')!.crmValue;

      const before = await state('c2');
      // The CRM's VAT number is not one Tryton accepts: its message, and nothing written or linked.
      assert.equal(choices.vatNumber, 'crm');
      const refused = await api('PUT', '/entities/company/c2/links/conn-t', { actorType: 'customer', erpKey: partyKey, choices, values: {} }, { 'if-match': `"${before.version}"` });
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.match(String(refused.body.detail), /^Tryton: The European VAT Number "DE123456789" .* is not valid/);
      assert.equal((await party(partyKey))?.name, 'Brandt Maschinenbau');
      assert.equal((await state('c2')).link ?? null, null);
      // Keeping Tryton's VAT number, the rest goes through.
      choices.vatNumber = 'erp';
      const saved = await api('PUT', '/entities/company/c2/links/conn-t', { actorType: 'customer', erpKey: partyKey, choices, values: {} }, { 'if-match': `"${before.version}"` });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      const inTryton = await party(partyKey);
      assert.ok((inTryton?.['contact_mechanisms.'] as { type: string; value: string }[]).some((c) => c.type === 'email' && c.value === crmEmail), JSON.stringify(inTryton));
      const after = await state('c2');
      assert.equal(after.link?.erpKey, partyKey);
    });

    it('Sync now brings a value changed in Tryton into the tab', async () => {
      const [{ 'addresses.': addresses }] = await tryton.model<{ 'addresses.': { id: number }[] }[]>('party.party.read', [[Number(partyKey)], ['addresses.id']]);
      await tryton.model('party.address.write', [[addresses[0]!.id], { city: 'Dresden' }]);
      const synced = await api('POST', '/entities/company/c2/links/conn-t/sync', {});
      assert.equal(synced.status, 200, JSON.stringify(synced.body));
      const after = await state('c2');
      assert.equal(after.fields?.find((f) => f.field.key === 'city')?.value, 'Dresden');
      const [crm] = await service.db.query<{ data: { values: Record<string, unknown> } }>(`SELECT data FROM crm_records WHERE type = 'company' AND id = 'c2'`);
      assert.equal(crm?.data.values.city, 'Dresden', 'and into the CRM record');
    });

    it('Create in ERP makes a Tryton party in the customer category with the asked values', async () => {
      const fields = await api('GET', '/entities/company/c6/new-actor-fields?connectionId=conn-t&actorType=customer');
      assert.equal(fields.status, 200, JSON.stringify(fields.body));
      const before = await state('c6');
      // The CRM's Norwegian VAT number is not a European one Tryton accepts: left out.
      const created = await api('PUT', '/entities/company/c6/links/conn-t', { actorType: 'customer', create: { values: { name: 'Nordlys Energi', vatNumber: null } }, choices: {}, values: {} }, { 'if-match': `"${before.version}"` });
      assert.equal(created.status, 200, JSON.stringify(created.body));
      const key = (await state('c6')).link!.erpKey;
      const inTryton = await party(key);
      assert.equal(inTryton?.name, 'Nordlys Energi');
      assert.ok((inTryton?.['contact_mechanisms.'] as { type: string }[]).some((c) => c.type === 'email'), 'the e-mail came from the CRM record');
      assert.deepEqual((inTryton?.['categories.'] as { name: string }[]).map((c) => c.name), ['Customer']);
    });

    it("the admin sees and edits the Tryton connection with the Tryton connector's own configuration fields", async () => {
      const fields = await api('GET', '/admin/connectors/ctr-tryton/config-fields');
      const keys = (fields.body as unknown as { key: string }[]).map((f) => f.key);
      const read = await api('GET', '/admin/connections/conn-t');
      const shown = read.body as unknown as { name: string; connectorId: string; scope: object; description: string; version: string; config: Record<string, unknown> };
      assert.deepEqual(Object.keys(shown.config), keys, 'every field the connector has, none of another kind');
      assert.equal(shown.config.database, config.database);
      assert.deepEqual(shown.config.password, { set: true }, 'the password is never sent back');
      const input = { name: shown.name, connectorId: shown.connectorId, scope: shown.scope, description: 'Edited while active', config: shown.config };
      const saved = await api('PUT', '/admin/connections/conn-t', input, { 'if-match': `"${shown.version}"` });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      const changed = await api('PUT', '/admin/connections/conn-t', { ...input, config: { ...shown.config, database: 'other' } }, { 'if-match': `"${(saved.body as unknown as { version: string }).version}"` });
      assert.equal(changed.status, 409, 'the config of an active connection stays as it is');
      assert.equal((changed.body as unknown as { code: string }).code, 'connection-active');
    });

    it('Disconnect deletes nothing in Tryton', async () => {
      const before = await state('c2');
      const name = (await party(partyKey))?.name;
      const gone = await api('DELETE', '/entities/company/c2/links/conn-t', undefined, { 'if-match': `"${before.version}"` });
      assert.ok(gone.status === 200 || gone.status === 204, JSON.stringify(gone.body));
      assert.equal((await state('c2')).link ?? null, null);
      assert.equal((await party(partyKey))?.name, name);
    });
  });
}
