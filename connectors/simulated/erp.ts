import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ActorType, FieldMeta, FieldValue, ListItem } from '../../src/model/types.js';
import { CONNECTOR_KINDS, type ConnectorKind } from '../../simulated-erp/connectors.js';
import { ERP_FIELDS } from '../../simulated-erp/fields.js';
import { ERP_LISTS } from '../../simulated-erp/lists.js';
import { withTexts, type TextsOf } from '../../simulated-erp/texts.js';
import type { ErpActor, Values } from '../../simulated-erp/model.js';
import { queryActors, type ActorQuery } from '../../simulated-erp/search.js';
import { ErpSimulator } from '../../simulated-erp/simulator.js';
import { invalidReason } from '../../simulated-erp/values.js';
import { runTest } from '../../simulated-erp/admin-connections.js';
import { onlyFields } from '../only-fields.js';
import { ConnectorProblem } from '../problem.js';

/** Actors as the connector protocol carries them. */
export interface WireActor {
  erpKey: string;
  actorType: ActorType;
  parentKey: string | null;
  lastModified: string;
  values: Values;
}

export type Kind = keyof typeof CONNECTOR_KINDS;


// Generated actors that nobody changed count as last modified when the data set was loaded.
const GENERATED_AT = '2024-01-01T00:00:00.000Z';

/** Which generated data set a connection's config addresses (the ERP's "company database"). */
const DATASETS: Record<Kind, Record<string, string>> = {
  contoso: { CONTOSO01: 'conn-a', AX: 'conn-c' },
  northwind: { 'nw-eu': 'conn-b' },
};

/**
 * The simulated ERP behind the simulated connector: the generator the demo and the tests use
 * (100,000 customers, persons, suppliers, projects, lists), the actors changed or created through the
 * connector, and a last-modified time per actor. Its state is kept in one JSON file, so a restart of
 * the connector loses nothing.
 */
