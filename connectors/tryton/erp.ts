// Tryton behind the connector protocol: parties (customers, suppliers and persons, told apart by a
// party category) and projects (`project.work` of type project), read and written over JSON-RPC.
import type { ActorType, FieldValue, ListItem, Restriction } from '../../src/model/types.js';
import { ACTOR_FIELDS, ACTOR_TYPES } from './fields.js';
import { ConnectorProblem } from '../problem.js';
import { LEGAL_FORMS } from '../../src/model/text-match.js';
import { encode, TrytonError, TrytonRpc } from './rpc.js';

export type Config = Record<string, FieldValue>;
export type Values = Record<string, FieldValue>;

export interface WireActor {
  erpKey: string;
  actorType: ActorType;
  parentKey?: string | null;
  lastModified: string;
  values: Values;
}

/**
 * The field a Tryton `UserError` is about, where its message quotes a value that was sent (`The
 * European VAT Number "NO987654320" for party "Nordlys" is not valid`): the widget then shows it
 * on that field.
 */
export function fieldOfError(error: ConnectorProblem, values: Values): ConnectorProblem {
  if (error.status !== 422 || error.field) return error;
  // The value quoted first is the one refused; the party's name may follow ('… for party "X"').
  let best: { key: string; at: number } | undefined;
  for (const [key, v] of Object.entries(values)) {
    if (typeof v !== 'string' || v.trim().length < 3) continue;
    const at = error.message.indexOf(`"${v.trim()}"`);
    if (at >= 0 && (!best || at < best.at)) best = { key, at };
  }
  return best ? new ConnectorProblem(error.status, error.code, error.message, `/values/${best.key}`) : error;
}

/** Tryton's answers as the protocol's problems, with Tryton's own words where it sent some. */
export function asProblem(error: unknown, database: string): ConnectorProblem {
  if (error instanceof ConnectorProblem) return error;
  // A fault of the connector itself: to the app's error handler, which logs it and answers 500.
  if (!(error instanceof TrytonError)) throw error;
  switch (error.kind) {
    case 'UserError':
      return new ConnectorProblem(422, 'validation-failed', `Tryton: ${error.message}`);
    case 'ConcurrencyException':
      return new ConnectorProblem(409, 'version-conflict', 'The record was changed in Tryton meanwhile: reload it and choose again');
    case 'Unreachable':
      return new ConnectorProblem(503, 'connector-unavailable', error.message);
    case 'UnknownDatabase':
      return new ConnectorProblem(502, 'connector-error', `Tryton has no database "${database}"`);
    default:
      return new ConnectorProblem(502, 'connector-error', error.message);
  }
}

type Row = Record<string, unknown> & { id: number };
interface Ids {
  company: number;
  categories: Record<'customer' | 'supplier', number>;
  person?: { category: number; worksFor: number };
}
/** The party_relationship type that ties a person to the company they work for. */
export const WORKS_FOR = 'Works for';
const PARTY_READ = [
  'code', 'name', 'active', 'write_date', 'create_date', '_timestamp', 'categories',
  'identifiers.type', 'identifiers.code', 'contact_mechanisms.type', 'contact_mechanisms.value',
  'addresses.street', 'addresses.postal_code', 'addresses.city', 'addresses.country.code', 'lang.code',
  'customer_payment_term', 'supplier_payment_term',
];
const PERSON_READ = ['code', 'name', 'active', 'write_date', 'create_date', '_timestamp', 'contact_mechanisms.type', 'contact_mechanisms.value', 'relations.to', 'relations.type'];
const PROJECT_READ = ['name', 'status', 'party.rec_name', 'comment', 'write_date', 'create_date', '_timestamp'];

/**
 * Tryton searches only active records unless told otherwise: a party read by its key, or changed, is
 * found deactivated too (a linked customer set inactive in Tryton, or created inactive). The context's
 * `active_test`, not an `active` clause: with one, Tryton 6.0 finds nothing under a nested OR.
 */
const ALL = { active_test: false };

/** A Tryton boolean: on SQLite it travels as 0 or 1. */
const isTrue = (v: unknown): boolean => v === true || v === 1;

