// The tab at the widths a CRM gives it, in every language: from 280 px (a phone, a side panel) to
// 1,280 px. Measured in the browser: no horizontal scroll, no word broken inside, labels above their
// values when narrow and beside them when wide, and the values keep the width they need.
import { expect, fixtureSync, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { deepElements, findByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import { LANGS, term } from '../helpers/terms.js';
import { brokenWords } from '../helpers/layout.js';

describe('<erp-tab> from 280 to 1,280 px', () => {
  useSimulator();
  after(() => setViewport({ width: 800, height: 600 }));

  for (const lang of LANGS) {
    for (const width of [280, 320, 768, 1280]) {
      it(`${lang} at ${width} px: fits, breaks no word, labels ${width <= 320 ? 'above' : 'beside'} their values`, async () => {
        await setViewport({ width, height: 900 });
        const el = fixtureSync<ErpTab>(html`<erp-tab lang=${lang} entity="company" entity-id="c1"></erp-tab>`);
        const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
        const lastSynced = await term(lang, 'tab.lastSynced');
        await until(() => deepElements(section).some((e) => e.localName === 'dt' && e.textContent === lastSynced), 'the linked record shown');
        const list = deepElements(section).find((e) => e.matches('dl.fields'))!;
        const pairs = [...list.children].map((row) => [row.querySelector('dt')!, row.querySelector('dd')!] as const);
        expect(pairs.length).to.be.greaterThan(8);

        expect(document.documentElement.scrollWidth, 'no horizontal scroll of the page').to.be.at.most(window.innerWidth);
        expect(el.scrollWidth, 'nothing wider than the tab').to.be.at.most(el.clientWidth + 1);
        expect(brokenWords(list), 'words broken inside').to.deep.equal([]);
        expect(brokenWords(section.querySelector('header')!), 'heading words broken inside').to.deep.equal([]);

        const listWidth = list.getBoundingClientRect().width;
        for (const [dt, dd] of pairs) {
          const [label, value] = [dt.getBoundingClientRect(), dd.getBoundingClientRect()];
          if (width <= 320) {
            expect(value.top, `${dt.textContent}: value below its label`).to.be.at.least(label.bottom - 1);
            expect(value.width, `${dt.textContent}: value the full width`).to.be.at.least(listWidth - 1);
          } else {
            expect(Math.abs(value.top - label.top), `${dt.textContent}: value beside its label`).to.be.below(2);
            expect(value.width, `${dt.textContent}: value at least half the width`).to.be.at.least(listWidth / 2);
          }
        }
      });
    }
  }
});

describe('<erp-connect-dialog> from 280 to 1,280 px', () => {
  useSimulator();
  after(() => setViewport({ width: 800, height: 600 }));

  for (const lang of LANGS) {
    for (const width of [280, 320, 768, 1280]) {
      it(`${lang} at ${width} px: the search step fits and breaks no word`, async () => {
        await setViewport({ width, height: 900 });
        const el = fixtureSync<ErpTab>(html`<erp-tab lang=${lang} entity="company" entity-id="c2"></erp-tab>`);
        const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
        const [edit, customer, title] = await Promise.all([term(lang, 'action.edit'), term(lang, 'actor.customer'), term(lang, 'connect.title')]);
        (await findByRole('button', { name: edit }, section)).click();
        (await findByRole('button', { name: customer }, section)).click();
        const dialog = await findByRole('dialog', { name: title }, el.shadowRoot!);
        await until(() => deepElements(dialog).some((e) => e.getAttribute('role') === 'option'), 'results');
        expect(document.documentElement.scrollWidth, 'no horizontal scroll of the page').to.be.at.most(window.innerWidth);
        const box = dialog.getBoundingClientRect();
        expect(box.left, 'the dialog inside the viewport').to.be.at.least(0);
        expect(box.right, 'the dialog inside the viewport').to.be.at.most(window.innerWidth);
        const controls = deepElements(dialog).filter((e) => e.matches('button, label, h2, legend'));
        expect(controls.flatMap((c) => brokenWords(c)), 'words broken inside').to.deep.equal([]);
      });
    }
  }
});
