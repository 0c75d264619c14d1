// The Tryton sync connector as an HTTP service speaking connectors/protocol.yaml.
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import type { ActorType, Restriction } from '../../src/model/types.js';
import { ACTOR_FIELDS, ACTOR_TYPES, CONFIG_FIELDS } from './fields.js';
import { onlyFields } from '../only-fields.js';
import { ConnectorProblem } from '../problem.js';
import { TrytonErp, type Config, type Values } from './erp.js';

const PROTOCOL = fileURLToPath(new URL('../protocol.yaml', import.meta.url));

type Body = { config: Config; actorType: ActorType } & Record<string, unknown>;
type Req = FastifyRequest<{ Body: Body }>;

/** `logger`: Fastify's; by default only the connector's own faults (answered 500) are logged. */
export async function buildTrytonConnector(options: { logger?: boolean | { level: string } } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: 'error' },
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allowUnionTypes: true, strict: false } },
  });
  const erp = new TrytonErp();
  app.setErrorHandler((error: Error & { validation?: unknown }, req, reply) => {
    if (error instanceof ConnectorProblem) return problem(reply, error.status, error.code, error.message, error.field);
    if (error.validation) return problem(reply, 400, 'invalid-request', error.message);
    req.log.error(error);
    return problem(reply, 500, 'internal-error', 'The Tryton connector failed');
  });
  await app.register(openapiGlue, { specification: PROTOCOL, serviceHandlers: handlers(erp) });
  return app;
}

function problem(reply: FastifyReply, status: number, code: string, detail: string, field?: string) {
  return reply.code(status).type('application/problem+json').send({ type: 'about:blank', title: code, status, code, detail, ...(field ? { field } : {}) });
}

function supported(req: Req): ActorType {
  if (!ACTOR_TYPES.includes(req.body.actorType)) throw new ConnectorProblem(422, 'actor-type-not-supported', `No ${req.body.actorType} in the Tryton connector`);
  return req.body.actorType;
}

function handlers(erp: TrytonErp) {
  return {
    describe: async () => ({ name: 'Tryton Sync Connector', version: '1.0', protocol: 1 }),
    getConfigFields: async () => ({ fields: CONFIG_FIELDS }),
    testConfig: async (req: Req) => erp.test(req.body.config),
    getActorTypes: async (req: Req) => {
      return { actorTypes: (await erp.actorTypes(req.body.config)).map((type) => ({ type, fields: ACTOR_FIELDS[type], canCreate: true, advancedSearch: true })) };
    },
    getSearchableFields: async (req: Req) => ({ fields: (ACTOR_FIELDS[supported(req)] ?? []).filter((f) => f.key !== 'customer') }),
    getActors: async (req: Req) => ({ actors: await erp.get(req.body.config, supported(req), req.body.keys as string[]) }),
    searchActors: async (req: Req) => {
      const b = req.body as Body & { text?: string; parentKey?: string | null; restrictions?: Restriction[]; cursor?: string | null; limit?: number; fields?: string[] };
      const type = supported(req);
      if (b.parentKey && type !== 'person') throw new ConnectorProblem(422, 'parent-not-supported', `A ${type} in Tryton has no parent to search under`);
      const page = await erp.search(b.config, type, b);
      return { ...page, actors: page.actors.map((a) => onlyFields(a, b.fields)) };
    },
    createActor: async (req: Req, reply: FastifyReply) => {
      const b = req.body as Body & { values: Values; parentKey?: string | null };
      const actor = await erp.create(b.config, supported(req), b.values, b.parentKey ?? null);
      reply.code(201);
      return { actor };
    },
    saveActors: async (req: Req) => {
      const b = req.body as Body & { actors: { erpKey: string; lastModified?: string; values: Values }[] };
      return { actors: await erp.save(b.config, supported(req), b.actors) };
    },
    getChangedActors: async (req: Req) => {
      const b = req.body as Body & { since: string; cursor?: string | null; limit?: number };
      return erp.changedSince(b.config, supported(req), b.since, b.cursor ?? null, b.limit ?? 200);
    },
    getList: async (req: Req) => ({ items: await erp.list(req.body.config, String(req.body.listName)) }),
  };
}
