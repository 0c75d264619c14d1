// What the benchmark scripts share: a backend in a process of its own, load at a concurrency with
// p50/p99 and errors, the median and range of runs, and their own section of docs/benchmarks.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/** Starts `node args…` and waits until its output matches `ready` (group 1: its URL). */
export function spawnBackend(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}): ${out}`)));
  });
}

/** `total` requests from `concurrency` workers; a status outside 2xx (or none) is an error. */
export async function measure(total: number, concurrency: number, one: (i: number) => Promise<number>) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const start = performance.now();
      const status = await one(i).catch(() => 0);
      latencies.push(performance.now() - start);
      if (status < 200 || status > 299) errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return { p50: q(0.5), p99: q(0.99), errors };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const spread = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;

/** Puts `section` (which starts and ends with `<!-- marker:start/end -->`) into docs/benchmarks.md, in place of the last one. */
export function writeSection(marker: string, section: string): void {
  const file = new URL('../../docs/benchmarks.md', import.meta.url);
  const doc = readFileSync(file, 'utf8');
  const marked = new RegExp(`<!-- ${marker}:start -->[\\s\\S]*<!-- ${marker}:end -->`);
  writeFileSync(file, marked.test(doc) ? doc.replace(marked, section) : `${doc.trimEnd()}\n\n${section}\n`);
}
