// <erp-history> with a host backend: 10,000 events stay responsive; CSV escaping.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-history.js';
import type { ErpHistory } from '../../src/elements/erp-history/erp-history.js';
import { csvCell, toCsv } from '../../src/elements/erp-history/history-csv.js';
import type { ErpBackend } from '../../src/backend/erp-backend.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { RestBackend } from '../../src/backend/rest-backend.js';
import { findButton, findByText, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';

function events(n: number): HistoryEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    kind: 'synced' as const,
    at: new Date(Date.UTC(2025, 0, 1) - i * 60_000).toISOString(),
    by: i === 0 ? 'Eve "the, admin"' : 'Sync service',
    actorType: 'customer' as const,
    erpKey: '100001',
    changes: [{ field: 'notes', label: 'Notes', oldValue: i === 0 ? '=HYPERLINK("x")' : 'a', newValue: 'line 1\nline 2', side: 'erp' as const }],
  }));
}

function backendWith(all: HistoryEvent[], pageSize = 20): ErpBackend {
  return {
    getHistory: async (_e: unknown, _c: string, cursor: string | null) => {
      const start = cursor ? Number(cursor) : 0;
      const end = start + pageSize;
      return { items: all.slice(start, end), nextCursor: end < all.length ? String(end) : null };
    },
  } as unknown as ErpBackend;
}

describe('<erp-history>', () => {
  it('escapes CSV cells and neutralizes formulas', () => {
    expect(csvCell('plain')).to.equal('plain');
    expect(csvCell('a,b')).to.equal('"a,b"');
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
    expect(csvCell('two\nlines')).to.equal('"two\nlines"');
    expect(csvCell('=1+1')).to.equal("'=1+1");
    expect(csvCell('@SUM(A1)')).to.equal("'@SUM(A1)");
    expect(csvCell('+44 20 7946 0000')).to.equal("'+44 20 7946 0000");
    expect(csvCell('-5')).to.equal("'-5");
    expect(csvCell("+2+3+cmd|' /C calc'!A0")).to.equal("'+2+3+cmd|' /C calc'!A0");
    expect(csvCell('-1+HYPERLINK("http://x")')).to.equal(`"'-1+HYPERLINK(""http://x"")"`);
    expect(csvCell('\u0000=1')).to.equal("'\u0000=1");
    expect(toCsv([['a', 'b'], ['c', 'd']])).to.equal('a,b\r\nc,d\r\n');
  });

  it('renders one page of 10,000 events and exports all of them without blocking', async function () {
    this.timeout(90_000);
    const all = events(10_000);
    const el = await fixture<ErpHistory>(
      html`<erp-history .backend=${backendWith(all, 50)} .entity=${{ type: 'company', id: 'c1' }} .connectionId=${'conn-a'}></erp-history>`,
    );
    await until(() => el.shadowRoot!.querySelectorAll('li.event').length === 50, 'first page');
    // Only what was asked for is rendered.
    expect(el.shadowRoot!.querySelectorAll('li').length).to.be.lessThan(200);
    await expect(el).to.be.accessible();

    // Not blocking: the page renders the export's progress while it runs (each rendering is a task
    // the export let through), and other tasks run between its pages.
    const progress = new Set<string>();
    const watch = new MutationObserver(() => {
      const text = el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? '';
      if (/^Preparing the export… [\d,]+ events$/.test(text)) progress.add(text);
    });
    watch.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    let otherTasks = 0;
    const ticker = setInterval(() => otherTasks++, 0);
    (await findButton('Export CSV', el.shadowRoot!)).click();
    await findByText(/Exported 10,000 events/, { timeout: 60_000 }, el.shadowRoot!);
    clearInterval(ticker);
    watch.disconnect();
    expect(progress.size, `progress shown: ${[...progress].join(' | ')}`).to.be.greaterThan(1);
    expect(otherTasks, 'tasks that ran during the export').to.be.greaterThan(1);
    expect(el.shadowRoot!.querySelectorAll('li.event').length).to.equal(50);

    const csv = el.lastExport!.csv;
    const lines = csv.split('\r\n');
    expect(lines[1]).to.equal(
      `${all[0]!.at},Synchronized,"Eve ""the, admin""",Customer,100001,Notes,"'=HYPERLINK(""x"")","line 1\nline 2",in ERP,`,
    );
    // Header + 10,000 rows + the empty string after the last CRLF.
    expect(lines.length).to.equal(10_002);
  });

  it('says so and offers Retry when a page fails', async () => {
    let fail = true;
    const backend = {
      getHistory: async () => {
        if (fail) throw Object.assign(new Error('x'), { status: 503, code: 'unavailable' });
        return { items: events(3), nextCursor: null };
      },
    } as unknown as ErpBackend;
    const el = await fixture<ErpHistory>(
      html`<erp-history .backend=${backend} .entity=${{ type: 'company', id: 'c1' }} .connectionId=${'conn-a'}></erp-history>`,
    );
    const retry = await findButton('Retry', el.shadowRoot!);
    fail = false;
    retry.click();
    await until(() => el.shadowRoot!.querySelectorAll('li.event').length === 3, 'loaded after retry');
  });
});

describe('<erp-history> export over REST (simulated ERP)', () => {
  const sim = useSimulator();

  it('asks for pages of 500: 1,230 events are one page shown and three export requests', async function () {
    this.timeout(90_000);
    const record = { type: 'company' as const, id: 'c1' };
    const before = sim().getHistory(record, 'conn-a', null, '500').items.length;
    sim().addHistoryEvents(record, 'conn-a', events(1_230 - before));
    const el = await fixture<ErpHistory>(
      html`<erp-history .backend=${new RestBackend()} .entity=${record} .connectionId=${'conn-a'}></erp-history>`,
    );
    await until(() => el.shadowRoot!.querySelectorAll('li.event').length === 20, 'the first page (20 events)');
    expect(sim().faults.answered('getHistory')).to.equal(1);

    (await findButton('Export CSV', el.shadowRoot!)).click();
    await findByText(/Exported 1,230 events/, {}, el.shadowRoot!);
    // The 1,210 events after the shown page: 500 + 500 + 210 (pages of 20 would take 61 requests).
    expect(sim().faults.answered('getHistory')).to.equal(4);
    expect(el.lastExport!.csv.split('\r\n').length).to.be.greaterThanOrEqual(1_231 + 1);
  });
});
