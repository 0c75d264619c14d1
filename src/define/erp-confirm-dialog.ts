import { ErpConfirmDialog } from '../elements/erp-confirm-dialog/erp-confirm-dialog.js';
import { defineElement } from '../elements/shared/define.js';

defineElement('erp-confirm-dialog', ErpConfirmDialog);

declare global {
  interface HTMLElementTagNameMap {
    'erp-confirm-dialog': ErpConfirmDialog;
  }
}
