import { expect } from '@open-wc/testing';
import { formatDateTime, formatFieldValue, formatRelativeTime } from '../../src/model/format.js';

const words = { yes: 'Yes', no: 'No', empty: '—' };
const now = Date.parse('2026-11-24T12:00:00Z');

describe('value formatting per type and locale', () => {
  it('formats numbers in the UI language', () => {
    expect(formatFieldValue({ type: 'double' }, 1234.5, '', 'de', words)).to.equal('1.234,5');
    expect(formatFieldValue({ type: 'double' }, 1234.5, '', 'en', words)).to.equal('1,234.5');
    expect(formatFieldValue({ type: 'integer' }, 1234567, '', 'da', words)).to.equal('1.234.567');
    expect(formatFieldValue({ type: 'integer' }, 1234567, '', 'nl', words)).to.equal('1.234.567');
  });

  it('shows list items by their display text and checkboxes as words', () => {
    expect(formatFieldValue({ type: 'list' }, 'EUR', 'Euro', 'en', words)).to.equal('Euro');
    expect(formatFieldValue({ type: 'checkbox' }, true, '', 'en', words)).to.equal('Yes');
    expect(formatFieldValue({ type: 'checkbox' }, false, '', 'en', words)).to.equal('No');
  });

  it('never shows a password and marks empty values', () => {
    expect(formatFieldValue({ type: 'password' }, 'secret', '', 'en', words)).not.to.contain('secret');
    expect(formatFieldValue({ type: 'text' }, null, '', 'en', words)).to.equal('—');
  });

  it('formats dates without shifting date-only values across time zones', () => {
    expect(formatDateTime('2024-03-05', 'de')).to.equal('05.03.2024');
    expect(formatDateTime('2024-03-05T00:00:00Z', 'en')).to.equal('Mar 5, 2024');
    expect(formatDateTime('not a date', 'en')).to.equal('not a date');
  });

  it('says relative times in the UI language', () => {
    expect(formatRelativeTime('2026-11-24T11:55:00Z', now, 'en')).to.equal('5 minutes ago');
    expect(formatRelativeTime('2026-11-24T11:55:00Z', now, 'de')).to.equal('vor 5 Minuten');
    expect(formatRelativeTime('2026-11-23T12:00:00Z', now, 'nl')).to.equal('gisteren');
    expect(formatRelativeTime('2026-11-24T11:59:50Z', now, 'da')).to.equal('nu');
  });
});

describe('Intl formatters are built once per locale and options', () => {
  /** How many formatters of `kind` `run` builds. */
  function built(kind: 'DateTimeFormat' | 'RelativeTimeFormat' | 'NumberFormat', run: () => void): number {
    const original = Intl[kind];
    let made = 0;
    (Intl as unknown as Record<string, unknown>)[kind] = new Proxy(original, {
      construct(target, args: unknown[]) {
        made++;
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      run();
    } finally {
      (Intl as unknown as Record<string, unknown>)[kind] = original;
    }
    return made;
  }

  it('1,000 dates, relative times and numbers of one locale build one formatter each', () => {
    // A locale no other test uses, so nothing is cached before.
    const locale = 'de-CH';
    const dates = built('DateTimeFormat', () => {
      for (let i = 0; i < 1000; i++) formatDateTime(`2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`, locale);
    });
    const relative = built('RelativeTimeFormat', () => {
      for (let i = 0; i < 1000; i++) formatRelativeTime(new Date(now - i * 60_000).toISOString(), now, locale);
    });
    const numbers = built('NumberFormat', () => {
      for (let i = 0; i < 1000; i++) formatFieldValue({ type: 'double' }, i + 0.5, '', locale, words);
    });
    expect({ dates, relative, numbers }).to.deep.equal({ dates: 1, relative: 1, numbers: 1 });
    expect(formatDateTime('2026-11-24T10:00:00Z', locale)).to.contain('2026');
  });
});
