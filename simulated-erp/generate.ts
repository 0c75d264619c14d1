import type { ActorType } from '../src/model/types.js';
import { fold } from '../src/model/text-match.js';
import type { DataSetSpec, ErpActor, Values } from './model.js';
import { hash, Rng } from './prng.js';

/**
 * Generated ERP actors: record i of a type is a pure function of (seed, type, i), so 100,000 customers
 * cost nothing until a page of them is looked at.
 */

const FIRST = ['Nordic', 'Alpine', 'Blue', 'Golden', 'Rapid', 'Union', 'Baltic', 'Central', 'Crown', 'Delta',
  'Eagle', 'Falcon', 'Green', 'Harbour', 'Iron', 'Jade', 'Kestrel', 'Lion', 'Metro', 'North', 'Oak', 'Pioneer',
  'Quantum', 'River', 'Silver', 'Titan', 'United', 'Vista', 'West', 'Zenith', 'Atlas', 'Bright'];
const SECOND = ['Steel', 'Logistics', 'Foods', 'Systems', 'Textiles', 'Energy', 'Pharma', 'Timber', 'Shipping',
  'Electronics', 'Consulting', 'Chemicals', 'Motors', 'Paper', 'Glass', 'Dairy', 'Robotics', 'Software', 'Tools',
  'Furniture', 'Packaging', 'Optics', 'Medical', 'Marine', 'Solar', 'Bakery', 'Print', 'Plastics'];
const COUNTRIES = [
  { id: 'DE', cur: 'EUR', forms: ['GmbH', 'AG', 'KG'], cities: ['Berlin', 'Hamburg', 'München', 'Köln'], phone: '+49' },
  { id: 'GB', cur: 'GBP', forms: ['Ltd', 'Limited', 'PLC'], cities: ['London', 'Leeds', 'Bristol', 'Glasgow'], phone: '+44' },
  { id: 'DK', cur: 'DKK', forms: ['ApS', 'A/S'], cities: ['København', 'Aarhus', 'Odense', 'Aalborg'], phone: '+45' },
  { id: 'NL', cur: 'EUR', forms: ['BV', 'NV'], cities: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Eindhoven'], phone: '+31' },
  { id: 'NO', cur: 'NOK', forms: ['AS', 'ASA'], cities: ['Oslo', 'Bergen', 'Trondheim', 'Stavanger'], phone: '+47' },
  { id: 'SE', cur: 'SEK', forms: ['AB'], cities: ['Stockholm', 'Göteborg', 'Malmö', 'Uppsala'], phone: '+46' },
  { id: 'FR', cur: 'EUR', forms: ['SARL', 'SA'], cities: ['Paris', 'Lyon', 'Lille', 'Nantes'], phone: '+33' },
  { id: 'CH', cur: 'CHF', forms: ['AG', 'GmbH'], cities: ['Zürich', 'Basel', 'Bern', 'Genève'], phone: '+41' },
  { id: 'US', cur: 'USD', forms: ['Inc.', 'LLC', 'Corp.'], cities: ['Boston', 'Chicago', 'Denver', 'Austin'], phone: '+1' },
] as const;
const GIVEN = ['Anna', 'Lars', 'Sophie', 'Jan', 'Emma', 'Noah', 'Mette', 'Lukas', 'Sara', 'Pieter', 'Olivia',
  'Henrik', 'Julia', 'Tom', 'Ingrid', 'Max', 'Freja', 'Daan', 'Lea', 'Oscar'];
const FAMILY = ['Müller', 'Jensen', 'de Vries', 'Smith', 'Hansen', 'Schmidt', 'Nielsen', 'Bakker', 'Taylor',
  'Berg', 'Fischer', 'Larsen', 'Visser', 'Brown', 'Johansson', 'Weber', 'Andersen', 'Jansen'];
const TITLES = ['Purchasing manager', 'CFO', 'Accountant', 'Sales director', 'Project lead', 'CEO', 'Buyer'];
const TERMS = ['PREPAID', 'NET14', 'NET30', 'NET30', 'NET60', 'NET90'];
const PROJECT_WORDS = ['Rollout', 'Migration', 'Audit', 'Relaunch', 'Expansion', 'Upgrade', 'Training', 'Pilot'];
const STATUSES = ['PLANNED', 'ACTIVE', 'ACTIVE', 'ONHOLD', 'DONE'];

const CUSTOMER_BASE = 100000;
const SUPPLIER_BASE = 50000;
const PROJECT_BASE = 1001;
/** Generated VAT digits are invertible (100000000 + 7i), so a VAT match needs no scan. */
const VAT_BASE = 100000000;
const VAT_STEP = 7;

/** Key of the i-th generated actor of a type (persons are keyed under their parent instead). */
export function keyAt(type: ActorType, i: number): string {
  if (type === 'customer') return String(CUSTOMER_BASE + i);
  if (type === 'supplier') return String(SUPPLIER_BASE + i);
  if (type === 'project') return `P-${PROJECT_BASE + i}`;
  return `X-${i}`;
}

/** Index of a generated actor from its key, or -1. */
export function indexOf(spec: DataSetSpec, type: ActorType, key: string): number {
  const count = countOf(spec, type);
  let i = -1;
  if (type === 'customer' && /^\d{6}$/.test(key)) i = Number(key) - CUSTOMER_BASE;
  else if (type === 'supplier' && /^\d{5}$/.test(key)) i = Number(key) - SUPPLIER_BASE;
  else if (type === 'project' && /^P-\d+$/.test(key)) i = Number(key.slice(2)) - PROJECT_BASE;
  return i >= 0 && i < count ? i : -1;
}

export function countOf(spec: DataSetSpec, type: ActorType): number {
  if (type === 'customer') return spec.customers;
  if (type === 'supplier') return spec.suppliers;
  if (type === 'project') return spec.projects;
  return 0;
}

const rngFor = (spec: DataSetSpec, type: string, i: number | string) => new Rng(hash(spec.seed, type, i));

function company(rng: Rng) {
  const country = rng.pick(COUNTRIES);
  const name = `${rng.pick(FIRST)} ${rng.pick(SECOND)} ${rng.pick(country.forms)}`;
  return { country, name };
}

// Generated names (and their lower case), kept once made: a text search scans every name of the data set.
const names = new Map<string, string[]>();
const foldedNames = new Map<string, string[]>();

// Trigram index of the generated names per data set (built on first use, where asked for: the
// simulated ERP connector, which answers many searches; the in-browser simulator scans).
const trigramIndexes = new Map<string, Map<string, number[]>>();

function trigramsOf(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= text.length; i++) grams.add(text.slice(i, i + 3));
  return grams;
}

