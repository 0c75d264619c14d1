#!/usr/bin/env node
// `npm start`: the sync service on its embedded database (PGlite in .data/) with the simulated ERP
// connector, and the demo CRM page (vite) that reaches it over HTTP. ERP_DEMO_ERP=tryton puts a
// Tryton behind it instead (a local one, or the server TRYTON_URL names). ERP_DEMO_BACKEND=simulator
// serves the page alone, on the in-browser simulator.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { startLocalTryton } from './local-tryton.mjs';

// Vite itself, not `npx vite`: npx does not pass a SIGTERM on, so stopping `npm start` that way left
// vite holding port 5173 and the next start failed.
const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');

const children = [];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

function run(cmd, args, env = {}) {
  const child = spawn(cmd, args, { stdio: ['inherit', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
  return child;
}

let serviceUrl;
if (process.env.ERP_DEMO_BACKEND !== 'simulator') {
  const port = process.env.PORT ?? '8787';
  let trytonEnv = {};
  if (process.env.ERP_DEMO_ERP === 'tryton' && !process.env.TRYTON_URL) {
    try {
      const tryton = await startLocalTryton();
      children.push({ kill: tryton.stop });
      trytonEnv = tryton.env;
    } catch (error) {
      console.error(`ERP_DEMO_ERP=tryton: ${error.message}`);
      process.exit(1);
    }
  }
  const service = run(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo'], { PORT: port, ...trytonEnv });
  serviceUrl = await new Promise((resolve) => {
    let out = '';
    service.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      out += chunk;
      const m = /API at (http:\/\/[^/\s]+)/.exec(out);
      if (m) resolve(m[1]);
    });
  });
}
const vite = run(process.execPath, [viteBin, '--port', '5173', '--strictPort'], serviceUrl ? { ERP_SYNC_URL: serviceUrl } : {});
vite.stdout.pipe(process.stdout);
vite.stdout.once('data', () => {
  setTimeout(() => {
    console.log(`\nDemo CRM page: http://localhost:5173/  (admin: http://localhost:5173/admin.html)`);
    console.log(serviceUrl ? `Sync service:  ${serviceUrl}/api/erp  (data in ${process.env.ERP_DEMO_ERP === 'tryton' ? '.data/erp-sync-tryton, on Tryton' : '.data/erp-sync'}; stop with Ctrl+C)` : 'Backend: the in-browser simulator (ERP_DEMO_BACKEND=simulator)');
  }, 500);
});
