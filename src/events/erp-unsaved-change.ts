/**
 * Fired when `<erp-tab>` starts or stops holding staged, unsaved changes (a link chosen in the
 * connect dialog or a disconnect confirmed, not yet saved). `unsaved` is the tab's
 * `hasUnsavedChanges` after the change. Staged changes belong to the record on screen: when
 * `entity-id` (or `entity`) changes they are discarded, and this event says so with `unsaved: false`.
 */
export class ErpUnsavedChangeEvent extends Event {
  static readonly eventName = 'erp-unsaved-change';
  constructor(readonly unsaved: boolean) {
    super(ErpUnsavedChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'erp-unsaved-change': ErpUnsavedChangeEvent;
  }
}
