// `node --import tsx connectors/tryton/main.ts`: the Tryton sync connector on PORT (default 8790).
import { buildTrytonConnector } from './app.js';

const app = await buildTrytonConnector(process.env.LOG === '1' ? { logger: true } : {});
await app.listen({ port: Number(process.env.PORT ?? 8790), host: process.env.HOST ?? '127.0.0.1' });
const address = app.server.address();
console.log(`Tryton sync connector at http://127.0.0.1:${typeof address === 'object' && address ? address.port : ''}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
