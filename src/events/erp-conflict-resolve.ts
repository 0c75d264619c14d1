import type { FieldValue, Side } from '../model/types.js';

/**
 * Fired by `<erp-conflict-picker>` when the user pressed Connect: every conflict is decided and
 * every mandatory value filled.
 */
export class ErpConflictResolveEvent extends Event {
  static readonly eventName = 'erp-conflict-resolve';
  constructor(
    /** For each differing field (one-way ones included): the side whose value wins. */
    readonly choices: Record<string, Side>,
    /** The values of the "ask user" / mandatory fields, by field key. */
    readonly values: Record<string, FieldValue>,
  ) {
    super(ErpConflictResolveEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Name of the plain bubbling, composed `Event` fired when the user pressed Cancel in the picker. */
export const ERP_CONFLICT_CANCEL = 'erp-conflict-cancel';

declare global {
  interface GlobalEventHandlersEventMap {
    'erp-conflict-resolve': ErpConflictResolveEvent;
    'erp-conflict-cancel': Event;
  }
}
