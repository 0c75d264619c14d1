import type { ErpSimulator } from './simulator.js';

export type StateStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Restores the simulator from `storage[key]` (when a valid state is there) and saves it after every
 * change, so the demo keeps what the user saved across reloads; `sim.reset()` saves the fresh state.
 * Returns a function that stops saving.
 */
export function persistTo(sim: ErpSimulator, storage: StateStorage, key = 'erp-widget-demo-state'): () => void {
  const saved = storage.getItem(key);
  if (saved) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(saved);
    } catch {
      parsed = undefined;
    }
    if (!sim.load(parsed)) storage.removeItem(key);
  }
  return sim.subscribe(() => {
    try {
      storage.setItem(key, JSON.stringify(sim.toJSON()));
    } catch {
      // Storage full or blocked (private mode): the demo still works, it just forgets on reload.
    }
  });
}
