import type { CompareField, CompareResult, DisplayField, FieldValue, Side } from '../../model/types.js';
import type { PendingLink, PreviewValue } from '../../events/erp-connect.js';

/** The side whose value a compare field will have after synchronization. */
export function winningSide(field: CompareField, choices: Record<string, Side>): Side {
  switch (field.direction) {
    case 'erp-to-crm':
      return 'erp';
    case 'crm-to-erp':
      return 'crm';
    default:
      return field.differs ? (choices[field.field.key] ?? 'erp') : 'erp';
  }
}

/**
 * What the tab will show once the link is saved: its fields in its order (`tabFields`; else the
 * compared fields), each compared one with the value that will win (the chosen side for differing
 * two-way fields, the direction's winner for one-way fields), an asked one with the value entered.
 * The tab renders these exactly as it renders a linked record's fields.
 */
export function comparePreview(
  compare: Pick<CompareResult, 'fields' | 'tabFields'>,
  choices: Record<string, Side>,
  values: Record<string, FieldValue> = {},
): DisplayField[] {
  const shown: DisplayField[] =
    compare.tabFields ?? compare.fields.map((f) => ({ field: f.field, value: f.erpValue, displayValue: f.erpDisplay, direction: f.direction }));
  return shown.map((t) => {
    const key = t.field.key;
    const compared = compare.fields.find((f) => f.field.key === key);
    if (compared) {
      const crm = winningSide(compared, choices) === 'crm';
      return { ...t, value: crm ? compared.crmValue : compared.erpValue, displayValue: crm ? compared.crmDisplay : compared.erpDisplay };
    }
    if (key in values) {
      const value = values[key]!;
      // A list item's text is the ERP's: the one shown stays for the same item.
      const keep = t.field.type === 'list' && value === t.value;
      return { ...t, value, displayValue: keep ? t.displayValue : String(value ?? '') };
    }
    return t;
  });
}

/** The name the record will have in the ERP: the winning value of a compared `name` field, else `erpName`. */
export function previewName(compare: Pick<CompareResult, 'fields'>, choices: Record<string, Side>, erpName: string): string {
  const name = compare.fields.find((f) => f.field.key === 'name');
  if (!name) return erpName;
  return (winningSide(name, choices) === 'crm' ? name.crmDisplay : name.erpDisplay) || erpName;
}

/** Where a pending link goes: the connection and the kind of ERP actor. */
export type LinkTarget = Pick<PendingLink, 'connectionId' | 'actorType'>;

/** The link to an existing ERP actor, as the user resolved its compare. */
export function linkToActor(
  target: LinkTarget,
  row: { key: string; displayName: string },
  compare: CompareResult,
  choices: Record<string, Side>,
  values: Record<string, FieldValue>,
): PendingLink {
  return {
    ...target,
    erpKey: row.key,
    displayName: previewName(compare, choices, row.displayName),
    choices: { ...choices },
    values: { ...values },
    ...(compare.erpVersion ? { erpVersion: compare.erpVersion } : {}),
    preview: comparePreview(compare, choices, values),
  };
}

/** The link to an ERP actor created on Save, with the values entered (`reason`: why despite a strong match). */
export function linkToNewActor(
  target: LinkTarget,
  name: string,
  values: Record<string, FieldValue>,
  entered: PreviewValue[],
  reason: string | undefined,
): PendingLink {
  return {
    ...target,
    displayName: name,
    choices: {},
    values: {},
    create: { values: { ...values }, ...(reason ? { reason } : {}) },
    // The values entered, as text (the new actor's tab fields are the ERP's to decide).
    preview: entered.map((p) => ({ field: { key: p.key, label: p.label, type: 'text', access: 'normal' }, value: p.display, displayValue: p.display })),
  };
}
