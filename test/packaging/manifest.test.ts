import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import * as endUser from '../../src/index.js';
import * as admin from '../../src/admin.js';
import '../../src/define/erp-tab.js';
import '../../src/define/erp-sync-admin.js';
import '../../src/define/erp-connection-admin.js';
import '../../src/define/erp-connection-dialog.js';
import '../../src/define/erp-connect-dialog.js';
import '../../src/define/erp-conflict-picker.js';
import '../../src/define/erp-create-form.js';
import '../../src/define/erp-confirm-dialog.js';
import '../../src/define/erp-field.js';

interface Declaration {
  name: string;
  tagName: string;
  attributes?: { name: string; fieldName: string }[];
  events?: { name: string; type: { text: string } }[];
  cssProperties?: { name: string; default: string }[];
}

// custom-elements.json (written by `cem analyze`, which npm test runs before the browser suites)
// against the elements themselves: test/package/manifest.test.mjs checks it against the tarball.
describe('custom-elements.json describes the elements as they are', () => {
  let declarations: Declaration[];
  before(async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: Declaration[] }[] };
    declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
    expect(declarations.length).to.be.greaterThan(0);
  });
  const exports: Record<string, unknown> = { ...endUser, ...admin };

  it('names the class each tag is defined with, and exactly the attributes it observes', () => {
    for (const d of declarations) {
      const defined = customElements.get(d.tagName) as (typeof LitElement & { observedAttributes: string[] }) | undefined;
      expect(defined, `<${d.tagName}>`).to.equal(exports[d.name]);
      // Global attributes the elements also watch (lang) are the platform's, not the element's.
      const observed = defined!.observedAttributes.filter((a) => a !== 'lang').sort();
      expect((d.attributes ?? []).map((a) => a.name).sort(), `<${d.tagName}> attributes`).to.deep.equal(observed);
    }
  });

  it('types every event with the class the element fires it as', () => {
    for (const d of declarations) {
      for (const event of d.events ?? []) {
        if (event.type.text === 'Event') continue;
        const type = exports[event.type.text] as { eventName?: string; prototype?: unknown } | undefined;
        expect(type?.prototype, `${event.type.text} is exported`).to.be.instanceOf(Event);
        expect(type!.eventName, `${event.type.text} is the class of ${event.name}`).to.equal(event.name);
      }
    }
  });

  it("lists the custom properties the element's styles read, with their defaults", () => {
    for (const d of declarations) {
      const defined = customElements.get(d.tagName) as typeof LitElement;
      const css = defined.elementStyles.map((s) => ('cssText' in s ? s.cssText : '')).join('\n');
      const read = new Map([...css.matchAll(/var\((--erp-[\w-]+),\s*([^;]+?)\)\s*;/g)].map(([, name, fallback]) => [name, fallback]));
      expect(read.size, `<${d.tagName}> reads the theme`).to.be.greaterThan(0);
      expect((d.cssProperties ?? []).map((p) => p.name).sort(), `<${d.tagName}>`).to.deep.equal([...read.keys()].sort());
      for (const p of d.cssProperties ?? []) expect(read.get(p.name), p.name).to.equal(p.default);
    }
  });
});
