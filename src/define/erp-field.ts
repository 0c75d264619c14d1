import { ErpField } from '../elements/erp-field/erp-field.js';
import { defineElement } from '../elements/shared/define.js';

defineElement('erp-field', ErpField);

declare global {
  interface HTMLElementTagNameMap {
    'erp-field': ErpField;
  }
}
