import type { ConfigValue, ErpConnection, FieldMeta, FieldValue } from '../../../model/types.js';

// The connection dialog's configuration as data (no UI): what is sent, what a test covers, what is
// still missing. Passwords are never read back: a stored one is `{ set: true }`.

const isSecret = (v: ConfigValue | undefined): v is { set: boolean } => typeof v === 'object' && v !== null;
const isEmpty = (v: FieldValue | undefined) => v === undefined || v === null || v === '';

/** Whether a config field is sent to the backend (labels and read-only fields are not). */
const editable = (f: FieldMeta) => f.type !== 'label' && f.access !== 'read-only';

/** The configuration being edited: the connection it started from (null: a new one) and the values now. */
export interface ConfigDraft {
  original: ErpConnection | null;
  connectorId: string;
  fields: FieldMeta[];
  values: Record<string, FieldValue>;
  /** Password fields whose stored value the admin chose to change. */
  changingSecret: ReadonlySet<string>;
}

function secretStored(d: ConfigDraft, key: string): boolean {
  const stored = d.original?.connectorId === d.connectorId ? d.original.config[key] : undefined;
  return isSecret(stored) && stored.set;
}

/** Whether a password field's stored value is kept (shown as "set"). */
export function keepsSecret(d: ConfigDraft, f: FieldMeta): boolean {
  return f.type === 'password' && secretStored(d, f.key) && !d.changingSecret.has(f.key);
}

/** The configuration to send for the current values. */
export function configToSend(d: ConfigDraft): Record<string, ConfigValue> {
  const config: Record<string, ConfigValue> = {};
  for (const f of d.fields) {
    if (!editable(f)) continue;
    if (keepsSecret(d, f)) config[f.key] = { set: true };
    else if (f.type === 'password' && isEmpty(d.values[f.key]) && secretStored(d, f.key)) config[f.key] = { set: true };
    else config[f.key] = d.values[f.key] ?? null;
  }
  return config;
}

/** What a test covers, as a key: the connector and the configuration to send. */
export function testKey(d: ConfigDraft): string {
  return JSON.stringify({ connectorId: d.connectorId, config: configToSend(d) });
}

/** The stored configuration as the same kind of key, to tell whether a test is needed at all. */
export function storedKey(d: ConfigDraft): string | null {
  const o = d.original;
  if (!o) return null;
  const config: Record<string, ConfigValue> = {};
  for (const f of d.fields) {
    if (!editable(f)) continue;
    const s = o.config[f.key];
    config[f.key] = f.type === 'password' ? (isSecret(s) && s.set ? { set: true } : null) : (s ?? null);
  }
  return JSON.stringify({ connectorId: o.connectorId, config });
}

/** Mandatory fields without a value (a kept password counts as one). */
export function missingMandatory(d: ConfigDraft): FieldMeta[] {
  return d.fields.filter((f) => f.access === 'mandatory' && f.type !== 'label' && !keepsSecret(d, f) && isEmpty(d.values[f.key]));
}

/**
 * The values for newly loaded fields: kept where the admin entered one (for a field shown before),
 * else stored, else the default; a password starts empty.
 */
export function valuesFor(d: ConfigDraft, connectorId: string, fields: FieldMeta[]): Record<string, FieldValue> {
  const sameConnector = d.original?.connectorId === connectorId;
  const stored = sameConnector ? d.original!.config : {};
  const values: Record<string, FieldValue> = {};
  for (const f of fields) {
    const kept = d.values[f.key];
    const s = stored[f.key];
    if (f.type === 'password') values[f.key] = kept ?? null;
    else if (kept !== undefined && d.fields.some((x) => x.key === f.key)) values[f.key] = kept;
    else if (s !== undefined && !isSecret(s)) values[f.key] = s;
    else values[f.key] = sameConnector ? null : (f.defaultValue ?? null);
  }
  return values;
}
