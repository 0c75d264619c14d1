// A local Tryton for `ERP_DEMO_ERP=tryton npm start`: Debian's trytond on a SQLite database in
// .data/tryton (created and seeded through the API on first start, reopened afterwards), on a free
// loopback port. Throws a message that says what to install when Tryton is not there.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const PACKAGES = 'tryton-server tryton-modules-party tryton-modules-party-relationship tryton-modules-company tryton-modules-sale tryton-modules-purchase tryton-modules-project';

const freePort = () =>
  new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });

export async function startLocalTryton(dir = '.data/tryton', say = console.log) {
  if (spawnSync('trytond', ['--version']).error) {
    throw new Error(`Tryton is not installed. On Debian or Ubuntu: sudo apt-get install --no-install-recommends ${PACKAGES}\n(or point TRYTON_URL, TRYTON_DATABASE, TRYTON_USER, TRYTON_PASSWORD at a Tryton server)`);
  }
  const home = resolve(dir);
  mkdirSync(home, { recursive: true });
  // The same port on every start: the demo's connection keeps the server URL it was seeded with.
  const portFile = join(home, 'port');
  const port = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : await freePort();
  writeFileSync(portFile, String(port));
  const conf = join(home, 'trytond.conf');
  writeFileSync(conf, `[database]\nuri = sqlite://\npath = ${home}\n[web]\nlisten = 127.0.0.1:${port}\n[session]\ntimeout = 3600\n`);
  const passFile = join(home, 'admin-password');
  if (!existsSync(passFile)) writeFileSync(passFile, randomBytes(12).toString('hex'), { mode: 0o600 });
  const password = readFileSync(passFile, 'utf8').trim();
  const fresh = !existsSync(join(home, 'erp.sqlite'));
  if (fresh) {
    say(`Creating the Tryton database in ${home} (first start, about a minute)…`);
    writeFileSync(join(home, 'erp.sqlite'), '');
    execFileSync('trytond-admin', ['-c', conf, '-d', 'erp', '--email', 'admin@example.com', '-u', 'party', 'party_relationship', 'company', 'sale', 'purchase', 'project', '--activate-dependencies'], {
      env: { ...process.env, TRYTONPASSFILE: passFile },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  // Its request log goes to a file, not over the demo's output.
  const log = openSync(join(home, 'server.log'), 'a');
  const server = spawn('trytond', ['-c', conf, '-d', 'erp'], { stdio: ['ignore', log, log] });
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ; ) {
    const ok = await fetch(`${url}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":1,"method":"common.server.version","params":[]}' }).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`trytond did not answer at ${url} (see ${join(home, 'server.log')}; is port ${port} taken?)`);
    await new Promise((r) => setTimeout(r, 500));
  }
  // Seeding is idempotent: a database seeded before is left as it is.
  execFileSync(process.execPath, ['--import', 'tsx', 'connectors/tryton/seed.ts', url, 'erp', 'admin', password, '300'], { stdio: ['ignore', 'inherit', 'inherit'] });
  say(`Tryton at ${url} (database "erp", user admin, password in ${passFile})`);
  return { env: { TRYTON_URL: url, TRYTON_DATABASE: 'erp', TRYTON_USER: 'admin', TRYTON_PASSWORD: password }, stop: () => server.kill('SIGTERM') };
}
