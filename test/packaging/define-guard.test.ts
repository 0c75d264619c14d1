import { expect } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import { defineElement } from '../../src/elements/shared/define.js';
import { ErpTab } from '../../src/index.js';

describe('registration', () => {
  it('the define module registers the tag with the exported class', () => {
    expect(customElements.get('erp-tab')).to.equal(ErpTab);
  });

  it('a second copy of the library on the page warns instead of throwing', () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(() => defineElement('erp-tab', class SecondCopy extends HTMLElement {})).not.to.throw();
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('erp-tab')).to.equal(ErpTab);
    expect(String(warnings[0]?.[0])).to.contain('<erp-tab> is already defined');
  });

  it('defining the same class again is silent', () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      defineElement('erp-tab', ErpTab);
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.deep.equal([]);
  });
});
