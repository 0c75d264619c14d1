// A `fetch` that runs in a dedicated worker with an opaque origin (a data: URL), so no service worker
// controls it. The test pages share one origin with the msw worker the other test files start; a page
// it controls would have its requests proxied through it (and a dropped connection seen by msw's
// passthrough, not by the browser's network stack). RestBackend takes this through its `fetch` option.
const WORKER_SOURCE = `
const controllers = new Map();
onmessage = async ({ data }) => {
  if (data.abort) { controllers.get(data.id)?.abort(); return; }
  const controller = new AbortController();
  controllers.set(data.id, controller);
  try {
    const response = await fetch(data.url, { ...data.init, signal: controller.signal });
    const body = await response.text();
    postMessage({ id: data.id, ok: true, status: response.status, statusText: response.statusText,
      headers: [...response.headers], body });
  } catch (error) {
    postMessage({ id: data.id, ok: false, message: String(error && error.message || error) });
  } finally {
    controllers.delete(data.id);
  }
};`;

interface Answer {
  id: number;
  ok: boolean;
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  message: string;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (answer: Answer) => void>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(`data:text/javascript,${encodeURIComponent(WORKER_SOURCE)}`);
    worker.onmessage = ({ data }: MessageEvent<Answer>) => pending.get(data.id)?.(data);
  }
  return worker;
}

export const uncontrolledFetch: typeof fetch = (input, init = {}) =>
  new Promise<Response>((resolve, reject) => {
    const id = nextId++;
    const signal = init.signal;
    const w = getWorker();
    const onAbort = () => {
      pending.delete(id);
      w.postMessage({ id, abort: true });
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    pending.set(id, (answer) => {
      pending.delete(id);
      signal?.removeEventListener('abort', onAbort);
      if (!answer.ok) reject(new TypeError(`Failed to fetch (${answer.message})`));
      else {
        const nullBody = answer.status === 204 || answer.status === 304;
        resolve(new Response(nullBody ? null : answer.body, { status: answer.status, statusText: answer.statusText, headers: answer.headers }));
      }
    });
    const headers: [string, string][] = [...new Headers(init.headers)];
    w.postMessage({
      id,
      url: String(input instanceof Request ? input.url : input),
      init: { method: init.method ?? 'GET', headers, body: typeof init.body === 'string' ? init.body : undefined, credentials: 'omit' },
    });
  });
