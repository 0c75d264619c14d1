// The sync service in a process of its own (server/main.ts, as deployed), for the tests that kill it.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServiceProcess {
  child: ChildProcess;
  apiUrl: string;
  /** The demo's connector (simulated ERP or Tryton) that the process runs. */
  connectorUrl: string;
  stop(): Promise<void>;
}

/** Starts `server/main.ts --demo` with `env` and resolves once it says where its API and connector are. */
export async function spawnService(env: Record<string, string>): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo'], { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const [apiUrl, connectorUrl] = await new Promise<[string, string]>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += String(d);
      const m = /API at (http:\/\/\S+) · (?:simulated ERP|Tryton) connector at (http:\/\/\S+)\n/.exec(out);
      if (m) resolve([m[1]!, m[2]!]);
    });
    child.once('exit', (code) => reject(new Error(`the service exited (${code}): ${out}`)));
  });
  return {
    child,
    apiUrl,
    connectorUrl,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** One query on its own connection (a killed service's pool is gone). */
export async function queryOnce<T>(url: string, sql: string, params: unknown[]): Promise<T[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** How many history entries "Background sync" wrote for each of these records of the connection. */
export async function backgroundEntries(url: string, connectionId: string, entityIds: string[]): Promise<Map<string, number>> {
  const rows = await queryOnce<{ entity_id: string; n: string }>(
    url,
    `SELECT entity_id, count(*)::text AS n FROM history WHERE connection_id = $1 AND entity_id = ANY($2) AND event::jsonb ->> 'by' = 'Background sync' GROUP BY entity_id`,
    [connectionId, entityIds],
  );
  return new Map(rows.map((r) => [r.entity_id, Number(r.n)]));
}
