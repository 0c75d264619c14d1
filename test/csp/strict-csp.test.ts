// Strict CSP: the elements render, open their dialogs and load data under
//   default-src 'self'; script-src 'self'; style-src 'self'  (no unsafe-inline, no unsafe-eval)
// with no `securitypolicyviolation` reported. Lit's styles are adopted stylesheets, which CSP allows;
// an inline <style> or style="" attribute would be reported.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { findButton, findByRole, findByText, queryAllByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'";

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

// A meta CSP inserted into <head> is enforced from then on (for this page only: each test file has its own).
const meta = document.createElement('meta');
meta.httpEquiv = 'Content-Security-Policy';
meta.content = STRICT_CSP;
document.head.append(meta);

const settle = () => new Promise((r) => setTimeout(r, 50)); // violation events are dispatched as tasks

describe('strict CSP', () => {
  useSimulator();
  beforeEach(() => (violations.length = 0));

  it('can fail: an inline style attribute is reported', async () => {
    const div = document.createElement('div');
    document.body.append(div);
    div.setAttribute('style', 'color: red');
    await until(() => violations.length > 0, 'a violation is reported', 2000);
    div.remove();
    expect(violations[0]).to.contain('style-src');
  });

  it('renders the tab of a linked record with no violation', async () => {
    const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c1"></erp-tab>`);
    const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    expect(await findByText('ACME Limited', {}, section)).to.exist;
    await settle();
    expect(violations).to.deep.equal([]);
  });

  it('opens the connect dialog, searches, shows the conflict picker, and closes with no violation', async () => {
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
    expect(await findButton('Take all from ERP', dialog)).to.exist; // the conflict picker
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    dialog.close();
    await settle();
    expect(violations).to.deep.equal([]);
  });

  it('opens the disconnect confirmation with no violation', async () => {
    const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c1"></erp-tab>`);
    const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    (await findButton('Edit', section)).click();
    (await findButton('Disconnect', section)).click();
    await findByRole('dialog', {}, el.shadowRoot!);
    await settle();
    expect(violations).to.deep.equal([]);
  });
});
