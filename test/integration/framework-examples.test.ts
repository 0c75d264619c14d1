// The React 19 and Vue 3 examples (demo/react, demo/vue) as built by scripts/build-examples.mjs,
// each loaded like a user would open it: its own page (in an iframe), its own simulated ERP. A user
// connects a company and saves; the example's own status line shows the typed erp-link-change it got.
import { expect } from '@open-wc/testing';
import { getRole, isInaccessible } from 'dom-accessibility-api';
import { deepElements, nameOf, until } from '../helpers/queries.js';

/**
 * By role (and name) inside the example's page. The helpers in queries.ts test `instanceof
 * HTMLElement`, which is false for another window's elements, hence this realm-neutral variant.
 */
function queryIn(root: ParentNode, role: string, name?: string | RegExp): HTMLElement[] {
  const named = (el: Element) => name === undefined || (typeof name === 'string' ? nameOf(el) === name : name.test(nameOf(el)));
  return deepElements(root).filter((el) => getRole(el) === role && !isInaccessible(el) && named(el)) as HTMLElement[];
}

async function findIn(root: ParentNode, role: string, name?: string | RegExp): Promise<HTMLElement> {
  await until(() => queryIn(root, role, name).length === 1, `exactly one role=${role} name=${String(name)}`);
  return queryIn(root, role, name)[0];
}

/** The example's own status line, where it writes the last event it received. */
const statusLine = (page: ParentNode) => queryIn(page, 'status', 'Last widget event')[0]?.textContent?.replace(/\s+/g, ' ').trim();

async function openExample(name: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = `${name} example`;
  frame.style.cssText = 'inline-size: 70rem; block-size: 50rem';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/__examples/${name}/`;
  document.body.append(frame);
  await loaded;
  return frame;
}

for (const name of ['react', 'vue']) {
  describe(`${name} example (built)`, () => {
    let frame: HTMLIFrameElement;
    let page: HTMLElement;

    before(async function () {
      // The first request builds both examples (once per run): slow on a loaded CI machine.
      this.timeout(180000);
      expect((await fetch(`/__examples/${name}/`)).ok, 'the built example is served').to.equal(true);
    });

    beforeEach(async () => {
      frame = await openExample(name);
      page = frame.contentDocument!.body;
    });

    afterEach(() => frame.remove());

    it('renders the ERP tab of the chosen record and reports its availability', async () => {
      expect(await findIn(page, 'heading', 'Acme Ltd')).to.exist;
      expect(await findIn(page, 'region', 'Contoso ERP')).to.exist;
      const expected = 'Last event: erp-availability-change: available';
      await until(() => statusLine(page) === expected, `status line "${expected}"`);
    });

    it('connects a company through the dialog, saves, and shows the typed erp-link-change', async () => {
      (await findIn(page, 'button', 'Brandt Maschinenbau GmbH')).click();
      expect(await findIn(page, 'heading', 'Brandt Maschinenbau GmbH')).to.exist;
      const section = await findIn(page, 'region', 'Contoso ERP');
      (await findIn(section, 'button', 'Edit')).click();
      (await findIn(section, 'button', 'Customer')).click();

      const dialog = (await findIn(section.getRootNode() as ShadowRoot, 'dialog', 'Connect to ERP')) as HTMLDialogElement;
      const input = (await findIn(dialog, 'textbox')) as HTMLInputElement;
      input.value = 'Brandt';
      input.dispatchEvent(new Event('input'));
      (await findIn(dialog, 'button', 'Search')).click();
      (await findIn(dialog, 'option', /100002/)).click();
      (await findIn(dialog, 'button', 'Connect')).click();
      (await findIn(dialog, 'button', 'Take all from ERP')).click();
      const enabledConnect = () => queryIn(dialog, 'button', 'Connect').find((b) => b.getAttribute('aria-disabled') !== 'true');
      await until(enabledConnect, 'picker Connect enabled');
      enabledConnect()!.click();
      await until(() => !dialog.open, 'the dialog closes');

      (await findIn(section, 'button', 'Save')).click();
      const expected = 'Last event: erp-link-change: linked customer 100002 (conn-a)';
      await until(() => statusLine(page) === expected, `status line "${expected}"`);
    });
  });
}
