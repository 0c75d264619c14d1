import type { ActorType, MatchSuggestion } from '../src/model/types.js';
import type { EntityKey } from '../src/backend/erp-backend.js';
import { connectorKind, crmRecord, usableConnection, type Ctx } from './context.js';
import { companyLink } from './entity-state.js';
import { indexOfVatDigits, keyAt } from './generate.js';
import { linkKey, type ErpActor } from './model.js';
import { FIXED_ACTORS } from './seed-data.js';

const LEGAL_FORMS = /\b(ltd|limited|plc|gmbh|ag|kg|co|a\/s|as|asa|aps|bv|b\.v\.|nv|ab|inc|llc|corp|sarl|sa)\b\.?/g;
const MAX_WEAK = 5;

/** "DE 123 456 789", "de123456789" and "123456789" are the same VAT number. */
export function normalizeVat(value: unknown): string {
  return String(value ?? '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/^[A-Z]{2}(?=\d)/, '')
    .replace(/MVA$/, '');
}

/** Mod-11 check digits of the organisation numbers whose rule we know (the rest: form only). */
const CHECK_DIGITS: Record<string, { weights: number[]; valid: (sum: number, digits: number[]) => boolean }> = {
  // Danish CVR: weighted sum of all 8 digits divisible by 11.
  DK: { weights: [2, 7, 6, 5, 4, 3, 2, 1], valid: (sum) => sum % 11 === 0 },
  // Norwegian organisation number: 9th digit = 11 - (weighted sum of the first 8 mod 11).
  NO: {
    weights: [3, 2, 7, 6, 5, 4, 3, 2],
    valid: (sum, d) => {
      const check = 11 - (sum % 11);
      return check !== 10 && (check === 11 ? 0 : check) === d[8];
    },
  },
};

/**
 * A strong VAT / organisation number match needs a well-formed number on both sides: digits only
 * once spaces, dots, dashes, the country prefix and "MVA" are gone (a Dutch "B01" suffix allowed),
 * 8 to 12 of them, and correct check digits where the country's rule is known. Letters inside the
 * number ("DE 12345678O"), placeholders ("N/A", "-") or a wrong check digit never match.
 */
export function wellFormedVat(value: unknown): boolean {
  const raw = String(value ?? '').toUpperCase().replace(/[\s.\-/]/g, '');
  const m = /^([A-Z]{2})?(\d{8,12})(B\d{2})?(MVA)?$/.exec(raw);
  if (!m) return false;
  const [, country, digits, nlSuffix] = m;
  if (nlSuffix && country !== 'NL') return false;
  const rule = country ? CHECK_DIGITS[country] : undefined;
  if (!rule) return true;
  const d = [...digits!].map(Number);
  if (d.length !== rule.weights.length + (country === 'NO' ? 1 : 0)) return false;
  const sum = rule.weights.reduce((acc, w, i) => acc + w * d[i]!, 0);
  return rule.valid(sum, d);
}

/** "Acme Ltd" and "ACME Limited" both become "acme". */
export function normalizeName(value: unknown): string {
  return String(value ?? '')
    .toLowerCase()
    .replace(/&/g, ' ')
    .replace(LEGAL_FORMS, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const similar = (a: string, b: string) => a.length >= 3 && b.length >= 3 && (a === b || a.includes(b) || b.includes(a));

export function getMatchSuggestions(ctx: Ctx, entity: EntityKey, connectionId: string, actorType: ActorType): MatchSuggestion[] {
  const record = crmRecord(ctx, entity.type, entity.id);
  const conn = usableConnection(ctx, connectionId);
  if (!connectorKind(ctx, conn).actorTypes.includes(actorType)) return [];
  const found = new Map<string, { actor: ErpActor; reasons: Set<string> }>();
  const add = (actor: ErpActor | undefined, reason: string) => {
    if (!actor || actor.type !== actorType) return;
    const entry = found.get(actor.key) ?? { actor, reasons: new Set<string>() };
    entry.reasons.add(reason);
    found.set(actor.key, entry);
  };

  const previous = ctx.state.previousLinks[linkKey(record.type, record.id, conn.id)];
  if (previous?.actorType === actorType) add(ctx.actors.get(conn.id, actorType, previous.erpKey), 'previously-linked');

  // Strong keys: the known (fixed, created, changed) actors, plus the generated one a VAT number points at.
  const parentKey = actorType === 'person' ? companyLink(ctx, record, conn.id)?.erpKey : undefined;
  if (actorType === 'person' && !parentKey) return [];
  const known = knownActors(ctx, conn.id, actorType, parentKey);
  const vat = wellFormedVat(record.values.orgNr) ? normalizeVat(record.values.orgNr) : '';
  if (vat) {
    const i = indexOfVatDigits(ctx.actors.spec(conn.id), actorType, vat);
    if (i >= 0) known.push(ctx.actors.get(conn.id, actorType, keyAt(actorType, i))!);
  }
  const rawEmail = String(record.values.email ?? '').trim().toLowerCase();
  const email = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(rawEmail) ? rawEmail : '';
  for (const actor of known) {
    if (vat && wellFormedVat(actor.values.vatNumber) && normalizeVat(actor.values.vatNumber) === vat) add(actor, 'vat-equal');
    if (email && String(actor.values.email ?? '').trim().toLowerCase() === email) add(actor, 'email-equal');
    const erpNumber = String(record.values.erpNumber ?? '').trim();
    if (erpNumber && erpNumber.replace(/\s+/g, '') === actor.key) add(actor, 'erp-number-equal');
  }

  // Weak: similar names, found by scanning names only (cheap even for 100,000 actors).
  const name = normalizeName(record.name);
  const src = ctx.actors.source(conn.id, actorType, parentKey);
  let weak = 0;
  for (let i = 0; i < src.size && weak < MAX_WEAK; i++) {
    if (!similar(name, normalizeName(src.nameAt(i)))) continue;
    const key = src.keyAt(i);
    if (!found.has(key)) weak++;
    add(src.actorAt(i), 'name-similar');
  }

  const linkedElsewhere = new Set(
    Object.entries(ctx.state.links)
      .filter(([k, l]) => k.endsWith(`/${conn.id}`) && k !== linkKey(record.type, record.id, conn.id) && l.actorType === actorType)
      .map(([, l]) => l.erpKey),
  );
  return [...found.values()]
    .filter((e) => !linkedElsewhere.has(e.actor.key))
    .map(({ actor, reasons }): MatchSuggestion => ({
      key: actor.key,
      displayName: String(actor.values.name ?? actor.key),
      strength: [...reasons].some((r) => r !== 'name-similar') ? 'strong' : 'weak',
      reasons: [...reasons],
    }))
    .sort((a, b) => rank(a) - rank(b));
}

/** Previously linked first (soft unlink), then strong before weak, then the one with more reasons. */
function rank(s: MatchSuggestion): number {
  return (s.reasons.includes('previously-linked') ? 0 : 100) + (s.strength === 'strong' ? 0 : 50) - s.reasons.length;
}

function knownActors(ctx: Ctx, connectionId: string, actorType: ActorType, parentKey?: string): ErpActor[] {
  if (actorType === 'person') {
    const src = ctx.actors.source(connectionId, 'person', parentKey);
    return Array.from({ length: src.size }, (_, i) => src.actorAt(i));
  }
  const keys = new Set<string>();
  for (const a of FIXED_ACTORS[connectionId] ?? []) if (a.type === actorType) keys.add(a.key);
  for (const a of ctx.state.created[connectionId] ?? []) if (a.type === actorType) keys.add(a.key);
  for (const k of Object.keys(ctx.state.overrides)) if (k.startsWith(`${connectionId}/`)) keys.add(k.slice(connectionId.length + 1));
  return [...keys].map((k) => ctx.actors.get(connectionId, actorType, k)).filter((a): a is ErpActor => Boolean(a));
}
