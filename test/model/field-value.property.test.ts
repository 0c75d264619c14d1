// Property-based tests (fast-check) for value formatting and parsing per locale and field type: what the
// widget writes into an input, it reads back as the same value, in every UI language.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  formatDateInput,
  formatFieldInput,
  formatNumberInput,
  parseDate,
  parseFieldInput,
  parseNumber,
} from '../../src/model/field-value.js';
import { formatFieldValue } from '../../src/model/format.js';
import type { FieldType, FieldValue } from '../../src/model/types.js';

const LOCALES = ['en', 'de', 'da', 'nl', 'fr', 'de-CH'];
const RUNS = { numRuns: 300 };
const words = { yes: 'Yes', no: 'No', empty: '—' };
const field = (type: FieldType) => ({ type, access: 'normal' as const });
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `fc.assert` with the locale in the failure message. */
function forAll<T>(arb: fc.Arbitrary<T>, check: (value: T, locale: string) => void) {
  fc.assert(
    fc.property(arb, fc.constantFrom(...LOCALES), (value, locale) => check(value, locale)),
    RUNS,
  );
}

describe('property: numbers round-trip through the input format', () => {
  it('integers: parseNumber(formatNumberInput(n)) === n', () => {
    forAll(fc.maxSafeInteger().filter(() => true), (n, locale) => {
      const text = formatNumberInput(n, locale);
      expect(parseNumber(text, locale, true), `${n} -> "${text}" (${locale})`).to.deep.equal({ ok: true, value: n === 0 ? 0 : n });
    });
  });

  it('doubles: parseNumber(formatNumberInput(x)) === x, no digit lost', () => {
    forAll(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (x, locale) => {
      const text = formatNumberInput(x, locale);
      const parsed = parseNumber(text, locale);
      expect(parsed, `${x} -> "${text}" (${locale})`).to.deep.equal({ ok: true, value: x === 0 ? 0 : x });
    });
  });

  it('integer and double fields: parseFieldInput(formatFieldInput(v)) gives v back', () => {
    forAll(fc.tuple(fc.constantFrom<FieldType>('integer', 'double'), fc.integer({ min: -1e9, max: 1e9 }), fc.nat(99)), ([type, int, cents], locale) => {
      const value = type === 'integer' ? int : int + cents / 100;
      const text = formatFieldInput(field(type), value, locale);
      expect(parseFieldInput(field(type), text, locale), `${value} -> "${text}" (${locale})`).to.deep.equal({ ok: true, value: value === 0 ? 0 : value });
    });
  });

  it('never accepts text that is not a number', () => {
    forAll(fc.string({ minLength: 1 }).filter((s) => /[a-zA-Z]/.test(s)), (s, locale) => {
      expect(parseNumber(s, locale).ok, `"${s}" (${locale})`).to.equal(false);
    });
  });
});

describe('property: dates round-trip through the input format', () => {
  const day = fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true });

  it('date-only values: parseDate(formatDateInput(d)) === d', () => {
    forAll(day, (date, locale) => {
      const iso = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
      const text = formatDateInput(iso, locale);
      expect(parseDate(text, locale), `${iso} -> "${text}" (${locale})`).to.deep.equal({ ok: true, value: iso });
    });
  });

  it('date-time values (to the minute): parseDate(formatDateInput(t)) is the same instant', () => {
    const instant = fc
      .date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => {
        const local = new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes());
        return local.toISOString();
      })
      .filter((iso) => !/T00:00:00\.000Z$/.test(iso)); // midnight UTC is a date-only value
    forAll(instant, (iso, locale) => {
      const text = formatDateInput(iso, locale);
      expect(parseDate(text, locale), `${iso} -> "${text}" (${locale})`).to.deep.equal({ ok: true, value: iso });
    });
  });

  it('never accepts an impossible calendar day', () => {
    forAll(fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 35 })), ([y, m, d], locale) => {
      const valid = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
      expect(parseDate(`${y}-${pad(m)}-${pad(d)}`, locale).ok, `${y}-${m}-${d}`).to.equal(valid);
    });
  });
});

describe('property: text and display formatting', () => {
  it('text fields give back exactly what was typed', () => {
    forAll(fc.string({ minLength: 1, unit: 'grapheme' }), (s, locale) => {
      const text = formatFieldInput(field('text'), s, locale);
      expect(parseFieldInput(field('text'), text, locale)).to.deep.equal({ ok: true, value: s });
    });
  });

  it('formatFieldValue always returns text, never throws, and never reveals a password', () => {
    const value: fc.Arbitrary<FieldValue> = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null));
    const type = fc.constantFrom<FieldType>('text', 'password', 'integer', 'double', 'checkbox', 'list', 'datetime', 'label');
    forAll(fc.tuple(type, value, fc.option(fc.string(), { nil: undefined })), ([t, v, display], locale) => {
      const shown = formatFieldValue({ type: t }, v, display, locale, words);
      expect(shown).to.be.a('string');
      if (t === 'password' && typeof v === 'string' && v.length > 0) expect(shown).to.equal('••••••');
    });
  });
});