const first = <T>(rows: unknown, test: (r: T) => boolean = () => true): T | undefined => (Array.isArray(rows) ? (rows as T[]).find(test) : undefined);
const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** Where a field of the protocol lives in a Tryton domain (advanced search). */
const DOMAIN_PATH: Record<string, string> = {
  number: 'code',
  name: 'name',
  vatNumber: 'identifiers.code',
  email: 'contact_mechanisms.value',
  phone: 'contact_mechanisms.value',
  street: 'addresses.street',
  postalCode: 'addresses.postal_code',
  city: 'addresses.city',
  countryCode: 'addresses.country.code',
  language: 'lang.code',
  active: 'active',
};

/** One Tryton server, database and user (a connection's config): its session and what it resolved. */
class Tenant {
  readonly rpc: TrytonRpc;
  private resolved: Promise<Ids> | undefined;

  constructor(readonly config: Config) {
    this.rpc = new TrytonRpc({
      url: String(config.serverUrl ?? ''),
      database: String(config.database ?? ''),
      user: String(config.username ?? ''),
      password: String(config.password ?? ''),
      timeoutMs: Number(config.timeoutSec ?? 15) * 1000,
    });
  }

  /** The company and the party categories, looked up once (and again after a failure). */
  ids() {
    this.resolved ??= this.resolve().catch((error) => {
      this.resolved = undefined;
      throw error;
    });
    return this.resolved;
  }

  private async resolve() {
    const companyName = String(this.config.company ?? '');
    const companies = await this.rpc.model<Row[]>('company.company.search_read', [[['party.name', '=', companyName]], 0, 2, null, ['id']]);
    if (!companies[0]) {
      const known = await this.rpc.model<{ 'party.': { name: string } }[]>('company.company.search_read', [[], 0, 20, null, ['party.name']]);
      throw new ConnectorProblem(502, 'connector-error', `Tryton has no company "${companyName}"${known.length ? ` (it has: ${known.map((c) => c['party.'].name).join(', ')})` : ''}`);
    }
    const category = async (key: 'customerCategory' | 'supplierCategory' | 'personCategory', fallback: string) => {
      const name = String(this.config[key] ?? '') || fallback;
      const [row] = await this.rpc.model<Row[]>('party.category.search_read', [[['name', '=', name], ['parent', '=', null]], 0, 1, null, ['id']]);
      return { name, id: row?.id };
    };
    const required = async (key: 'customerCategory' | 'supplierCategory', fallback: string) => {
      const { name, id } = await category(key, fallback);
      if (id === undefined) throw new ConnectorProblem(502, 'connector-error', `Tryton has no party category "${name}": create it in Tryton (Party > Configuration > Categories) or name another one`);
      return id;
    };
    const ids: Ids = { company: companies[0].id, categories: { customer: await required('customerCategory', 'Customer'), supplier: await required('supplierCategory', 'Supplier') } };
    // Persons where Tryton can tell whom they work for: the person category and the relation type
    // "Works for" of the party_relationship module (without them, persons are not offered).
    const person = (await category('personCategory', 'Person')).id;
    const [worksFor] = person === undefined ? [] : await this.rpc.model<Row[]>('party.relation.type.search_read', [[['name', '=', WORKS_FOR]], 0, 1, null, ['id']]).catch(() => []);
    if (person !== undefined && worksFor) ids.person = { category: person, worksFor: worksFor.id };
    return ids;
  }
}

export class TrytonErp {
  private readonly tenants = new Map<string, Tenant>();

  /** The actor types this Tryton offers: persons only where it relates them to companies. */
  async actorTypes(config: Config): Promise<ActorType[]> {
    const missing = missingConfig(config);
    if (missing) throw new ConnectorProblem(502, 'connector-error', missing);
    try {
      const ids = await this.tenant(config).ids();
      return ACTOR_TYPES.filter((t) => t !== 'person' || ids.person);
    } catch (error) {
      throw asProblem(error, String(config.database));
    }
  }

  tenant(config: Config): Tenant {
    const key = JSON.stringify([config.serverUrl, config.database, config.username, config.password, config.company, config.customerCategory, config.supplierCategory, config.personCategory, config.timeoutSec]);
    let t = this.tenants.get(key);
    if (!t) {
      if (this.tenants.size > 100) this.tenants.delete(this.tenants.keys().next().value!);
      this.tenants.set(key, (t = new Tenant(config)));
    }
    return t;
  }

