/**
 * Fault injection per operation (names = the operationIds of api/openapi.yaml, which are the
 * RestBackend method names), so tests and the demo can show slow, failing, garbled and dropped answers.
 */
import type { OperationId } from '../src/backend/operation.js';

export const OPERATIONS = [
  'getEntityState', 'searchActors', 'getSearchableFields', 'searchActorsAdvanced', 'getList', 'compare',
  'getNewActorFields', 'saveLink', 'removeLink', 'syncNow', 'getMatchSuggestions', 'getHistory',
  'listConnectors', 'addConnector', 'updateConnector', 'removeConnector', 'testConnectorUrl',
  'getConnectorConfigFields', 'getConnectorList', 'listConnections', 'getConnection', 'addConnection', 'updateConnection',
  'removeConnection', 'testConnectionConfig', 'testConnection', 'setConnectionActive', 'listPrincipals',
  'getActorTypeMapping', 'saveActorTypeMapping', 'getListMapping', 'saveListMapping', 'getDefaults',
  'saveDefaults', 'saveRank', 'saveSyncPriority', 'resync', 'importActors', 'getBackgroundSync',
  'runBackgroundSync', 'setBackgroundSyncPaused',
] as const satisfies readonly OperationId[];

export type OperationName = (typeof OPERATIONS)[number];
/** Every operation of the spec is in the list: a missing one is named by the compile error. */
type EveryOperation<Missing extends never> = Missing;
export type OperationsCoverSpec = EveryOperation<Exclude<OperationId, OperationName>>;

/** `times`: only the next N requests of the operation (default: until cleared). */
export type Fault = (
  | { kind: 'latency'; ms: number }
  | { kind: 'problem'; status: number; code: string; detail?: string; field?: string; headers?: Record<string, string> }
  | { kind: 'malformed' }
  | { kind: 'network' }
  /** Answers 200 with this JSON body instead of the real one (e.g. one that breaks the contract). */
  | { kind: 'body'; body: unknown }
  /** Any answer: a redirect, an HTML sign-in page, an empty body, a wrong content type… */
  | { kind: 'raw'; status: number; body?: string; contentType?: string; headers?: Record<string, string> }
) & { times?: number };

/** '*' applies to every operation (after the operation's own faults). */
export type FaultTarget = OperationName | '*';

/**
 * A held answer: the next request of an operation waits until the test lets it go, so a test can act
 * while it is provably in flight and then know when the simulator has answered.
 */
export interface Hold {
  /** Resolves when the request has arrived and is being held. */
  readonly arrived: Promise<void>;
  /** Lets the answer go (after any latency fault). */
  release(): void;
  /** Resolves when the simulator has sent its answer (or its fault). */
  readonly answered: Promise<void>;
}

/** The simulator's side of a hold. */
export interface HoldGate {
  arrive(): Promise<void>;
  answer(): void;
}

/** One answered request, for tests that prove something was (not) sent. */
export interface Served {
  op: OperationName;
  status: number;
}

function createHold(): { hold: Hold; gate: HoldGate } {
  let arrive!: () => void;
  let release!: () => void;
  let answer!: () => void;
  const arrived = new Promise<void>((r) => (arrive = r));
  const released = new Promise<void>((r) => (release = r));
  const answered = new Promise<void>((r) => (answer = r));
  return {
    hold: { arrived, release, answered },
    gate: {
      arrive: () => {
        arrive();
        return released;
      },
      answer,
    },
  };
}

export class Faults {
  private readonly rules = new Map<FaultTarget, Fault[]>();
  private readonly holds = new Map<OperationName, HoldGate[]>();
  /** Every answered request, in the order the answers were sent. */
  readonly served: Served[] = [];

  /** Adds a fault; a latency fault and a failing fault may be combined on one operation. */
  inject(target: FaultTarget, fault: Fault): this {
    this.rules.set(target, [...(this.rules.get(target) ?? []), { ...fault }]);
    return this;
  }

  /** Replaces the operation's faults. */
  set(target: FaultTarget, ...faults: Fault[]): this {
    this.rules.set(target, faults.map((f) => ({ ...f })));
    return this;
  }

  /** Holds the next request of `op` until `release()`; several holds queue for the next requests. */
  hold(op: OperationName): Hold {
    const { hold, gate } = createHold();
    this.holds.set(op, [...(this.holds.get(op) ?? []), gate]);
    return hold;
  }

  /** The next hold of `op`, if any (consumed). */
  takeHold(op: OperationName): HoldGate | undefined {
    const gates = this.holds.get(op);
    const gate = gates?.shift();
    if (gates && !gates.length) this.holds.delete(op);
    return gate;
  }

  /** How many answers of `op` the simulator has sent. */
  answered(op: OperationName): number {
    return this.served.filter((s) => s.op === op).length;
  }

  clear(target?: FaultTarget): void {
    if (target) this.rules.delete(target);
    else this.rules.clear();
  }

  /** Read-only view for a demo panel. */
  list(): { target: FaultTarget; faults: Fault[] }[] {
    return [...this.rules].map(([target, faults]) => ({ target, faults: faults.map((f) => ({ ...f })) }));
  }

  /**
   * The faults for one request: total latency, and the first failing fault (if any). Consumes one
   * use of every fault with `times`.
   */
  take(op: OperationName): { latencyMs: number; failure?: Exclude<Fault, { kind: 'latency' }> } {
    let latencyMs = 0;
    let failure: Exclude<Fault, { kind: 'latency' }> | undefined;
    for (const target of [op, '*'] as const) {
      const faults = this.rules.get(target);
      if (!faults) continue;
      for (const fault of faults) {
        if (fault.kind === 'latency') latencyMs += fault.ms;
        else if (!failure) {
          failure = { ...fault };
          delete failure.times;
        } else continue;
        if (fault.times !== undefined) fault.times--;
      }
      const left = faults.filter((f) => f.times === undefined || f.times > 0);
      if (left.length) this.rules.set(target, left);
      else this.rules.delete(target);
    }
    return failure ? { latencyMs, failure } : { latencyMs };
  }
}
