import type { UnavailableReason } from '../model/types.js';

/** Fired by `<erp-tab>` when it learns whether the ERP tab is available to the current user. */
export class ErpAvailabilityChangeEvent extends Event {
  static readonly eventName = 'erp-availability-change';
  constructor(
    readonly available: boolean,
    readonly reason: UnavailableReason | null,
  ) {
    super(ErpAvailabilityChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'erp-availability-change': ErpAvailabilityChangeEvent;
  }
}