  /** Logs in and finds the company and categories: the message says what is wrong, in Tryton's words where it has some. */
  async test(config: Config): Promise<{ ok: boolean; message: string }> {
    const missing = missingConfig(config);
    if (missing) return { ok: false, message: missing };
    try {
      const t = this.tenant(config);
      await t.rpc.ensureSession();
      await t.ids();
      const version = await t.rpc.serverVersion().catch(() => '');
      return { ok: true, message: `Connected to Tryton${version ? ` ${version}` : ''}, database "${String(config.database)}"` };
    } catch (error) {
      return { ok: false, message: asProblem(error, String(config.database)).message };
    }
  }

  async get(config: Config, type: ActorType, keys: string[]): Promise<WireActor[]> {
    return (await this.read(config, type, keys)).rows;
  }

  /** The actors of `keys` and their rows as Tryton answered them (with `_timestamp` and the ids of related records). */
  private async read(config: Config, type: ActorType, keys: string[]) {
    const ids = keys.filter((k) => /^\d{1,15}$/.test(k)).map(Number);
    if (!ids.length) return { rows: [], raw: [] };
    return this.query(config, type, [['id', 'in', ids]], 0, ids.length, false, undefined, null, ALL);
  }

  async search(config: Config, type: ActorType, q: { text?: string; parentKey?: string | null; restrictions?: Restriction[]; cursor?: string | null; limit?: number }) {
    const offset = q.cursor ? Number(q.cursor) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw new ConnectorProblem(400, 'invalid-cursor', 'The cursor is not one this connector gave');
    const limit = q.limit ?? 50;
    const domain: unknown[] = [];
    const text = (q.text ?? '').trim();
    if (text) {
      // Server-side ilike, word by word: every word in the name, or the text as the start of the code.
      // A legal form ("GmbH", "A/S") need not be in the ERP's name: the CRM's often has one more.
      const all = text.split(/\s+/);
      const significant = all.filter((w) => !LEGAL_FORMS.has(w.toLowerCase().replace(/[.,]/g, '')));
      const words = (significant.length ? significant : all).map((w) => ['name', 'ilike', `%${escapeLike(w)}%`]);
      const name = words.length === 1 ? words[0] : words;
      if (type !== 'project') domain.push(['OR', name, ['code', 'ilike', `${escapeLike(text)}%`]]);
      else domain.push(/^\d{1,15}$/.test(text) ? ['OR', name, ['id', '=', Number(text)]] : name);
    }
    for (const r of q.restrictions ?? []) domain.push(...restrictionDomain(type, r));
    const { rows, total } = await this.query(config, type, domain, offset, limit, true, undefined, q.parentKey ?? null);
    return { actors: rows, total, nextCursor: offset + rows.length < total ? String(offset + rows.length) : null };
  }

  /**
   * Actors changed after `since` (ISO), oldest first, paged by a cursor that names the last actor
   * given (its time and id), so a change made while paging is never skipped. Tryton cannot order by
   * "write date, else create date": the never-written and the written are read apart and merged.
   */
  async changedSince(config: Config, type: ActorType, since: string, cursor: string | null, limit: number) {
    const [at, afterId] = cursor ? [cursor.slice(0, cursor.lastIndexOf('|')), Number(cursor.slice(cursor.lastIndexOf('|') + 1))] : [since, Number.MAX_SAFE_INTEGER];
    let t: ReturnType<typeof encode.datetime>;
    try {
      t = encode.datetime(at);
    } catch {
      throw new ConnectorProblem(400, 'invalid-cursor', 'The cursor or time is not one this connector understands');
    }
    const after = (field: string) => ['OR', [field, '>', t], [[field, '=', t], ['id', '>', afterId]]];
    const order = (field: string) => [[field, 'ASC'], ['id', 'ASC']];
    const [written, created] = await Promise.all([
      this.query(config, type, [['write_date', '!=', null], after('write_date')], 0, limit + 1, false, order('write_date'), null, ALL),
      this.query(config, type, [['write_date', '=', null], after('create_date')], 0, limit + 1, false, order('create_date'), null, ALL),
    ]);
    const merged = [...written.rows, ...created.rows].sort((a, b) => (a.lastModified === b.lastModified ? Number(a.erpKey) - Number(b.erpKey) : a.lastModified < b.lastModified ? -1 : 1));
    const actors = merged.slice(0, limit);
    const last = actors.at(-1);
    return { actors, nextCursor: merged.length > limit && last ? `${last.lastModified}|${last.erpKey}` : null };
  }

