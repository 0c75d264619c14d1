import type { ReactiveControllerHost } from 'lit';
import { isAbort, toProblem, type ErpProblem } from '../../backend/problem.js';
import { IdempotencyKeys } from '../shared/idempotency.js';
import { keepOrder, reloadedKeptMessage } from './conflict.js';
import type { OrderEditorView } from './order-editor-view.js';

/** A stored order and the version to save against. */
export interface StoredOrder {
  ids: string[];
  version: string;
}

export interface OrderSaveOptions<R extends { version: string }, L> {
  /** Saves `order` against `version`; `idempotencyKey` is one per attempt of one order. */
  save(order: string[], version: string, idempotencyKey: string): Promise<R>;
  /** The current data (Reload after a 409), and the stored order in it. */
  load(): Promise<L>;
  stored(loaded: L): StoredOrder;
  /** After Reload applied the fresh order (the host may take the rest of the data then). */
  onReloaded?(loaded: L): void;
  /** Announced after a save. */
  savedMessage(): string;
  /** Identifies the request for its idempotency key, besides the order and the version. */
  keyParts(): unknown[];
  onSaved(result: R): void;
}

/**
 * The state and flows shared by Rank Fields and Set Sync Priority: the admin's order on top of the
 * stored one, Save with the order's version and one idempotency key per attempt, and after a 409
 * Reload, which takes the current version and keeps the admin's order.
 */
export class OrderSaveController<R extends { version: string }, L> {
  order: string[] = [];
  saving = false;
  reloading = false;
  error: ErpProblem | null = null;
  message = '';
  /** The stored order as last seen, to tell an unsaved order apart. */
  private savedOrder = '';
  private version = '';
  private readonly keys = new IdempotencyKeys();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: OrderSaveOptions<R, L>,
  ) {}

  /** A new stored order from the host's properties: an unsaved order stays on top of it. */
  take(stored: StoredOrder): void {
    const unsaved = this.changed;
    this.savedOrder = stored.ids.join();
    this.version = stored.version;
    this.order = unsaved ? keepOrder(this.order, stored.ids) : stored.ids;
  }

  /** Whether the admin's order differs from the stored one (Save has something to store). */
  get changed(): boolean {
    return this.order.join() !== this.savedOrder;
  }

  /** What `renderOrderEditor` needs from this state. */
  view(): Pick<OrderEditorView, 'changed' | 'saving' | 'message' | 'error' | 'reloading' | 'onReload' | 'onOrder' | 'onSave'> {
    return {
      changed: this.changed,
      saving: this.saving,
      message: this.message,
      error: this.error,
      reloading: this.reloading,
      onReload: () => void this.reload(),
      onOrder: (order) => this.set({ order, message: '' }),
      onSave: () => void this.save(),
    };
  }

  private set(changes: Partial<Pick<this, 'order' | 'saving' | 'reloading' | 'error' | 'message'>>): void {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  private async save(): Promise<void> {
    if (this.saving || !this.changed) return;
    this.set({ saving: true, error: null, message: '' });
    const order = this.order.slice();
    try {
      const idempotencyKey = this.keys.for([...this.options.keyParts(), order, this.version]);
      const saved = await this.options.save(order, this.version, idempotencyKey);
      this.keys.done();
      // The next save (before the host's data is reloaded) goes against the new version.
      this.version = saved.version;
      this.savedOrder = order.join();
      this.set({ message: this.options.savedMessage() });
      this.options.onSaved(saved);
    } catch (error) {
      if (!isAbort(error)) this.set({ error: toProblem(error) });
    } finally {
      this.set({ saving: false });
    }
  }

  /** After a 409: takes the current version, keeping the admin's order. */
  private async reload(): Promise<void> {
    if (this.reloading) return;
    this.set({ reloading: true });
    try {
      const loaded = await this.options.load();
      const fresh = this.options.stored(loaded);
      this.version = fresh.version;
      this.savedOrder = fresh.ids.join();
      this.set({ order: keepOrder(this.order, fresh.ids), error: null, message: reloadedKeptMessage() });
      this.options.onReloaded?.(loaded);
    } catch (error) {
      if (!isAbort(error)) this.set({ error: toProblem(error) });
    } finally {
      this.set({ reloading: false });
    }
  }
}
