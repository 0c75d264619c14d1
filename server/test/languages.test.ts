// The ERP's texts in the user's language: the sync service answers each request in the language its
// Accept-Language asks for, from the translations its connector sent (the simulated connector's),
// and in English where it has none. Over real HTTP, on PGlite.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { serviceTarget, type Target } from './targets.js';

interface State {
  connections: { id: string; fields: { field: { key: string; label: string; labels?: unknown }; displayValue: string }[] }[];
}

describe('sync service: the ERP texts in the language asked for', () => {
  let target: Target;
  let token: string;
  before(async () => {
    target = await serviceTarget('languages');
    token = await target.token();
  });
  after(() => target.close());

  const get = async (path: string, language?: string) => {
    const res = await fetch(`${target.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}`, ...(language ? { 'accept-language': language } : {}) } });
    assert.equal(res.status, 200, await res.clone().text());
    return { vary: res.headers.get('vary'), body: (await res.json()) as unknown };
  };
  const field = (state: State, key: string) => state.connections.find((c) => c.id === 'conn-a')!.fields.find((f) => f.field.key === key)!;

  it('labels fields and list values of the record in German, Danish and Dutch, English otherwise', async () => {
    const expected = {
      de: ['Kreditlimit', 'Zahlungsbedingungen', '30 Tage netto'],
      da: ['Kreditgrænse', 'Betalingsbetingelser', '30 dage netto'],
      nl: ['Kredietlimiet', 'Betalingsvoorwaarden', '30 dagen netto'],
      en: ['Credit limit', 'Payment terms', '30 days net'],
    };
    for (const [header, [credit, terms, net30]] of Object.entries({ ...expected, 'de-CH,de;q=0.9,en;q=0.8': expected.de, 'fr-FR,fr;q=0.9': expected.en })) {
      const { vary, body } = await get('/entities/company/c1/erp-state', header);
      const state = body as State;
      assert.equal(field(state, 'creditLimit').field.label, credit, header);
      assert.equal(field(state, 'paymentTerms').field.label, terms, header);
      assert.equal(field(state, 'paymentTerms').displayValue, net30, header);
      // The widget gets one text per label, never the connector's translations.
      assert.equal(field(state, 'creditLimit').field.labels, undefined);
      assert.match(vary ?? '', /accept-language/i);
    }
    // No header: English.
    assert.equal(field((await get('/entities/company/c1/erp-state')).body as State, 'creditLimit').field.label, 'Credit limit');
  });

  it('keeps the history in English and labels it in the language of whoever reads it', async () => {
    const sync = await fetch(`${target.apiUrl}/entities/company/c1/links/conn-a/sync`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'de', 'idempotency-key': crypto.randomUUID() },
    });
    assert.equal(sync.status, 200, await sync.clone().text());
    type Page = { items: { changes: { field: string; label: string }[] }[] };
    const label = async (language?: string) => {
      const page = (await get('/entities/company/c1/links/conn-a/history', language)).body as Page;
      const change = page.items.flatMap((e) => e.changes).find((c) => c.field === 'phone');
      assert.ok(change, 'the sync recorded the phone number it wrote');
      return change.label;
    };
    assert.equal(await label(), 'Phone');
    assert.equal(await label('nl'), 'Telefoon');
    assert.equal(await label('da'), 'Telefon');
  });

  it('answers search columns, searchable fields and lists in the language asked for', async () => {
    const res = await fetch(`${target.apiUrl}/connections/conn-a/actor-types/customer/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'nl', 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ text: 'ACME' }),
    });
    assert.equal(res.status, 200);
    const found = (await res.json()) as { columns: { key: string; label: string }[]; rows: { key: string; cells: Record<string, string> }[] };
    assert.equal(found.columns.find((c) => c.key === 'number')?.label, 'Klantnummer');
    assert.equal(found.rows.find((r) => r.key === '100001')?.cells.countryCode, 'Verenigd Koninkrijk');
    const searchable = (await get('/connections/conn-a/actor-types/customer/searchable-fields', 'da')).body as { key: string; label: string }[];
    assert.equal(searchable.find((f) => f.key === 'city')?.label, 'By');
    const countries = (await get('/connections/conn-a/lists/countries', 'de')).body as { id: string; label: string }[];
    assert.deepEqual(countries.find((c) => c.id === 'DK'), { id: 'DK', label: 'Dänemark' });
  });
});