  async create(config: Config, type: ActorType, values: Values, parentKey: string | null = null): Promise<WireActor> {
    const t = this.tenant(config);
    try {
      const ids = await t.ids();
      let record: Record<string, unknown>;
      if (type === 'project') record = { type: 'project', company: ids.company, ...projectValues(values) };
      else if (type === 'person') {
        const parent = ids.person ? await this.companyOf(config, parentKey) : undefined;
        if (!ids.person || !parent) throw new ConnectorProblem(422, 'validation-failed', `A person is created under a customer: "${parentKey ?? ''}" is none in Tryton`, '/parentKey');
        record = { categories: [['add', [ids.person.category]]], relations: [['create', [{ to: parent, type: ids.person.worksFor }]]], ...(await partyValues(t, 'person', values, undefined)) };
      } else {
        const kind = type as 'customer' | 'supplier';
        record = { categories: [['add', [ids.categories[kind]]]], ...(await partyValues(t, kind, values, undefined)) };
      }
      const [id] = await t.rpc.model<number[]>(`${modelOf(type)}.create`, [[record]]);
      return (await this.get(config, type, [String(id)]))[0]!;
    } catch (error) {
      throw fieldOfError(asProblem(error, String(config.database)), values);
    }
  }

  /** Writes values; a `lastModified` that is not the record's any more answers 409 and writes nothing. */
  async save(config: Config, type: ActorType, actors: { erpKey: string; lastModified?: string; values: Values }[]): Promise<WireActor[]> {
    const t = this.tenant(config);
    const model = modelOf(type);
    const saved: WireActor[] = [];
    for (const a of actors) {
      const { rows: [current], raw: [row] } = await this.read(config, type, [a.erpKey]);
      if (!current || !row) throw new ConnectorProblem(404, 'actor-not-found', `Tryton has no ${type} ${a.erpKey} (deleted in Tryton?)`);
      if (a.lastModified && a.lastModified !== current.lastModified) {
        throw new ConnectorProblem(409, 'version-conflict', 'The record was changed in Tryton meanwhile: reload it and choose again');
      }
      const id = Number(a.erpKey);
      const stamp = String(row._timestamp);
      try {
        const write = type === 'project' ? projectValues(a.values) : await partyValues(t, type as PartyKind, a.values, row);
        // Tryton checks the timestamp of that same read itself: a write by someone else since answers ConcurrencyException.
        if (Object.keys(write).length) await t.rpc.model(`${model}.write`, [[id], write], { _timestamp: { [`${model},${id}`]: stamp } });
      } catch (error) {
        throw fieldOfError(asProblem(error, String(config.database)), a.values);
      }
      saved.push((await this.get(config, type, [a.erpKey]))[0]!);
    }
    return saved;
  }

  async list(config: Config, listName: string): Promise<ListItem[]> {
    const t = this.tenant(config);
    try {
      const rows = async (model: string, domain: unknown[], fields: string[]) => t.rpc.model<Row[]>(`${model}.search_read`, [domain, 0, 1000, [['name', 'ASC']], fields]);
      switch (listName) {
        case 'countries':
          return (await rows('country.country', [], ['code', 'name'])).map((r) => ({ id: String(r.code), label: String(r.name) }));
        case 'languages':
          return (await rows('ir.lang', [], ['code', 'name'])).map((r) => ({ id: String(r.code), label: String(r.name) }));
        case 'paymentTerms':
          return (await rows('account.invoice.payment_term', [], ['name'])).map((r) => ({ id: String(r.id), label: String(r.name) }));
        case 'projectStatus':
          return (await rows('project.work.status', [], ['name'])).map((r) => ({ id: String(r.id), label: String(r.name) }));
        default:
          return [];
      }
    } catch (error) {
      throw asProblem(error, String(config.database));
    }
  }

  /** The customer a person is created or searched under, if Tryton has it. */
  private async companyOf(config: Config, key: string | null): Promise<number | undefined> {
    return key && (await this.get(config, 'customer', [key]))[0] ? Number(key) : undefined;
  }

