import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import { defineElement } from '../../src/elements/shared/define.js';
import { ErpTab, type ErpBackend } from '../../src/index.js';
import { until } from '../helpers/queries.js';

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

  it('a wrong entity value warns, naming the element and the value, and asks the backend nothing for it', async () => {
    const requested: string[] = [];
    const backend = {
      getEntityState: ({ type }: { type: string }) => {
        requested.push(type);
        return Promise.resolve({ available: false, unavailableReason: 'no-access', connections: [] });
      },
    } as unknown as ErpBackend;
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    let el: ErpTab;
    try {
      el = await fixture<ErpTab>(html`<erp-tab entity="companyy" entity-id="c1" .backend=${backend}></erp-tab>`);
    } finally {
      console.warn = warn;
    }
    expect(String(warnings[0]?.[0])).to.contain('<erp-tab> entity="companyy" is none of company, person, project');
    expect(el.shadowRoot!.textContent?.trim()).to.equal('');
    // The first request the tab makes is for the corrected value: none went out for "companyy".
    el.entity = 'company';
    await until(() => requested.length > 0, 'the tab loads once the value is right');
    expect(requested).to.deep.equal(['company']);
  });
});

