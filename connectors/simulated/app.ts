import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import type { ActorType, FieldValue } from '../../src/model/types.js';
import type { Values } from '../../simulated-erp/model.js';
import { ConnectorProblem } from '../problem.js';
import { SimulatedErp, type Kind } from './erp.js';

const PROTOCOL = fileURLToPath(new URL('../protocol.yaml', import.meta.url));

export interface ConnectorFault {
  /**
   * `duplicate`, `backwards` and `omit` answer, but wrongly: every actor twice, every lastModified
   * in 1970, the actor `key` left out.
   */
  kind: 'latency' | 'problem' | 'nonsense' | 'drop' | 'duplicate' | 'backwards' | 'omit';
  key?: string;
  ms?: number;
  status?: number;
  detail?: string;
}

/** What a wrong-answer fault makes of an answer's `actors`. */
function garble(fault: ConnectorFault, payload: string): string {
  const body = JSON.parse(payload) as { actors?: { erpKey?: string; lastModified?: string }[] };
  if (!Array.isArray(body.actors)) return payload;
  if (fault.kind === 'duplicate') body.actors = body.actors.flatMap((a) => [a, a]);
  if (fault.kind === 'backwards') body.actors = body.actors.map((a) => ({ ...a, lastModified: '1970-01-01T00:00:00.000Z' }));
  if (fault.kind === 'omit') body.actors = body.actors.filter((a) => a.erpKey !== fault.key);
  return JSON.stringify(body);
}

export interface SimulatedConnectorOptions {
  /** Where the simulated ERP keeps its state (none: in memory only). */
  dataFile?: string;
  /** Serve `/__control/fault` (tests: make the connector slow, failing or talk nonsense). */
  control?: boolean;
  logger?: boolean;
}

type Body = { config: Record<string, FieldValue>; actorType: ActorType } & Record<string, unknown>;
type Req = FastifyRequest<{ Body: Body }>;

/**
 * The simulated ERP as a sync connector service: two connector products, Contoso (all actor types,
 * advanced search, create) at `/contoso` and Northwind (customers and suppliers, read mostly) at
 * `/northwind`, both speaking connectors/protocol.yaml.
 */
export async function buildSimulatedConnector(options: SimulatedConnectorOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allowUnionTypes: true, strict: false } },
  });
  const erp = new SimulatedErp(options.dataFile);
  const faults = new Map<string, ConnectorFault & { times: number }>();
  const hits = new Map<string, number>();
  // Requests whose answer a wrong-answer fault rewrites on its way out.
  const garbleKinds = new WeakMap<FastifyRequest, ConnectorFault>();

  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown }, _req, reply) => {
    if (error instanceof ConnectorProblem) return problem(reply, error.status, error.code, error.message, error.field);
    if (error.validation) return problem(reply, 400, 'invalid-request', error.message);
    return problem(reply, 500, 'internal-error', 'The connector failed');
  });

  // Injected faults apply to every product and path: "<op>" or "*".
  app.addHook('preHandler', async (req, reply) => {
    const path = req.url.replace(/^\/(contoso|northwind)/, '');
    if (!path.startsWith('/__control')) hits.set(path, (hits.get(path) ?? 0) + 1);
    const fault = faults.get(path) ?? faults.get('*');
    if (!fault || path.startsWith('/__control')) return;
    if (--fault.times <= 0) faults.delete(faults.get(path) ? path : '*');
    if (fault.kind === 'latency') await new Promise((r) => setTimeout(r, fault.ms ?? 1000));
    if (fault.kind === 'problem') return problem(reply, fault.status ?? 500, 'erp-error', fault.detail ?? 'The ERP failed');
    if (fault.kind === 'nonsense') return reply.type('application/json').send('{"actors": 17, "<html>');
    if (fault.kind === 'drop') req.raw.socket.destroy();
    if (fault.kind === 'duplicate' || fault.kind === 'backwards' || fault.kind === 'omit') garbleKinds.set(req, fault);
    return undefined;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const fault = garbleKinds.get(req);
    return fault && reply.statusCode === 200 && typeof payload === 'string' ? garble(fault, payload) : payload;
  });

  if (options.control) {
    app.post('/__control/fault', async (req: FastifyRequest<{ Body: { path: string; fault: ConnectorFault | null; times?: number } }>) => {
      const { path, fault, times } = req.body;
      if (fault) faults.set(path, { ...fault, times: times ?? 1 });
      else faults.delete(path);
      return { ok: true };
    });
    // How often each path was called: tests see that a request reached the ERP.
    app.get('/__control/hits', async () => Object.fromEntries(hits));
  }

  for (const kind of ['contoso', 'northwind'] as const) {
    await app.register(openapiGlue, { specification: PROTOCOL, prefix: kind, serviceHandlers: handlers(erp, kind) });
  }
  return app;
}

