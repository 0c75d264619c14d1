import { expect } from '@open-wc/testing';
import { ErpSimulator, Faults, SimProblem } from '../../simulated-erp/index.js';
import type { ProblemBody } from '../../src/model/types.js';

const c = (id: string) => ({ type: 'company' as const, id });
const p = (id: string) => ({ type: 'person' as const, id });
const NOW = Date.parse('2025-06-01T12:00:00Z');
const newSim = () => new ErpSimulator({ now: () => NOW });

/** The problem a call throws (fails the test when it does not throw one). */
function problemOf(call: () => unknown): ProblemBody {
  try {
    call();
  } catch (error) {
    if (error instanceof SimProblem) return error.body;
    throw error;
  }
  throw new Error('expected a problem');
}

const guard = (version: string, idempotencyKey: string) => ({ version, idempotencyKey });

describe('ErpSimulator: entity state', () => {
  it('shows a linked company with ranked tab fields and blocks the other actor type', () => {
    const state = newSim().getEntityState(c('c1'));
    expect(state.available).to.equal(true);
    expect(state.connections.map((x) => x.name)).to.deep.equal(['Contoso ERP', 'Northwind Finance']);
    const [a, b] = state.connections;
    expect(a!.link).to.include({ actorType: 'customer', erpKey: '100001', displayName: 'ACME Limited', status: 'ok' });
    expect(a!.actorTypes).to.deep.equal([
      { type: 'customer', available: true },
      { type: 'supplier', available: false, reason: 'other-actor-linked' },
    ]);
    expect(a!.fields[0]!.field.key).to.equal('name');
    const currency = a!.fields.find((f) => f.field.key === 'currencyCode')!;
    expect(currency).to.include({ value: 'GBP', displayValue: 'Pound sterling', direction: 'erp-to-crm' });
    expect(a!).to.include({ canCreateActors: true, supportsAdvancedSearch: true });
    expect(b!).to.include({ canCreateActors: false, supportsAdvancedSearch: false });
  });

  it('offers persons only when the company is linked, with the parent key', () => {
    const sim = newSim();
    const jane = sim.getEntityState(p('p1')).connections[0]!;
    expect(jane).to.include({ companyLinked: true, companyErpKey: '100001' });
    expect(jane.actorTypes).to.deep.equal([{ type: 'person', available: true }]);
    const klaus = sim.getEntityState(p('p2')).connections[0]!;
    expect(klaus.actorTypes).to.deep.equal([{ type: 'person', available: false, reason: 'company-not-linked' }]);
    // Northwind supports customers and suppliers only: no person offer there.
    expect(sim.getEntityState(p('p1')).connections[1]!.actorTypes).to.deep.equal([]);
  });

  it('hides the tab by licence, scope and active connections', () => {
    const sim = newSim();
    sim.setCurrentUser('u-carl');
    expect(sim.getEntityState(c('c1'))).to.include({ available: false, unavailableReason: 'no-licence' });
    sim.setCurrentUser('u-dora');
    expect(sim.getEntityState(c('c1'))).to.include({ available: false, unavailableReason: 'no-access' });
    expect(problemOf(() => sim.searchActors('conn-a', 'customer', { text: '' })).code).to.equal('no-access');
    sim.setCurrentUser('u-eve');
    expect(sim.getEntityState(c('c1')).connections.map((x) => x.id)).to.deep.equal(['conn-b']);
    expect(problemOf(() => sim.searchActors('conn-a', 'customer', { text: '' })).status).to.equal(403);
    sim.setCurrentUser('u-anna');
    sim.setConnectionActive('conn-a', false);
    sim.setConnectionActive('conn-b', false);
    expect(sim.getEntityState(c('c1'))).to.include({ available: false, unavailableReason: 'no-active-connection' });
  });
});

