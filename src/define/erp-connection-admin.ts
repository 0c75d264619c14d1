// One connection's settings (its Mappings button in <erp-sync-admin>): loaded on first use.
import { ErpConnectionAdmin } from '../elements/admin/connection-admin/connection-admin.js';
import { ErpMappingEditor } from '../elements/admin/mapping-editor/mapping-editor.js';
import { ErpListMappingEditor } from '../elements/admin/list-mapping-editor/list-mapping-editor.js';
import { ErpDefaultsEditor } from '../elements/admin/defaults-editor/defaults-editor.js';
import { ErpRankEditor } from '../elements/admin/rank-editor/rank-editor.js';
import { ErpResyncAction } from '../elements/admin/resync-action/resync-action.js';
import { ErpBackgroundSync } from '../elements/admin/background-sync/background-sync.js';
import { defineElement } from '../elements/shared/define.js';
import './erp-field.js';
import './erp-confirm-dialog.js';
// <erp-order-list> (the Rank Fields list) comes with the Sync screen: Set Sync Priority uses it too.

defineElement('erp-list-mapping-editor', ErpListMappingEditor);
defineElement('erp-mapping-editor', ErpMappingEditor);
defineElement('erp-defaults-editor', ErpDefaultsEditor);
defineElement('erp-rank-editor', ErpRankEditor);
defineElement('erp-resync-action', ErpResyncAction);
defineElement('erp-background-sync', ErpBackgroundSync);
defineElement('erp-connection-admin', ErpConnectionAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'erp-connection-admin': ErpConnectionAdmin;
    'erp-mapping-editor': ErpMappingEditor;
    'erp-list-mapping-editor': ErpListMappingEditor;
    'erp-defaults-editor': ErpDefaultsEditor;
    'erp-rank-editor': ErpRankEditor;
    'erp-resync-action': ErpResyncAction;
    'erp-background-sync': ErpBackgroundSync;
  }
}
