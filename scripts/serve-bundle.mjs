// A page and its esbuild bundle on a free loopback port, for the scripts that drive headless Chromium
// (the benchmarks, the screenshots): `/` is a page loading `entry`, every other path a file of `dir`.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Serves `dir`; resolves with the page's URL and `close()`. `headers` go on every answer. */
export async function serveBundle(dir, entry, headers = {}) {
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const path = req.url.split('?')[0];
    if (path === '/') {
      res.setHeader('Content-Type', 'text/html');
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script type="module" src="/${entry}"></script></body></html>`);
      return;
    }
    try {
      res.setHeader('Content-Type', 'text/javascript');
      res.end(readFileSync(join(dir, path)));
    } catch {
      res.statusCode = 404;
      res.end();
    }
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}
