// Runs the journey fault matrix (docs/fault-matrix.md, second part) for a set of journeys: every
// end-user action that calls the backend, under every fault, through the public surface. Per cell: a localized message is shown in an
// alert or live region, the retry control is there after a transient fault, nothing is thrown uncaught
// or written to console.error/warn, the user's choices are still there (after the fault and after the
// recovery), and with the fault cleared the recovery succeeds. One scene serves several faults where
// its recovery leaves it where it started; otherwise each fault gets a fresh one.
import { expect } from '@open-wc/testing';
import type { Lang } from './journey-drivers.js';
import { deepElements, WAIT_MS } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import {
  GERMAN_FAULTS,
  GERMAN_JOURNEYS,
  GERMAN_MESSAGE_IDS,
  isNotApplicable,
  journeyCell,
  JOURNEY_FAULTS,
  JOURNEYS,
  type Journey,
  type JourneyFault,
} from './journey-cases.js';
import { DRIVERS, quiet, type Context, type Scene } from './journey-drivers.js';
import { capturePageErrors } from '../helpers/page-errors.js';
import { markOf, NOT_APPLICABLE } from './fault-cases.js';
import { recordCells } from '../helpers/matrix-results.js';
import { useTerms } from '../helpers/terms.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const normalize = (s: string) => s.replace(/\s+/g, ' ');

/** The innermost element whose text holds `fragment`. */
export function messageElement(root: ParentNode, fragment: string): Element | undefined {
  return deepElements(root)
    .filter((el) => !['STYLE', 'SCRIPT'].includes(el.tagName) && normalize(el.textContent ?? '').includes(fragment))
    .at(-1);
}

/** Whether assistive technology announces `el`: it sits in an alert, a status or a live region. */
export function announced(el: Element): boolean {
  for (let node: Element | null = el; node; ) {
    const role = node.getAttribute('role');
    const live = node.getAttribute('aria-live');
    if (role === 'alert' || role === 'status' || role === 'log' || live === 'polite' || live === 'assertive') return true;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
  }
  return false;
}

async function waitFor<T>(find: () => T | undefined, timeout = WAIT_MS): Promise<T | undefined> {
  const start = performance.now();
  for (;;) {
    const found = find();
    if (found || performance.now() - start > timeout) return found;
    await sleep(25);
  }
}

type Outcome = '' | string;
const results = new Map<string, Outcome>(); // `${lang} ${journey} ${fault}`
const cellKey = (lang: Lang, j: Journey, f: JourneyFault) => journeyCell(lang, j.id, f.id);

function printMatrix(ids: readonly string[]) {
  const width = Math.max(...JOURNEYS.map((j) => j.id.length), 'journey'.length);
  const head = `${'journey'.padEnd(width)} | ${JOURNEY_FAULTS.map((f) => f.id.padEnd(8)).join(' | ')}`;
  const mark = (lang: Lang, j: Journey, f: JourneyFault) =>
    markOf(isNotApplicable(j, f) ? NOT_APPLICABLE : results.get(cellKey(lang, j, f)));
  const rows = JOURNEYS.filter((j) => ids.includes(j.id)).map((j) => `${j.id.padEnd(width)} | ${JOURNEY_FAULTS.map((f) => mark('en', j, f).padEnd(8)).join(' | ')}`);
  const german = GERMAN_JOURNEYS.filter(() => ids.includes('german')).map(
    (id) =>
      `${`${id} (de)`.padEnd(width)} | ${GERMAN_FAULTS.map((fid) => {
        const j = JOURNEYS.find((x) => x.id === id)!;
        const f = JOURNEY_FAULTS.find((x) => x.id === fid)!;
        return `${fid}: ${mark('de', j, f)}`;
      }).join(' | ')}`,
  );
  const failed = [...results].filter(([, r]) => markOf(r) === 'FAIL');
  const actions = JOURNEYS.filter((j) => ids.includes(j.id)).length;
  console.log(
    [
      `JOURNEY FAULT MATRIX, ${actions} of ${JOURNEYS.length} actions x ${JOURNEY_FAULTS.length} faults (the rest in the other journey-matrix file); ${results.size} cells run${ids.includes('german') ? ' incl. German' : ''}, ${failed.length} failed`,
      head,
      '-'.repeat(head.length),
      ...rows,
      ...(german.length ? ['German (lang="de"):', ...german] : []),
      ...failed.map(([k, r]) => `FAIL ${k}: ${r}`),
    ].join('\n'),
  );
}

/**
 * One `it` per journey in `ids` (plus the German cells when `ids` holds 'german'); prints the grid of
 * these journeys after them.
 */
