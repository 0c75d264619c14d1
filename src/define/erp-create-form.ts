import { ErpCreateForm } from '../elements/erp-create-form/erp-create-form.js';
import { defineElement } from '../elements/shared/define.js';
import './erp-field.js';

defineElement('erp-create-form', ErpCreateForm);

declare global {
  interface HTMLElementTagNameMap {
    'erp-create-form': ErpCreateForm;
  }
}
