import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { ProblemBody } from '../src/model/types.js';
import type { Fault, Faults } from './faults.js';
import { problemBody, SimProblem } from './problems.js';
import { ROUTES, type Route, type RouteInput } from './routes.js';
import type { ErpSimulator } from './simulator.js';

export interface HandlerOptions {
  /** Where the API lives; default `/api/erp`. */
  baseUrl?: string;
  /** Fault injection; default `sim.faults`. */
  faults?: Faults;
  /** Extra latency per request: a fixed number or a [min, max] range (the demo uses ~[150, 400]; tests none). */
  latencyMs?: number | [number, number];
}

/** A latency range that feels like a real backend in the demo. */
export const DEMO_LATENCY: [number, number] = [150, 400];

export function problemResponse(body: ProblemBody): Response {
  return new HttpResponse(JSON.stringify(body), {
    status: body.status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

function faultResponse(fault: Exclude<Fault, { kind: 'latency' }>): Response {
  switch (fault.kind) {
    case 'network':
      return HttpResponse.error();
    case 'malformed':
      return new HttpResponse('{"connections": [<html>Gateway', { status: 200, headers: { 'Content-Type': 'application/json' } });
    case 'body':
      return new HttpResponse(JSON.stringify(fault.body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    case 'problem': {
      const response = problemResponse(
        problemBody(fault.status, fault.code, fault.detail ?? `Injected fault (${fault.code})`, fault.field),
      );
      for (const [k, v] of Object.entries(fault.headers ?? {})) response.headers.set(k, v);
      return response;
    }
    case 'raw': {
      const headers = new Headers(fault.headers);
      if (fault.contentType) headers.set('Content-Type', fault.contentType);
      // A 204 (or 304) must not carry a body.
      const body = fault.status === 204 || fault.status === 304 ? null : (fault.body ?? '');
      return new HttpResponse(body, { status: fault.status, headers });
    }
  }
}

function pickLatency(latency: HandlerOptions['latencyMs']): number {
  if (Array.isArray(latency)) return latency[0] + Math.random() * (latency[1] - latency[0]);
  return latency ?? 0;
}

async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SimProblem(400, 'invalid-json', 'The request body is not valid JSON');
  }
}

function handler(sim: ErpSimulator, base: string, faults: Faults, latency: HandlerOptions['latencyMs'], route: Route): HttpHandler {
  return http[route.method](base + route.path, async ({ request, params }) => {
    const gate = faults.takeHold(route.op);
    try {
      const { latencyMs, failure } = faults.take(route.op);
      if (gate) await gate.arrive();
      const wait = latencyMs + pickLatency(latency);
      if (wait > 0) await delay(wait);
      const response = failure ? faultResponse(failure) : await respond(sim, route, request, params);
      faults.served.push({ op: route.op, status: response.status });
      return response;
    } finally {
      gate?.answer();
    }
  });
}

async function respond(sim: ErpSimulator, route: Route, request: Request, params: Record<string, unknown>): Promise<Response> {
  try {
    const url = new URL(request.url);
    const text = await request.clone().text();
    const input: RouteInput = {
      sim,
      body: await readBody(request),
      param: (name) => {
        const value = params[name];
        return typeof value === 'string' ? value : '';
      },
      query: (name) => url.searchParams.get(name),
      header: (name) => {
        const value = request.headers.get(name);
        // If-Match is an entity tag: `"v3"` (the standard form) and bare `v3` name the same version.
        return name.toLowerCase() === 'if-match' && value ? value.replace(/^W\//, '').replace(/^"(.*)"$/, '$1') : value;
      },
    };
    // Every write honours its Idempotency-Key: a replayed request answers like the first, applied once.
    const keyed = route.method !== 'get' && !route.ownKey && !route.safe;
    const fingerprint = `${route.method} ${url.pathname}${url.search} ${text}`;
    const run = () => sim.speaking(request.headers.get('Accept-Language'), () => route.run(input));
    const result = keyed ? sim.once(request.headers.get('Idempotency-Key'), fingerprint, run) : run();
    if (result === undefined) return new HttpResponse(null, { status: 204 });
    return new HttpResponse(JSON.stringify(result), {
      status: route.status ?? 200,
      headers: { 'Content-Type': 'application/json' },
    });
  } catch (error) {
    if (error instanceof SimProblem) return problemResponse(error.body);
    const detail = error instanceof Error ? error.message : String(error);
    return problemResponse(problemBody(500, 'internal-error', detail));
  }
}

/** The msw handlers for the whole API, backed by `sim`. The same array serves the demo and the tests. */
export function createHandlers(sim: ErpSimulator, options: HandlerOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '/api/erp').replace(/\/$/, '');
  const faults = options.faults ?? sim.faults;
  return ROUTES.map((route) => handler(sim, base, faults, options.latencyMs, route));
}