/**
 * The indexes of the generated names that may contain `text` (lower case), ascending, or undefined
 * when the text is too short for the index (then every name is a candidate).
 */
export function nameCandidates(spec: DataSetSpec, type: ActorType, text: string): number[] | undefined {
  if (text.length < 3) return undefined;
  const key = `${spec.seed}/${type}`;
  let index = trigramIndexes.get(key);
  if (!index) {
    index = new Map();
    const count = countOf(spec, type);
    for (let i = 0; i < count; i++) {
      for (const gram of trigramsOf(foldedNameAt(spec, type, i))) {
        const list = index.get(gram);
        if (list) list.push(i);
        else index.set(gram, [i]);
      }
    }
    trigramIndexes.set(key, index);
  }
  const lists = [...trigramsOf(text)].map((g) => index.get(g) ?? []).sort((a, b) => a.length - b.length);
  // Every list is ascending: intersect by walking them side by side (no sets, no sort). A copy,
  // never the index's own list: callers may add to it.
  const [first = [], ...rest] = lists;
  return rest.reduce(intersectSorted, first.slice());
}

function intersectSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

/** The lower-case names of a data set, filled as they are asked for (index = actor index). */
export function foldedNameList(spec: DataSetSpec, type: ActorType): string[] {
  const key = `${spec.seed}/${type}`;
  let list = foldedNames.get(key);
  if (!list) foldedNames.set(key, (list = []));
  return list;
}

/** `fold(nameAt(...))` (lower case, no diacritics), made once. */
export function foldedNameAt(spec: DataSetSpec, type: ActorType, i: number): string {
  return (foldedNameList(spec, type)[i] ??= fold(nameAt(spec, type, i)));
}

