// The Background sync section of a connection's settings, and what the tab shows of it, on the
// simulated ERP (which runs only on Run now), in the four languages with the translators' words.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/erp-sync-admin.js';
import '../../src/define/erp-tab.js';
import type { ErpSyncAdmin } from '../../src/elements/admin/erp-sync-admin/erp-sync-admin.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { deepActiveElement } from '../../src/elements/shared/active-element.js';
import { formatDateTime } from '../../src/model/format.js';
import { findButton, findByRole, nameOf, queryAllByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import { LANGS, term, terms, type Lang } from '../helpers/terms.js';
import { alertSays, status, textOf } from './admin-helpers.js';

const ADMIN = {
  mappings: 'admin.term.mappings',
  heading: 'admin.bg.heading',
  runNow: 'admin.bg.runNow',
  pause: 'admin.bg.pause',
  resume: 'admin.bg.resume',
  never: 'admin.bg.never',
  lastRun: 'admin.bg.lastRun',
  nextRun: 'admin.bg.nextRun',
  notScheduled: 'admin.bg.notScheduled',
  pausedNext: 'admin.bg.paused',
  checked: 'admin.bg.checked',
  errors: 'admin.bg.errors',
  pausedNow: 'admin.bg.pausedNow',
  resumed: 'admin.bg.resumed',
  failed: 'admin.bg.failed',
  lastError: 'admin.bg.lastError',
};

async function openSection(lang: Lang) {
  const w = await terms(lang, ADMIN);
  const el = await fixture<ErpSyncAdmin>(html`<erp-sync-admin lang=${lang}></erp-sync-admin>`);
  (await findButton(`${w.mappings} Contoso ERP`, el.shadowRoot!)).click();
  const settings = await findByRole('region', { name: `${w.mappings}: Contoso ERP` }, el.shadowRoot!);
  const section = await findByRole('region', { name: w.heading }, settings);
  return { el, section, w };
}

/** The value of the fact labelled `label` (a term of the section's description list). */
function fact(section: HTMLElement, label: string): string | undefined {
  const dt = Array.from(section.querySelectorAll('dt')).find((d) => d.textContent?.trim() === label);
  return dt?.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim();
}

describe('Background sync in the connection settings (simulated ERP)', () => {
  const sim = useSimulator();

  for (const lang of LANGS) {
    it(`shows the last and next run, runs now with its counts, pauses and resumes (${lang})`, async () => {
      const { el, section, w } = await openSection(lang);
      await until(() => fact(section, w.lastRun) === w.never, 'no run yet');
      expect(fact(section, w.nextRun)).to.equal(w.notScheduled);
      await expect(el).to.be.accessible();

      (await findButton(w.runNow, section)).click();
      await until(() => sim().getBackgroundSync('conn-a').lastRun, 'a run');
      const run = sim().getBackgroundSync('conn-a').lastRun!;
      expect(run.checked).to.be.greaterThan(0);
      const nf = new Intl.NumberFormat(lang);
      await status(
        section,
        await term(lang, 'admin.bg.finished', { checked: nf.format(run.checked), changed: nf.format(run.changed), conflicts: nf.format(run.conflicts), errors: nf.format(run.errors) }),
      );
      expect(fact(section, w.checked)).to.equal(nf.format(run.checked));
      expect(fact(section, w.lastRun)).to.not.equal(w.never);
      await expect(el).to.be.accessible();

      // Keyboard only: Pause, then Resume.
      (await findButton(w.pause, section)).focus();
      await sendKeys({ press: 'Enter' });
      await status(section, w.pausedNow);
      expect(sim().getBackgroundSync('conn-a').paused).to.equal(true);
      expect(fact(section, w.nextRun)).to.equal(w.pausedNext);
      const resume = await findButton(w.resume, section);
      expect(nameOf(deepActiveElement()!)).to.equal(w.resume, 'focus stays on the toggled button');
      resume.click();
      await status(section, w.resumed);
      expect(sim().getBackgroundSync('conn-a').paused).to.equal(false);
    });
  }

  it('a connector that fails: the run says why and when it tries again; a good run clears it', async () => {
    const { section, w } = await openSection('en');
    sim().setBackgroundDown('conn-a', { status: 503, code: 'connector-unavailable', detail: 'Contoso cannot be reached' });
    (await findButton(w.runNow, section)).click();
    await until(() => fact(section, w.errors) === '1', 'one error');
    const { backoffUntil, failures } = sim().getBackgroundSync('conn-a');
    expect(failures).to.equal(1);
    const waits = await term('en', 'admin.bg.backoffOne', { until: formatDateTime(backoffUntil!, 'en') });
    expect(textOf(section)).to.contain(waits);
    expect(textOf(section)).to.contain(`${w.lastError} ${await term('en', 'admin.error.connectorUnavailable', { detail: 'Contoso cannot be reached' })}`);

    // The connector is back; the demo's c4 still fails on its own, which is no back-off.
    sim().setBackgroundDown('conn-a', null);
    (await findButton(w.runNow, section)).click();
    await until(() => !textOf(section).includes(waits), 'the back-off notice gone');
    expect(sim().getBackgroundSync('conn-a')).to.include({ failures: 0, backoffUntil: null });
  });

  it('a failed call says so and keeps what is shown; a repeated click sends one request', async () => {
    const { section, w } = await openSection('en');
    await until(() => fact(section, w.lastRun) === w.never, 'loaded');
    sim().faults.inject('setBackgroundSyncPaused', { kind: 'problem', status: 500, code: 'internal-error', times: 1 });
    (await findButton(w.pause, section)).click();
    await alertSays(section, w.failed);
    expect(sim().getBackgroundSync('conn-a').paused).to.equal(false);
    expect(await findButton(w.pause, section)).to.exist;
    expect(fact(section, w.lastRun)).to.equal(w.never);

    let runs = 0;
    const before = sim().runBackgroundSync.bind(sim());
    sim().runBackgroundSync = (cid: string) => {
      runs++;
      return before(cid);
    };
    sim().faults.inject('runBackgroundSync', { kind: 'latency', ms: 300, times: 1 });
    const button = await findButton(w.runNow, section);
    button.click();
    button.click();
    await until(() => fact(section, w.lastRun) !== w.never, 'the run shown');
    expect(runs).to.equal(1);
  });
});

describe('the background sync on the tab (simulated ERP)', () => {
  const sim = useSimulator();

  for (const lang of LANGS) {
    it(`shows the last background sync and offers to decide the conflicts it kept (${lang})`, async () => {
      // c3's supplier phone was changed on both sides (the demo's conflict): a background run keeps it.
      sim().runBackgroundSync('conn-a');
      expect(sim().getEntityState({ type: 'company', id: 'c3' }).connections.find((c) => c.id === 'conn-a')!.link!.pendingConflicts).to.equal(1);
      const w = await terms(lang, { last: 'health.lastBackground', one: 'health.oneConflict', decide: 'health.decide', title: 'tab.conflictTitle', apply: 'picker.apply' });
      const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c3" lang=${lang}></erp-tab>`);
      const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
      await until(() => textOf(section).includes(w.one), 'the waiting conflict');
      expect(textOf(section)).to.contain(w.last);
      await expect(el).to.be.accessible();

      (await findButton(w.decide, section)).click();
      const dialog = await findByRole('dialog', { name: w.title }, el.shadowRoot!);
      const picker = dialog.querySelector('erp-conflict-picker')!;
      await until(() => queryAllByRole('radio', {}, picker.shadowRoot!).length > 0, 'choices');
      queryAllByRole('radio', {}, picker.shadowRoot!)[0]!.click();
      const apply = await findButton(w.apply, picker.shadowRoot!);
      await until(() => apply.getAttribute('aria-disabled') === 'false', 'Apply enabled');
      apply.click();
      await until(() => !(dialog as HTMLDialogElement).open, 'decided');
      await until(() => !textOf(section).includes(w.one), 'nothing waits any more');
      expect(sim().getEntityState({ type: 'company', id: 'c3' }).connections.find((c) => c.id === 'conn-a')!.link!.pendingConflicts).to.equal(undefined);
    });
  }
});
