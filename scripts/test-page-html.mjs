/**
 * The test runner's page for each test file, and the msw worker it serves.
 *
 * Test files run two at a time in tabs of one browser, and they share one msw Service Worker. Left
 * to msw, each page registers the worker itself as its tests begin: a page that loaded while another
 * had just registered it is not yet controlled, and msw then reloads it mid-run (the run waits for
 * that file until it times out), or its requests go past the worker and get 404s. So the page makes
 * sure the worker controls it before the test framework loads, and the served worker no longer
 * unregisters itself when its last controlled tab closes (a tab still loading is not counted yet).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const WORKER_PATH = '/mockServiceWorker.js';

const SELF_UNREGISTER = 'self.registration.unregister()';

/** msw's worker script without its self-unregistration; throws if msw changed that line. */
export function testWorkerScript() {
  const source = readFileSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'), 'utf8');
  if (!source.includes(SELF_UNREGISTER)) {
    throw new Error(`msw's worker no longer contains "${SELF_UNREGISTER}": check scripts/test-page-html.mjs`);
  }
  return source.replace(SELF_UNREGISTER, 'void 0 /* kept registered for the other test tabs */');
}

/** WTR `testRunnerHtml`: bring the page under the worker (installing it, or reloading once), then load the test framework. */
export function testPageHtml(testFrameworkImport) {
  return `<!DOCTYPE html>
<html><head></head><body>
<script type="module">
  const sw = navigator.serviceWorker;
  if (!sw.controller) {
    const registration = await sw.register(${JSON.stringify(WORKER_PATH)});
    const worker = registration.installing ?? registration.waiting ?? registration.active;
    if (worker && worker.state !== 'activated') {
      await new Promise((resolve) => {
        const settled = () => ['activated', 'redundant'].includes(worker.state) && resolve();
        worker.addEventListener('statechange', settled);
        settled();
      });
    }
    // An activating worker claims the pages open at that moment; a page that was still loading then
    // is left out, and a reload (before any test started) brings it under the worker.
    if (!sw.controller) {
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 2000);
        sw.addEventListener('controllerchange', () => (clearTimeout(timer), resolve()), { once: true });
      });
    }
    if (!sw.controller && !sessionStorage.getItem('erp-test-reloaded')) {
      sessionStorage.setItem('erp-test-reloaded', '1');
      location.reload();
      await new Promise(() => {});
    }
  }
  await import(${JSON.stringify(testFrameworkImport)});
</script>
</body></html>`;
}
