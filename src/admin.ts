// Side-effect-free entry for the administration elements (kept apart from `src/index.ts`, so the
// end-user bundle never carries admin code). Import `src/define/erp-sync-admin.ts` to register them.
export { ErpSyncAdmin } from './elements/admin/erp-sync-admin/erp-sync-admin.js';
export { ErpConnectorList, parseConnectorUrl, URL_TEST_LIMIT_MS } from './elements/admin/connector-list/connector-list.js';
export { ErpConnectionList } from './elements/admin/connection-list/connection-list.js';
export { ErpConnectionDialog } from './elements/admin/connection-dialog/connection-dialog.js';
export { ErpScopePicker } from './elements/admin/scope-picker/scope-picker.js';
export { ErpConnectionAdmin } from './elements/admin/connection-admin/connection-admin.js';
export { ErpMappingEditor, suggestCrmFields } from './elements/admin/mapping-editor/mapping-editor.js';
export { ErpListMappingEditor } from './elements/admin/list-mapping-editor/list-mapping-editor.js';
export { ErpDefaultsEditor } from './elements/admin/defaults-editor/defaults-editor.js';
export { ErpOrderList } from './elements/admin/order-list/order-list.js';
export { ErpRankEditor } from './elements/admin/rank-editor/rank-editor.js';
export { ErpPriorityEditor } from './elements/admin/priority-editor/priority-editor.js';
export { ErpResyncAction } from './elements/admin/resync-action/resync-action.js';
export { ErpBackgroundSync } from './elements/admin/background-sync/background-sync.js';
export { ErpImportWizard } from './elements/admin/import-wizard/import-wizard.js';
export { resolveAdminBackend } from './elements/admin/resolve-admin-backend.js';
export type { ErpAdminBackend, CallOptions } from './backend/erp-backend.js';
export { RestAdminBackend, RestBackend } from './backend/rest-backend.js';
export { configure, type BackendConfig } from './backend/config.js';
export { ErpProblem, isAbort } from './backend/problem.js';
export { ErpErrorEvent } from './events/erp-error.js';
