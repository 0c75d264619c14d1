import type { ActorTypeMapping, ErpConnection, Scope } from '../../model/types.js';

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

/** Internal: the admin asked for a connection's Mappings (and the other per-connection settings). */
export class ManageConnectionEvent extends Event {
  static readonly eventName = 'erp-internal-manage-connection';
  constructor(readonly connection: ErpConnection) {
    super(ManageConnectionEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Internal: an actor type's mapping was saved (or its rank changed). */
export class MappingSavedEvent extends Event {
  static readonly eventName = 'erp-internal-mapping-saved';
  constructor(readonly mapping: ActorTypeMapping) {
    super(MappingSavedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'erp-internal-admin-changed': AdminChangedEvent;
    'erp-internal-scope-change': ScopeChangeEvent;
    'erp-internal-manage-connection': ManageConnectionEvent;
    'erp-internal-mapping-saved': MappingSavedEvent;
  }
}
