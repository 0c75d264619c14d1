// Side-effect-free entry: classes, types and the backend client. Import `erp-widget/erp-tab.js`
// (src/define/*) to register the elements.
export { ErpTab } from './elements/erp-tab/erp-tab.js';
export { ErpTabConnection } from './elements/erp-tab/erp-tab-connection.js';
export type { ErpBackend, ErpAdminBackend, CallOptions, EntityKey } from './backend/erp-backend.js';
export { RestBackend } from './backend/rest-backend.js';
export { configure, type BackendConfig } from './backend/config.js';
export { ErpProblem, isAbort } from './backend/problem.js';
export { ErpAvailabilityChangeEvent } from './events/erp-availability-change.js';
export { ErpLinkChangeEvent, type LinkChangeDetail } from './events/erp-link-change.js';
export { ErpSyncEvent } from './events/erp-sync.js';
export { ErpErrorEvent } from './events/erp-error.js';
export type * from './model/types.js';