  private async query(config: Config, type: ActorType, domain: unknown[], offset: number, limit: number, count: boolean, order?: unknown, parentKey: string | null = null, context: Record<string, unknown> = {}) {
    const t = this.tenant(config);
    try {
      const ids = await t.ids();
      const isProject = type === 'project';
      const model = modelOf(type);
      let scope: unknown[];
      if (isProject) scope = [['type', '=', 'project'], ['company', '=', ids.company]];
      else if (type === 'customer' || type === 'supplier') scope = [['categories', '=', ids.categories[type]]];
      else if (type === 'person' && ids.person) {
        scope = [['categories', '=', ids.person.category]];
        // Under a parent: the persons who work for that company.
        if (parentKey) scope.push(['relations.to', '=', /^\d{1,15}$/.test(parentKey) ? Number(parentKey) : -1], ['relations.type', '=', ids.person.worksFor]);
      } else throw new ConnectorProblem(422, 'actor-type-not-supported', `No ${type} in this Tryton`);
      const full = [...scope, ...domain];
      const [rows, total] = await Promise.all([
        t.rpc.model<Row[]>(`${model}.search_read`, [full, offset, limit, order ?? [['id', 'ASC']], isProject ? PROJECT_READ : type === 'person' ? PERSON_READ : PARTY_READ], context),
        count ? t.rpc.model<number>(`${model}.search_count`, [full], context) : Promise.resolve(0),
      ]);
      return { rows: rows.map((r) => (isProject ? projectActor(r) : type === 'person' ? personActor(r, ids.person!.worksFor) : partyActor(type, r))), raw: rows, total };
    } catch (error) {
      throw asProblem(error, String(config.database));
    }
  }
}

function missingConfig(config: Config): string | undefined {
  const missing = ['serverUrl', 'database', 'username', 'password', 'company'].filter((k) => !str(config[k]));
  return missing.length ? `Missing configuration: ${missing.join(', ')}` : undefined;
}

const modelOf = (type: ActorType) => (type === 'project' ? 'project.work' : 'party.party');

function lastModified(r: Row): string {
  return String(r.write_date ?? r.create_date ?? '1970-01-01T00:00:00.000Z');
}

/** The first contact mechanism of a kind: e-mail, or phone (a mobile counts). */
const contact = (r: Row, kind: 'email' | 'phone') =>
  str(first<{ type: string; value: string }>(r['contact_mechanisms.'], (c) => c.type === kind || (kind === 'phone' && c.type === 'mobile'))?.value);

function partyActor(type: ActorType, r: Row): WireActor {
  const address = first<Record<string, unknown>>(r['addresses.']);
  const vat = first<{ type: string; code: string }>(r['identifiers.'], (i) => i.type === 'eu_vat');
  return {
    erpKey: String(r.id),
    actorType: type,
    lastModified: lastModified(r),
    values: {
      number: str(r.code),
      name: str(r.name),
      vatNumber: str(vat?.code),
      email: contact(r, 'email'),
      phone: contact(r, 'phone'),
      street: str(address?.street),
      postalCode: str(address?.postal_code),
      city: str(address?.city),
      countryCode: str((address?.['country.'] as { code?: string } | null)?.code),
      language: str((r['lang.'] as { code?: string } | null)?.code),
      paymentTerms: str(type === 'supplier' ? r.supplier_payment_term : r.customer_payment_term),
      active: isTrue(r.active),
    },
  };
}

function personActor(r: Row, worksFor: number): WireActor {
  const employer = first<{ to: number; type: number }>(r['relations.'], (x) => x.type === worksFor);
  return {
    erpKey: String(r.id),
    actorType: 'person',
    parentKey: employer ? String(employer.to) : null,
    lastModified: lastModified(r),
    values: {
      number: str(r.code),
      name: str(r.name),
      email: contact(r, 'email'),
      phone: contact(r, 'phone'),
      active: isTrue(r.active),
    },
  };
}

function projectActor(r: Row): WireActor {
  return {
    erpKey: String(r.id),
    actorType: 'project',
    lastModified: lastModified(r),
    values: { number: String(r.id), name: str(r.name), status: str(r.status), customer: str((r['party.'] as { rec_name?: string } | null)?.rec_name), notes: str(r.comment) },
  };
}

function projectValues(values: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if ('name' in values) out.name = values.name ?? '';
  if ('status' in values) out.status = values.status === null ? null : Number(values.status);
  if ('notes' in values) out.comment = values.notes ?? '';
  return out;
}

type PartyKind = 'customer' | 'supplier' | 'person';

/**
 * A party's write: its own fields, plus the first e-mail / phone contact mechanism, the first VAT
 * identifier and the first address, each written where `current` (the party as read) has it and
 * created where it does not.
 */
