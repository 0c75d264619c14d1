/**
 * Inside a `describe`: collects uncaught errors, unhandled rejections and console.warn/console.error
 * from its `before` to its `after` (the console still prints them). Read the arrays' lengths before a
 * step and compare after it.
 */
export function capturePageErrors(): { uncaught: string[]; warnings: string[] } {
  const captured = { uncaught: [] as string[], warnings: [] as string[] };
  const onError = (e: ErrorEvent) => captured.uncaught.push(String(e.message));
  const onRejection = (e: PromiseRejectionEvent) => captured.uncaught.push(String(e.reason));
  const originalWarn = console.warn;
  const originalError = console.error;
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    console.warn = (...args: unknown[]) => (captured.warnings.push(args.map(String).join(' ')), originalWarn(...args));
    console.error = (...args: unknown[]) => (captured.warnings.push(args.map(String).join(' ')), originalError(...args));
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    console.warn = originalWarn;
    console.error = originalError;
  });
  return captured;
}
