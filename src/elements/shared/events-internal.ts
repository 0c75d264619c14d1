import type { ConnectionState } from '../../model/types.js';

/** Internal: a connection section tells its `<erp-tab>` that the connection's state changed. */
export class ConnectionUpdateEvent extends Event {
  static readonly eventName = 'erp-internal-connection-update';
  constructor(readonly connection: ConnectionState) {
    super(ConnectionUpdateEvent.eventName, { bubbles: false, composed: false });
  }
}

/** Internal: a connection section tells its `<erp-tab>` whether it holds a staged, unsaved change. */
export class StagedChangeEvent extends Event {
  static readonly eventName = 'erp-internal-staged';
  constructor(
    readonly connectionId: string,
    readonly staged: boolean,
  ) {
    super(StagedChangeEvent.eventName, { bubbles: false, composed: false });
  }
}

/** Internal: a connection section asks its `<erp-tab>` to load the record's state again. */
export class ReloadRequestEvent extends Event {
  static readonly eventName = 'erp-internal-reload';
  constructor() {
    super(ReloadRequestEvent.eventName, { bubbles: false, composed: false });
  }
}
