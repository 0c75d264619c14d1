// The demo CRM's record tabs do what the README tells hosts to do: the ERP tab is a tab in a tablist
// beside the record's other tabs, and it is hidden when <erp-tab> reports that the user cannot use it.
import { expect, fixtureSync, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { recordTabs } from '../../demo/record-tabs.js';
import { deepActiveElement } from '../../src/elements/shared/active-element.js';
import { findByRole, queryAllByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';

function hostPage(selected: string) {
  const main = fixtureSync<HTMLElement>(html`<main lang="en"></main>`);
  const panel = (text: string) => Object.assign(document.createElement('section'), { textContent: text });
  const erp = document.createElement('section');
  const tab = document.createElement('erp-tab') as ErpTab;
  tab.setAttribute('entity', 'company');
  tab.setAttribute('entity-id', 'c1');
  erp.append(tab);
  recordTabs(main, [
    { id: 'overview', label: 'Overview', panel: panel('About the record') },
    { id: 'activities', label: 'Activities', panel: panel('No activities yet.') },
    { id: 'erp', label: 'ERP', panel: erp },
  ], selected);
  return { main, tab };
}

const visibleTabs = (root: ParentNode) => queryAllByRole('tab', {}, root).filter((t) => !t.hidden).map((t) => t.textContent);

describe('demo CRM record tabs', () => {
  const sim = useSimulator();

  it('shows the ERP tab as a tab of the record, switched by click and by arrow keys', async () => {
    const { main, tab } = hostPage('overview');
    const list = await findByRole('tablist', { name: 'Record' }, main);
    await until(() => tab.available === true, 'the tab is available');
    expect(visibleTabs(list)).to.deep.equal(['Overview', 'Activities', 'ERP']);
    const erp = await findByRole('tab', { name: 'ERP' }, main);
    expect(erp.getAttribute('aria-selected')).to.equal('false');
    erp.click();
    expect(erp.getAttribute('aria-selected')).to.equal('true');
    const panel = document.getElementById(erp.getAttribute('aria-controls')!)!;
    expect(panel.hidden).to.equal(false);
    expect(panel.contains(tab)).to.equal(true);
    // Keyboard: focus the selected tab, ArrowRight wraps to the first, End goes to the last.
    erp.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(deepActiveElement()?.textContent).to.equal('Overview');
    expect(panel.hidden).to.equal(true);
    await sendKeys({ press: 'End' });
    expect(deepActiveElement()).to.equal(erp);
    expect(panel.hidden).to.equal(false);
  });

  it('hides the ERP tab from a user without a licence, and shows another tab in its place', async () => {
    sim().setCurrentUser('u-carl');
    const { main, tab } = hostPage('erp');
    await until(() => tab.available === false, 'the tab reported it is unavailable');
    expect(tab.unavailableReason).to.equal('no-licence');
    const list = await findByRole('tablist', { name: 'Record' }, main);
    expect(visibleTabs(list)).to.deep.equal(['Overview', 'Activities']);
    const overview = await findByRole('tab', { name: 'Overview' }, main);
    expect(overview.getAttribute('aria-selected')).to.equal('true');
    expect(document.getElementById(overview.getAttribute('aria-controls')!)!.hidden).to.equal(false);
    // Arrow keys skip the hidden tab.
    overview.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(deepActiveElement()?.textContent).to.equal('Activities');
    await expect(main).to.be.accessible();
  });
});
