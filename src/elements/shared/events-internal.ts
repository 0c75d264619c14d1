import type { ConnectionState } from '../../model/types.js';

/** Internal: a connection section tells its `<erp-tab>` that the connection's state changed. */
export class ConnectionUpdateEvent extends Event {
  static readonly eventName = 'erp-internal-connection-update';
  constructor(readonly connection: ConnectionState) {
    super(ConnectionUpdateEvent.eventName, { bubbles: false, composed: false });
  }
}
