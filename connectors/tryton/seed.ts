// Seeds a fresh Tryton database through its JSON-RPC API for the tests, the demo and the benchmark:
// a company, the two party categories, a few countries, payment terms, N customers and suppliers
// (addresses, e-mail, phone, valid VAT numbers) and projects. Idempotent: a seeded database is left
// as it is. `node --import tsx connectors/tryton/seed.ts URL DATABASE USER PASSWORD [PARTIES]`
import { WORKS_FOR } from './erp.js';
import { encode, TrytonRpc } from './rpc.js';

export const SEED_COMPANY = 'Erp Widget Demo GmbH';

const WORDS = ['Brandt', 'Nordic', 'Alpine', 'Baltic', 'Delta', 'Union', 'Crown', 'Rapid', 'Golden', 'Central', 'Harbour', 'Summit'];
const KINDS = ['Maschinenbau', 'Logistics', 'Foods', 'Systems', 'Textiles', 'Energy', 'Pharma', 'Timber', 'Shipping', 'Trading'];
const CITIES: [string, string, string][] = [
  ['DE', '10115', 'Berlin'], ['DE', '80331', 'München'], ['DK', '1050', 'København'], ['NL', '1012', 'Amsterdam'], ['GB', 'EC1A', 'London'], ['FR', '75001', 'Paris'],
];
const COUNTRIES: Record<string, string> = { DE: 'Germany', DK: 'Denmark', NL: 'Netherlands', GB: 'United Kingdom', FR: 'France', US: 'United States' };

/** A German VAT number with a valid check digit (ISO 7064 MOD 11,10), as Tryton's check demands. */
export function germanVat(n: number): string {
  const digits = String(10_000_000 + ((n * 7919) % 89_999_999));
  let product = 10;
  for (const d of digits) {
    let sum = (Number(d) + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const check = (11 - product) % 10;
  return `DE${digits}${check}`;
}

export async function seedTryton(rpc: TrytonRpc, parties = 300): Promise<{ created: boolean }> {
  const existing = await rpc.model<{ id: number }[]>('company.company.search_read', [[['party.name', '=', SEED_COMPANY]], 0, 1, null, ['id']]);
  if (existing.length) return { created: false };

  const [eur] = await rpc.model<number[]>('currency.currency.create', [[{ name: 'Euro', code: 'EUR', symbol: '€', digits: 2, rounding: encode.decimal('0.01') }]]);
  const [companyParty] = await rpc.model<number[]>('party.party.create', [[{ name: SEED_COMPANY }]]);
  const [company] = await rpc.model<number[]>('company.company.create', [[{ party: companyParty, currency: eur }]]);
  const [admin] = await rpc.model<number[]>('res.user.search', [[['login', '=', rpc.login.user]]]);
  await rpc.model('res.user.write', [[admin], { companies: [['add', [company]]], company }]);

  const [customer, , person] = await rpc.model<number[]>('party.category.create', [[{ name: 'Customer' }, { name: 'Supplier' }, { name: 'Person' }]]);
  // Persons work for a company (party_relationship): "Works for", its reverse "Employs".
  const [worksFor] = await rpc.model<number[]>('party.relation.type.create', [[{ name: WORKS_FOR }]]);
  const [employs] = await rpc.model<number[]>('party.relation.type.create', [[{ name: 'Employs', reverse: worksFor }]]);
  await rpc.model('party.relation.type.write', [[worksFor], { reverse: employs }]);
  await rpc.model<number[]>('country.country.create', [Object.entries(COUNTRIES).map(([code, name]) => ({ code, name }))]);
  await rpc.model('account.invoice.payment_term.create', [
    [
      { name: '14 days net', lines: [['create', [{ type: 'remainder', relativedeltas: [['create', [{ days: 14 }]]] }]]] },
      { name: '30 days net', lines: [['create', [{ type: 'remainder', relativedeltas: [['create', [{ days: 30 }]]] }]]] },
    ],
  ]);

  await addParties(rpc, 0, parties);
  const customers = await rpc.model<{ id: number; name: string }[]>('party.party.search_read', [[['categories', '=', customer]], 0, 20, [['id', 'ASC']], ['name']]);
  await rpc.model('project.work.create', [customers.map((party, i) => ({ name: `${['Rollout', 'Migration', 'Audit', 'Pilot'][i % 4]} ${2025 + (i % 2)}`, type: 'project', company, party: party.id }))]);
  // Two persons at each of the first 20 customers.
  const given = ['Klaus', 'Anna', 'Mette', 'Pieter', 'Sophie', 'Lars'];
  await rpc.model('party.party.create', [
    customers.flatMap((c, i) =>
      [0, 1].map((k) => {
        const name = `${given[(i * 2 + k) % given.length]} ${c.name.split(' ')[0]}`;
        return {
          name,
          categories: [['add', [person]]],
          relations: [['create', [{ to: c.id, type: worksFor }]]],
          contact_mechanisms: [['create', [{ type: 'email', value: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com` }]]],
        };
      }),
    ),
  ]);
  return { created: true };
}

/** Parties number `from` to `from + count - 1` (every third a supplier), in batches of 100 per call. */
export async function addParties(rpc: TrytonRpc, from: number, count: number): Promise<void> {
  const categories = await rpc.model<{ id: number; name: string }[]>('party.category.search_read', [[['name', 'in', ['Customer', 'Supplier']]], 0, 2, null, ['name']]);
  const customer = categories.find((c) => c.name === 'Customer')!.id;
  const supplier = categories.find((c) => c.name === 'Supplier')!.id;
  const countries = await rpc.model<{ id: number; code: string }[]>('country.country.search_read', [[], 0, 100, null, ['code']]);
  const country = Object.fromEntries(countries.map((c) => [c.code, c.id]));
  for (let start = from; start < from + count; start += 100) {
    const batch = [];
    for (let i = start; i < Math.min(from + count, start + 100); i++) {
      const [code, postal, city] = CITIES[i % CITIES.length]!;
      const name = `${WORDS[i % WORDS.length]} ${KINDS[Math.floor(i / WORDS.length) % KINDS.length]}${i >= WORDS.length * KINDS.length ? ` ${Math.floor(i / (WORDS.length * KINDS.length)) + 1}` : ''}`;
      batch.push({
        name,
        categories: [['add', [i % 3 === 2 ? supplier : customer]]],
        addresses: [['create', [{ street: `${['Hauptstraße', 'Market Street', 'Kanaalweg', 'Vestergade'][i % 4]} ${(i % 90) + 1}`, postal_code: postal, city, country: country[code] }]]],
        contact_mechanisms: [['create', [{ type: 'email', value: `info@${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example` }, { type: 'phone', value: `+49 30 ${String(1000000 + i).slice(1)}` }]]],
        identifiers: [['create', [{ type: 'eu_vat', code: germanVat(i + 1) }]]],
      });
    }
    await rpc.model('party.party.create', [batch]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, database, user, password, parties] = process.argv.slice(2);
  const rpc = new TrytonRpc({ url: url!, database: database!, user: user!, password: password!, timeoutMs: 120_000 });
  const { created } = await seedTryton(rpc, Number(parties ?? 300));
  console.log(created ? `Seeded Tryton database "${database}"` : `Tryton database "${database}" was seeded already`);
}
