// The Tryton sync connector against a live Tryton (TRYTON_URL, started by .ci/tryton.sh): the
// protocol over real HTTP, and what arrived in Tryton read back over its own JSON-RPC.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { buildTrytonConnector } from '../../connectors/tryton/app.js';
import { TrytonRpc } from '../../connectors/tryton/rpc.js';
import { SEED_COMPANY, germanVat } from '../../connectors/tryton/seed.js';

const env = process.env;
if (env.TRYTON_URL) {
  const config = { serverUrl: env.TRYTON_URL, database: env.TRYTON_DATABASE ?? 'erp', username: env.TRYTON_USER ?? 'admin', password: env.TRYTON_PASSWORD ?? '', company: SEED_COMPANY };
  const tryton = new TrytonRpc({ url: config.serverUrl, database: config.database, user: config.username, password: config.password });
  let app: Awaited<ReturnType<typeof buildTrytonConnector>>;
  let url: string;
  before(async () => {
    app = await buildTrytonConnector();
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  after(() => app.close());

  type Actor = { erpKey: string; parentKey?: string | null; lastModified: string; values: Record<string, unknown> };
  const post = async (path: string, body: object, cfg: object = config) => {
    const res = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ config: cfg, ...body }) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { actors: Actor[]; actor: Actor; total: number; nextCursor: string | null; detail: string; code: string } };
  };
  /** A party of its own for each test, created through the connector. */
  const newCustomer = async (name: string) => {
    const r = await post('/actors/create', { actorType: 'customer', values: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`, city: 'Berlin', countryCode: 'DE' } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.actor;
  };
  const readParty = async (id: string) =>
    (await tryton.model<Record<string, unknown>[]>('party.party.read', [[Number(id)], ['name', 'categories.name', 'contact_mechanisms.type', 'contact_mechanisms.value', 'addresses.city', 'identifiers.code']]))[0]!;

  describe('Tryton connector: configuration', () => {
    it('tests the config, with what is wrong in words the admin can act on', async () => {
      const ok = (await post('/test-config', {})).body;
      assert.equal(ok.ok, true);
      assert.match(String(ok.message), /^Connected to Tryton 6\.\d+\.\d+, database "erp"$/);
      const cases: [object, RegExp][] = [
        [{ password: 'wrong' }, /refused the login of user "admin": wrong user name or password/],
        [{ database: 'no_such_db' }, /has no database "no_such_db"/],
        [{ serverUrl: 'http://127.0.0.1:9' }, /cannot be reached at http:\/\/127\.0\.0\.1:9/],
        [{ company: 'No Such Company' }, /has no company "No Such Company" \(it has: Erp Widget Demo GmbH\)/],
        [{ customerCategory: 'Kunden' }, /has no party category "Kunden"/],
      ];
      for (const [change, message] of cases) {
        const r = await post('/test-config', {}, { ...config, ...change });
        assert.equal(r.body.ok, false, JSON.stringify(change));
        assert.match(String(r.body.message), message);
      }
    });

    it('offers customers, suppliers and projects with their field metadata; an unusable config is a connector error', async () => {
      const r = await post('/actor-types', {});
      const types = (r.body.actorTypes as { type: string; fields: { key: string; access: string }[] }[]).map((t) => t.type);
      assert.deepEqual(types, ['customer', 'supplier', 'person', 'project']);
      const customer = (r.body.actorTypes as { type: string; fields: { key: string; access: string; listName?: string }[] }[])[0]!;
      assert.equal(customer.fields.find((f) => f.key === 'number')?.access, 'read-only');
      assert.equal(customer.fields.find((f) => f.key === 'countryCode')?.listName, 'countries');
      const bad = await post('/actor-types', {}, { ...config, password: 'wrong' });
      assert.equal(bad.status, 502);
      assert.match(bad.body.detail, /wrong user name or password/);
    });

    it('lists come from Tryton', async () => {
      const countries = (await post('/lists/get', { listName: 'countries' })).body.items as { id: string; label: string }[];
      assert.ok(countries.some((c) => c.id === 'DE' && c.label === 'Germany'));
      const terms = (await post('/lists/get', { listName: 'paymentTerms' })).body.items as { label: string }[];
      assert.deepEqual(terms.map((t) => t.label), ['14 days net', '30 days net']);
    });
  });

  describe('Tryton connector: search', () => {
    it('text search is paged in Tryton: pages follow each other, the total is counted there', async () => {
      const first = await post('/actors/search', { actorType: 'customer', text: 'brandt', limit: 5 });
      assert.equal(first.status, 200);
      assert.equal(first.body.actors.length, 5);
      assert.ok(first.body.total > 5);
      const second = await post('/actors/search', { actorType: 'customer', text: 'brandt', limit: 5, cursor: first.body.nextCursor });
      const keys = [...first.body.actors, ...second.body.actors].map((a) => a.erpKey);
      assert.equal(new Set(keys).size, 10);
      for (const a of [...first.body.actors, ...second.body.actors]) assert.match(String(a.values.name), /brandt/i);
      const count = await tryton.model<number>('party.party.search_count', [[['name', 'ilike', '%brandt%'], ['categories.name', '=', 'Customer']]]);
      assert.equal(first.body.total, count);
    });

    it('every word counts, in any case; suppliers are not customers', async () => {
      const r = await post('/actors/search', { actorType: 'customer', text: 'LOGISTICS nordic', limit: 50 });
      assert.ok(r.body.actors.length > 0);
      for (const a of r.body.actors) assert.match(String(a.values.name), /^(?=.*nordic)(?=.*logistics)/i);
      // A legal form the ERP's name lacks does not hide it ("GmbH", "A/S", "Ltd.").
      for (const text of ['Brandt Maschinenbau GmbH', 'brandt maschinenbau A/S', 'Brandt Ltd.']) {
        const names = (await post('/actors/search', { actorType: 'customer', text, limit: 50 })).body.actors.map((a) => a.values.name);
        assert.ok(names.some((n) => /^Brandt Maschinenbau/.test(String(n))), `${text}: ${JSON.stringify(names)}`);
      }
      assert.equal((await post('/actors/search', { actorType: 'customer', text: 'GmbH', limit: 5 })).status, 200, 'only a legal form: searched as it is');
      const suppliers = await post('/actors/search', { actorType: 'supplier', text: '', limit: 500 });
      const customers = await post('/actors/search', { actorType: 'customer', text: '', limit: 500 });
      const overlap = suppliers.body.actors.filter((s) => customers.body.actors.some((c) => c.erpKey === s.erpKey));
      assert.deepEqual(overlap, []);
      assert.ok(suppliers.body.total > 0);
    });

    it('advanced search maps every operator of the contract to a Tryton domain', async () => {
      const page = async (restrictions: object[]) => (await post('/actors/search', { actorType: 'customer', restrictions, limit: 500 })).body;
      const all = (await page([])).actors;
      const check = async (restriction: { field: string; operator: string; values: string[] }, expect: (a: Actor) => boolean) => {
        const found = await page([restriction]);
        assert.ok(found.actors.length > 0, JSON.stringify(restriction));
        assert.deepEqual(found.actors.map((a) => a.erpKey).sort(), all.filter(expect).map((a) => a.erpKey).sort(), JSON.stringify(restriction));
      };
      const n = (a: Actor) => Number(a.values.number);
      await check({ field: 'name', operator: 'begins', values: ['brandt'] }, (a) => /^brandt/i.test(String(a.values.name)));
      await check({ field: 'name', operator: 'contains', values: ['energy'] }, (a) => /energy/i.test(String(a.values.name)));
      await check({ field: 'city', operator: 'equals', values: ['berlin'] }, (a) => a.values.city === 'Berlin');
      await check({ field: 'countryCode', operator: 'oneOf', values: ['DK', 'NL'] }, (a) => ['DK', 'NL'].includes(String(a.values.countryCode)));
      await check({ field: 'number', operator: 'eq', values: ['2'] }, (a) => n(a) === 2);
      await check({ field: 'active', operator: 'eq', values: ['true'] }, (a) => a.values.active === true);
      const bad = await post('/actors/search', { actorType: 'customer', restrictions: [{ field: 'nope', operator: 'eq', values: ['1'] }] });
      assert.equal(bad.status, 422);
    });
  });

  describe('Tryton connector: writes', () => {
    it('creates a customer: a party in the customer category with the asked fields', async () => {
      const actor = await newCustomer('Created Through Connector');
      const party = await readParty(actor.erpKey);
      assert.equal(party.name, 'Created Through Connector');
      assert.deepEqual((party['categories.'] as { name: string }[]).map((c) => c.name), ['Customer']);
      assert.ok((party['contact_mechanisms.'] as { type: string; value: string }[]).some((c) => c.type === 'email' && c.value === 'created.through.connector@example.com'));
      assert.deepEqual((party['addresses.'] as { city: string }[]).map((a) => a.city), ['Berlin']);
      assert.ok(actor.values.number, 'Tryton gave it a code');
    });

    it('saves values into the party, its contact mechanisms, identifier and address', async () => {
      const actor = await newCustomer('Saved Values');
      const vat = germanVat(99_001);
      const r = await post('/actors/save', { actorType: 'customer', actors: [{ erpKey: actor.erpKey, lastModified: actor.lastModified, values: { name: 'Saved Values AG', email: 'new@example.com', phone: '+49 40 123', vatNumber: vat, city: 'Hamburg' } }] });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const party = await readParty(actor.erpKey);
      assert.equal(party.name, 'Saved Values AG');
      assert.deepEqual((party['contact_mechanisms.'] as { type: string; value: string }[]).map((c) => `${c.type}:${c.value}`).sort(), ['email:new@example.com', 'phone:+49 40 123']);
      assert.deepEqual((party['identifiers.'] as { code: string }[]).map((i) => i.code), [vat]);
      assert.deepEqual((party['addresses.'] as { city: string }[]).map((a) => a.city), ['Hamburg']);
      assert.ok(r.body.actors[0]!.lastModified > actor.lastModified, 'lastModified grows');
    });

    it('a change in Tryton since the caller read the party answers 409 and writes nothing', async () => {
      const actor = await newCustomer('Edited Meanwhile');
      await tryton.model('party.party.write', [[Number(actor.erpKey)], { name: 'Edited In Tryton' }]);
      const r = await post('/actors/save', { actorType: 'customer', actors: [{ erpKey: actor.erpKey, lastModified: actor.lastModified, values: { name: 'From The CRM' } }] });
      assert.equal(r.status, 409);
      assert.equal(r.body.code, 'version-conflict');
      assert.equal((await readParty(actor.erpKey)).name, 'Edited In Tryton');
    });

    it("an invalid VAT number is refused with Tryton's message and nothing is written", async () => {
      const actor = await newCustomer('Invalid Vat');
      const r = await post('/actors/save', { actorType: 'customer', actors: [{ erpKey: actor.erpKey, values: { name: 'Renamed Too', vatNumber: 'DE000' } }] });
      assert.equal(r.status, 422);
      assert.match(r.body.detail, /^Tryton: The European VAT Number "DE000" .* is not valid/);
      const party = await readParty(actor.erpKey);
      assert.equal(party.name, 'Invalid Vat');
      assert.deepEqual(party['identifiers.'], []);
    });

    it('a party deleted in Tryton is not found, and saving it answers 404', async () => {
      const actor = await newCustomer('Deleted Later');
      await tryton.model('party.party.delete', [[Number(actor.erpKey)]]);
      assert.deepEqual((await post('/actors/get', { actorType: 'customer', keys: [actor.erpKey] })).body.actors, []);
      const r = await post('/actors/save', { actorType: 'customer', actors: [{ erpKey: actor.erpKey, values: { name: 'x' } }] });
      assert.equal(r.status, 404);
    });

    it('a party made inactive, or created inactive, is still read by its key and is among the changes', async () => {
      const since = new Date(Date.now() - 1000).toISOString();
      const created = await post('/actors/create', { actorType: 'customer', values: { name: 'Created Inactive', active: false } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.actor.values.active, false);
      const later = await newCustomer('Deactivated Later');
      await tryton.model('party.party.write', [[Number(later.erpKey)], { active: false }]);
      const read = await post('/actors/get', { actorType: 'customer', keys: [later.erpKey, created.body.actor.erpKey] });
      assert.deepEqual(read.body.actors.map((a) => [a.erpKey, a.values.active]).sort(), [[later.erpKey, false], [created.body.actor.erpKey, false]].sort());
      const changed = await post('/actors/changed-since', { actorType: 'customer', since, limit: 500 });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      assert.ok(changed.body.actors.some((a) => a.erpKey === later.erpKey && a.values.active === false), 'the deactivation is a change');
    });

    it('changes since a time include what was written after it, oldest first, one page after another', async () => {
      const since = new Date(Date.now() - 1000).toISOString();
      const a = await newCustomer('Changed Since One');
      const b = await newCustomer('Changed Since Two');
      await post('/actors/save', { actorType: 'customer', actors: [{ erpKey: a.erpKey, values: { city: 'Köln' } }] });
      const seen: Actor[] = [];
      let cursor: string | null = null;
      do {
        const r = await post('/actors/changed-since', { actorType: 'customer', since, limit: 1, cursor });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        seen.push(...r.body.actors);
        cursor = r.body.nextCursor;
      } while (cursor && seen.length < 500);
      const keys = seen.map((x) => x.erpKey);
      assert.equal(new Set(keys).size, keys.length, 'no actor twice');
      assert.ok(keys.indexOf(b.erpKey) >= 0 && keys.indexOf(b.erpKey) < keys.indexOf(a.erpKey), `b was created after a, but a was written last: ${JSON.stringify(keys)}`);
      const stamps = seen.map((x) => x.lastModified);
      assert.deepEqual(stamps, [...stamps].sort());
    });

    it('persons are parties that work for their company: searched under it, created under it', async () => {
      const company = await newCustomer('Employer Of Persons');
      const r = await post('/actors/create', { actorType: 'person', parentKey: company.erpKey, values: { name: 'Jana Employed', email: 'jana@example.com' } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.actor.parentKey, company.erpKey);
      const [relation] = await tryton.model<{ to: number; 'type.': { name: string } }[]>('party.relation.all.search_read', [[['from_', '=', Number(r.body.actor.erpKey)]], 0, 5, null, ['to', 'type.name']]);
      assert.deepEqual(relation && [relation.to, relation['type.'].name], [Number(company.erpKey), 'Works for']);
      const under = await post('/actors/search', { actorType: 'person', parentKey: company.erpKey, text: '' });
      assert.deepEqual(under.body.actors.map((a) => a.values.name), ['Jana Employed']);
      const elsewhere = await post('/actors/search', { actorType: 'person', parentKey: (await newCustomer('No Employees')).erpKey, text: 'jana' });
      assert.deepEqual(elsewhere.body.actors, []);
      const orphan = await post('/actors/create', { actorType: 'person', parentKey: '999999', values: { name: 'Nobody' } });
      assert.equal(orphan.status, 422);
    });

    it('projects are project.work records of the company', async () => {
      const name = `Connector Project ${Math.random().toString(36).slice(2, 8)}`;
      const r = await post('/actors/create', { actorType: 'project', values: { name, notes: 'From the CRM' } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const [work] = await tryton.model<{ name: string; type: string; comment: string }[]>('project.work.read', [[Number(r.body.actor.erpKey)], ['name', 'type', 'comment']]);
      assert.deepEqual(work && [work.name, work.type, work.comment], [name, 'project', 'From the CRM']);
      const found = await post('/actors/search', { actorType: 'project', text: name.toUpperCase() });
      assert.deepEqual(found.body.actors.map((a) => a.erpKey), [r.body.actor.erpKey]);
    });
  });
}
