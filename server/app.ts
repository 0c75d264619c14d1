import { fileURLToPath } from 'node:url';
import cors from '@fastify/cors';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import type { UserRecord } from '../simulated-erp/model.js';
import { erpLanguage } from '../simulated-erp/texts.js';
import { DatabaseCrm, type CrmAdapter } from './crm/adapter.js';
import { SyncService, type OpInput, type OpOutput } from './domain/operations.js';
import { createVerifier, signToken, type AuthOptions } from './http/auth.js';
import { IdempotencyKeys } from './http/idempotency.js';
import { ServiceProblem } from './http/problem.js';
import type { Db } from './storage/db.js';
import { Secrets } from './storage/secrets.js';
import { StateStore } from './storage/state.js';

const SPEC = fileURLToPath(new URL('../api/openapi.yaml', import.meta.url));
export const API_PREFIX = '/api/erp';

export interface ServiceOptions {
  db: Db;
  auth: AuthOptions;
  /** Encrypts connection configs at rest. */
  secretKey: string;
  /** Origins allowed to call from a browser (CORS). */
  corsOrigins?: string[];
  /** Request bodies above this many bytes answer 413 (default 1 MB). */
  bodyLimit?: number;
  /** Deadline of every connector call (default 10 s). */
  connectorTimeoutMs?: number;
  /** The development sign-in (`POST /dev/sign-in`), for the demo only: never in production. */
  devSignIn?: boolean;
  crm?: CrmAdapter;
  logger?: boolean;
  /** How long a running Idempotency-Key blocks a retry before it counts as abandoned. */
  idempotencyLeaseSeconds?: number;
}

// POSTs that only read or test: the contract lets a server ignore their Idempotency-Key.
const SAFE = new Set(['searchActors', 'searchActorsAdvanced', 'compare', 'testConnectorUrl', 'testConnectionConfig', 'testConnection']);

