/**
 * Fired when the user pressed **Sign in again** after the backend answered 401: the host renews the
 * session (e.g. opens its login), then may call `reload()` on the tab.
 */
export class ErpSignInRequestEvent extends Event {
  static readonly eventName = 'erp-sign-in-request';
  constructor(readonly connectionId: string) {
    super(ErpSignInRequestEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'erp-sign-in-request': ErpSignInRequestEvent;
  }
}
