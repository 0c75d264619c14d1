import type { FieldValue } from '../model/types.js';

/**
 * Fired by `<erp-field>` whenever the user changes its value (on every keystroke for text-like
 * controls). `value` is the parsed value (`null` while the text cannot be read); `valid` says
 * whether it passes the field's rules.
 */
export class ErpFieldChangeEvent extends Event {
  static readonly eventName = 'erp-field-change';
  constructor(
    readonly key: string,
    readonly value: FieldValue,
    readonly valid: boolean,
  ) {
    super(ErpFieldChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'erp-field-change': ErpFieldChangeEvent;
  }
}
