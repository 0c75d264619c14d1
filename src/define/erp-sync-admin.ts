import { ErpSyncAdmin } from '../elements/admin/erp-sync-admin/erp-sync-admin.js';
import { ErpConnectorList } from '../elements/admin/connector-list/connector-list.js';
import { ErpConnectionList } from '../elements/admin/connection-list/connection-list.js';
import { ErpPriorityEditor } from '../elements/admin/priority-editor/priority-editor.js';
import { ErpOrderList } from '../elements/admin/order-list/order-list.js';
import { ErpImportWizard } from '../elements/admin/import-wizard/import-wizard.js';
import { defineElement } from '../elements/shared/define.js';
import './erp-confirm-dialog.js';

// What the Sync screen shows at once. A connection's settings (erp-connection-admin.ts) and the
// connection dialog (erp-connection-dialog.ts) load on first use (elements/admin/lazy-admin.ts).
defineElement('erp-connector-list', ErpConnectorList);
defineElement('erp-connection-list', ErpConnectionList);
defineElement('erp-order-list', ErpOrderList);
defineElement('erp-priority-editor', ErpPriorityEditor);
defineElement('erp-import-wizard', ErpImportWizard);
defineElement('erp-sync-admin', ErpSyncAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'erp-sync-admin': ErpSyncAdmin;
    'erp-connector-list': ErpConnectorList;
    'erp-connection-list': ErpConnectionList;
    'erp-priority-editor': ErpPriorityEditor;
    'erp-order-list': ErpOrderList;
    'erp-import-wizard': ErpImportWizard;
  }
}