async function partyValues(t: Tenant, kind: PartyKind, values: Values, current: Row | undefined): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  if ('name' in values) out.name = values.name ?? '';
  if ('active' in values) out.active = values.active !== false;
  if ('paymentTerms' in values && kind !== 'person') out[`${kind}_payment_term`] = values.paymentTerms === null || values.paymentTerms === '' ? null : Number(values.paymentTerms);
  if ('language' in values) out.lang = values.language ? await idOf(t, 'ir.lang', 'code', String(values.language)) : null;
  const contacts: unknown[] = [];
  for (const [key, types] of [['email', ['email']], ['phone', ['phone', 'mobile']]] as const) {
    if (!(key in values)) continue;
    const existing = first<{ id: number; type: string }>(current?.['contact_mechanisms.'], (c) => (types as readonly string[]).includes(c.type));
    const value = str(values[key]);
    if (existing && value) contacts.push(['write', [existing.id], { value }]);
    else if (existing) contacts.push(['delete', [existing.id]]);
    else if (value) contacts.push(['create', [{ type: types[0], value }]]);
  }
  if (contacts.length) out.contact_mechanisms = contacts;
  if ('vatNumber' in values) {
    const existing = first<{ id: number; type: string }>(current?.['identifiers.'], (i) => i.type === 'eu_vat');
    const code = str(values.vatNumber)?.replace(/[\s.-]/g, '').toUpperCase();
    if (existing && code) out.identifiers = [['write', [existing.id], { code }]];
    else if (existing) out.identifiers = [['delete', [existing.id]]];
    else if (code) out.identifiers = [['create', [{ type: 'eu_vat', code }]]];
  }
  const address: Record<string, unknown> = {};
  if ('street' in values) address.street = values.street ?? '';
  if ('postalCode' in values) address.postal_code = values.postalCode ?? '';
  if ('city' in values) address.city = values.city ?? '';
  if ('countryCode' in values) address.country = values.countryCode ? await idOf(t, 'country.country', 'code', String(values.countryCode)) : null;
  if (Object.keys(address).length) {
    const existing = first<{ id: number }>(current?.['addresses.']);
    out.addresses = existing ? [['write', [existing.id], address]] : [['create', [address]]];
  }
  return out;
}

async function idOf(t: Tenant, model: string, field: string, value: string): Promise<number> {
  const [row] = await t.rpc.model<Row[]>(`${model}.search_read`, [[[field, '=', value]], 0, 1, null, ['id']]);
  if (!row) throw new ConnectorProblem(422, 'validation-failed', `Tryton has no ${model === 'ir.lang' ? 'language' : 'country'} "${value}"`);
  return row.id;
}


const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** An advanced-search restriction as a Tryton domain (every operator of the contract). */
function restrictionDomain(type: ActorType, r: Restriction): unknown[] {
  const fields = ACTOR_FIELDS[type] ?? [];
  const meta = fields.find((f) => f.key === r.field);
  const path = type === 'project' ? { number: 'id', name: 'name', status: 'status', notes: 'comment' }[r.field] : DOMAIN_PATH[r.field];
  if (!meta || !path) throw new ConnectorProblem(422, 'invalid-restriction', `"${r.field}" cannot be searched in Tryton`);
  const [a = '', b = ''] = r.values;
  const value = (v: string) => (meta.type === 'checkbox' ? v === 'true' : path === 'id' || path === 'status' ? Number(v) : v);
  switch (r.operator) {
    case 'begins':
      return [[path, 'ilike', `${escapeLike(a)}%`]];
    case 'contains':
      return [[path, 'ilike', `%${escapeLike(a)}%`]];
    case 'equals':
      return [[path, meta.type === 'text' ? 'ilike' : '=', meta.type === 'text' ? escapeLike(a) : value(a)]];
    case 'eq':
      return [[path, '=', value(a)]];
    case 'lt':
    case 'before':
      return [[path, '<', value(a)]];
    case 'gt':
    case 'after':
      return [[path, '>', value(a)]];
    case 'between':
      return [[path, '>=', value(a)], [path, '<=', value(b)]];
    case 'oneOf':
      return [[path, 'in', r.values.map(value)]];
    default:
      throw new ConnectorProblem(422, 'invalid-restriction', `The operator "${String(r.operator)}" is not supported`);
  }
}
