import type { AskField, FieldValue } from '../../model/types.js';
import { validateFieldValue } from '../../model/field-value.js';

/**
 * The state of a set of `<erp-field>`s for asked values (the conflict picker's extra fields and the
 * Create in ERP form): typed values, their validity, and messages set from outside (a backend
 * problem on one field). Pure functions returning new objects, so Lit `@state` sees each change.
 */
export interface AskFieldState {
  values: Record<string, FieldValue>;
  validity: Record<string, boolean>;
  errors: Record<string, string>;
}

export const emptyAskFieldState = (): AskFieldState => ({ values: {}, validity: {}, errors: {} });

/** New fields start from their prefilled value (or default); values the user already typed stay. */
export function reconcileAskFields(fields: AskField[], state: AskFieldState): AskFieldState {
  const values: Record<string, FieldValue> = {};
  const validity: Record<string, boolean> = {};
  for (const { field, value } of fields) {
    const known = field.key in state.values;
    values[field.key] = known ? state.values[field.key] : (value ?? field.defaultValue ?? null);
    validity[field.key] = known ? state.validity[field.key] : validateFieldValue(field, values[field.key]) === null;
  }
  return { ...state, values, validity };
}

/** The user edited a field: take its value and validity, and drop a message set from outside. */
export function applyFieldChange(state: AskFieldState, key: string, value: FieldValue, valid: boolean): AskFieldState {
  const { [key]: _dropped, ...errors } = state.errors;
  return { values: { ...state.values, [key]: value }, validity: { ...state.validity, [key]: valid }, errors };
}

export const isAskFieldInvalid = (state: AskFieldState, key: string): boolean =>
  state.validity[key] === false || !!state.errors[key];

/** The field a key or a JSON pointer (`/create/values/vatNo`: its last segment) names, if any. */
export function resolveAskFieldKey(fields: AskField[], key: string): string | undefined {
  const fieldKey = fields.some((a) => a.field.key === key) ? key : (key.split('/').pop() ?? key);
  return fields.some((a) => a.field.key === fieldKey) ? fieldKey : undefined;
}

/** The values to send: every field but read-only labels, empty ones as null. */
export function askFieldValues(fields: AskField[], state: AskFieldState): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const { field } of fields) if (field.type !== 'label') values[field.key] = state.values[field.key] ?? null;
  return values;
}
