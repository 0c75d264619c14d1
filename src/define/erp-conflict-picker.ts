import { ErpConflictPicker } from '../elements/erp-conflict-picker/erp-conflict-picker.js';
import { defineElement } from '../elements/shared/define.js';
import './erp-field.js';

defineElement('erp-conflict-picker', ErpConflictPicker);

declare global {
  interface HTMLElementTagNameMap {
    'erp-conflict-picker': ErpConflictPicker;
  }
}
