import { expect } from '@open-wc/testing';
import {
  dateOrder,
  formatDateInput,
  formatFieldInput,
  formatNumberInput,
  parseDate,
  parseFieldInput,
  parseNumber,
  readFieldInput,
  validateFieldValue,
} from '../../src/model/field-value.js';
import type { FieldMeta } from '../../src/model/types.js';

const LOCALES = ['en', 'de', 'da', 'nl'] as const;
const COMMA_DECIMAL = ['de', 'da', 'nl'] as const;

/** A small deterministic generator, so failures can be reproduced. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const field = (over: Partial<FieldMeta>): FieldMeta => ({ key: 'k', label: 'K', type: 'text', access: 'normal', ...over });

describe('field-value: numbers', () => {
  it('reads de/da/nl numbers with dot groups and comma decimals', () => {
    for (const locale of COMMA_DECIMAL) {
      expect(parseNumber('1.234,5', locale)).to.deep.equal({ ok: true, value: 1234.5 });
      expect(parseNumber('1234,5', locale)).to.deep.equal({ ok: true, value: 1234.5 });
      expect(parseNumber('-1.234.567', locale, true)).to.deep.equal({ ok: true, value: -1234567 });
      expect(parseNumber(' 0,25 ', locale)).to.deep.equal({ ok: true, value: 0.25 });
      expect(parseNumber(',5', locale)).to.deep.equal({ ok: true, value: 0.5 });
    }
  });

  it('reads en numbers with comma groups and dot decimals', () => {
    expect(parseNumber('1,234.5', 'en')).to.deep.equal({ ok: true, value: 1234.5 });
    expect(parseNumber('+42', 'en', true)).to.deep.equal({ ok: true, value: 42 });
  });

  it('rejects ambiguous or malformed numbers instead of guessing', () => {
    for (const locale of COMMA_DECIMAL) {
      expect(parseNumber('1.5', locale).ok, `${locale} 1.5`).to.equal(false);
      expect(parseNumber('1,2,3', locale).ok).to.equal(false);
      expect(parseNumber('12a', locale).ok).to.equal(false);
      expect(parseNumber('-', locale).ok).to.equal(false);
      expect(parseNumber('1.23.456', locale).ok).to.equal(false);
    }
    expect(parseNumber('1,5', 'en').ok).to.equal(false);
    expect(parseNumber('1.2.3', 'en').ok).to.equal(false);
  });

  it('says why an integer is not acceptable', () => {
    expect(parseNumber('1,5', 'de', true)).to.deep.equal({ ok: false, error: 'not-an-integer' });
    expect(parseNumber('12,00', 'de', true)).to.deep.equal({ ok: true, value: 12 });
    expect(parseNumber('99999999999999999999', 'en', true)).to.deep.equal({ ok: false, error: 'out-of-range' });
  });

  it('treats empty text as no value', () => {
    expect(parseNumber('  ', 'de')).to.deep.equal({ ok: true, value: null });
  });

  it('property: format then parse gives the same number, in every language', () => {
    const next = rng(42);
    for (let i = 0; i < 500; i++) {
      const magnitude = 10 ** Math.floor(next() * 12);
      const n = Math.round((next() - 0.5) * magnitude * 1000) / 1000 + 0;
      const int = Math.round((next() - 0.5) * magnitude) + 0;
      for (const locale of LOCALES) {
        const text = formatNumberInput(n, locale);
        expect(parseNumber(text, locale), `${n} as ${text} (${locale})`).to.deep.equal({ ok: true, value: n });
        const intText = formatNumberInput(int, locale);
        expect(parseNumber(intText, locale, true), `${int} as ${intText}`).to.deep.equal({ ok: true, value: int });
      }
    }
  });

  it('property: the same number without grouping parses too', () => {
    const next = rng(7);
    for (let i = 0; i < 200; i++) {
      const n = Math.round(next() * 1e9) / 100;
      for (const locale of COMMA_DECIMAL) {
        const text = String(n).replace('.', ',');
        expect(parseNumber(text, locale)).to.deep.equal({ ok: true, value: n });
      }
    }
  });

  it('formats for editing in the UI language', () => {
    expect(formatNumberInput(1234.5, 'de')).to.equal('1.234,5');
    expect(formatNumberInput(1234.5, 'da')).to.equal('1.234,5');
    expect(formatNumberInput(1234.5, 'nl')).to.equal('1.234,5');
    expect(formatNumberInput(-1234567.25, 'en')).to.equal('-1,234,567.25');
  });
});

describe('field-value: dates', () => {
  it('knows the numeric date order per language', () => {
    expect(dateOrder('de').order).to.deep.equal(['day', 'month', 'year']);
    expect(dateOrder('da').order).to.deep.equal(['day', 'month', 'year']);
    expect(dateOrder('nl').order).to.deep.equal(['day', 'month', 'year']);
    expect(dateOrder('en').order).to.deep.equal(['month', 'day', 'year']);
  });

  it('reads dates typed in the UI language and ISO', () => {
    expect(parseDate('31.12.2025', 'de')).to.deep.equal({ ok: true, value: '2025-12-31' });
    expect(parseDate('31.12.2025', 'da')).to.deep.equal({ ok: true, value: '2025-12-31' });
    expect(parseDate('31-12-2025', 'nl')).to.deep.equal({ ok: true, value: '2025-12-31' });
    expect(parseDate('12/31/2025', 'en')).to.deep.equal({ ok: true, value: '2025-12-31' });
    expect(parseDate('5.3.25', 'de')).to.deep.equal({ ok: true, value: '2025-03-05' });
    expect(parseDate('2025-12-31', 'de')).to.deep.equal({ ok: true, value: '2025-12-31' });
  });

  it('rejects impossible dates', () => {
    expect(parseDate('31.02.2025', 'de').ok).to.equal(false);
    expect(parseDate('29.02.2025', 'de').ok).to.equal(false);
    expect(parseDate('29.02.2024', 'de').ok).to.equal(true);
    expect(parseDate('13/13/2025', 'en').ok).to.equal(false);
    expect(parseDate('tomorrow', 'en').ok).to.equal(false);
    expect(parseDate('1.1.2025 25:00', 'de').ok).to.equal(false);
  });

  it('reads a time and keeps it across a round trip', () => {
    const parsed = parseDate('05.03.2025 14:30', 'de');
    expect(parsed.ok).to.equal(true);
    const iso = (parsed as { value: string }).value;
    expect(formatDateInput(iso, 'de')).to.equal('05.03.2025 14:30');
  });

  it('property: format then parse gives the same date, in every language', () => {
    const next = rng(3);
    for (let i = 0; i < 300; i++) {
      const d = new Date(Date.UTC(1950 + Math.floor(next() * 100), 0, 1) + Math.floor(next() * 365) * 86400000);
      const iso = d.toISOString().slice(0, 10);
      for (const locale of LOCALES) {
        const text = formatDateInput(iso, locale);
        expect(parseDate(text, locale), `${iso} as ${text} (${locale})`).to.deep.equal({ ok: true, value: iso });
      }
    }
  });
});

describe('field-value: fields', () => {
  it('checks mandatory values per type', () => {
    const mandatory = (type: FieldMeta['type']) => field({ type, access: 'mandatory' });
    expect(validateFieldValue(mandatory('text'), '')).to.equal('required');
    expect(validateFieldValue(mandatory('text'), '  ')).to.equal('required');
    expect(validateFieldValue(mandatory('list'), null)).to.equal('required');
    expect(validateFieldValue(mandatory('integer'), null)).to.equal('required');
    expect(validateFieldValue(mandatory('checkbox'), false)).to.equal(null);
    expect(validateFieldValue(mandatory('label'), null)).to.equal(null);
    expect(validateFieldValue(field({ type: 'text', access: 'read-only' }), null)).to.equal(null);
    expect(validateFieldValue(field({ type: 'text' }), null)).to.equal(null);
  });

  it('checks max length in characters', () => {
    const f = field({ maxLength: 5 });
    expect(validateFieldValue(f, 'abcde')).to.equal(null);
    expect(validateFieldValue(f, 'abcdef')).to.equal('too-long');
    expect(validateFieldValue(f, '😀😀😀😀😀')).to.equal(null);
    const read = readFieldInput(f, 'abcdef', 'en');
    expect(read).to.deep.equal({ value: 'abcdef', error: 'too-long' });
  });

  it('property: text up to max length is accepted, longer text is not', () => {
    const next = rng(11);
    for (let i = 0; i < 200; i++) {
      const max = 1 + Math.floor(next() * 30);
      const length = Math.floor(next() * 40);
      const text = 'x'.repeat(length);
      const result = parseFieldInput(field({ maxLength: max }), text, 'de');
      if (length === 0) expect(result).to.deep.equal({ ok: true, value: null });
      else if (length <= max) expect(result).to.deep.equal({ ok: true, value: text });
      else expect(result).to.deep.equal({ ok: false, error: 'too-long' });
    }
  });

  it('reads typed input by field type', () => {
    expect(parseFieldInput(field({ type: 'double' }), '1.234,5', 'nl')).to.deep.equal({ ok: true, value: 1234.5 });
    expect(parseFieldInput(field({ type: 'integer' }), '1,5', 'da')).to.deep.equal({ ok: false, error: 'not-an-integer' });
    expect(parseFieldInput(field({ type: 'datetime' }), '31-12-2025', 'nl')).to.deep.equal({ ok: true, value: '2025-12-31' });
    expect(parseFieldInput(field({ type: 'datetime', access: 'mandatory' }), '', 'nl')).to.deep.equal({ ok: false, error: 'required' });
    expect(readFieldInput(field({ type: 'double' }), 'abc', 'de')).to.deep.equal({ value: null, error: 'not-a-number' });
  });

  it('formats values for editing by field type', () => {
    expect(formatFieldInput({ type: 'double' }, 1234.5, 'de')).to.equal('1.234,5');
    expect(formatFieldInput({ type: 'datetime' }, '2025-12-31', 'nl')).to.equal('31-12-2025');
    expect(formatFieldInput({ type: 'datetime' }, '2025-12-31T00:00:00Z', 'de')).to.equal('31.12.2025');
    expect(formatFieldInput({ type: 'text' }, null, 'de')).to.equal('');
  });
});
