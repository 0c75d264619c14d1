// Define new / Configure ERP connection (the ERP connections list's Add and Configure): loaded on first use.
import { ErpConnectionDialog } from '../elements/admin/connection-dialog/connection-dialog.js';
import { ErpScopePicker } from '../elements/admin/scope-picker/scope-picker.js';
import { defineElement } from '../elements/shared/define.js';
import './erp-field.js';

defineElement('erp-scope-picker', ErpScopePicker);
defineElement('erp-connection-dialog', ErpConnectionDialog);

declare global {
  interface HTMLElementTagNameMap {
    'erp-connection-dialog': ErpConnectionDialog;
    'erp-scope-picker': ErpScopePicker;
  }
}
