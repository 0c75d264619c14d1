import { ErpHistory } from '../elements/erp-history/erp-history.js';
import { defineElement } from '../elements/shared/define.js';

defineElement('erp-history', ErpHistory);

declare global {
  interface HTMLElementTagNameMap {
    'erp-history': ErpHistory;
  }
}
