import type { ActorType, DisplayField, FieldValue, Side } from '../model/types.js';

/** One value the create form was given, as text (`ErpCreateSubmitEvent`). */
export interface PreviewValue {
  key: string;
  label: string;
  /** The text as it will be after synchronization (already formatted for display). */
  display: string;
}

/** What the user chose in the connect dialog: staged in the tab until Save. */
export interface PendingLink {
  connectionId: string;
  actorType: ActorType;
  /** The ERP actor to link; absent when a new actor is to be created. */
  erpKey?: string;
  displayName: string;
  /** Per differing field: which side's value wins. */
  choices: Record<string, Side>;
  /** Values for the "ask user" / mandatory fields. */
  values: Record<string, FieldValue>;
  /** The compare's token of the ERP values the choices were made on (see `CompareResult`). */
  erpVersion?: string;
  /** Set when the actor is to be created in the ERP on Save. */
  create?: { values: Record<string, FieldValue>; reason?: string };
  /** The fields the tab will show once saved, with the values they will have (as `ConnectionState.fields`). */
  preview: DisplayField[];
}

/**
 * Fired by `<erp-connect-dialog>` when the user pressed Connect (or Create) in its last step.
 * Nothing has reached the backend yet: the tab stages it until Save.
 */
export class ErpConnectEvent extends Event {
  static readonly eventName = 'erp-connect';
  constructor(readonly pending: PendingLink) {
    super(ErpConnectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'erp-connect': ErpConnectEvent;
  }
}