describe('ErpSimulator: search', () => {
  it('pages 100,000 customers by cursor without building them all', () => {
    const sim = newSim();
    const before = sim.actors.materialized;
    const first = sim.searchActors('conn-a', 'customer', { text: '' });
    expect(first.total).to.equal(100_000);
    expect(first.rows).to.have.length(50);
    expect(first.nextCursor).to.equal('50');
    expect(first.columns.map((col) => col.key)).to.include.members(['number', 'name', 'city']);
    const second = sim.searchActors('conn-a', 'customer', { text: '', cursor: first.nextCursor, limit: 20 });
    expect(second.rows).to.have.length(20);
    expect(second.rows.map((r) => r.key)).to.not.include.members(first.rows.map((r) => r.key));
    const last = sim.searchActors('conn-a', 'customer', { text: '', cursor: '99990' });
    expect(last.rows).to.have.length(10);
    expect(last.nextCursor).to.equal(null);
    expect(sim.actors.materialized - before).to.be.below(100);
    // Deterministic: another simulator generates the same customers.
    expect(newSim().searchActors('conn-a', 'customer', { text: '', cursor: '50', limit: 20 }).rows).to.deep.equal(second.rows);
  });

  it('matches text on name and number, and returns hostile names as plain data', () => {
    const sim = newSim();
    expect(sim.searchActors('conn-a', 'customer', { text: '100001' }).rows[0]!.displayName).to.equal('ACME Limited');
    const acme = sim.searchActors('conn-a', 'customer', { text: 'acme' });
    expect(acme.rows.map((r) => r.key)).to.include('100001');
    expect(acme.total).to.equal(acme.rows.length);
    expect(sim.searchActors('conn-a', 'customer', { text: 'bold' }).rows.map((r) => r.displayName)).to.include('<b>bold</b>');
    expect(sim.searchActors('conn-a', 'customer', { text: 'onerror' }).rows[0]!.displayName).to.equal('<img src=x onerror=alert(1)>');
  });

  it('matches word by word, ignoring legal forms, case and diacritics', () => {
    const sim = newSim();
    const keys = (text: string) => sim.searchActors('conn-a', 'customer', { text }).rows.map((r) => r.key);
    // The CRM's name has "GmbH", the ERP's does not: the record is found, and the AG one too.
    expect(keys('Brandt Maschinenbau GmbH')).to.include.members(['100002', '100003']);
    expect(keys('maschinenbau BRANDT')).to.include.members(['100002', '100003']);
    // Every word must be in the name: one that is not leaves the record out.
    expect(keys('Brandt Logistiek')).to.not.include('100002');
    sim.setErpValues('conn-a', 'customer', '100005', { name: 'Zürich Ökobau AG' });
    expect(keys('zurich okobau')).to.deep.equal(['100005']);
    expect(keys('ZÜRICH')).to.include('100005');
    // A text of legal forms only is searched as it is.
    expect(keys('B.V.')).to.include('100004');
    expect(keys('Zürich GmbH')).to.deep.equal(['100005']);
    expect(keys('Zürich Logistik')).to.deep.equal([]);
  });

  it('searches persons only under their parent customer', () => {
    const sim = newSim();
    const result = sim.searchActors('conn-a', 'person', { text: '', parentKey: '100001' });
    expect(result.total).to.be.within(2, 6);
    expect(result.rows.every((r) => r.key.startsWith('100001-'))).to.equal(true);
    expect(result.rows.map((r) => r.displayName)).to.include('Jane Smith');
    expect(sim.searchActors('conn-a', 'person', { text: 'jane', parentKey: '100001' }).rows).to.have.length(1);
    expect(problemOf(() => sim.searchActors('conn-a', 'person', { text: '' }))).to.include({ code: 'parent-required', field: '/parentKey' });
  });

  it('combines advanced restrictions with AND and rejects what the connection cannot do', () => {
    const sim = newSim();
    const result = sim.searchActorsAdvanced('conn-a', 'customer', {
      restrictions: [
        { field: 'countryCode', operator: 'oneOf', values: ['DK', 'NO'] },
        { field: 'name', operator: 'begins', values: ['nordic'] },
        { field: 'creditLimit', operator: 'between', values: ['1000', '50000'] },
      ],
      limit: 10,
    });
    expect(result.total).to.be.greaterThan(0);
    for (const row of result.rows) {
      const actor = sim.erpActor('conn-a', 'customer', row.key)!;
      expect(['DK', 'NO']).to.include(actor.values.countryCode);
      expect(String(actor.values.name).startsWith('Nordic')).to.equal(true);
      expect(actor.values.creditLimit).to.be.within(1000, 50000);
    }
    const bad = problemOf(() =>
      sim.searchActorsAdvanced('conn-a', 'customer', { restrictions: [{ field: 'employees', operator: 'contains', values: ['1'] }] }),
    );
    expect(bad).to.include({ status: 422, code: 'invalid-restriction', field: '/restrictions/0/operator' });
    expect(sim.getSearchableFields('conn-b', 'customer')).to.deep.equal([]);
    expect(problemOf(() => sim.searchActorsAdvanced('conn-b', 'customer', { restrictions: [] })).code).to.equal('advanced-search-unsupported');
  });

  it('suggests matches by normalized VAT, e-mail, previous link and similar names', () => {
    const sim = newSim();
    const brandt = sim.getMatchSuggestions(c('c2'), 'conn-a', 'customer');
    expect(brandt[0]).to.include({ key: '100002', strength: 'strong' });
    expect(brandt[0]!.reasons).to.include('vat-equal');
    expect(brandt.find((s) => s.key === '100003')).to.include({ strength: 'weak' });
    expect(sim.getMatchSuggestions(c('c6'), 'conn-a', 'customer')[0]!.reasons).to.include('previously-linked');
    expect(sim.getMatchSuggestions(p('p1'), 'conn-a', 'person')[0]).to.include({ key: '100001-1', strength: 'strong' });
  });
});

