import { msg, str } from '@lit/localize';
import type { ProblemBody } from '../../model/types.js';
import { problemMessage } from '../../i18n/problem-message.js';
import { listFormat } from '../../model/intl-cache.js';

/**
 * The glossary's administration words (glossary.md, "Administration UI"). Called at render time so
 * they follow the locale; buttons and headings use them as their exact accessible names.
 */
export const adminTerms = () => ({
  sync: msg('Sync', { id: 'admin.term.sync' }),
  connectors: msg('Sync Connectors', { id: 'admin.term.connectors' }),
  connections: msg('ERP connections', { id: 'admin.term.connections' }),
  add: msg('Add', { id: 'admin.term.add' }),
  newConnection: msg('Define new ERP connection', { id: 'admin.term.newConnection' }),
  editConnection: msg('Configure ERP connection', { id: 'admin.term.editConnection' }),
  scope: msg('Scope', { id: 'admin.term.scope' }),
  everyone: msg('Everyone', { id: 'admin.term.everyone' }),
  specific: msg('Specific users and groups', { id: 'admin.term.specific' }),
  configFields: msg('Configuration fields', { id: 'admin.term.configFields' }),
  test: msg('Test ERP connection', { id: 'admin.term.test' }),
  ok: msg('OK', { id: 'admin.term.ok' }),
  active: msg('Active', { id: 'admin.term.active' }),
  yes: msg('Yes', { id: 'admin.term.yes' }),
  cancel: msg('Cancel', { id: 'action.cancel' }),
  search: msg('Search', { id: 'admin.term.search' }),
  mappings: msg('Mappings', { id: 'admin.term.mappings' }),
  crmField: msg('CRM field', { id: 'admin.term.crmField' }),
  direction: msg('Direction', { id: 'admin.term.direction' }),
  showInSearch: msg('Show in Search', { id: 'admin.term.showInSearch' }),
  showInTab: msg('Show in ERP tab', { id: 'admin.term.showInTab' }),
  done: msg('Done', { id: 'admin.term.done' }),
  listMapping: msg('List mapping', { id: 'admin.term.listMapping' }),
  noSelection: msg('(No Selection)', { id: 'admin.term.noSelection' }),
  defaults: msg('Defaults', { id: 'admin.term.defaults' }),
  addDefault: msg('Add sync default value', { id: 'admin.term.addDefault' }),
  erpField: msg('ERP field', { id: 'admin.term.erpField' }),
  setDefault: msg('Set default value', { id: 'admin.term.setDefault' }),
  askUser: msg('Ask user for value', { id: 'admin.term.askUser' }),
  mandatory: msg('Mandatory – User must fill in value', { id: 'admin.term.mandatory' }),
  rank: msg('Rank Fields', { id: 'admin.term.rank' }),
  priority: msg('Set Sync Priority', { id: 'admin.term.priority' }),
  resync: msg('Resync from CRM', { id: 'admin.term.resync' }),
  importVia: msg('ERP sync', { id: 'admin.term.importVia' }),
  selectConnection: msg('Select ERP connection', { id: 'admin.term.selectConnection' }),
  actorType: msg('Actor type', { id: 'admin.term.actorType' }),
  searchErp: msg('Search ERP', { id: 'admin.term.searchErp' }),
  addImport: msg('Add Import', { id: 'admin.term.addImport' }),
  import: msg('Import', { id: 'admin.term.import' }),
  save: msg('Save', { id: 'admin.term.save' }),
});

/**
 * The localized sentence for a failed admin call: the admin codes get our own words (with the
 * backend's explanation where it carries one); anything else falls back to `problemMessage`.
 */
export function adminProblemMessage(problem: ProblemBody, subject = ''): string {
  const detail = problem.detail ?? '';
  switch (problem.code) {
    case 'duplicate-name':
      return subject
        ? msg(str`The name "${subject}" is already used. Choose another name.`, { id: 'admin.error.duplicateName' })
        : msg('This name is already used. Choose another name.', { id: 'admin.error.duplicateNameAny' });
    case 'connector-in-use':
      return msg(str`This connector is used by ERP connections and cannot be removed. ${detail}`, {
        id: 'admin.error.connectorInUse',
      });
    case 'incomplete-configuration':
      return msg(str`The configuration is incomplete: ${detail}`, { id: 'admin.error.incomplete' });
    case 'connection-active':
      return msg('Deactivate the connection first: configuration fields can only be changed while it is not active.', {
        id: 'admin.error.connectionActive',
      });
    case 'validation-failed':
      return detail
        ? msg(str`Please check the input: ${detail}`, { id: 'admin.error.validation' })
        : problemMessage(problem);
    case 'version-conflict':
      return msg(
        'Another administrator saved these settings meanwhile. Your changes are still here: Reload loads their version and keeps your changes on top; then save again.',
        { id: 'admin.error.versionConflictKeep' },
      );
    case 'sync-active':
      return msg('Import is only possible while synchronization of this connection is switched off (not Active).', {
        id: 'admin.error.syncActive',
      });
    case 'connection-inactive':
      return msg('This connection is not active. Activate it first.', { id: 'admin.error.connectionInactive' });
    case 'forbidden':
      return msg('Only administrators can change the ERP sync settings.', { id: 'admin.error.forbidden' });
    case 'connector-unavailable':
      // An administrator can act on where and why: the service's detail names the connector's address.
      return detail
        ? msg(str`The ERP connector does not answer: ${detail}`, { id: 'admin.error.connectorUnavailable' })
        : problemMessage(problem);
  }
  return problemMessage(problem);
}

/** A list of names in the UI language ("A, B and C"). */
export function nameList(names: string[], locale: string): string {
  try {
    return listFormat(locale, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}
