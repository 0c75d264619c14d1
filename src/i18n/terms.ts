import { msg, str } from '@lit/localize';
import type { ActorType, CrmEntityType } from '../model/types.js';

/** The glossary's words for ERP actor types. Called at render time so they follow the locale. */
export function actorTypeLabel(type: ActorType): string {
  switch (type) {
    case 'customer':
      return msg('Customer', { id: 'actor.customer' });
    case 'supplier':
      return msg('Supplier', { id: 'actor.supplier' });
    case 'person':
      return msg('Contact', { id: 'actor.person' });
    case 'project':
      return msg('Project', { id: 'actor.project' });
    case 'partner':
      return msg('Partner', { id: 'actor.partner' });
  }
}

export function entityLabel(type: CrmEntityType): string {
  switch (type) {
    case 'company':
      return msg('Company', { id: 'entity.company' });
    case 'person':
      return msg('Contact', { id: 'entity.person' });
    case 'project':
      return msg('Project', { id: 'entity.project' });
  }
}

export const formatWords = () => ({
  yes: msg('Yes', { id: 'value.yes' }),
  no: msg('No', { id: 'value.no' }),
  empty: msg('(empty)', { id: 'value.empty' }),
});

export function connectionNotLinkedText(connectionName: string): string {
  return msg(str`This record is not connected to ${connectionName} yet.`, { id: 'tab.notLinked' });
}
