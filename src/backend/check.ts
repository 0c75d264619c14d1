/**
 * A very small schema library for checking response bodies (a few hundred bytes in the bundle): each
 * schema checks a parsed JSON value and reports the first problem with its path. Schemas carry their
 * output type, so `object<T>()` can insist on an entry for every property of the type `T`. The schemas
 * themselves are generated from api/openapi.yaml (`contract.generated.ts`).
 * Values are checked, not copied: properties a schema does not know pass through untouched.
 */

export type Path = (string | number)[];

export interface Issue {
  path: Path;
  message: string;
}

export interface Schema<T> {
  readonly type: string;
  /** For objects: the schema of each property (read by the contract tests). */
  readonly entries?: Readonly<Record<string, Schema<unknown>>>;
  /** The property may be left out. */
  readonly optional?: boolean;
  /**
   * The constraints beyond the type that api/openapi.yaml states for this value (`format`, `minimum`,
   * `maximum`, `pattern`, `x-unique-by`): the contract test compares them with the spec.
   */
  readonly rules?: Readonly<Record<string, string | number>>;
  /** For arrays: the schema of each item (read by the contract tests). */
  readonly items?: Schema<unknown>;
  check(value: unknown, path: Path): Issue | undefined;
  /** Type only: what a value that passes is. */
  readonly __output?: T;
}

const describe = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `a string` : typeof v;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function leaf<T>(type: string, ok: (v: unknown) => boolean, expected: string = type, rules?: Schema<T>['rules']): Schema<T> {
  return { type, rules, check: (v, path) => (ok(v) ? undefined : { path, message: `expected ${expected}, got ${describe(v)}` }) };
}

export const string = leaf<string>('string', (v) => typeof v === 'string');
export const number = leaf<number>('number', (v) => typeof v === 'number' && Number.isFinite(v));
export const integer = leaf<number>('integer', Number.isInteger);
/** An integer within the spec's `minimum`..`maximum`. */
export const range = (minimum: number, maximum: number) =>
  leaf<number>('integer', (v) => Number.isInteger(v) && (v as number) >= minimum && (v as number) <= maximum, `an integer from ${minimum} to ${maximum}`, { minimum, maximum });
/** A string matching the spec's `pattern`. */
export const pattern = (source: string) => {
  const re = new RegExp(source);
  return leaf<string>('string', (v) => typeof v === 'string' && re.test(v), `a string matching ${source}`, { pattern: source });
};
const RFC_3339 = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;
/** `format: date-time` (RFC 3339): not "NOT-A-DATE", not the 31st of April. */
export const dateTime = leaf<string>(
  'string',
  (v) => typeof v === 'string' && RFC_3339.test(v) && +v.slice(8, 10) <= new Date(Date.UTC(+v.slice(0, 4), +v.slice(5, 7), 0)).getUTCDate(),
  'a date-time',
  { format: 'date-time' },
);
export const boolean = leaf<boolean>('boolean', (v) => typeof v === 'boolean');
/** The body of a 204 answer: none. */
export const none = leaf<void>('none', (v) => v === undefined, 'no content');

export function picklist<const V extends readonly string[]>(values: V): Schema<V[number]> {
  return leaf('picklist', (v) => values.includes(v as string), values.map((x) => `"${x}"`).join(' | '));
}

export const nullable = <T>(s: Schema<T>): Schema<T | null> => ({
  ...s,
  check: (v, path) => (v === null ? undefined : s.check(v, path)),
});

export const optional = <T>(s: Schema<T>): Schema<T | undefined> => ({
  ...s,
  optional: true,
  check: (v, path) => (v === undefined ? undefined : s.check(v, path)),
});

/** An array of `item`; with `uniqueBy` (a property, or a dotted path), no two items share that value. */
export const array = <T>(item: Schema<T>, uniqueBy?: string): Schema<T[]> => ({
  type: 'array',
  items: item,
  rules: uniqueBy ? { 'x-unique-by': uniqueBy } : undefined,
  check(v, path) {
    if (!Array.isArray(v)) return { path, message: `expected an array, got ${describe(v)}` };
    const seen = new Set<unknown>();
    for (let i = 0; i < v.length; i++) {
      const issue = item.check(v[i], [...path, i]);
      if (issue) return issue;
      if (!uniqueBy) continue;
      const id = uniqueBy.split('.').reduce<unknown>((o, key) => (o as Record<string, unknown>)[key], v[i]);
      if (seen.has(id)) return { path: [...path, i, ...uniqueBy.split('.')], message: `duplicate ${JSON.stringify(id)}` };
      seen.add(id);
    }
    return undefined;
  },
});

export const record = <T>(value: Schema<T>): Schema<Record<string, T>> => ({
  type: 'record',
  check(v, path) {
    if (!isObject(v)) return { path, message: `expected an object, got ${describe(v)}` };
    for (const key of Object.keys(v)) {
      const issue = value.check(v[key], [...path, key]);
      if (issue) return issue;
    }
    return undefined;
  },
});

/**
 * An object of the type `T`: `object<T>({ … })` needs an entry for every property of `T`; `closed`
 * (the spec's `additionalProperties: false`) refuses properties it does not name.
 */
export const object = <T>(entries: { [K in keyof T]-?: Schema<T[K]> }, closed = false): Schema<T> => ({
  type: 'object',
  entries: entries as Record<string, Schema<unknown>>,
  check(v, path) {
    if (!isObject(v)) return { path, message: `expected an object, got ${describe(v)}` };
    for (const [key, schema] of Object.entries<Schema<unknown>>(entries)) {
      if (!(key in v) && !schema.optional) return { path: [...path, key], message: 'missing' };
      const issue = schema.check(v[key], [...path, key]);
      if (issue) return issue;
    }
    const extra = closed && Object.keys(v).find((key) => !(key in entries));
    return extra ? { path: [...path, extra], message: 'not allowed' } : undefined;
  },
});

/** The first of `options` that accepts the value. */
export const union = <T>(options: Schema<T>[], expected: string): Schema<T> =>
  leaf('union', (v) => options.some((o) => !o.check(v, [])), expected);

/** Objects told apart by the string property `key` (a discriminated union). */
export const variant = <T>(key: string, options: Schema<T>[]): Schema<T> => ({
  type: 'variant',
  check(v, path) {
    if (!isObject(v)) return { path, message: `expected an object, got ${describe(v)}` };
    const match = options.find((o) => !o.entries?.[key]?.check(v[key], []));
    return match ? match.check(v, path) : { path: [...path, key], message: `unknown ${key} ${JSON.stringify(v[key])}` };
  },
});
