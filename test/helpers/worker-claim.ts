/**
 * Test pages start side by side. When another page registered the msw worker moments ago, this page
 * is not controlled yet, and msw's `worker.start()` reloads it (which interrupts its tests). The worker
 * claims every page when it activates: wait for that before starting msw here.
 */
export async function whenWorkerClaimed(timeoutMs = 60_000): Promise<void> {
  const sw = navigator.serviceWorker;
  if (sw.controller || !(await sw.getRegistrations()).length) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    sw.addEventListener('controllerchange', done, { once: true });
    if (sw.controller) done();
  });
}
