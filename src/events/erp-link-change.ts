import type { ActorType } from '../model/types.js';

export interface LinkChangeDetail {
  connectionId: string;
  linked: boolean;
  actorType: ActorType;
  erpKey: string;
}

/** Fired after a link was saved (linked) or removed (unlinked). */
export class ErpLinkChangeEvent extends Event {
  static readonly eventName = 'erp-link-change';
  constructor(readonly detail: LinkChangeDetail) {
    super(ErpLinkChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'erp-link-change': ErpLinkChangeEvent;
  }
}
