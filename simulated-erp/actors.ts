import type { ActorType } from '../src/model/types.js';
import { fold } from '../src/model/text-match.js';
import { countOf, generateActor, generatePerson, indexOf, keyAt, foldedNameList, nameAt, nameCandidates, personCount } from './generate.js';
import type { DataSetSpec, ErpActor, SimState, Values } from './model.js';
import { typeKey } from './model.js';
import { FIXED_ACTORS } from './seed-data.js';

/** A list of actors addressed by index, without building them all. */
export interface ActorSource {
  size: number;
  keyAt(i: number): string;
  nameAt(i: number): string;
  /** `fold(nameAt(i))` (lower case, no diacritics), cheaper where the source can keep it. */
  foldedNameAt(i: number): string;
  /** Where an index can tell: the only indexes whose name may contain `text` (folded), ascending. */
  candidates?(text: string): number[] | undefined;
  actorAt(i: number): ErpActor;
}

const CREATED_BASE: Partial<Record<ActorType, (n: number) => string>> = {
  customer: (n) => String(200000 + n),
  supplier: (n) => String(60000 + n),
  project: (n) => `P-${9000 + n}`,
};

/**
 * The ERP actors of every connection: generated ones (plus fixed demo actors on top, plus stored
 * overrides) and the ones created through the widget.
 */
export class ActorStore {
  /** How many actors were built; tests use it to prove that paging does not build all 100,000. */
  materialized = 0;
  private readonly fixed = new Map<string, ErpActor>();

  constructor(
    private readonly state: () => SimState,
    /** Keep a trigram index of the generated names (the connector service; a page scans instead). */
    private readonly indexNames = false,
  ) {
    for (const [connectionId, actors] of Object.entries(FIXED_ACTORS)) {
      for (const actor of actors) this.fixed.set(typeKey(connectionId, actor.key), actor);
    }
  }

  spec(connectionId: string): DataSetSpec {
    const connection = this.state().connections.find((c) => c.id === connectionId);
    return connection?.data ?? { seed: 0, customers: 0, suppliers: 0, projects: 0, persons: false };
  }

  private created(connectionId: string): ErpActor[] {
    return this.state().created[connectionId] ?? [];
  }

  private overlay(connectionId: string, actor: ErpActor): ErpActor {
    const override = this.state().overrides[typeKey(connectionId, actor.key)];
    return override ? { ...actor, values: { ...actor.values, ...override } } : actor;
  }

  private generated(connectionId: string, type: ActorType, i: number): ErpActor {
    this.materialized++;
    const key = keyAt(type, i);
    const fixed = this.fixed.get(typeKey(connectionId, key));
    const actor = fixed && fixed.type === type ? structuredClone(fixed) : generateActor(this.spec(connectionId), type, i);
    return this.overlay(connectionId, actor);
  }

  get(connectionId: string, type: ActorType, key: string): ErpActor | undefined {
    const created = this.created(connectionId).find((a) => a.key === key && a.type === type);
    if (created) return structuredClone(created);
    if (type === 'person') return this.person(connectionId, key);
    const i = indexOf(this.spec(connectionId), type, key);
    return i < 0 ? undefined : this.generated(connectionId, type, i);
  }

  private person(connectionId: string, key: string): ErpActor | undefined {
    const m = /^(.+)-(\d+)$/.exec(key);
    if (!m) return undefined;
    const parent = this.get(connectionId, 'customer', m[1]!);
    const n = Number(m[2]);
    if (!parent || n < 1 || n > personCount(this.spec(connectionId), parent.key)) return undefined;
    return this.personAt(connectionId, parent, n);
  }

  private personAt(connectionId: string, parent: ErpActor, n: number): ErpActor {
    this.materialized++;
    const key = `${parent.key}-${n}`;
    const fixed = this.fixed.get(typeKey(connectionId, key));
    const spec = this.spec(connectionId);
    const actor = fixed ? structuredClone(fixed) : generatePerson(spec, parent.key, n, String(parent.values.name));
    return this.overlay(connectionId, actor);
  }

