// The simulated connector on a thread of its own, as the demo service runs it: a connector is a
// service of its own, and on its own thread its searches over 100,000 actors do not queue behind the
// sync service's requests (the other core does them).
import { Worker } from 'node:worker_threads';
import type { SimulatedConnectorOptions } from './app.js';

export interface ConnectorThread {
  url: string;
  close(): Promise<void>;
}

export function startConnectorThread(options: Pick<SimulatedConnectorOptions, 'dataFile' | 'control'>): Promise<ConnectorThread> {
  const worker = new Worker(new URL('./thread-entry.mjs', import.meta.url), { workerData: options });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The simulated connector stopped (exit ${code})`)));
    worker.once('message', (m: { port: number }) => {
      worker.off('error', reject);
      // Should it fail later, the service stays up and answers connector-error for the demo's ERP.
      worker.on('error', (error) => console.error('[simulated connector] stopped:', error));
      resolve({
        url: `http://127.0.0.1:${m.port}`,
        close: () =>
          new Promise<void>((done) => {
            worker.once('exit', () => done());
            worker.postMessage('close');
          }),
      });
    });
  });
}
