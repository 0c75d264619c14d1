// One document-wide `lang` observer serves every element (issue #18 item 8): 200 fields on a page
// add one MutationObserver, all of them follow a language switch, and the observer goes with the last.
import { expect } from '@open-wc/testing';
import '../../src/define/erp-field.js';
import type { FieldMeta } from '../../src/model/types.js';
import { langListenerCount } from '../../src/i18n/lang-observer.js';
import { until } from '../helpers/queries.js';

const field = (i: number): FieldMeta => ({ key: `f${i}`, label: `Limit ${i}`, type: 'double', access: 'normal' });

/** Counts the document-wide `lang` observers started while `run` goes. */
async function langObserversStarted(run: () => Promise<void>): Promise<number> {
  const original = MutationObserver.prototype.observe;
  let started = 0;
  MutationObserver.prototype.observe = function (target, options) {
    if (target === document.documentElement && options?.attributeFilter?.includes('lang')) started++;
    return original.call(this, target, options);
  };
  try {
    await run();
  } finally {
    MutationObserver.prototype.observe = original;
  }
  return started;
}

describe('one language observer for the page', () => {
  afterEach(() => document.documentElement.setAttribute('lang', 'en'));

  it('200 fields start one observer, follow a switch of <html lang>, and stop it when removed', async function () {
    this.timeout(120_000);
    let wrapper!: HTMLElement;
    const started = await langObserversStarted(async () => {
      // Built by hand: fixture() of a plain wrapper waits for a frame, which a background page never renders.
      wrapper = document.createElement('div');
      for (let i = 0; i < 200; i++) {
        const f = Object.assign(document.createElement('erp-field'), { field: field(i), value: 1234.5 });
        wrapper.append(f);
      }
      document.body.append(wrapper);
      await Promise.all([...wrapper.querySelectorAll('erp-field')].map((f) => f.updateComplete));
    });
    expect(started).to.equal(1);
    expect(langListenerCount()).to.equal(200);

    const inputs = () => [...wrapper.querySelectorAll('erp-field')].map((f) => f.shadowRoot!.querySelector('input')!);
    await until(() => inputs().every((i) => i.value === '1,234.5'), 'every field shows 1,234.5');
    document.documentElement.setAttribute('lang', 'de');
    await until(() => inputs().every((i) => i.value === '1.234,5'), 'every field switched to German');

    wrapper.remove();
    expect(langListenerCount()).to.equal(0);
  });
});