describe('ErpSimulator: linking', () => {
  const choices = { name: 'crm', vatNumber: 'erp', creditLimit: 'erp', employees: 'crm', founded: 'erp' } as const;

  it('applies an idempotent save once and answers a stale version with 409', () => {
    const sim = newSim();
    const { version } = sim.getEntityState(c('c2')).connections[0]!;
    const body = { actorType: 'customer' as const, erpKey: '100002', choices };
    const first = sim.saveLink(c('c2'), 'conn-a', body, guard(version, 'key-1'));
    const retry = sim.saveLink(c('c2'), 'conn-a', body, guard(version, 'key-1'));
    expect(retry).to.deep.equal(first);
    expect(first.link).to.include({ erpKey: '100002', status: 'ok' });
    expect(first.version).to.not.equal(version);
    const events = sim.getHistory(c('c2'), 'conn-a', null).items;
    expect(events.filter((e) => e.kind === 'linked')).to.have.length(1);
    // The choices reached both sides.
    expect(sim.erpActor('conn-a', 'customer', '100002')!.values.name).to.equal('Brandt Maschinenbau GmbH');
    expect(sim.crmRecord('company', 'c2')!.values.creditLimit).to.equal(80000);
    // The VAT numbers differ only in spelling: each side keeps its own.
    expect(sim.crmRecord('company', 'c2')!.values.orgNr).to.equal('DE 123 456 789');
    const stale = problemOf(() => sim.removeLink(c('c2'), 'conn-a', guard(version, 'key-2')));
    expect(stale).to.include({ status: 409, code: 'version-conflict' });
    expect(problemOf(() => sim.saveLink(c('c2'), 'conn-a', { ...body, erpKey: '100003' }, guard(first.version, 'key-1'))).code)
      .to.equal('idempotency-key-reused');
  });

  it('requires a choice for differing two-way fields and rolls back on failure', () => {
    const sim = newSim();
    const { version } = sim.getEntityState(c('c2')).connections[0]!;
    const missing = problemOf(() => sim.saveLink(c('c2'), 'conn-a', { actorType: 'customer', erpKey: '100002', choices: {} }, guard(version, 'k')));
    expect(missing).to.include({ code: 'choice-missing', field: '/choices/name' });
    expect(sim.getEntityState(c('c2')).connections[0]!).to.include({ link: null, version });
    expect(sim.crmRecord('company', 'c2')!.values.creditLimit).to.equal(75000.5);
  });

  it('creates an actor once per idempotency key, only where creating is allowed', () => {
    const sim = newSim();
    const fields = sim.getNewActorFields(c('c6'), 'conn-a', 'customer').fields;
    expect(fields.find((f) => f.field.key === 'name')!.value).to.equal('Nordlys Energi AS');
    expect(fields.find((f) => f.field.key === 'paymentTerms')!.value).to.equal('NET30');
    const { version } = sim.getEntityState(c('c6')).connections[0]!;
    const body = { actorType: 'customer' as const, create: { values: { name: 'Nordlys Energi AS', creditLimit: 2500 }, reason: 'new legal entity' }, choices: {} };
    const made = sim.saveLink(c('c6'), 'conn-a', body, guard(version, 'create-1'));
    const again = sim.saveLink(c('c6'), 'conn-a', body, guard(version, 'create-1'));
    expect(again.link!.erpKey).to.equal(made.link!.erpKey);
    expect(sim.toJSON().created['conn-a']).to.have.length(1);
    expect(sim.erpActor('conn-a', 'customer', made.link!.erpKey)!.values).to.include({ creditLimit: 2500, paymentTerms: 'NET30' });
    expect(sim.getHistory(c('c6'), 'conn-a', null).items[1]).to.include({ kind: 'created', reason: 'new legal entity' });
    const tooLong = problemOf(() =>
      sim.saveLink(c('c2'), 'conn-a', { ...body, create: { values: { name: 'x'.repeat(51) } } }, guard(sim.getEntityState(c('c2')).connections[0]!.version, 'c2')),
    );
    expect(tooLong).to.include({ code: 'validation-failed', field: '/create/values/name' });
    const northwind = sim.getEntityState(c('c2')).connections[1]!;
    expect(problemOf(() => sim.saveLink(c('c2'), 'conn-b', body, guard(northwind.version, 'nw'))).code).to.equal('create-not-allowed');
  });

  it('disconnects softly: the link goes, the actor stays and is suggested first', () => {
    const sim = newSim();
    const { version } = sim.getEntityState(c('c1')).connections[0]!;
    const after = sim.removeLink(c('c1'), 'conn-a', guard(version, 'rm'));
    expect(after.link).to.equal(null);
    expect(after.actorTypes.every((o) => o.available)).to.equal(true);
    expect(sim.erpActor('conn-a', 'customer', '100001')!.values.name).to.equal('ACME Limited');
    const first = sim.getMatchSuggestions(c('c1'), 'conn-a', 'customer')[0]!;
    expect(first.key).to.equal('100001');
    expect(first.reasons).to.include.members(['previously-linked', 'vat-equal']);
  });
});