function problem(reply: FastifyReply, status: number, code: string, detail: string, field?: string) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title: code, status, code, detail, ...(field ? { field } : {}) });
}

function handlers(erp: SimulatedErp, kind: Kind) {
  const product = erp.kind(kind);
  const dataset = (req: Req) => erp.dataset(kind, req.body.config);
  const supported = (req: Req) => {
    if (!product.actorTypes.includes(req.body.actorType)) throw new ConnectorProblem(422, 'actor-type-not-supported', `No ${req.body.actorType} in this ERP`);
    return req.body.actorType;
  };
  return {
    describe: async () => ({ name: `${kind === 'northwind' ? 'Northwind' : 'Contoso'} Sync Connector (simulated ERP)`, version: '4.2', protocol: 1 }),
    getConfigFields: async () => ({ fields: product.configFields }),
    testConfig: async (req: Req) => erp.test(kind, req.body.config),
    getActorTypes: async (req: Req) => {
      dataset(req);
      return {
        actorTypes: product.actorTypes.map((type) => ({ type, fields: erp.fields(type), canCreate: product.canCreate, advancedSearch: product.advancedSearch })),
      };
    },
    getSearchableFields: async (req: Req) => ({ fields: product.advancedSearch ? erp.fields(supported(req)) : [] }),
    getActors: async (req: Req) => ({ actors: erp.get(dataset(req), supported(req), req.body.keys as string[]) }),
    searchActors: async (req: Req) => {
      const b = req.body as Body & { text?: string; parentKey?: string | null; restrictions?: never[]; cursor?: string | null; limit?: number };
      try {
        return erp.search(dataset(req), supported(req), b);
      } catch (error) {
        // The simulator's own query checks speak the sync service's problems; here they are the ERP's.
        const e = error as { body?: { status: number; code: string; detail?: string; field?: string } };
        if (e.body) throw new ConnectorProblem(e.body.status, e.body.code, e.body.detail ?? e.body.code, e.body.field);
        throw error;
      }
    },
    createActor: async (req: Req, reply: FastifyReply) => {
      if (!product.canCreate) throw new ConnectorProblem(403, 'create-not-allowed', 'This ERP does not allow creating actors');
      const b = req.body as Body & { values: Values; parentKey?: string | null };
      reply.code(201);
      return { actor: erp.create(dataset(req), supported(req), b.values, b.parentKey ?? null) };
    },
    saveActors: async (req: Req) => {
      const b = req.body as Body & { actors: { erpKey: string; lastModified?: string; values: Values }[] };
      return { actors: erp.update(dataset(req), supported(req), b.actors) };
    },
    getChangedActors: async (req: Req) => {
      const b = req.body as Body & { since: string; cursor?: string | null; limit?: number };
      return erp.changedSince(dataset(req), supported(req), b.since, b.cursor ?? null, b.limit ?? 200);
    },
    getList: async (req: Req) => {
      erp.dataset(kind, req.body.config);
      return { items: erp.list(String(req.body.listName)) };
    },
  };
}
