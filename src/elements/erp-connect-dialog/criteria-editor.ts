import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import {
  arity,
  operatorsFor,
  withField,
  withOperator,
  type Criterion,
  type CriterionProblem,
} from '../../model/criteria.js';
import type { FieldMeta, ListItem, RestrictionOperator } from '../../model/types.js';

/** What the criteria editor shows and how it reports edits (the dialog owns the state). */
export interface CriteriaEditorProps {
  fields: readonly FieldMeta[];
  criteria: readonly Criterion[];
  /** Items of list fields, by list name; undefined while loading. */
  lists: ReadonlyMap<string, ListItem[]>;
  /** Problems found when the user last pressed Search, by criterion id. */
  problems: ReadonlyMap<number, CriterionProblem>;
  onChange(criterion: Criterion): void;
  onAdd(): void;
  onRemove(id: number): void;
}

export function operatorLabel(operator: RestrictionOperator, fieldType: FieldMeta['type']): string {
  switch (operator) {
    case 'begins':
      return msg('begins with', { id: 'connect.op.begins' });
    case 'contains':
      return msg('contains', { id: 'connect.op.contains' });
    case 'equals':
      return fieldType === 'checkbox'
        ? msg('is', { id: 'connect.op.is' })
        : msg('equals', { id: 'connect.op.equals' });
    case 'eq':
      return msg('equal to', { id: 'connect.op.eq' });
    case 'lt':
      return msg('less than', { id: 'connect.op.lt' });
    case 'gt':
      return msg('greater than', { id: 'connect.op.gt' });
    case 'between':
      return msg('between', { id: 'connect.op.between' });
    case 'oneOf':
      return msg('one of', { id: 'connect.op.oneOf' });
    case 'before':
      return msg('before', { id: 'connect.op.before' });
    case 'after':
      return msg('after', { id: 'connect.op.after' });
  }
}

function problemText(problem: CriterionProblem): string {
  switch (problem) {
    case 'empty':
      return msg('Enter a value, or remove this criterion.', { id: 'connect.criterionEmpty' });
    case 'invalid-number':
      return msg('Enter a number.', { id: 'connect.criterionNumber' });
    case 'not-integer':
      return msg('Enter a whole number.', { id: 'connect.criterionInteger' });
    case 'invalid-date':
      return msg('Enter a valid date.', { id: 'connect.criterionDate' });
  }
}

/**
 * The advanced-search criteria: one group per row (field, operator, value or values) with a
 * remove button, and an add button. Rows are combined with AND.
 */
export function renderCriteriaEditor(p: CriteriaEditorProps) {
  const byKey = new Map(p.fields.map((f) => [f.key, f]));
  return html`<fieldset class="criteria" part="criteria" id="criteria">
    <legend>${msg('Criteria', { id: 'connect.criteria' })}</legend>
    <p class="muted hint">${msg('Records must match all criteria.', { id: 'connect.criteriaAnd' })}</p>
    <div class="criteria-rows">
      ${repeat(
        p.criteria,
        (c) => c.id,
        (c, index) => renderRow(p, c, index, byKey.get(c.field)),
      )}
    </div>
    <button type="button" class="add-criterion" @click=${p.onAdd}>
      ${msg('Add criterion', { id: 'connect.addCriterion' })}
    </button>
  </fieldset>`;
}