describe('ErpSimulator: sync', () => {
  it('applies values per direction and records the time', () => {
    const sim = newSim();
    const result = sim.syncNow(c('c1'), 'conn-a');
    expect(result.status).to.equal('synced');
    expect(result.connection.link!.lastSynced).to.equal(new Date(NOW).toISOString());
    expect(sim.crmRecord('company', 'c1')!.values.creditLimit).to.equal(50000); // ERP leads
    expect(sim.erpActor('conn-a', 'customer', '100001')!.values.phone).to.equal('+44 20 7946 0999'); // CRM changed
    expect(sim.erpActor('conn-a', 'customer', '100001')!.values.employees).to.equal(260); // CRM leads
  });

  it('reports fields changed on both sides with the last synced value', () => {
    const result = newSim().syncNow(c('c3'), 'conn-a');
    expect(result.status).to.equal('conflict');
    if (result.status !== 'conflict') return;
    expect(result.conflicts.map((x) => x.field.key)).to.deep.equal(['phone']);
    expect(result.conflicts[0]).to.include({ crmValue: '+45 33 12 00 00', erpValue: '+45 33 99 88 77', lastSyncedValue: '+45 33 12 34 56' });
  });

  it('takes values that differ only in spelling for the same: no difference, no conflict', () => {
    const sim = newSim();
    // c2's VAT number is "DE 123 456 789" in the CRM, "DE123456789" in the ERP's 100002.
    sim.setCrmValue('company', 'c2', 'email', 'INFO@Brandt-Maschinenbau.example ');
    sim.setCrmValue('company', 'c2', 'phone', '0049 711 12 34 56');
    const compared = sim.compare(c('c2'), { connectionId: 'conn-a', actorType: 'customer', erpKey: '100002' });
    const differs = (key: string) => compared.fields.find((f) => f.field.key === key)?.differs;
    expect(differs('vatNumber')).to.equal(false);
    expect(differs('email')).to.equal(false);
    expect(differs('phone')).to.equal(false);
    expect(differs('name')).to.equal(true); // "GmbH" is part of a name's value
    // Linked, then respelled on one side and changed on the other: still no conflict.
    const { version } = sim.getEntityState(c('c2')).connections[0]!;
    sim.saveLink(c('c2'), 'conn-a', { actorType: 'customer', erpKey: '100002', choices: { name: 'crm', creditLimit: 'erp', employees: 'crm' } }, guard(version, 'k'));
    sim.setCrmValue('company', 'c2', 'orgNr', 'de-123.456.789');
    sim.setErpValues('conn-a', 'customer', '100002', { vatNumber: 'DE 123456789', phone: '+49 (711) 123456' });
    const result = sim.syncNow(c('c2'), 'conn-a');
    expect(result.status).to.equal('synced');
    // A real change still counts: a different number is a difference.
    sim.setErpValues('conn-a', 'customer', '100002', { vatNumber: 'DE 999 999 999' });
    expect(sim.compare(c('c2'), { connectionId: 'conn-a', actorType: 'customer', erpKey: '100002' }).fields.find((f) => f.field.key === 'vatNumber')!.differs).to.equal(true);
  });

  it('keeps the history in English and labels it in the reader\'s language', () => {
    const sim = newSim();
    // A German user syncs: the change is kept in English, not in the writer's language.
    sim.speaking('de', () => sim.syncNow(c('c1'), 'conn-a'));
    const kept = sim.getHistory(c('c1'), 'conn-a', null).items[0]!;
    const phone = kept.changes.find((x) => x.field === 'phone')!;
    expect(phone.label).to.equal('Phone');
    // Each reader sees the labels in their language.
    const inDutch = sim.speaking('nl', () => sim.getHistory(c('c1'), 'conn-a', null)).items[0]!;
    expect(inDutch.changes.find((x) => x.field === 'phone')!.label).to.equal('Telefoon');
    expect(sim.speaking('de', () => sim.getHistory(c('c1'), 'conn-a', null)).items[0]!.changes.find((x) => x.field === 'phone')!.label).to.equal('Telefon');
  });

  it('stores a connector error on the link', () => {
    const sim = newSim();
    const problem = problemOf(() => sim.syncNow(c('c4'), 'conn-a'));
    expect(problem).to.include({ status: 502, code: 'connector-error' });
    const link = sim.getEntityState(c('c4')).connections[0]!.link!;
    expect(link.status).to.equal('error');
    expect(link.lastError!.code).to.equal('connector-error');
  });
});

