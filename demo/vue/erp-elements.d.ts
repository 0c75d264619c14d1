// Template types for the widget's elements in Vue 3 (checked by vue-tsc), following Vue's guide for
// custom elements not built with Vue: `$props` lists what a template may bind, `$emit` the events
// that `@erp-…` handlers receive, as the typed event classes.
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type {
  ErpAvailabilityChangeEvent,
  ErpErrorEvent,
  ErpLinkChangeEvent,
  ErpSyncEvent,
  ErpTab,
} from '../../src/index.js';

interface ErpTabEvents {
  'erp-availability-change': (event: ErpAvailabilityChangeEvent) => void;
  'erp-link-change': (event: ErpLinkChangeEvent) => void;
  'erp-sync': (event: ErpSyncEvent) => void;
  'erp-error': (event: ErpErrorEvent) => void;
}

type ErpTabComponent = new () => ErpTab & {
  /** @deprecated For template type checking only: not a property of the element. */
  $props: HTMLAttributes & Partial<Pick<ErpTab, 'entity' | 'entityId' | 'backendUrl' | 'backend'>> & PublicProps;
  /** @deprecated For template type checking only: not a method of the element. */
  $emit: EmitFn<ErpTabEvents>;
};

declare module 'vue' {
  interface GlobalComponents {
    'erp-tab': ErpTabComponent;
  }
}
