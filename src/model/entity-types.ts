import type { CrmEntityType } from './types.js';

/** The CRM record types, as the contract names them (`CrmEntityType`). */
export const CRM_ENTITY_TYPES = ['company', 'person', 'project'] as const satisfies readonly CrmEntityType[];

export const isCrmEntityType = (value: unknown): value is CrmEntityType => (CRM_ENTITY_TYPES as readonly unknown[]).includes(value);
