import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { toProblem, type ErpProblem } from '../../backend/problem.js';

/**
 * The one way an element loads or calls its backend, on @lit/task: a run aborts the run before it,
 * removing the element aborts the run in flight, an abort is no error, and the element renders from
 * `pending`, `value` and `problem` (each change updates it). `onValue` takes a run's value into the
 * element's own state in the same update that ends `pending` (code after `await run()` comes an
 * update later).
 */
export class LoadController<A extends readonly unknown[], T> implements ReactiveController {
  private readonly task: Task<A, T>;
  private runs = 0;
  /** The run in flight: an abort or a later run makes it no longer the current one. */
  private inflight = 0;
  /** The last run's outcome is cleared (`clear()`) until the next run. */
  private cleared = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    call: (args: A, signal: AbortSignal) => Promise<T>,
    onValue?: (value: T, args: A) => void,
  ) {
    host.addController(this);
    let args: A;
    // Errors become problems once, as they arrive, not on every read of `problem`.
    this.task = new Task<A, T>(host, {
      task: (runArgs, { signal }) => {
        args = runArgs;
        return call(runArgs, signal).catch((error: unknown) => {
          throw toProblem(error);
        });
      },
      // Only the current run's value: not one a later run or an abort superseded.
      onComplete: (value) => {
        if (this.inflight === this.runs) onValue?.(value, args);
      },
      autoRun: false,
    });
  }

  /** A run is in flight (an aborted one no longer counts, though its request may still be settling). */
  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING && this.inflight === this.runs;
  }

  /** The last run's value, if it succeeded. */
  get value(): T | undefined {
    return this.task.status === TaskStatus.COMPLETE && !this.cleared ? this.task.value : undefined;
  }

  /** Why the last run failed; null while one runs, after a success and after an abort. */
  get problem(): ErpProblem | null {
    const problem = this.task.error as ErpProblem | undefined;
    return this.task.status === TaskStatus.ERROR && !this.cleared && !problem?.aborted ? (problem ?? null) : null;
  }

  /** Runs the call, aborting the one before; resolves with its value, or undefined when it failed or a later run or a removal superseded it. */
  async run(...args: A): Promise<T | undefined> {
    const run = (this.inflight = ++this.runs);
    this.cleared = false;
    await this.task.run(args);
    return run === this.runs ? this.value : undefined;
  }

  /** Aborts the run in flight, if any; the state goes back to no problem. */
  abort(): void {
    this.runs++;
    this.task.abort();
    this.host.requestUpdate();
  }

  /** Forgets the last run's value and problem (a new attempt starts clean). */
  clear(): void {
    this.cleared = true;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.abort();
  }
}
