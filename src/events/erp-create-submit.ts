import type { FieldValue } from '../model/types.js';
import type { PreviewValue } from './erp-connect.js';

/** Fired by `<erp-create-form>` when the user pressed Create with valid values. */
export class ErpCreateSubmitEvent extends Event {
  static readonly eventName = 'erp-create-submit';
  constructor(
    /** The new actor's values by field key (read-only `label` fields left out). */
    readonly values: Record<string, FieldValue>,
    /** The same values as display text, in field order, for the pending view in the tab. */
    readonly preview: PreviewValue[],
  ) {
    super(ErpCreateSubmitEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Name of the plain bubbling, composed `Event` fired when the user pressed Cancel in the form. */
export const ERP_CREATE_CANCEL = 'erp-create-cancel';

declare global {
  interface GlobalEventHandlersEventMap {
    'erp-create-submit': ErpCreateSubmitEvent;
    'erp-create-cancel': Event;
  }
}