  /** All actors of a type (persons: those under `parentKey`), generated first, then created ones. */
  source(connectionId: string, type: ActorType, parentKey?: string | null): ActorSource {
    const spec = this.spec(connectionId);
    if (type === 'person') return this.personSource(connectionId, parentKey ?? '');
    const created = this.created(connectionId).filter((a) => a.type === type);
    const count = countOf(spec, type);
    // The few names that differ from the generated ones: changed in the ERP, or fixed demo actors.
    const changed = new Map<number, string>();
    for (const [k, override] of Object.entries(this.state().overrides)) {
      if (!k.startsWith(`${connectionId}/`) || override.name === undefined) continue;
      const i = indexOf(spec, type, k.slice(connectionId.length + 1));
      if (i >= 0) changed.set(i, String(override.name));
    }
    for (const [k, fixed] of this.fixed) {
      if (!k.startsWith(`${connectionId}/`) || fixed.type !== type) continue;
      const i = indexOf(spec, type, fixed.key);
      if (i >= 0 && !changed.has(i)) changed.set(i, String(fixed.values.name));
    }
    const name = (i: number): string => changed.get(i) ?? nameAt(spec, type, i);
    const lower = foldedNameList(spec, type);
    return {
      size: count + created.length,
      keyAt: (i) => (i < count ? keyAt(type, i) : created[i - count]!.key),
      nameAt: (i) => (i < count ? name(i) : String(created[i - count]!.values.name ?? '')),
      foldedNameAt: (i) =>
        i >= count
          ? fold(String(created[i - count]!.values.name ?? ''))
          : changed.size && changed.has(i)
            ? fold(changed.get(i)!)
            : (lower[i] ??= fold(nameAt(spec, type, i))),
      actorAt: (i) => (i < count ? this.generated(connectionId, type, i) : structuredClone(created[i - count]!)),
      candidates: (text) => {
        if (!this.indexNames) return undefined;
        const generated = nameCandidates(spec, type, text);
        if (!generated) return undefined;
        // Changed names may match where the generated ones did not; created actors are not indexed.
        const extra = [...changed.keys()].filter((i) => !generated.includes(i));
        const all = extra.length ? [...generated, ...extra].sort((a, b) => a - b) : generated;
        for (let i = count; i < count + created.length; i++) all.push(i);
        return all;
      },
    };
  }

  private personSource(connectionId: string, parentKey: string): ActorSource {
    const parent = parentKey ? this.get(connectionId, 'customer', parentKey) : undefined;
    const created = this.created(connectionId).filter((a) => a.type === 'person' && a.parentKey === parentKey);
    const count = parent ? personCount(this.spec(connectionId), parent.key) : 0;
    const at = (i: number): ErpActor =>
      i < count ? this.personAt(connectionId, parent!, i + 1) : structuredClone(created[i - count]!);
    return {
      size: count + created.length,
      keyAt: (i) => (i < count ? `${parentKey}-${i + 1}` : created[i - count]!.key),
      nameAt: (i) => String(at(i).values.name ?? ''),
      foldedNameAt: (i) => fold(String(at(i).values.name ?? '')),
      actorAt: at,
    };
  }

  /** Writes ERP values: an override for generated actors, in place for created ones. */
  update(connectionId: string, actor: ErpActor, values: Values): void {
    const created = this.created(connectionId).find((a) => a.key === actor.key && a.type === actor.type);
    if (created) {
      Object.assign(created.values, values);
      return;
    }
    const k = typeKey(connectionId, actor.key);
    this.state().overrides[k] = { ...this.state().overrides[k], ...values };
  }

  create(connectionId: string, type: ActorType, values: Values, parentKey?: string): ErpActor {
    const state = this.state();
    const list = (state.created[connectionId] ??= []);
    const n = list.filter((a) => a.type === type).length + 1;
    const key = type === 'person' ? `${parentKey}-${100 + n}` : (CREATED_BASE[type]?.(n) ?? `${type}-${n}`);
    const actor: ErpActor = { key, type, values: { ...values, number: key } };
    if (parentKey) actor.parentKey = parentKey;
    list.push(actor);
    return structuredClone(actor);
  }
}
