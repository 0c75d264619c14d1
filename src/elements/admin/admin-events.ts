import type { ErpConnection, Scope } from '../../model/types.js';

/** Internal: something changed in the backend; the admin screen reloads its lists. */
export class AdminChangedEvent extends Event {
  static readonly eventName = 'erp-internal-admin-changed';
  constructor(readonly connection?: ErpConnection) {
    super(AdminChangedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Internal: the scope picker's selection changed. */
export class ScopeChangeEvent extends Event {
  static readonly eventName = 'erp-internal-scope-change';
  constructor(readonly scope: Scope) {
    super(ScopeChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'erp-internal-admin-changed': AdminChangedEvent;
    'erp-internal-scope-change': ScopeChangeEvent;
  }
}
