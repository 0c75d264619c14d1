// Side-effect-free entry: classes, types, the backend client and configure(). Importing it defines
// no element: import `erp-widget/erp-tab.js` (src/define/*) to register the tags you use.
export { ErpTab } from './elements/erp-tab/erp-tab.js';
export { ErpTabConnection } from './elements/erp-tab/erp-tab-connection.js';
export { ErpConnectDialog } from './elements/erp-connect-dialog/erp-connect-dialog.js';
export { ErpConflictPicker } from './elements/erp-conflict-picker/erp-conflict-picker.js';
export { ErpCreateForm } from './elements/erp-create-form/erp-create-form.js';
export { ErpField } from './elements/erp-field/erp-field.js';
export { ErpConfirmDialog } from './elements/erp-confirm-dialog/erp-confirm-dialog.js';
export type { ErpBackend, ErpAdminBackend, CallOptions, EntityKey, HistoryPageOptions } from './backend/erp-backend.js';
export { RestBackend } from './backend/rest-backend.js';
export { configure, type BackendConfig } from './backend/config.js';
export { ErpProblem, isAbort } from './backend/problem.js';
export { ErpAvailabilityChangeEvent } from './events/erp-availability-change.js';
export { ErpLinkChangeEvent, type LinkChangeDetail } from './events/erp-link-change.js';
export { ErpSyncEvent } from './events/erp-sync.js';
export { ErpErrorEvent } from './events/erp-error.js';
export { ErpUnsavedChangeEvent } from './events/erp-unsaved-change.js';
export { ErpSignInRequestEvent } from './events/erp-sign-in-request.js';
export { ErpConnectEvent, type PendingLink, type PreviewValue } from './events/erp-connect.js';
export { ErpConflictResolveEvent } from './events/erp-conflict-resolve.js';
export { ErpCreateSubmitEvent } from './events/erp-create-submit.js';
export { ErpFieldChangeEvent } from './events/erp-field-change.js';
export type * from './model/types.js';
