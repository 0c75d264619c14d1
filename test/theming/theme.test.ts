// Visual checks in headless Chromium: <erp-tab> follows the --erp-* custom properties (the light
// defaults, and the demo's dark theme made only from those properties), and at 320 px nothing
// overflows horizontally.
import { expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { deepElements, findButton, findByRole } from '../helpers/queries.js';
import type { ErpBackend } from '../../src/backend/erp-backend.js';
import { ErpSimulator } from '../../simulated-erp/index.js';

/**
 * The simulator in-process as the element's own `backend` (its methods mirror ErpBackend's): no
 * service worker, so this file does not depend on the msw worker other test files run.
 */
function simBackend(): ErpBackend {
  const sim = new ErpSimulator();
  return new Proxy({} as ErpBackend, {
    get: (_target, name) => {
      const method = (sim as unknown as Record<PropertyKey, unknown>)[name];
      if (typeof method !== 'function') return undefined;
      return async (...args: unknown[]) => (method as (...a: unknown[]) => unknown).apply(sim, args);
    },
  });
}

/** The demo's dark theme (demo/theme-dark.css), as inline custom properties. */
const DARK = {
  '--erp-color-text': '#e6edf3',
  '--erp-color-muted': '#9198a1',
  '--erp-color-surface': '#151b23',
  '--erp-color-border': '#3d444d',
  '--erp-color-accent': '#4493f8',
  '--erp-color-on-accent': '#0d1117',
  '--erp-color-danger': '#f85149',
  '--erp-color-success': '#3fb950',
  '--erp-color-pending': '#d29922',
};
const LIGHT = {
  '--erp-color-text': '#1f2328',
  '--erp-color-surface': '#ffffff',
  '--erp-color-border': '#d1d9e0',
  '--erp-color-accent': '#0b5cad',
  '--erp-color-on-accent': '#ffffff',
};

/** `#rrggbb` as the `rgb(r, g, b)` computed styles use. */
function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

function style(props: Record<string, string>): string {
  return Object.entries(props)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
}

/** The tab with Acme Ltd (linked in the seed) loaded; returns the Contoso connection section. */
async function renderTab(wrapperStyle = '', lang = 'en') {
  // A plain wrapper, not fixture(): fixture() of a <div> waits for a frame a background page may not get.
  const wrapper = document.createElement('div');
  wrapper.setAttribute('style', wrapperStyle);
  const tab = document.createElement('erp-tab') as ErpTab;
  tab.setAttribute('entity', 'company');
  tab.setAttribute('entity-id', 'c1');
  tab.lang = lang;
  tab.backend = simBackend();
  wrapper.append(tab);
  document.body.append(wrapper);
  wrappers.push(wrapper);
  const section = await findByRole('region', { name: 'Contoso ERP' }, tab.shadowRoot!);
  const syncButton = await findButton(lang === 'de' ? /synchronisieren/i : 'Sync now', section);
  return { wrapper, tab, section, syncButton };
}

function colorsOf(section: HTMLElement, button: HTMLElement) {
  const box = getComputedStyle(section);
  const heading = section.querySelector('h3') ?? section;
  return {
    surface: box.backgroundColor,
    border: box.borderTopColor,
    text: getComputedStyle(heading).color,
    buttonBg: getComputedStyle(button).backgroundColor,
    buttonFg: getComputedStyle(button).color,
  };
}

/** Elements (through every shadow root) that stick out of `container` or scroll sideways. */
function horizontalOverflow(container: HTMLElement): string[] {
  const { left, right } = container.getBoundingClientRect();
  const problems: string[] = [];
  for (const el of deepElements(container)) {
    if (el.closest('dialog:not([open])') || el.getClientRects().length === 0) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0) continue;
    const label = `<${el.localName}${el.className ? ` class="${String(el.className)}"` : ''}>`;
    if (box.left < left - 0.5 || box.right > right + 0.5) problems.push(`${label} ${box.left.toFixed(0)}..${box.right.toFixed(0)}`);
    const overflowX = getComputedStyle(el).overflowX;
    if (el.scrollWidth > el.clientWidth + 1 && overflowX !== 'visible' && overflowX !== 'hidden' && overflowX !== 'clip') {
      problems.push(`${label} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`);
    }
  }
  return problems;
}

