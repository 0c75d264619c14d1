import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { ErpBackend } from '../../backend/erp-backend.js';
import type { CompareResult, Side } from '../../model/types.js';
import type { ErpConflictResolveEvent } from '../../events/erp-conflict-resolve.js';

/** What the compare step shows: the chosen ERP record against the CRM record, in the conflict picker. */
export interface CompareStepView {
  result: CompareResult;
  displayName: string;
  /** Choices made before and why the compare was reopened. */
  kept: { choices: Record<string, Side>; notice: string } | null;
  backend: ErpBackend;
  connectionId: string;
  onResolve(event: ErpConflictResolveEvent): void;
  onBack(): void;
}

export function renderCompareStep(v: CompareStepView) {
  const name = v.displayName;
  return html`<h3 tabindex="-1" data-step-focus class="step-title">
      ${msg(str`Compare with ${name}`, { id: 'connect.compareTitle' })}
    </h3>
    ${v.kept ? html`<p class="notice" role="status">${v.kept.notice}</p>` : nothing}
    <erp-conflict-picker
      .fields=${v.result.fields}
      .presetChoices=${v.kept?.choices ?? {}}
      .askFields=${v.result.askFields}
      .backend=${v.backend}
      .connectionId=${v.connectionId}
      @erp-conflict-resolve=${v.onResolve}
      @erp-conflict-cancel=${(e: Event) => {
        e.stopPropagation();
        v.onBack();
      }}
    ></erp-conflict-picker>`;
}