describe('ErpSimulator: administration', () => {
  it('validates connectors and connections', () => {
    const sim = newSim();
    expect(problemOf(() => sim.addConnector({ name: 'contoso sync connector', url: 'https://x.example' }))).to.include({ status: 409, code: 'duplicate-name' });
    expect(problemOf(() => sim.removeConnector('ctr-contoso'))).to.include({ status: 409, code: 'connector-in-use' });
    sim.removeConnector('ctr-spare');
    expect(sim.testConnectorUrl('https://down.example').ok).to.equal(false);
    const input = { name: 'Northwind Finance', connectorId: 'ctr-contoso', scope: { kind: 'everyone' as const }, description: '', config: {} };
    expect(problemOf(() => sim.addConnection(input)).code).to.equal('duplicate-name');
    expect(problemOf(() => sim.setConnectionActive('conn-c', true))).to.include({ status: 422, code: 'incomplete-configuration' });
  });

  it('never returns passwords and keeps them when not sent again', () => {
    const sim = newSim();
    const conn = sim.getConnection('conn-a');
    expect(conn.config.password).to.deep.equal({ set: true });
    expect(JSON.stringify(sim.listConnections())).to.not.contain('secret-a');
    sim.setConnectionActive('conn-a', false);
    const { version } = sim.getConnection('conn-a');
    const updated = sim.updateConnection('conn-a', { ...conn, config: { ...conn.config, companyDb: 'CONTOSO02' } }, version);
    expect(updated.config).to.include({ companyDb: 'CONTOSO02' });
    expect(sim.testConnection('conn-a').ok).to.equal(true);
    expect(problemOf(() => sim.updateConnection('conn-a', conn, version)).code).to.equal('version-conflict');
  });

  it('validates mappings, list mappings and defaults', () => {
    const sim = newSim();
    const mapping = sim.getActorTypeMapping('conn-a', 'customer');
    const balance = mapping.fields.findIndex((f) => f.erpField.key === 'balance');
    expect(mapping.fields[balance]!.notSyncable).to.equal('read-only-in-erp');
    const bad = structuredClone(mapping);
    bad.fields[balance] = { ...bad.fields[balance]!, crmField: 'creditLimit', direction: 'both' };
    expect(problemOf(() => sim.saveActorTypeMapping('conn-a', bad))).to.include({ code: 'not-syncable', field: `/fields/${balance}/crmField` });
    const list = sim.getListMapping('conn-a', 'currencies');
    const dup = problemOf(() => sim.saveListMapping('conn-a', { ...list, map: { ...list.map, USD: 'crm-eur' } }));
    expect(dup).to.include({ code: 'duplicate-mapping', field: '/map/USD' });
    const { defaults, version } = sim.getDefaults('conn-a', 'customer');
    const unlocked = defaults.map((d) => ({ ...d, mandatory: false }));
    expect(problemOf(() => sim.saveDefaults('conn-a', 'customer', { defaults: unlocked, version })).code).to.equal('locked');
    sim.saveRank('conn-a', 'customer', ['creditLimit', 'name'], sim.getActorTypeMapping('conn-a', 'customer').version);
    expect(sim.getEntityState(c('c1')).connections[0]!.fields.map((f) => f.field.key).slice(0, 2)).to.deep.equal(['creditLimit', 'name']);
  });

  it('refuses administration to non-admins', () => {
    const sim = newSim();
    sim.setCurrentUser('u-ben');
    expect(problemOf(() => sim.listConnections())).to.include({ status: 403, code: 'forbidden' });
  });
});

