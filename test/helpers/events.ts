import { oneEvent } from '@open-wc/testing';

/** The next event of that name, typed by the global event map (our events are declared there). */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  name: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return oneEvent(target, name) as unknown as Promise<GlobalEventHandlersEventMap[K]>;
}

/** One turn of the event loop: lets an answer that has arrived run its handlers (not a wait for time). */
export const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

/** A promise with its resolve function, to hold a response back or to mark that something happened. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
