import { msg, str } from '@lit/localize';
import type { FieldMeta, FieldValue } from '../../model/types.js';
import { dateExample, formatNumberInput, textLength, type FieldErrorCode } from '../../model/field-value.js';

/** The sentence shown beside a field for a validation error, in the UI language. */
export function fieldErrorMessage(
  code: FieldErrorCode,
  field: Pick<FieldMeta, 'type' | 'maxLength'>,
  value: FieldValue | undefined,
  text: string,
  locale: string,
): string {
  switch (code) {
    case 'required':
      return field.type === 'list'
        ? msg('Choose a value: this field is mandatory.', { id: 'field.error.requiredChoice' })
        : msg('Fill in this field: it is mandatory.', { id: 'field.error.required' });
    case 'too-long': {
      const max = field.maxLength ?? 0;
      const now = textLength(typeof value === 'string' ? value : text);
      return msg(str`Use at most ${max} characters (now ${now}).`, { id: 'field.error.tooLong' });
    }
    case 'not-a-number': {
      const example = formatNumberInput(field.type === 'integer' ? 1234 : 1234.5, locale);
      return msg(str`Enter a number, for example ${example}.`, { id: 'field.error.notANumber' });
    }
    case 'not-an-integer': {
      const example = formatNumberInput(1234, locale);
      return msg(str`Enter a whole number, for example ${example}.`, { id: 'field.error.notAnInteger' });
    }
    case 'out-of-range':
      return msg('This number is too large.', { id: 'field.error.outOfRange' });
    case 'not-a-date': {
      const example = dateExample(locale);
      return msg(str`Enter a date like ${example}.`, { id: 'field.error.notADate' });
    }
  }
}
