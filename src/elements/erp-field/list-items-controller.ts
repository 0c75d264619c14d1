import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ErpBackend } from '../../backend/erp-backend.js';
import { isAbort, toProblem, type ErpProblem } from '../../backend/problem.js';
import type { FieldMeta, ListItem } from '../../model/types.js';

interface ListSource {
  backend?: ErpBackend;
  connectionId?: string;
  fields: FieldMeta[];
}

/**
 * Loads the items of every `list` field's list (once per list name) from the backend, aborting on
 * disconnect and when the source changes. Failures are kept in `error` until `retry()`.
 */
export class ListItemsController implements ReactiveController {
  /** Items per list name, as loaded so far. */
  readonly items = new Map<string, ListItem[]>();
  /** The last failure (never an abort), or null. */
  error: ErpProblem | null = null;
  loading = false;

  private sourceKey = '';
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => ListSource,
  ) {
    host.addController(this);
  }

  /** The items for one field, or undefined while unknown. */
  itemsFor(field: FieldMeta): ListItem[] | undefined {
    return field.listName ? this.items.get(field.listName) : undefined;
  }

  hostUpdate(): void {
    const { backend, connectionId, fields } = this.source();
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

  hostDisconnected(): void {
    this.abort?.abort();
    this.loading = false;
  }

  /** Loads the lists that failed again. */
  retry(): void {
    this.error = null;
    this.sourceKey = '';
    this.host.requestUpdate();
  }

  private complete(): boolean {
    return this.source().fields.every((f) => f.type !== 'list' || !f.listName || this.items.has(f.listName));
  }

  private async load(backend: ErpBackend, connectionId: string, names: string[]): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const missing = names.filter((name) => !this.items.has(name));
    if (missing.length === 0) return;
    this.loading = true;
    this.error = null;
    await Promise.all(
      missing.map(async (name) => {
        try {
          const items = await backend.getList(connectionId, name, { signal: abort.signal });
          if (abort.signal.aborted) return;
          this.items.set(name, items);
        } catch (error) {
          if (isAbort(error) || abort.signal.aborted) return;
          this.error ??= toProblem(error);
        }
      }),
    );
    if (abort.signal.aborted) return;
    this.loading = false;
    this.host.requestUpdate();
  }
}