export class SimulatedErp {
  private readonly sim = new ErpSimulator({ indexNames: true });
  private modified: Record<string, string> = {};
  private clock = 0;

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { sim: unknown; modified: Record<string, string> };
      this.sim.load(saved.sim);
      this.modified = saved.modified ?? {};
    }
  }

  kind(kind: Kind): ConnectorKind {
    return CONNECTOR_KINDS[kind];
  }

  /** The data set of a config, or the ERP's own message about it. */
  dataset(kind: Kind, config: Record<string, FieldValue>): string {
    const name = String((kind === 'northwind' ? config.tenant : config.companyDb) ?? '');
    const result = this.test(kind, config);
    if (!result.ok) throw new ConnectorProblem(502, 'connector-error', result.message);
    return DATASETS[kind][name] ?? fail(kind, name);
  }

  test(kind: Kind, config: Record<string, FieldValue>): { ok: boolean; message: string } {
    const result = runTest(CONNECTOR_KINDS[kind].configFields, config);
    if (!result.ok) return result;
    const name = String((kind === 'northwind' ? config.tenant : config.companyDb) ?? '');
    if (!DATASETS[kind][name]) return { ok: false, message: `${kind === 'northwind' ? 'Tenant' : 'Company database'} "${name}" does not exist` };
    return result;
  }

  /** The fields with their labels' translations (the sync service answers each user's language). */
  fields(actorType: ActorType): TextsOf<FieldMeta>[] {
    return structuredClone(ERP_FIELDS[actorType].map(withTexts));
  }

  list(listName: string): TextsOf<ListItem>[] {
    return structuredClone((ERP_LISTS[listName] ?? []).map(withTexts));
  }

  get(dataset: string, actorType: ActorType, keys: string[]): WireActor[] {
    return keys.flatMap((key) => {
      const actor = this.sim.actors.get(dataset, actorType, key);
      return actor ? [this.wire(dataset, actor)] : [];
    });
  }

  search(dataset: string, actorType: ActorType, query: ActorQuery & { parentKey?: string | null; fields?: string[] }) {
    const src = this.sim.actors.source(dataset, actorType, query.parentKey);
    const page = queryActors(src, actorType, query);
    return { actors: page.actors.map((a) => this.wire(dataset, onlyFields(a, query.fields))), total: page.total, nextCursor: page.nextCursor };
  }

  create(dataset: string, actorType: ActorType, values: Values, parentKey: string | null): WireActor {
    this.validate(actorType, values);
    if (actorType === 'person' && (!parentKey || !this.sim.actors.get(dataset, 'customer', parentKey))) {
      throw new ConnectorProblem(422, 'validation-failed', `Customer "${parentKey ?? ''}" does not exist`, '/parentKey');
    }
    const actor = this.sim.actors.create(dataset, actorType, values, parentKey ?? undefined);
    this.touch(dataset, actor.key);
    this.save();
    return this.wire(dataset, actor);
  }

  /** All or nothing: a stale or invalid actor fails the whole save. */
  update(dataset: string, actorType: ActorType, changes: { erpKey: string; lastModified?: string; values: Values }[]): WireActor[] {
    const actors = changes.map((c, i) => {
      const actor = this.sim.actors.get(dataset, actorType, c.erpKey) ?? fail404(actorType, c.erpKey, i);
      if (c.lastModified && c.lastModified !== this.lastModified(dataset, actor.key)) {
        throw new ConnectorProblem(409, 'stale', `${actorType} ${c.erpKey} was changed by someone else in the ERP`, `/actors/${i}`);
      }
      this.validate(actorType, c.values, `/actors/${i}/values`);
      return actor;
    });
    actors.forEach((actor, i) => {
      this.sim.actors.update(dataset, actor, changes[i]!.values);
      this.touch(dataset, actor.key);
    });
    this.save();
    return this.get(dataset, actorType, changes.map((c) => c.erpKey));
  }

  /** Actors changed after `since`, oldest change first; the cursor is the last one's time and key. */
  changedSince(dataset: string, actorType: ActorType, since: string, cursor: string | null, limit: number) {
    const prefix = `${dataset}/`;
    const after = cursor ?? since;
    const keys = Object.entries(this.modified)
      .filter(([k, at]) => k.startsWith(prefix) && at > after)
      .sort(([, a], [, b]) => a.localeCompare(b));
    const actors = this.get(dataset, actorType, keys.slice(0, limit).map(([k]) => k.slice(prefix.length)));
    const last = keys[Math.min(limit, keys.length) - 1];
    return { actors, nextCursor: keys.length > limit && last ? last[1] : null };
  }

  private validate(actorType: ActorType, values: Values, pointer = '/values'): void {
    for (const [key, value] of Object.entries(values)) {
      const meta = ERP_FIELDS[actorType].find((m) => m.key === key);
      if (!meta) throw new ConnectorProblem(422, 'unknown-field', `No field "${key}" on ${actorType}`, `${pointer}/${key}`);
      if (meta.access === 'read-only') throw new ConnectorProblem(422, 'validation-failed', `${meta.label} is read-only`, `${pointer}/${key}`);
      const reason = invalidReason({ ...meta, access: 'normal' }, value);
      if (reason) throw new ConnectorProblem(422, 'validation-failed', reason, `${pointer}/${key}`);
    }
  }

  private lastModified(dataset: string, key: string): string {
    return this.modified[`${dataset}/${key}`] ?? GENERATED_AT;
  }

  /** A strictly growing time, so that two changes in one millisecond still order. */
  private touch(dataset: string, key: string): void {
    this.clock = Math.max(Date.now(), this.clock + 1);
    this.modified[`${dataset}/${key}`] = new Date(this.clock).toISOString();
  }

  private wire(dataset: string, actor: ErpActor): WireActor {
    return { erpKey: actor.key, actorType: actor.type, parentKey: actor.parentKey ?? null, lastModified: this.lastModified(dataset, actor.key), values: actor.values };
  }

  private save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, JSON.stringify({ sim: this.sim.toJSON(), modified: this.modified }));
    renameSync(`${this.file}.tmp`, this.file);
  }
}

function fail(kind: Kind, name: string): never {
  throw new ConnectorProblem(502, 'connector-error', `${kind === 'northwind' ? 'Tenant' : 'Company database'} "${name}" does not exist`);
}

function fail404(actorType: ActorType, key: string, i: number): never {
  throw new ConnectorProblem(404, 'actor-not-found', `${actorType} ${key} does not exist in the ERP`, `/actors/${i}/erpKey`);
}
