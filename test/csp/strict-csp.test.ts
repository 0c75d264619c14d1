// Strict CSP with Trusted Types: the elements render, open their dialogs, load data, connect, save,
// sync, show history and the administration under
//   default-src 'self'; script-src 'self'; style-src 'self'  (no unsafe-inline, no unsafe-eval)
//   require-trusted-types-for 'script'; trusted-types lit-html  (only Lit's own policy may exist)
// with no `securitypolicyviolation` reported. Lit's styles are adopted stylesheets, which CSP allows;
// an inline <style> or style="" attribute would be reported, as would a string sent to an HTML or
// script sink (innerHTML, eval, a script URL) without a policy.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import '../../src/define/erp-sync-admin.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { findButton, findByRole, findByText, queryAllByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'";
const TRUSTED_TYPES = "require-trusted-types-for 'script'; trusted-types lit-html";

const violations: string[] = [];
/** Where a violation came from: the element (through shadow roots) with its tag, part and class. */
function origin(e: Event): string {
  const target = e.composedPath()[0];
  if (!(target instanceof Element)) return '';
  const host = (target.getRootNode() as ShadowRoot).host;
  const describe = (el: Element) =>
    `<${el.localName}${el.getAttribute('part') ? ` part="${el.getAttribute('part')}"` : ''}${el.className ? ` class="${el.className}"` : ''}>`;
  return ` at ${describe(target)}${host ? ` in ${describe(host)}` : ''}`;
}
const record = (e: SecurityPolicyViolationEvent) =>
  violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}${e.sample ? ` "${e.sample}"` : ''}${origin(e)}`);
document.addEventListener('securitypolicyviolation', record, true);

/** A meta CSP inserted into <head> is enforced from then on (for this page only: each test file has its own). */
function enforce(policy: string) {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = policy;
  document.head.append(meta);
}
enforce(STRICT_CSP);

let canaries = 0;
/**
 * Everything reported so far. Violation events arrive as tasks, in the order they happened: a known
 * violation (a style attribute) is made last, and once it is reported, every earlier one has been.
 */
async function reported(): Promise<string[]> {
  const canary = `canary-${++canaries}`; // named by its class: a style attribute's text is not in the report
  const div = document.createElement('div');
  div.className = canary;
  document.body.append(div);
  div.setAttribute('style', 'color: red');
  await until(() => violations.some((v) => v.includes(canary)), 'the canary violation is reported');
  div.remove();
  const before = violations.findIndex((v) => v.includes(canary));
  return violations.splice(0).slice(0, before);
}

/** An unlinked record: Edit, Customer, search "Brandt", pick the first result, Connect: the conflict picker. */
async function toConflictPicker() {
  const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c2"></erp-tab>`);
  const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
  (await findButton('Edit', section)).click();
  (await findButton('Customer', section)).click();
  const dialog = (await findByRole('dialog', { name: 'Connect to ERP' }, el.shadowRoot!)) as HTMLDialogElement;
  const input = (await findByRole('textbox', {}, dialog)) as HTMLInputElement;
  input.value = 'Brandt';
  input.dispatchEvent(new Event('input'));
  (await findButton('Search', dialog)).click();
  await until(() => queryAllByRole('option', {}, dialog).length > 0, 'search results');
  queryAllByRole('option', {}, dialog)[0]!.click();
  (await findButton('Connect', dialog)).click();
  return { el, section, dialog };
}

describe('strict CSP with Trusted Types', () => {
  useSimulator();
  // After the simulator's service worker is registered (a script URL the test harness, not the
  // product, hands over): from here on every sink requires a trusted type.
  before(() => enforce(TRUSTED_TYPES));
  beforeEach(() => (violations.length = 0));

  it('can fail: an inline style attribute is reported', async () => {
    const div = document.createElement('div');
    document.body.append(div);
    div.setAttribute('style', 'color: red');
    await until(() => violations.length > 0, 'a violation is reported');
    div.remove();
    expect(violations[0]).to.contain('style-src');
  });

  it('can fail: a string sent to an HTML sink is reported', async () => {
    const div = document.createElement('div');
    try {
      // eslint-disable-next-line no-restricted-properties -- the sink under test
      div.innerHTML = '<b>x</b>';
    } catch {
      // blocked, and reported
    }
    const found = await reported();
    expect(found.join('\n')).to.contain('require-trusted-types-for');
  });

  it('renders the tab of a linked record with no violation', async () => {
    const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c1"></erp-tab>`);
    const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    expect(await findByText('ACME Limited', {}, section)).to.exist;
    expect(await reported()).to.deep.equal([]);
  });

  it('opens the connect dialog, searches, shows the conflict picker, and closes with no violation', async () => {
    const { dialog } = await toConflictPicker();
    expect(await findButton('Take all from ERP', dialog)).to.exist; // the conflict picker
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    dialog.close();
    expect(await reported()).to.deep.equal([]);
  });

  it('connects, saves, syncs and shows the history with no violation', async () => {
    const { el, section, dialog } = await toConflictPicker();
    (await findButton('Take all from ERP', dialog)).click();
    const connects = () => queryAllByRole('button', { name: 'Connect' }, dialog).filter((b) => b.getAttribute('aria-disabled') !== 'true');
    await until(() => connects().length > 0, 'picker Connect enabled');
    connects()[0]!.click();
    await until(() => !dialog.open, 'dialog closes');
    (await findButton('Save', section)).click();
    await findByText('Saved. The record is now connected.', {}, section);
    (await findButton('Sync now', section)).click();
    await until(() => (section.querySelector('[role="status"]')?.textContent ?? '').includes('Synchronized.'), 'synced');
    (await findButton('History', section)).click();
    await findByRole('list', { name: /History/ }, el.shadowRoot!);
    expect(await reported()).to.deep.equal([]);
  });

  it('shows the administration and its mappings with no violation', async () => {
    const el = await fixture(html`<erp-sync-admin lang="en"></erp-sync-admin>`);
    await findByRole('region', { name: 'ERP connections' }, el.shadowRoot!);
    (await findButton('Mappings Contoso ERP', el.shadowRoot!)).click();
    await findByRole('tab', { name: 'Customer' }, await findByRole('region', { name: 'Mappings: Contoso ERP' }, el.shadowRoot!));
    expect(await reported()).to.deep.equal([]);
  });

  it('opens the disconnect confirmation with no violation', async () => {
    const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c1"></erp-tab>`);
    const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    (await findButton('Edit', section)).click();
    (await findButton('Disconnect', section)).click();
    await findByRole('dialog', {}, el.shadowRoot!);
    expect(await reported()).to.deep.equal([]);
  });
});