/** Just the name: cheap enough to scan 100,000 of them for a text search (and made once). */
export function nameAt(spec: DataSetSpec, type: ActorType, i: number): string {
  const key = `${spec.seed}/${type}`;
  let list = names.get(key);
  if (!list) names.set(key, (list = []));
  return (list[i] ??= makeName(spec, type, i));
}

function makeName(spec: DataSetSpec, type: ActorType, i: number): string {
  const rng = rngFor(spec, type, i);
  if (type === 'project') return `${rng.pick(FIRST)} ${rng.pick(PROJECT_WORDS)} ${2020 + (i % 7)}`;
  return company(rng).name;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const isoDate = (rng: Rng, fromYear: number, toYear: number) =>
  new Date(Date.UTC(rng.int(fromYear, toYear), rng.int(0, 11), rng.int(1, 28))).toISOString();

export function generateActor(spec: DataSetSpec, type: ActorType, i: number): ErpActor {
  const key = keyAt(type, i);
  const rng = rngFor(spec, type, i);
  if (type === 'project') {
    const values: Values = {
      number: key,
      name: nameAt(spec, type, i),
      status: rng.pick(STATUSES),
      startDate: isoDate(rng, 2020, 2026),
      budget: rng.int(10, 2000) * 500,
      hours: rng.int(20, 4000),
      closed: rng.chance(0.2),
      description: rng.chance(0.5) ? 'Fixed-price engagement' : '',
    };
    return { key, type, values };
  }
  const { country, name } = company(rng);
  const city = rng.pick(country.cities);
  const values: Values = {
    number: key,
    name,
    vatNumber: `${country.id}${VAT_BASE + VAT_STEP * i}`,
    email: `info@${slug(name)}.example`,
    phone: `${country.phone} ${rng.int(10, 99)} ${rng.int(100000, 999999)}`,
    city,
    countryCode: country.id,
    currencyCode: country.cur,
    paymentTerms: rng.pick(TERMS),
    active: rng.chance(0.92),
  };
  if (type === 'supplier') {
    values.bankAccount = `${country.id}${rng.int(10, 99)} ${rng.int(1000, 9999)} ${rng.int(1000, 9999)} ${rng.int(1000, 9999)}`;
    return { key, type, values };
  }
  Object.assign(values, {
    street: `${rng.pick(FAMILY)} ${rng.pick(['Street', 'Road', 'Allee', 'Vej', 'Straat'])} ${rng.int(1, 200)}`,
    creditLimit: rng.int(0, 200) * 500,
    employees: rng.int(1, 5000),
    founded: isoDate(rng, 1890, 2022),
    vip: rng.chance(0.05),
    notes: rng.chance(0.3) ? 'Prefers invoices by e-mail' : '',
    balance: Math.round(rng.next() * 5_000_000) / 100,
    creditStatus: rng.chance(0.9) ? 'Credit check passed' : 'Credit check pending',
  });
  return { key, type, values };
}

/** Index of the generated actor whose VAT digits are these, or -1. */
export function indexOfVatDigits(spec: DataSetSpec, type: ActorType, digits: string): number {
  const n = Number(digits) - VAT_BASE;
  if (!/^\d+$/.test(digits) || n < 0 || n % VAT_STEP !== 0) return -1;
  const i = n / VAT_STEP;
  return i < countOf(spec, type) ? i : -1;
}

/** Generated persons under a customer: 2 to 6, decided by the parent key. */
export function personCount(spec: DataSetSpec, parentKey: string): number {
  return spec.persons ? 2 + (hash(spec.seed, 'persons', parentKey) % 5) : 0;
}

export function generatePerson(spec: DataSetSpec, parentKey: string, n: number, companyName: string): ErpActor {
  const rng = rngFor(spec, `person:${parentKey}`, n);
  const name = `${rng.pick(GIVEN)} ${rng.pick(FAMILY)}`;
  const key = `${parentKey}-${n}`;
  return {
    key,
    type: 'person',
    parentKey,
    values: {
      number: key,
      name,
      email: `${slug(name).replace(/-/g, '.')}@${slug(companyName)}.example`,
      phone: `+45 ${rng.int(20, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`,
      title: rng.pick(TITLES),
      birthday: isoDate(rng, 1955, 2000),
      active: rng.chance(0.9),
    },
  };
}
