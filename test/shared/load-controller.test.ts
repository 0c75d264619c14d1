// The one loading controller (src/elements/shared/load-controller.ts) in a real element: a later
// run aborts the earlier one and wins, a failure is a problem, an abort is none, removal aborts.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LoadController } from '../../src/elements/shared/load-controller.js';
import { ErpProblem } from '../../src/backend/problem.js';

interface Call {
  text: string;
  signal: AbortSignal;
  resolve: (v: string) => void;
  reject: (e: unknown) => void;
}

class LoadHost extends LitElement {
  readonly calls: Call[] = [];
  /** What onValue took, with the run's argument; and what each update drew (pending, taken). */
  readonly taken: string[] = [];
  readonly drawn: string[] = [];
  /** A backend that ignores the abort signal and answers anyway. */
  ignoreAbort = false;
  readonly load = new LoadController<[string], string>(
    this,
    ([text], signal) =>
      new Promise<string>((resolve, reject) => {
        this.calls.push({ text, signal, resolve, reject });
        // As fetch does: an abort rejects with an AbortError.
        if (!this.ignoreAbort) signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      }),
    (value, [text]) => this.taken.push(`${text}:${value}`),
  );
  protected override render() {
    this.drawn.push(`${this.load.pending}|${this.taken.join(',')}`);
    return html`<p role="status">${this.load.pending ? 'pending' : (this.load.value ?? this.load.problem?.message ?? 'idle')}</p>`;
  }
}
customElements.define('test-load-host', LoadHost);

const statusOf = async (el: LoadHost) => {
  await el.updateComplete;
  return el.shadowRoot!.querySelector('[role="status"]')!.textContent;
};

describe('LoadController', () => {
  it('aborts the earlier run when a later one starts; only the later one answers', async () => {
    const el = await fixture<LoadHost>(html`<test-load-host></test-load-host>`);
    const first = el.load.run('a');
    const second = el.load.run('b');
    expect(await statusOf(el)).to.equal('pending');
    expect(el.calls[0]!.signal.aborted).to.equal(true);
    expect(el.calls[1]!.signal.aborted).to.equal(false);
    el.calls[1]!.resolve('B');
    expect(await first).to.equal(undefined);
    expect(await second).to.equal('B');
    expect(await statusOf(el)).to.equal('B');
    expect(el.load.problem).to.equal(null);
  });

  it('shows a failure as a problem, and a new run clears it', async () => {
    const el = await fixture<LoadHost>(html`<test-load-host></test-load-host>`);
    const run = el.load.run('a');
    el.calls[0]!.reject(new ErpProblem({ status: 503, title: 'ERP unavailable', code: 'unavailable' }));
    expect(await run).to.equal(undefined);
    expect(el.load.problem?.status).to.equal(503);
    void el.load.run('b');
    expect(el.load.problem).to.equal(null);
    expect(await statusOf(el)).to.equal('pending');
  });

  it('treats an abort as no problem, and clear() forgets the last outcome', async () => {
    const el = await fixture<LoadHost>(html`<test-load-host></test-load-host>`);
    const run = el.load.run('a');
    el.load.abort();
    // Not pending from the abort on, though the aborted call settles later: a new run is not held back.
    expect(el.load.pending).to.equal(false);
    expect(await run).to.equal(undefined);
    expect(el.load.pending).to.equal(false);
    expect(el.load.problem).to.equal(null);
    const done = el.load.run('b');
    el.calls[1]!.resolve('B');
    expect(await done).to.equal('B');
    el.load.clear();
    expect(await statusOf(el)).to.equal('idle');
  });

  it('aborts the run in flight when the element is removed', async () => {
    const el = await fixture<LoadHost>(html`<test-load-host></test-load-host>`);
    const run = el.load.run('a');
    el.remove();
    expect(el.calls[0]!.signal.aborted).to.equal(true);
    expect(await run).to.equal(undefined);
  });

  it('takes the value of the current run in the update that ends pending, never a superseded or aborted one', async () => {
    const el = await fixture<LoadHost>(html`<test-load-host></test-load-host>`);
    el.ignoreAbort = true;
    const first = el.load.run('a');
    const second = el.load.run('b');
    el.calls[0]!.resolve('A'); // answers although a later run superseded it
    expect(await first).to.equal(undefined);
    el.calls[1]!.resolve('B');
    expect(await second).to.equal('B');
    await el.updateComplete;
    expect(el.taken).to.deep.equal(['b:B']);
    // Every update after the first that drew the run as over already had its value.
    const over = el.drawn.slice(1).filter((d) => d.startsWith('false|'));
    expect(over.length).to.be.greaterThan(0);
    expect(over.every((d) => d === 'false|b:B'), over.join(' ')).to.equal(true);

    const third = el.load.run('c');
    el.load.abort();
    el.calls[2]!.resolve('C'); // the backend answers after the abort
    expect(await third).to.equal(undefined);
    expect(el.taken).to.deep.equal(['b:B']);
  });
});
