import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ErpBackend } from '../../backend/erp-backend.js';
import { isAbort, type ErpProblem } from '../../backend/problem.js';
import type { FieldMeta, ListItem } from '../../model/types.js';
import { LoadController } from '../shared/load-controller.js';

interface ListSource {
  backend?: ErpBackend;
  connectionId?: string;
  fields: FieldMeta[];
}

/**
 * Loads the items of every `list` field's list (once per list name and connection) from the
 * backend, aborting on disconnect and when the source changes. Failures are kept in `error` until
 * `retry()`.
 */
export class ListItemsController implements ReactiveController {
  /** Items per list name, as loaded so far. */
  readonly items = new Map<string, ListItem[]>();

  private sourceKey = '';
  private connectionId?: string;
  /** Loads the missing lists side by side; a list that loads is kept even when another one fails. */
  private readonly loader: LoadController<[ErpBackend, string, string[]], void>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => ListSource,
  ) {
    host.addController(this);
    this.loader = new LoadController(host, async ([backend, connectionId, missing], signal) => {
      let failure: unknown;
      await Promise.all(
        missing.map(async (name) => {
          try {
            const items = await backend.getList(connectionId, name, { signal });
            if (!signal.aborted) this.items.set(name, items);
          } catch (error) {
            if (!isAbort(error)) failure ??= error;
          }
        }),
      );
      if (failure !== undefined) throw failure;
    });
  }

  /** The first failure of the last load (never an abort), or null. */
  get error(): ErpProblem | null {
    return this.loader.problem;
  }

  get loading(): boolean {
    return this.loader.pending;
  }

  /** The items for one field, or undefined while unknown. */
  itemsFor(field: FieldMeta): ListItem[] | undefined {
    return field.listName ? this.items.get(field.listName) : undefined;
  }

  hostUpdate(): void {
    const { backend, connectionId, fields } = this.source();
    // A list name names a list of one connection: another connection's lists start empty.
    if (connectionId !== this.connectionId) {
      if (this.connectionId !== undefined) this.abort();
      this.connectionId = connectionId;
      this.items.clear();
    }
    const names = [...new Set(fields.filter((f) => f.type === 'list' && f.listName).map((f) => f.listName!))];
    const key = `${connectionId ?? ''}\u0000${names.join('\u0000')}`;
    if (!backend || !connectionId || names.length === 0) return;
    if (key === this.sourceKey) return;
    this.sourceKey = key;
    void this.load(backend, connectionId, names);
  }

  hostConnected(): void {
    // A load aborted by an earlier removal starts again when the element comes back.
    if (this.sourceKey && !this.error && !this.complete()) {
      this.sourceKey = '';
      this.host.requestUpdate();
    }
  }

  /** Aborts the load in flight; the next update loads what is still missing. */
  abort(): void {
    this.loader.abort();
    this.sourceKey = '';
  }

  /** Loads the lists that failed again. */
  retry(): void {
    this.loader.clear();
    this.sourceKey = '';
    this.host.requestUpdate();
  }

  private complete(): boolean {
    return this.source().fields.every((f) => f.type !== 'list' || !f.listName || this.items.has(f.listName));
  }

  private async load(backend: ErpBackend, connectionId: string, names: string[]): Promise<void> {
    const missing = names.filter((name) => !this.items.has(name));
    if (missing.length === 0) this.loader.abort();
    else await this.loader.run(backend, connectionId, missing);
  }
}
