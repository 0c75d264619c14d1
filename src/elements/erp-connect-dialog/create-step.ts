import { html } from 'lit';
import type { ErpBackend } from '../../backend/erp-backend.js';
import type { AskField } from '../../model/types.js';
import type { ErpCreateSubmitEvent } from '../../events/erp-create-submit.js';

/** What the create step shows: the new ERP actor's fields in the create form. */
export interface CreateStepView {
  fields: AskField[];
  backend: ErpBackend;
  connectionId: string;
  onSubmit(event: ErpCreateSubmitEvent): void;
  onBack(): void;
}

export function renderCreateStep(v: CreateStepView) {
  return html`<erp-create-form
    hide-heading
    .fields=${v.fields}
    .backend=${v.backend}
    .connectionId=${v.connectionId}
    @erp-create-submit=${v.onSubmit}
    @erp-create-cancel=${(e: Event) => {
      e.stopPropagation();
      v.onBack();
    }}
  ></erp-create-form>`;
}
