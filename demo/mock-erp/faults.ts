/**
 * Fault injection per operation (names = the RestBackend method names), so tests and the demo can
 * show slow, failing, garbled and dropped answers.
 */

export const OPERATIONS = [
  'getEntityState', 'searchActors', 'getSearchableFields', 'searchActorsAdvanced', 'getList', 'compare',
  'getNewActorFields', 'saveLink', 'removeLink', 'syncNow', 'getMatchSuggestions', 'getHistory',
  'listConnectors', 'addConnector', 'updateConnector', 'removeConnector', 'testConnectorUrl',
  'getConnectorConfigFields', 'getConnectorList', 'listConnections', 'getConnection', 'addConnection', 'updateConnection',
  'removeConnection', 'testConnectionConfig', 'testConnection', 'setConnectionActive', 'listPrincipals',
  'getActorTypeMapping', 'saveActorTypeMapping', 'getListMapping', 'saveListMapping', 'getDefaults',
  'saveDefaults', 'saveRank', 'saveSyncPriority', 'resync', 'importActors', 'getBackgroundSync',
  'runBackgroundSync', 'setBackgroundSyncPaused',
] as const;

export type OperationName = (typeof OPERATIONS)[number];

/** `times`: only the next N requests of the operation (default: until cleared). */
export type Fault = (
  | { kind: 'latency'; ms: number }
  | { kind: 'problem'; status: number; code: string; detail?: string; field?: string }
  | { kind: 'malformed' }
  | { kind: 'network' }
  /** Answers 200 with this JSON body instead of the real one (e.g. one that breaks the contract). */
  | { kind: 'body'; body: unknown }
) & { times?: number };

/** '*' applies to every operation (after the operation's own faults). */
export type FaultTarget = OperationName | '*';

export class Faults {
  private readonly rules = new Map<FaultTarget, Fault[]>();

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
