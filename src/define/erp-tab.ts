import { ErpTab } from '../elements/erp-tab/erp-tab.js';
import { ErpTabConnection } from '../elements/erp-tab/erp-tab-connection.js';
import { defineElement } from '../elements/shared/define.js';
import './erp-connect-dialog.js';
import './erp-confirm-dialog.js';
import './erp-history.js';

defineElement('erp-tab-connection', ErpTabConnection);
defineElement('erp-tab', ErpTab);

declare global {
  interface HTMLElementTagNameMap {
    'erp-tab': ErpTab;
    'erp-tab-connection': ErpTabConnection;
  }
}
