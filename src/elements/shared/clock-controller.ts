import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Ticks while the host is connected, so relative times ("5 minutes ago") stay true. */
export class ClockController implements ReactiveController {
  now = Date.now();
  private timer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly intervalMs: number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.now = Date.now();
    this.timer = setInterval(() => {
      this.now = Date.now();
      this.host.requestUpdate();
    }, this.intervalMs);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
