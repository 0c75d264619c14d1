import { ErpConnectDialog } from '../elements/erp-connect-dialog/erp-connect-dialog.js';
import { defineElement } from '../elements/shared/define.js';
import './erp-conflict-picker.js';
import './erp-create-form.js';

defineElement('erp-connect-dialog', ErpConnectDialog);

declare global {
  interface HTMLElementTagNameMap {
    'erp-connect-dialog': ErpConnectDialog;
  }
}