describe('ErpSimulator: state and faults', () => {
  it('round-trips its state through JSON and resets', () => {
    const sim = newSim();
    sim.removeLink(c('c1'), 'conn-a', guard('v1', 'rm'));
    sim.setCurrentUser('u-ben');
    const copy = ErpSimulator.fromJSON(JSON.parse(JSON.stringify(sim)), { now: () => NOW });
    expect(copy.getEntityState(c('c1')).connections[0]!.link).to.equal(null);
    expect(copy.currentUser.id).to.equal('u-ben');
    copy.reset();
    expect(copy.getEntityState(c('c1')).connections[0]!.link!.erpKey).to.equal('100001');
    expect(() => ErpSimulator.fromJSON({ nope: true })).to.throw(TypeError);
  });

  it('consumes faults with times and combines latency with a failure', () => {
    const faults = new Faults();
    faults.inject('syncNow', { kind: 'latency', ms: 100 }).inject('syncNow', { kind: 'problem', status: 503, code: 'unavailable', times: 1 });
    faults.inject('*', { kind: 'latency', ms: 5 });
    expect(faults.take('syncNow')).to.deep.equal({ latencyMs: 105, failure: { kind: 'problem', status: 503, code: 'unavailable' } });
    expect(faults.take('syncNow')).to.deep.equal({ latencyMs: 105 });
    expect(faults.take('getEntityState')).to.deep.equal({ latencyMs: 5 });
    faults.clear();
    expect(faults.list()).to.deep.equal([]);
  });
});