/** The sync service's HTTP app: every operation of api/openapi.yaml, routes and schemas from the spec. */
export async function buildService(options: ServiceOptions): Promise<{ app: FastifyInstance; service: SyncService; store: StateStore; crm: CrmAdapter }> {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Bodies are checked, not repaired: no type coercion, no silently dropped fields.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allowUnionTypes: true, strict: false } },
    return503OnClosing: true,
  });
  const crm = options.crm ?? new DatabaseCrm();
  const store = new StateStore(new Secrets(options.secretKey), crm);
  await store.watch(options.db);
  app.addHook('onClose', () => store.unwatch());
  const service = new SyncService(options.db, store, crm, options.connectorTimeoutMs ?? 10_000);
  const verify = createVerifier(options.auth);
  const keys = new IdempotencyKeys(options.db, options.idempotencyLeaseSeconds);
  if (options.db.kind === 'pglite') await keys.releaseAllRunning();
  const purge = setInterval(() => void keys.purge().catch(() => {}), 10 * 60_000);
  purge.unref();
  app.addHook('onClose', async () => clearInterval(purge));

  // Only JSON: text/plain and everything else answer 415.
  app.removeContentTypeParser('text/plain');

  const allowed = new Set(options.corsOrigins ?? []);
  await app.register(cors, {
    origin: (origin, cb) => cb(null, !origin || allowed.has(origin)),
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'Accept-Language', 'If-Match', 'Idempotency-Key'],
    exposedHeaders: ['ETag', 'Retry-After'],
    maxAge: 600,
  });
  // CORS only tells the browser; a request from a foreign page is refused here too.
  app.addHook('onRequest', async (req) => {
    const origin = req.headers.origin;
    if (origin && !allowed.has(origin)) throw new ServiceProblem(403, 'origin-not-allowed', 'This origin may not call the sync service');
  });

  app.setErrorHandler((error: FastifyError & { validation?: ValidationItem[]; validationContext?: string }, req, reply) => {
    if (error instanceof ServiceProblem) return send(reply, error);
    // The domain model's own problems (SimProblem) carry their answer.
    const domain = (error as { body?: ServiceProblem['body'] }).body;
    if (error.name === 'SimProblem' && domain) return reply.code(domain.status).type('application/problem+json').send(domain);
    const problem = httpProblem(error);
    if (problem.body.status >= 500) req.log.error({ err: error }, 'request failed');
    return send(reply, problem);
  });
  app.setNotFoundHandler((_req, reply) => send(reply, new ServiceProblem(404, 'not-found', 'No such resource')));

  // The spec's response schemas are for the conformance suite; answers go out as the domain made them.
  app.addHook('onRoute', (route) => {
    if (route.schema) delete (route.schema as { response?: unknown }).response;
  });

  const users = new WeakMap<FastifyRequest, UserRecord>();
  app.register(async (api) => {
    api.addHook('onRequest', async (req) => {
      // Ids are text: a NUL in the path can name no record (PostgreSQL text cannot hold it).
      if (/%00/.test(req.url)) throw new ServiceProblem(400, 'invalid-request', 'The path contains a NUL character');
      users.set(req, await verify(req.headers.authorization));
    });
    // A query string is text; bodies get no coercion (the ajv options above), so the spec's numbers in
    // a query (`?limit=500`) are read as numbers here, before validation checks their range.
    api.addHook('preValidation', async (req) => {
      const properties = (req.routeOptions.schema?.querystring as { properties?: Record<string, { type?: unknown }> } | undefined)?.properties;
      const query = req.query as Record<string, unknown>;
      for (const [name, property] of Object.entries(properties ?? {})) {
        const value = query[name];
        if ((property.type === 'integer' || property.type === 'number') && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
          query[name] = Number(value);
        }
      }
    });
    await api.register(openapiGlue, {
      specification: SPEC,
      prefix: API_PREFIX,
      operationResolver: (operationId: string) => {
        const op = service.operations[operationId];
        if (!op) throw new Error(`No handler for operation ${operationId}`);
        return async (req: FastifyRequest, reply: FastifyReply) => {
          const user = users.get(req)!;
          const status = successStatus(req);
          const input: OpInput = {
            user,
            params: req.params as Record<string, string>,
            query: req.query as Record<string, string>,
            body: req.body as never,
            ifMatch: ifMatch(req.headers['if-match']),
            lang: erpLanguage(req.headers['accept-language']),
          };
          const key = req.method !== 'GET' && !SAFE.has(operationId) ? (req.headers['idempotency-key'] as string | undefined) : undefined;
          if (!key) return answer(reply, await op(input), status);
          const fingerprint = IdempotencyKeys.fingerprint(req.method, req.url, req.body);
          const replay = await keys.begin(user.id, key, fingerprint);
          if (replay) {
            const body = replay.body === null ? undefined : (JSON.parse(replay.body) as unknown);
            return answer(reply, { body, etag: (body as { version?: string } | undefined)?.version }, status);
          }
          let remembered = false;
          input.remember = async (tx, body) => {
            remembered = true;
            await keys.remember(tx, user.id, key, body);
          };
          let out: OpOutput;
          try {
            out = await op(input);
          } catch (error) {
            await keys.release(user.id, key).catch(() => {});
            throw error;
          }
          if (!remembered) await keys.remember(options.db, user.id, key, out.body);
          return answer(reply, out, status);
        };
      },
    });
  });

  // The demo CRM's own API (the reference CRM adapter's records) and the development sign-in.
  app.get('/crm/records', async (req) => {
    await verify(req.headers.authorization);
    const records = await crm.list(options.db);
    return records.map((r) => ({ type: r.type, id: r.id, name: r.name, description: r.description ?? '' }));
  });
  if (options.devSignIn) {
    if (!options.auth.secret) throw new Error('The development sign-in needs JWT_SECRET');
    app.get('/dev/users', async () => {
      const rows = await options.db.query<{ id: string; data: { kind: string; name: string } }>('SELECT id, data FROM crm_principals ORDER BY id');
      return rows.filter((r) => r.data.kind === 'user').map((r) => ({ id: r.id, name: r.data.name, ...(DEMO_RIGHTS[r.id] ?? { licence: true, admin: false }) }));
    });
    app.post('/dev/sign-in', async (req: FastifyRequest<{ Body: { userId?: unknown } }>) => {
      const id = typeof req.body?.userId === 'string' ? req.body.userId : '';
      const [row] = await options.db.query<{ data: { kind: string; name: string; groups?: string[] } }>('SELECT data FROM crm_principals WHERE id = $1', [id]);
      if (!row || row.data.kind !== 'user') throw new ServiceProblem(404, 'user-not-found', `No demo user "${id}"`);
      const demo = DEMO_RIGHTS[id] ?? { licence: true, admin: false };
      const token = await signToken(options.auth.secret!, { id, name: row.data.name, groups: row.data.groups ?? [], ...demo });
      return { token, user: { id, name: row.data.name, ...demo } };
    });
  }
  return { app, service, store, crm };
}

