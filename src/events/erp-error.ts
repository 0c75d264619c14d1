import type { ProblemBody } from '../model/types.js';

/** Fired whenever a backend call fails; the element also shows the error to the user. */
export class ErpErrorEvent extends Event {
  static readonly eventName = 'erp-error';
  constructor(
    readonly operation: string,
    readonly problem: ProblemBody,
  ) {
    super(ErpErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'erp-error': ErpErrorEvent;
  }
}
