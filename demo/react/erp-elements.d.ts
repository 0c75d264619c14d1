// JSX types for the widget's elements in React 19. React 19 sets known properties on a custom
// element, other props as attributes, and turns a function prop `on<event-name>` into
// addEventListener('<event-name>') with the name taken as written: `onerp-link-change`, not
// `onErpLinkChange`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  ErpAvailabilityChangeEvent,
  ErpErrorEvent,
  ErpLinkChangeEvent,
  ErpSyncEvent,
  ErpTab,
} from '../../src/index.js';

interface ErpTabProps extends DetailedHTMLProps<HTMLAttributes<ErpTab>, ErpTab> {
  entity?: ErpTab['entity'];
  'entity-id'?: string;
  'backend-url'?: string;
  /** A host backend object: React 19 sets it as a property, not an attribute. */
  backend?: ErpTab['backend'];
  'onerp-availability-change'?: (event: ErpAvailabilityChangeEvent) => void;
  'onerp-link-change'?: (event: ErpLinkChangeEvent) => void;
  'onerp-sync'?: (event: ErpSyncEvent) => void;
  'onerp-error'?: (event: ErpErrorEvent) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'erp-tab': ErpTabProps;
    }
  }
}