/** What the demo's users may do (a host's identity provider puts these in its tokens). */
const DEMO_RIGHTS: Record<string, { licence: boolean; admin: boolean }> = {
  'u-anna': { licence: true, admin: true },
  'u-ben': { licence: true, admin: false },
  'u-eve': { licence: true, admin: false },
  'u-carl': { licence: false, admin: false },
  'u-dora': { licence: true, admin: false },
};

interface ValidationItem {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function send(reply: FastifyReply, problem: ServiceProblem) {
  return reply.code(problem.body.status).type('application/problem+json').send(problem.body);
}

/** Framework errors as problems: validation (naming the field), body size, content type, JSON syntax. */
function httpProblem(error: FastifyError & { validation?: ValidationItem[]; validationContext?: string }): ServiceProblem {
  if (error.validation?.length) {
    const v = error.validation[0]!;
    const where = error.validationContext ?? 'body';
    if (where === 'headers' && v.keyword === 'required' && v.params.missingProperty === 'if-match') {
      return new ServiceProblem(428, 'version-required', 'The If-Match header is missing');
    }
    if (where === 'headers' && v.keyword === 'required') {
      return new ServiceProblem(400, 'invalid-request', `The ${String(v.params.missingProperty)} header is missing`);
    }
    if (where === 'headers') return new ServiceProblem(400, 'invalid-request', `The ${v.instancePath.slice(1)} header ${v.message ?? 'is not valid'}`);
    const extra = v.keyword === 'additionalProperties' ? `/${String(v.params.additionalProperty)}` : v.keyword === 'required' ? `/${String(v.params.missingProperty)}` : '';
    const pointer = `${v.instancePath}${extra}`;
    const detail = v.keyword === 'additionalProperties' ? `Unknown field ${pointer}` : `${where === 'body' ? '' : `${where} `}${pointer || '/'} ${v.message ?? 'is not valid'}`;
    if (where === 'body') return new ServiceProblem(422, v.keyword === 'additionalProperties' ? 'unknown-field' : 'validation-failed', detail, pointer || '/');
    return new ServiceProblem(400, 'invalid-request', detail, pointer || undefined);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ServiceProblem(413, 'body-too-large', 'The request body is larger than the service accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ServiceProblem(415, 'unsupported-media-type', 'Send the request body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ServiceProblem(400, 'invalid-json', 'The request body is empty');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ServiceProblem(400, 'invalid-json', 'The request body is not valid JSON');
  }
  if (error.statusCode === 400) return new ServiceProblem(400, 'invalid-json', 'The request body is not valid JSON');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return new ServiceProblem(error.statusCode, 'bad-request', 'The request is not valid');
  return new ServiceProblem(500, 'internal-error', 'The sync service failed; the error is logged');
}

function ifMatch(header: string | string[] | undefined): string | null {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return null;
  const v = raw.trim().replace(/^W\//, '');
  return v.startsWith('"') && v.endsWith('"') && v.length >= 2 ? v.slice(1, -1) : v;
}

/** The operation's success status as the spec gives it (201 for the creating POSTs). */
function successStatus(req: FastifyRequest): number {
  if (req.method !== 'POST') return 200;
  const url = req.routeOptions.url ?? '';
  return /\/admin\/(connectors|connections)$/.test(url) ? 201 : /\/background\/run$/.test(url) ? 202 : 200;
}

function answer(reply: FastifyReply, out: OpOutput, status: number) {
  // Labels and list texts are in the language the request asked for.
  reply.header('Vary', 'Accept-Language');
  if (out.etag) reply.header('ETag', `"${out.etag}"`);
  if (out.body === undefined) return reply.code(204).send();
  return reply.code(out.status ?? status).type('application/json').send(JSON.stringify(out.body));
}