const wrappers: HTMLElement[] = [];

describe('theming (computed styles in headless Chromium)', () => {
  afterEach(() => wrappers.splice(0).forEach((w) => w.remove()));
  it('uses the documented defaults without any custom property', async () => {
    const { section, syncButton } = await renderTab();
    const colors = colorsOf(section, syncButton);
    expect(colors.surface).to.equal(rgb(LIGHT['--erp-color-surface']));
    expect(colors.border).to.equal(rgb(LIGHT['--erp-color-border']));
    expect(colors.text).to.equal(rgb(LIGHT['--erp-color-text']));
  });

  it('follows the dark theme made only from --erp-* custom properties', async () => {
    const { section, syncButton } = await renderTab(style(DARK));
    const colors = colorsOf(section, syncButton);
    expect(colors.surface).to.equal(rgb(DARK['--erp-color-surface']));
    expect(colors.border).to.equal(rgb(DARK['--erp-color-border']));
    expect(colors.text).to.equal(rgb(DARK['--erp-color-text']));
    // A button is either primary (accent) or plain (surface); its text follows the matching property.
    if (syncButton.classList.contains('primary')) {
      expect(colors.buttonBg).to.equal(rgb(DARK['--erp-color-accent']));
      expect(colors.buttonFg).to.equal(rgb(DARK['--erp-color-on-accent']));
    } else {
      expect(colors.buttonBg).to.equal(rgb(DARK['--erp-color-surface']));
      expect(colors.buttonFg).to.equal(rgb(DARK['--erp-color-text']));
    }
  });

  it('follows spacing, radius and font properties', async () => {
    const { section } = await renderTab('--erp-radius: 0px; --erp-font-size: 20px; --erp-font-family: monospace');
    const box = getComputedStyle(section);
    expect(box.borderTopLeftRadius).to.equal('0px');
    expect(box.fontSize).to.equal('20px');
    expect(box.fontFamily).to.equal('monospace');
  });

  describe('in forced-colors mode (Windows High Contrast)', () => {
    // A command of web-test-runner.config.mjs (puppeteer's emulateMediaFeatures).
    before(() => executeServerCommand('emulate-forced-colors', { active: true }));
    after(() => executeServerCommand('emulate-forced-colors', { active: false }));

    it('keeps borders around sections and buttons visible, whatever the theme says', async () => {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      // A theme that would hide every border (border = surface) must not matter here.
      const { section, syncButton } = await renderTab(style({ ...DARK, '--erp-color-border': DARK['--erp-color-surface'] }));
      const box = getComputedStyle(section);
      expect(box.borderTopColor).not.to.equal(box.backgroundColor);
      const button = getComputedStyle(syncButton);
      expect(parseFloat(button.borderTopWidth)).to.be.greaterThan(0);
      expect(button.borderTopColor).not.to.equal(button.backgroundColor);
    });
  });

  describe('at 320 px wide', () => {
    before(() => setViewport({ width: 320, height: 640 }));
    after(() => setViewport({ width: 800, height: 600 }));

    it('the overflow check sees through shadow roots and catches a too-wide element', async () => {
      const { wrapper } = await renderTab('inline-size: 100%; margin: 0');
      expect(deepElements(wrapper).length).to.be.greaterThan(30);
      const wide = document.createElement('div');
      wide.style.inlineSize = '400px';
      wrapper.append(wide);
      expect(horizontalOverflow(wrapper)).to.have.length.greaterThan(0);
    });

    for (const [name, props, lang] of [
      ['light', {}, 'en'],
      ['dark', DARK, 'en'],
      ['German, longer words', {}, 'de'],
    ] as const) {
      it(`does not overflow horizontally (${name})`, async () => {
        const { wrapper } = await renderTab(`${style(props)}; inline-size: 100%; margin: 0`, lang);
        expect(document.documentElement.clientWidth).to.equal(320);
        expect(wrapper.getBoundingClientRect().width).to.be.at.most(320);
        expect(horizontalOverflow(wrapper)).to.deep.equal([]);
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
      });
    }
  });
});
