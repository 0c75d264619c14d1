import { ErpSyncAdmin } from '../elements/admin/erp-sync-admin/erp-sync-admin.js';
import { ErpConnectorList } from '../elements/admin/connector-list/connector-list.js';
import { ErpConnectionList } from '../elements/admin/connection-list/connection-list.js';
import { ErpConnectionDialog } from '../elements/admin/connection-dialog/connection-dialog.js';
import { ErpScopePicker } from '../elements/admin/scope-picker/scope-picker.js';
import { ErpConnectionAdmin } from '../elements/admin/connection-admin/connection-admin.js';
import { ErpMappingEditor } from '../elements/admin/mapping-editor/mapping-editor.js';
import { ErpListMappingEditor } from '../elements/admin/list-mapping-editor/list-mapping-editor.js';
import { ErpDefaultsEditor } from '../elements/admin/defaults-editor/defaults-editor.js';
import { ErpOrderList } from '../elements/admin/order-list/order-list.js';
import { ErpRankEditor } from '../elements/admin/rank-editor/rank-editor.js';
import { ErpPriorityEditor } from '../elements/admin/priority-editor/priority-editor.js';
import { ErpResyncAction } from '../elements/admin/resync-action/resync-action.js';
import { ErpBackgroundSync } from '../elements/admin/background-sync/background-sync.js';
import { ErpImportWizard } from '../elements/admin/import-wizard/import-wizard.js';
import { defineElement } from '../elements/shared/define.js';
import './erp-field.js';
import './erp-confirm-dialog.js';

defineElement('erp-scope-picker', ErpScopePicker);
defineElement('erp-connection-dialog', ErpConnectionDialog);
defineElement('erp-connector-list', ErpConnectorList);
defineElement('erp-connection-list', ErpConnectionList);
defineElement('erp-list-mapping-editor', ErpListMappingEditor);
defineElement('erp-mapping-editor', ErpMappingEditor);
defineElement('erp-defaults-editor', ErpDefaultsEditor);
defineElement('erp-order-list', ErpOrderList);
defineElement('erp-rank-editor', ErpRankEditor);
defineElement('erp-priority-editor', ErpPriorityEditor);
defineElement('erp-resync-action', ErpResyncAction);
defineElement('erp-background-sync', ErpBackgroundSync);
defineElement('erp-import-wizard', ErpImportWizard);
defineElement('erp-connection-admin', ErpConnectionAdmin);
defineElement('erp-sync-admin', ErpSyncAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'erp-sync-admin': ErpSyncAdmin;
    'erp-connector-list': ErpConnectorList;
    'erp-connection-list': ErpConnectionList;
    'erp-background-sync': ErpBackgroundSync;
    'erp-connection-dialog': ErpConnectionDialog;
    'erp-scope-picker': ErpScopePicker;
    'erp-connection-admin': ErpConnectionAdmin;
    'erp-mapping-editor': ErpMappingEditor;
    'erp-list-mapping-editor': ErpListMappingEditor;
    'erp-defaults-editor': ErpDefaultsEditor;
    'erp-order-list': ErpOrderList;
    'erp-rank-editor': ErpRankEditor;
    'erp-priority-editor': ErpPriorityEditor;
    'erp-resync-action': ErpResyncAction;
    'erp-import-wizard': ErpImportWizard;
  }
}
