// Inside the connector's thread: serve, tell the parent the port, close when asked.
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { buildSimulatedConnector, type SimulatedConnectorOptions } from './app.js';

const app = await buildSimulatedConnector(workerData as SimulatedConnectorOptions);
await app.listen({ port: 0, host: '127.0.0.1' });
parentPort!.postMessage({ port: (app.server.address() as AddressInfo).port });
parentPort!.on('message', async (m) => {
  if (m !== 'close') return;
  await app.close();
  parentPort!.close();
});