function renderRow(p: CriteriaEditorProps, c: Criterion, index: number, field: FieldMeta | undefined) {
  const n = index + 1;
  const base = `crit-${c.id}`;
  const problem = p.problems.get(c.id);
  const errorId = `${base}-error`;
  const ops = field ? operatorsFor(field.type) : [];
  return html`<div class="criterion" role="group" aria-label=${msg(str`Criterion ${n}`, { id: 'connect.criterionN' })}>
    ${index > 0 ? html`<span class="and muted" aria-hidden="true">${msg('and', { id: 'connect.and' })}</span>` : nothing}
    <label class="cell">
      <span>${msg('Field', { id: 'connect.field' })}</span>
      <select
        @change=${(e: Event) => {
          const next = byKey(p, (e.target as HTMLSelectElement).value);
          if (next) p.onChange(withField(c, next, field));
        }}
      >
        ${p.fields.map((f) => html`<option value=${f.key} ?selected=${f.key === c.field}>${f.label}</option>`)}
      </select>
    </label>
    <label class="cell">
      <span>${msg('Operator', { id: 'connect.operator' })}</span>
      <select
        @change=${(e: Event) =>
          p.onChange(withOperator(c, (e.target as HTMLSelectElement).value as RestrictionOperator))}
      >
        ${ops.map(
          (op) =>
            html`<option value=${op} ?selected=${op === c.operator}>
              ${operatorLabel(op, field?.type ?? 'text')}
            </option>`,
        )}
      </select>
    </label>
    ${field ? renderValues(p, c, field, problem ? errorId : undefined) : nothing}
    <button
      type="button"
      class="remove"
      @click=${() => p.onRemove(c.id)}
      aria-label=${msg(str`Remove criterion ${n}`, { id: 'connect.removeCriterion' })}
    >
      <span aria-hidden="true">✕</span>
    </button>
    ${problem ? html`<p id=${errorId} class="error criterion-error">${problemText(problem)}</p>` : nothing}
  </div>`;
}

function byKey(p: CriteriaEditorProps, key: string) {
  return p.fields.find((f) => f.key === key);
}

function renderValues(p: CriteriaEditorProps, c: Criterion, field: FieldMeta, errorId: string | undefined) {
  const invalid = errorId ? 'true' : 'false';
  const describedby = errorId ?? nothing;
  const set = (i: number, value: string) => {
    const values = [...c.values];
    values[i] = value;
    p.onChange({ ...c, values });
  };

  if (field.type === 'list') {
    const items = field.listName ? p.lists.get(field.listName) : undefined;
    return html`<label class="cell values">
      <span>${msg('Values', { id: 'connect.values' })}</span>
      <select
        multiple
        size="4"
        aria-invalid=${invalid}
        aria-describedby=${describedby}
        aria-busy=${items ? 'false' : 'true'}
        @change=${(e: Event) =>
          p.onChange({
            ...c,
            values: Array.from((e.target as HTMLSelectElement).selectedOptions, (o) => o.value),
          })}
      >
        ${(items ?? []).map(
          (item) => html`<option value=${item.id} ?selected=${c.values.includes(item.id)}>${item.label}</option>`,
        )}
      </select>
    </label>`;
  }

  if (field.type === 'checkbox') {
    return html`<label class="cell">
      <span>${msg('Value', { id: 'connect.value' })}</span>
      <select @change=${(e: Event) => set(0, (e.target as HTMLSelectElement).value)}>
        <option value="true" ?selected=${c.values[0] !== 'false'}>${msg('Yes', { id: 'value.yes' })}</option>
        <option value="false" ?selected=${c.values[0] === 'false'}>${msg('No', { id: 'value.no' })}</option>
      </select>
    </label>`;
  }

  const two = arity(c.operator) === 2;
  const labels = two
    ? [msg('From', { id: 'connect.from' }), msg('To', { id: 'connect.to' })]
    : [field.type === 'datetime' ? msg('Date', { id: 'connect.date' }) : msg('Value', { id: 'connect.value' })];
  const inputType = field.type === 'datetime' ? 'date' : 'text';
  const inputMode = field.type === 'integer' ? 'numeric' : field.type === 'double' ? 'decimal' : nothing;
  return labels.map(
    (label, i) => html`<label class="cell">
      <span>${label}</span>
      <input
        type=${inputType}
        inputmode=${inputMode}
        maxlength=${ifDefined(field.type === 'text' && field.maxLength ? field.maxLength : undefined)}
        aria-invalid=${invalid}
        aria-describedby=${describedby}
        .value=${live(c.values[i] ?? '')}
        @input=${(e: Event) => set(i, (e.target as HTMLInputElement).value)}
      />
    </label>`,
  );
}
