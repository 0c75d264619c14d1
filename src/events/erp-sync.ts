/** Fired after Sync now succeeded for one connection. */
export class ErpSyncEvent extends Event {
  static readonly eventName = 'erp-sync';
  constructor(
    readonly connectionId: string,
    readonly lastSynced: string | null,
  ) {
    super(ErpSyncEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'erp-sync': ErpSyncEvent;
  }
}
