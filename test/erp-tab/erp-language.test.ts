// The ERP's texts follow the UI language: the REST client sends it as Accept-Language on every call,
// the tab loads again after a live language switch, and the simulated ERP answers its field labels
// and list texts in that language.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import { configure } from '../../src/backend/config.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { findByRole, queryAllByText, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';

describe('<erp-tab> ERP texts in the UI language', () => {
  useSimulator();
  const sent: { url: string; language: string | null }[] = [];
  beforeEach(() => {
    sent.length = 0;
    configure({
      fetch: (input, init) => {
        sent.push({ url: String(input), language: new Headers(init?.headers).get('Accept-Language') });
        return fetch(input, init);
      },
    });
  });
  afterEach(() => configure({ fetch: undefined }));

  it('asks for the UI language, and after a live switch loads the labels and list texts in the new one', async () => {
    const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c1" lang="en"></erp-tab>`);
    const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    await until(() => queryAllByText('Credit limit', section).length > 0, 'English labels');
    expect(queryAllByText('Pound sterling', section)).to.have.length(1);
    expect(sent.map((s) => s.language)).to.deep.equal(sent.map(() => 'en'));

    const before = sent.length;
    el.setAttribute('lang', 'de');
    await until(() => queryAllByText('Kreditlimit', section).length > 0, 'German labels after the switch');
    expect(queryAllByText('Pfund Sterling', section)).to.have.length(1);
    expect(queryAllByText('Zahlungsbedingungen', section)).to.have.length(1);
    expect(queryAllByText('Credit limit', section)).to.have.length(0);
    const after = sent.slice(before);
    expect(after.some((s) => s.url.includes('/entities/company/c1/erp-state')), 'the state loaded again').to.equal(true);
    expect(after.map((s) => s.language)).to.deep.equal(after.map(() => 'de'));

    el.setAttribute('lang', 'nl');
    await until(() => queryAllByText('Kredietlimiet', section).length > 0, 'Dutch labels after the next switch');
    expect(queryAllByText('Pond sterling', section)).to.have.length(1);
  });
});