export function describeJourneys(title: string, ids: readonly string[]): void {
  describe(title, () => {
    const germanMessages = useTerms(GERMAN_MESSAGE_IDS);
    const sim = useSimulator();
    const { uncaught, warnings } = capturePageErrors();
    after(async () => {
      printMatrix(ids);
      // docs/fault-matrix.md is written from these (scripts/fault-matrix-plugin.mjs).
      await recordCells(results);
    });

    /** One cell on `scene`; '' when it passes. */
    async function runCell(ctx: Context, scene: Scene, j: Journey, f: JourneyFault): Promise<Outcome> {
      const mark = { uncaught: uncaught.length, warnings: warnings.length };
      let outcome = '';
      try {
        if (f.id === 'order') {
          outcome = await scene.outOfOrder!();
        } else {
          const fragment = ctx.lang === 'de' ? germanMessages.de[f.id as keyof typeof GERMAN_MESSAGE_IDS] : f.message!;
          sim().faults.clear();
          sim().faults.inject(j.operation, { ...f.fault! });
          if (f.id === 'slow') ctx.timing.slowOperation = j.operation;
          const answeredBefore = sim().faults.answered(j.operation);
          await scene.act();
          const message = await waitFor(() => messageElement(scene.tab.shadowRoot!, fragment));
          if (f.id === 'slow') {
            delete ctx.timing.slowOperation;
            // The late answer lands (and must change nothing).
            await waitFor(() => sim().faults.answered(j.operation) > answeredBefore || undefined);
            await quiet(ctx);
          }
          // What reached the backend: the faulty answer was served to this action (not an old message).
          const reached = sim().faults.answered(j.operation) > answeredBefore;
          const notAnnounced = message && !announced(message) ? `"${normalize(message.textContent ?? '').trim()}" is not in an alert or live region` : '';
          if (!reached) outcome = `no ${j.operation} request reached the simulator`;
          else if (!message) outcome = `no message containing "${fragment}"`;
          else if (notAnnounced) outcome = `message ${notAnnounced}`;
          if (!outcome && f.transient && !scene.retryControl()) outcome = 'no retry control after a transient fault';
          if (!outcome) {
            await scene.afterError?.();
            const lost = await scene.kept();
            if (lost) outcome = `lost after the fault: ${lost}`;
          }
          if (!outcome) {
            sim().faults.clear();
            await scene.recover(f.id);
            const lost = scene.keptAfterRecovery === false ? '' : await scene.kept();
            if (lost) outcome = `lost after the recovery: ${lost}`;
          }
        }
      } catch (error) {
        outcome = `threw: ${error instanceof Error ? error.message : String(error)}`;
      } finally {
        sim().faults.clear();
        delete ctx.timing.slowOperation;
      }
      if (!outcome && uncaught.length > mark.uncaught) outcome = `uncaught: ${uncaught.slice(mark.uncaught).join('; ')}`;
      if (!outcome && warnings.length > mark.warnings) outcome = `console: ${warnings.slice(mark.warnings).join('; ')}`;
      return outcome;
    }

    /** Runs `faults` of one journey, reusing the scene while it allows. */
    async function runJourney(j: Journey, lang: Lang, faults: JourneyFault[]): Promise<string[]> {
      const timing: Context['timing'] = {};
      const ctx: Context = { sim, lang, timing, inFlight: { count: 0 } };
      const problems: string[] = [];
      let scene: Scene | null = null;
      for (const f of faults) {
        if (isNotApplicable(j, f)) continue;
        let outcome: Outcome;
        try {
          scene ??= await DRIVERS[j.id]!(ctx);
          outcome = await runCell(ctx, scene, j, f);
        } catch (error) {
          outcome = `setup threw: ${error instanceof Error ? error.message : String(error)}`;
        }
        results.set(cellKey(lang, j, f), outcome);
        if (outcome) problems.push(`${f.id}: ${outcome}`);
        // A failed cell leaves the scene in an unknown state; a passed one says whether it can go on.
        if (outcome || !scene || !(await scene.prepareNext().catch(() => false))) scene = null;
      }
      return problems;
    }

    for (const j of JOURNEYS.filter((x) => ids.includes(x.id))) {
      it(`${j.id}: ${j.action} (${j.operation}) under every fault`, async function () {
        this.timeout(180_000);
        const problems = await runJourney(j, 'en', JOURNEY_FAULTS);
        expect(problems, problems.join('\n')).to.deep.equal([]);
      });
    }

    if (ids.includes('german')) it('says it in German too (lang="de"): 401, 403, 500 and network errors in four journeys', async function () {
      this.timeout(180_000);
      const faults = JOURNEY_FAULTS.filter((f) => GERMAN_FAULTS.includes(f.id));
      const problems: string[] = [];
      for (const id of GERMAN_JOURNEYS) {
        const j = JOURNEYS.find((x) => x.id === id)!;
        problems.push(...(await runJourney(j, 'de', faults)).map((p) => `${id} ${p}`));
      }
      expect(problems, problems.join('\n')).to.deep.equal([]);
    });
  });
}
