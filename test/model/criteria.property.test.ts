// Property-based tests (fast-check) for building advanced-search restrictions from the criteria rows.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  arity,
  buildRestrictions,
  newCriterion,
  operatorsFor,
  parseLocaleNumber,
  withOperator,
  type Criterion,
} from '../../src/model/criteria.js';
import { formatNumberInput } from '../../src/model/field-value.js';
import type { FieldMeta, FieldType, RestrictionOperator } from '../../src/model/types.js';

const LOCALES = ['en', 'de', 'da', 'nl'];
const TYPES: FieldType[] = ['text', 'password', 'integer', 'double', 'checkbox', 'list', 'datetime', 'label'];
const ALL_OPERATORS: RestrictionOperator[] = ['begins', 'contains', 'equals', 'eq', 'lt', 'gt', 'between', 'oneOf', 'before', 'after'];

const fieldsArb = fc.uniqueArray(
  fc.record({ key: fc.stringMatching(/^[a-z]{1,6}$/), type: fc.constantFrom(...TYPES) }),
  { selector: (f) => f.key, minLength: 1, maxLength: 6 },
).map((list) => list.map((f): FieldMeta => ({ key: f.key, label: f.key.toUpperCase(), type: f.type, access: 'normal' })));

/** A value text that suits (or, sometimes, does not suit) the field type. */
const valueFor = (type: FieldType, locale: string): fc.Arbitrary<string> => {
  switch (type) {
    case 'integer':
      return fc.oneof(fc.integer({ min: -1e9, max: 1e9 }).map((n) => formatNumberInput(n, locale)), fc.string());
    case 'double':
      return fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((n) => formatNumberInput(n, locale)), fc.string());
    case 'datetime':
      return fc.oneof(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.string());
    default:
      return fc.string();
  }
};

const scenario = fc.constantFrom(...LOCALES).chain((locale) =>
  fieldsArb.chain((fields) =>
    fc
      .array(
        fc.nat(fields.length).chain((i) => {
          const field = fields[i % fields.length]!;
          const offered = operatorsFor(field.type);
          return fc.record({
            field: fc.oneof(fc.constant(field.key), fc.constant('no-such-field')),
            operator: offered.length ? fc.oneof(fc.constantFrom(...offered), fc.constantFrom(...ALL_OPERATORS)) : fc.constantFrom(...ALL_OPERATORS),
            values: fc.array(valueFor(field.type, locale), { maxLength: 3 }),
          });
        }),
        { maxLength: 8 },
      )
      .map((rows) => ({ locale, fields, criteria: rows.map((r, id): Criterion => ({ id, ...r })) })),
  ),
);

describe('property: building restrictions from criteria', () => {
  it('every row becomes a restriction or a problem, in row order, and only valid ones are sent', () => {
    fc.assert(
      fc.property(scenario, ({ locale, fields, criteria }) => {
        const { restrictions, problems } = buildRestrictions(criteria, fields, locale);
        expect(restrictions.length + problems.size).to.equal(criteria.length);
        const sent = criteria.filter((c) => !problems.has(c.id));
        expect(restrictions.map((r) => r.field)).to.deep.equal(sent.map((c) => c.field));
        const byKey = new Map(fields.map((f) => [f.key, f]));
        restrictions.forEach((r, i) => {
          const field = byKey.get(r.field);
          expect(field, 'a restriction names a known field').to.exist;
          expect(operatorsFor(field!.type)).to.include(r.operator);
          expect(r.operator).to.equal(sent[i]!.operator);
          const n = arity(r.operator);
          if (n === 'many') expect(r.values.length).to.be.greaterThan(0);
          else expect(r.values).to.have.length(n);
          for (const v of r.values) {
            expect(v.trim()).to.equal(v);
            expect(v).to.not.equal('');
            if (field!.type === 'integer') expect(Number.isInteger(Number(v)), v).to.equal(true);
            if (field!.type === 'double') expect(Number.isFinite(Number(v)), v).to.equal(true);
            if (field!.type === 'datetime') expect(Number.isNaN(new Date(v).getTime()), v).to.equal(false);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('numbers typed in the UI language are sent as the same number', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), fc.integer({ min: -1e12, max: 1e12 }), fc.nat(99), (locale, int, cents) => {
        const n = int + cents / 100;
        const text = formatNumberInput(n, locale);
        expect(parseLocaleNumber(text, locale), `"${text}" (${locale})`).to.equal(n);
        const field: FieldMeta = { key: 'amount', label: 'Amount', type: 'double', access: 'normal' };
        const { restrictions } = buildRestrictions([{ id: 1, field: 'amount', operator: 'eq', values: [text] }], [field], locale);
        expect(restrictions).to.deep.equal([{ field: 'amount', operator: 'eq', values: [String(n)] }]);
      }),
      { numRuns: 300 },
    );
  });

  it('changing the operator keeps the row at the operator\'s arity', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), fc.array(fc.constantFrom(...ALL_OPERATORS), { maxLength: 6 }), (type, ops) => {
        const field: FieldMeta = { key: 'f', label: 'F', type, access: 'normal' };
        let row = newCriterion(1, field);
        for (const op of ops) {
          row = withOperator({ ...row, values: row.values.map((v, i) => v || `v${i}`) }, op);
          const n = arity(op);
          if (n !== 'many') expect(row.values).to.have.length(n);
          expect(row.operator).to.equal(op);
        }
      }),
    );
  });
});
