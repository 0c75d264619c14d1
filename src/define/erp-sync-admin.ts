import { ErpSyncAdmin } from '../elements/admin/erp-sync-admin/erp-sync-admin.js';
import { ErpConnectorList } from '../elements/admin/connector-list.js';
import { ErpConnectionList } from '../elements/admin/connection-list.js';
import { ErpConnectionDialog } from '../elements/admin/connection-dialog.js';
import { ErpScopePicker } from '../elements/admin/scope-picker.js';
import { defineElement } from '../elements/shared/define.js';
import './erp-field.js';
import './erp-confirm-dialog.js';

defineElement('erp-scope-picker', ErpScopePicker);
defineElement('erp-connection-dialog', ErpConnectionDialog);
defineElement('erp-connector-list', ErpConnectorList);
defineElement('erp-connection-list', ErpConnectionList);
defineElement('erp-sync-admin', ErpSyncAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'erp-sync-admin': ErpSyncAdmin;
    'erp-connector-list': ErpConnectorList;
    'erp-connection-list': ErpConnectionList;
    'erp-connection-dialog': ErpConnectionDialog;
    'erp-scope-picker': ErpScopePicker;
  }
}
