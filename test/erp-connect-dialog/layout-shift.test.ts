// The connect dialog does not jump: the suggestions and the pre-run search answer after it opened,
// and neither moves the search field the user is about to type in. Positions measured with
// getBoundingClientRect before and after each answer, both held by the simulated ERP until then.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { findButton, findByRole, queryAllByRole, until } from '../helpers/queries.js';
import { showConnectDialog } from '../helpers/connect-dialog.js';
import { useSimulator } from '../helpers/sim.js';

const top = (e: Element) => Math.round(e.getBoundingClientRect().top);

describe('<erp-connect-dialog> keeps its place while its content arrives', () => {
  const sim = useSimulator();

  // c2 has two suggestions (a strong and a weak one), c6 one (previously linked), c3 none.
  for (const [id, count] of [['c2', 2], ['c6', 1], ['c3', 0]] as const) {
    it(`the search field stays where it was when ${count} suggestion(s) and the results arrive (${id})`, async () => {
      expect(sim().getMatchSuggestions({ type: 'company', id }, 'conn-a', 'customer')).to.have.length(count);
      const suggestions = sim().faults.hold('getMatchSuggestions');
      const results = sim().faults.hold('searchActors');
      const { root } = await showConnectDialog(id);
      await Promise.all([suggestions.arrived, results.arrived]);
      const input = await findByRole('textbox', { name: 'Search text' }, root);
      const dialog = await findByRole('dialog', { name: 'Connect to ERP' }, root);
      const before = { input: top(input), dialog: top(dialog) };

      suggestions.release();
      await suggestions.answered;
      await until(() => !root.querySelector('.skeleton-row'), 'the suggestions answered');
      expect(queryAllByRole('radio', {}, root)).to.have.length(count);
      expect({ input: top(input), dialog: top(dialog) }, 'after the suggestions').to.deep.equal(before);

      results.release();
      await results.answered;
      await until(() => queryAllByRole('option', {}, root).length > 0 || /^No results/.test(root.querySelector('#result-count')?.textContent ?? ''), 'the results answered');
      expect({ input: top(input), dialog: top(dialog) }, 'after the results').to.deep.equal(before);
      expect(await findButton('Connect', root)).to.exist;
    });
  }
});

describe('<erp-connect-dialog> compare step in a short window', () => {
  useSimulator();
  after(() => setViewport({ width: 800, height: 600 }));

  it('keeps Connect and Cancel in view while the compare scrolls, with the equal values collapsed first', async () => {
    await setViewport({ width: 800, height: 480 });
    const { root } = await showConnectDialog('c2');
    const dialog = (await findByRole('dialog', { name: 'Connect to ERP' }, root)) as HTMLDialogElement;
    (await findByRole('option', { name: /100002/ }, root)).click();
    (await findButton('Connect', root)).click();
    const picker = await until(() => root.querySelector('erp-conflict-picker'), 'the compare').then(() => root.querySelector('erp-conflict-picker')!);
    const toggle = await findButton(/^\d+ equal values$/, picker.shadowRoot!);
    toggle.click();
    await until(() => toggle.getAttribute('aria-expanded') === 'true', 'the equal values shown');
    expect(dialog.scrollHeight, 'the compare is longer than the window').to.be.greaterThan(dialog.clientHeight);
    const visible = (e: Element) => {
      const [r, d] = [e.getBoundingClientRect(), dialog.getBoundingClientRect()];
      return r.top >= d.top && r.bottom <= d.bottom + 1;
    };
    const connect = queryAllByRole('button', { name: 'Connect' }, picker.shadowRoot!)[0]!;
    for (const at of [0, dialog.scrollHeight / 2]) {
      dialog.scrollTop = at;
      expect(visible(connect), `Connect in view at scroll ${Math.round(at)}`).to.equal(true);
      expect(visible(await findButton('Cancel', picker.shadowRoot!)), 'Cancel in view').to.equal(true);
    }
  });
});
