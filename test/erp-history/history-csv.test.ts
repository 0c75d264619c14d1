// The history's CSV export against CSV injection (OWASP): a property test over generated strings,
// read back with an RFC 4180 reader as a spreadsheet would, proves that no exported cell can start
// a formula and that every cell keeps its text.
import { expect } from '@open-wc/testing';
import { toCsv } from '../../src/elements/erp-history/history-csv.js';

/** Reads RFC 4180 CSV (CRLF rows, quoted cells with doubled quotes) into rows of cells. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

/** A small seeded generator (mulberry32): the same strings on every run, thousands of them. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// What attacks are made of: the formula starters, separators, quotes, line breaks, digits, letters, unicode.
const ALPHABET = ['=', '+', '-', '@', '\t', '\r', '\n', '\0', ',', ';', '"', "'", '|', '!', '(', ')', ' ', '0', '1', '9', '.', 'A', 'z', 'ü', '€', '\u00a0', '\u202e'];
const FORMULA_START = /^[=+\-@\t\r\n\0]/;

describe('history CSV export', () => {
  it('no exported cell can start a formula, and every cell reads back as its text behind at most one apostrophe', () => {
    const next = random(20261202);
    const strings = Array.from({ length: 5000 }, () => {
      const length = Math.floor(next() * 12);
      return Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
    });
    // Known attacks too.
    strings.push("+2+3+cmd|' /C calc'!A0", '-1+HYPERLINK("http://evil.example")', '=cmd|/C calc!A0', '@SUM(1+1)*cmd|/C calc!A0', '\t=1', '\r=1', '\0=1', '-5', '+44 20 7946 0000');
    let neutralized = 0;
    for (let i = 0; i < strings.length; i += 7) {
      const row = strings.slice(i, i + 7);
      const [read] = readCsv(toCsv([row]));
      expect(read, JSON.stringify(row)).to.have.length(row.length);
      read!.forEach((cell, k) => {
        expect(FORMULA_START.test(cell), `cell ${JSON.stringify(cell)}`).to.equal(false);
        const original = row[k]!;
        expect(cell, JSON.stringify(original)).to.equal(FORMULA_START.test(original) ? `'${original}` : original);
        if (cell !== original) neutralized++;
      });
    }
    // The generator did produce attacks (the property is not vacuous).
    expect(neutralized).to.be.greaterThan(500);
  });
});
