import { expect } from '@open-wc/testing';
import {
  buildRestrictions,
  isSearchable,
  newCriterion,
  operatorsFor,
  parseLocaleNumber,
  withField,
  withOperator,
} from '../../src/model/criteria.js';
import { comparePreview, previewName } from '../../src/elements/erp-connect-dialog/pending-link.js';
import type { FieldMeta } from '../../src/model/types.js';
import { compareResult } from './fake-backend.js';

const f = (key: string, type: FieldMeta['type'], listName?: string): FieldMeta => ({
  key,
  label: key,
  type,
  access: 'normal',
  ...(listName ? { listName } : {}),
});

describe('criteria helpers', () => {
  it('offers operators by field type', () => {
    expect(operatorsFor('text')).to.deep.equal(['begins', 'contains', 'equals']);
    expect(operatorsFor('integer')).to.deep.equal(['eq', 'lt', 'gt', 'between']);
    expect(operatorsFor('double')).to.deep.equal(['eq', 'lt', 'gt', 'between']);
    expect(operatorsFor('list')).to.deep.equal(['oneOf']);
    expect(operatorsFor('datetime')).to.deep.equal(['before', 'after', 'between']);
    expect(isSearchable(f('p', 'password'))).to.equal(false);
    expect(isSearchable(f('l', 'label'))).to.equal(false);
  });

  it('keeps the value count in step with the operator and resets on a type change', () => {
    let c = newCriterion(1, f('n', 'integer'));
    expect(c).to.deep.equal({ id: 1, field: 'n', operator: 'eq', values: [''] });
    c = withOperator({ ...c, values: ['5'] }, 'between');
    expect(c.values).to.deep.equal(['5', '']);
    c = withOperator({ ...c, values: ['5', '9'] }, 'lt');
    expect(c.values).to.deep.equal(['5']);
    expect(withField(c, f('m', 'double'), f('n', 'integer')).operator).to.equal('eq');
    expect(withField(c, f('m', 'integer'), f('n', 'integer'))).to.deep.equal({ ...c, field: 'm' });
    expect(withField(c, f('t', 'text'), f('n', 'integer'))).to.deep.equal({
      id: 1,
      field: 't',
      operator: 'begins',
      values: [''],
    });
  });

  it('parses numbers in the UI language', () => {
    expect(parseLocaleNumber('1,234.5', 'en')).to.equal(1234.5);
    expect(parseLocaleNumber('1.234,5', 'de')).to.equal(1234.5);
    expect(parseLocaleNumber('1 234,5', 'nl')).to.equal(1234.5);
    expect(parseLocaleNumber('-7', 'da')).to.equal(-7);
    expect(parseLocaleNumber('abc', 'en')).to.equal(null);
    expect(parseLocaleNumber('', 'en')).to.equal(null);
  });

  it('builds restrictions in row order and reports incomplete rows', () => {
    const fields = [f('name', 'text'), f('emp', 'integer'), f('cat', 'list', 'cats'), f('at', 'datetime')];
    const { restrictions, problems } = buildRestrictions(
      [
        { id: 1, field: 'name', operator: 'contains', values: [' Acme '] },
        { id: 2, field: 'emp', operator: 'between', values: ['1.000', '2.000,5'] },
        { id: 3, field: 'cat', operator: 'oneOf', values: ['a', 'b'] },
        { id: 4, field: 'at', operator: 'before', values: ['2024-02-01'] },
        { id: 5, field: 'emp', operator: 'lt', values: ['x'] },
        { id: 6, field: 'at', operator: 'after', values: [''] },
        { id: 7, field: 'emp', operator: 'eq', values: ['1,5'] },
      ],
      fields,
      'de',
    );
    expect(restrictions).to.deep.equal([
      { field: 'name', operator: 'contains', values: ['Acme'] },
      { field: 'cat', operator: 'oneOf', values: ['a', 'b'] },
      { field: 'at', operator: 'before', values: ['2024-02-01'] },
    ]);
    expect([...problems]).to.deep.equal([
      [2, 'not-integer'],
      [5, 'invalid-number'],
      [6, 'empty'],
      [7, 'not-integer'],
    ]);
  });

  it('previews the winning value per compared field', () => {
    expect(comparePreview({ fields: compareResult.fields }, { name: 'crm' }).map((p) => p.displayValue)).to.deep.equal([
      'Acme',
      '+47 1',
      'Oslo',
    ]);
    expect(comparePreview({ fields: compareResult.fields }, { name: 'erp', phone: 'erp', city: 'crm' }).map((p) => p.displayValue)).to.deep.equal([
      'ACME Ltd',
      '+47 1',
      'Oslo',
    ]);
  });

  it('previews the tab after Save: its fields in its order, compared ones with the winning value, asked ones as entered', () => {
    const tab = (key: string, value: string | number, displayValue = String(value)) => ({ field: f(key, typeof value === 'number' ? 'double' : 'text'), value, displayValue });
    const tabFields = [tab('number', 'K00002'), tab('city', 'Bergen'), tab('vat', 'NO0'), tab('balance', 12.5), tab('name', 'ACME Ltd')];
    const preview = comparePreview({ fields: compareResult.fields, tabFields }, { name: 'crm', city: 'crm' }, { vat: 'NO1' });
    expect(preview.map((p) => [p.field.key, p.value, p.displayValue])).to.deep.equal([
      ['number', 'K00002', 'K00002'],
      // City goes from the ERP to the CRM: the ERP's value, whatever was chosen.
      ['city', 'Oslo', 'Oslo'],
      ['vat', 'NO1', 'NO1'],
      ['balance', 12.5, '12.5'],
      ['name', 'Acme', 'Acme'],
    ]);
    expect(previewName(compareResult, { name: 'crm' }, 'ACME Ltd')).to.equal('Acme');
    expect(previewName(compareResult, { name: 'erp' }, 'ACME Ltd')).to.equal('ACME Ltd');
  });
});
