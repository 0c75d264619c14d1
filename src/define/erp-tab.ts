import { ErpTab } from '../elements/erp-tab/erp-tab.js';
import { ErpTabConnection } from '../elements/erp-tab/erp-tab-connection.js';
import { defineElement } from '../elements/shared/define.js';

// Its dialogs and the history load on first use (src/elements/erp-tab/lazy-elements.ts).
defineElement('erp-tab-connection', ErpTabConnection);
defineElement('erp-tab', ErpTab);

declare global {
  interface HTMLElementTagNameMap {
    'erp-tab': ErpTab;
    'erp-tab-connection': ErpTabConnection;
  }
}
