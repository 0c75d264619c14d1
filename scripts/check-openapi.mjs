#!/usr/bin/env node
// Checks api/openapi.yaml:
//  1. structure: it parses, every $ref resolves, operationIds are unique, path parameters are declared;
//  2. against the REST client (src/backend/rest-backend.ts): every `this.request<T>(METHOD, path, spec)`
//     call is the operation whose operationId is the enclosing method's name, with the same method, path
//     template, query parameters, If-Match / Idempotency-Key headers, request body and response;
//     every operation that is not a GET has a required Idempotency-Key header; and every operation
//     has a client method;
//  3. against the domain types (src/model/types.ts): every JSON type has a schema of the same name with
//     the same properties, the same `required` list, the same enum values and nullability.
// Usage: node scripts/check-openapi.mjs [--root <project dir>]   (exit code 1 on any mismatch)
// Needs the `yaml` package.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let parseDocument;
try {
  ({ parseDocument } = await import('yaml'));
} catch {
  console.error('check-openapi: the "yaml" package is missing; run `npm install --save-dev yaml@^2.9.1`.');
  process.exit(1);
}

const rootArg = process.argv.indexOf('--root');
const ROOT =
  rootArg > 0 ? resolve(process.argv[rootArg + 1]) : resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SPEC_FILE = 'api/openapi.yaml';
const CLIENT_FILE = 'src/backend/rest-backend.ts';
const TYPES_FILE = 'src/model/types.ts';

/** types.ts name -> schema name, where they differ. */
const SCHEMA_ALIASES = { ProblemBody: 'Problem' };
/** types.ts types that are not JSON shapes (no schema expected). */
const NOT_JSON = { WriteOptions: 'sent as If-Match / Idempotency-Key headers' };
/** Generic types.ts interfaces -> the schemas that instantiate them. */
const GENERIC_INSTANCES = { Page: ['HistoryEventPage'] };

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const WRITE_HEADERS = ['if-match', 'idempotency-key'];
const STRING_LITERAL = /^(['"])([^'"]*)\1$/;

const errors = [];
const fail = (where, message) => errors.push(`${where}: ${message}`);
const read = (file) => readFileSync(join(ROOT, file), 'utf8');
const setEq = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
const fmt = (s) => `[${[...s].sort().join(', ')}]`;
const diff = (a, b) => [...a].filter((x) => !b.has(x)).sort();

// =============================================================================================
// 1. Structure
// =============================================================================================

const doc = parseDocument(read(SPEC_FILE), { prettyErrors: true, uniqueKeys: true });
if (doc.errors.length) {
  for (const e of doc.errors) fail(SPEC_FILE, `YAML: ${e.message}`);
  report();
}
for (const w of doc.warnings) fail(SPEC_FILE, `YAML: ${w.message}`);
const spec = doc.toJS();

if (typeof spec !== 'object' || spec === null) fail(SPEC_FILE, 'not a YAML mapping');
if (!/^3\.1\.\d+$/.test(String(spec.openapi))) fail(SPEC_FILE, `openapi must be 3.1.x, is ${spec.openapi}`);
if (!spec.info?.title || !spec.info?.version) fail(SPEC_FILE, 'info.title and info.version are required');
if (!spec.paths || typeof spec.paths !== 'object') fail(SPEC_FILE, 'paths missing');
if (!spec.servers?.some((s) => s.url === '/api/erp')) fail(SPEC_FILE, 'servers must include /api/erp');
report(true);

function pointer(ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
  let node = spec;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}
/** Follows $ref chains. */
function deref(node, where = '') {
  const seen = new Set();
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) {
      fail(where, `$ref cycle at ${node.$ref}`);
      return undefined;
    }
    seen.add(node.$ref);
    node = pointer(node.$ref);
  }
  return node;
}

// Every $ref (and every discriminator mapping target) resolves, and is local.
let refCount = 0;
(function walk(node, path) {
  if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${path}/${i}`));
  if (node === null || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref') {
      refCount++;
      if (typeof v !== 'string' || !v.startsWith('#/')) fail(path, `$ref must be a local "#/..." reference: ${v}`);
      else if (pointer(v) === undefined) fail(path, `$ref does not resolve: ${v}`);
    } else if (k === 'discriminator' && v?.mapping) {
      for (const [name, target] of Object.entries(v.mapping))
        if (pointer(target) === undefined) fail(path, `discriminator mapping "${name}" does not resolve: ${target}`);
    }
    if (k !== 'example' && k !== 'examples') walk(v, `${path}/${k}`);
  }
})(spec, '#');

const declaredTags = new Set((spec.tags ?? []).map((t) => t.name));
for (const t of ['end-user', 'admin']) if (!declaredTags.has(t)) fail(SPEC_FILE, `tag "${t}" is not declared`);

/** operationId -> { method, path, op, params } */
const operations = new Map();
const templates = new Map();
for (const [path, item] of Object.entries(spec.paths ?? {})) {
  const where = `paths["${path}"]`;
  if (!path.startsWith('/')) fail(where, 'a path must start with "/"');
  const shape = path.replace(/\{[^}]+\}/g, '{}');
  if (templates.has(shape)) fail(where, `same template as "${templates.get(shape)}"`);
  templates.set(shape, path);
  const templateNames = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  if (new Set(templateNames).size !== templateNames.length) fail(where, 'a path parameter name repeats');

  const pathLevel = (item.parameters ?? []).map((p) => deref(p, where));
  for (const method of HTTP_METHODS) {
    const op = item[method];
    if (!op) continue;
    const at = `${method.toUpperCase()} ${path}`;
    // parameters: operation level overrides path level by (name, in)
    const params = new Map();
    for (const p of [...pathLevel, ...(op.parameters ?? []).map((p) => deref(p, at))]) {
      if (!p || !p.name || !p.in) {
        fail(at, 'a parameter lacks name or in');
        continue;
      }
      const key = `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
      if (params.has(key) && op.parameters?.some((q) => deref(q) === params.get(key)))
        fail(at, `parameter ${p.name} (${p.in}) declared twice`);
      params.set(key, p);
      if (!p.schema && !p.content) fail(at, `parameter ${p.name} has no schema`);
    }
    const pathParams = [...params.values()].filter((p) => p.in === 'path');
    for (const name of templateNames)
      if (!pathParams.some((p) => p.name === name)) fail(at, `path parameter {${name}} is not declared`);
    for (const p of pathParams) {
      if (!templateNames.includes(p.name)) fail(at, `path parameter "${p.name}" is not in the path`);
      if (p.required !== true) fail(at, `path parameter "${p.name}" must be required: true`);
    }
    if (!op.operationId) fail(at, 'operationId missing');
    else if (operations.has(op.operationId))
      fail(at, `operationId "${op.operationId}" also used by ${operations.get(op.operationId).at}`);
    else operations.set(op.operationId, { method: method.toUpperCase(), path, op, params, at });
    if (!op.tags?.length) fail(at, 'no tags');
    for (const t of op.tags ?? []) if (!declaredTags.has(t)) fail(at, `tag "${t}" is not declared`);
    const wantTag = path.startsWith('/admin/') ? 'admin' : 'end-user';
    if (!op.tags?.includes(wantTag)) fail(at, `should be tagged "${wantTag}"`);
    const codes = Object.keys(op.responses ?? {});
    if (!codes.some((c) => /^2\d\d$/.test(c))) fail(at, 'no 2xx response');
    for (const c of codes) {
      const r = deref(op.responses[c], at);
      if (!r?.description) fail(at, `response ${c} has no description`);
      if (/^[45]\d\d$/.test(c) && !r?.content?.['application/problem+json'])
        fail(at, `error response ${c} must be application/problem+json`);
    }
    if (op.requestBody && !deref(op.requestBody)?.content?.['application/json'])
      fail(at, 'request body must be application/json');
  }
}

// Schemas: `required` names exist; discriminators match their variants.
const schemas = spec.components?.schemas ?? {};
for (const [name, schema] of Object.entries(schemas)) {
  (function walk(s, where) {
    if (!s || typeof s !== 'object') return;
    if (Array.isArray(s.required) && s.properties)
      for (const r of s.required) if (!(r in s.properties)) fail(where, `required "${r}" is not a property`);
    if (s.discriminator) {
      const prop = s.discriminator.propertyName;
      const variants = s.oneOf ?? s.anyOf ?? [];
      const consts = new Set();
      for (const v of variants) {
        const vs = deref(v);
        if (!vs?.required?.includes(prop)) fail(where, `variant ${v.$ref ?? '?'} does not require "${prop}"`);
        const c = vs?.properties?.[prop]?.const;
        if (c === undefined) fail(where, `variant ${v.$ref ?? '?'} has no const "${prop}"`);
        else {
          consts.add(c);
          if (s.discriminator.mapping && s.discriminator.mapping[c] !== v.$ref)
            fail(where, `discriminator mapping "${c}" should be ${v.$ref}`);
        }
      }
      if (s.discriminator.mapping && !setEq(new Set(Object.keys(s.discriminator.mapping)), consts))
        fail(where, `discriminator mapping keys ${fmt(Object.keys(s.discriminator.mapping))} != ${fmt(consts)}`);
    }
    for (const [k, v] of Object.entries(s)) {
      if (k === 'properties') for (const [p, ps] of Object.entries(v)) walk(ps, `${where}.${p}`);
      else if (['items', 'additionalProperties'].includes(k)) walk(v, `${where}[${k}]`);
      else if (['oneOf', 'anyOf', 'allOf'].includes(k)) v.forEach((x, i) => walk(x, `${where}.${k}[${i}]`));
    }
  })(schema, `schemas.${name}`);
}

// =============================================================================================
// 2. Against the REST client
// =============================================================================================

const client = read(CLIENT_FILE);

/** Index after the string literal starting at i. */
function skipString(src, i) {
  const q = src[i];
  for (i++; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === q) return i + 1;
    else if (q === '`' && c === '$' && src[i + 1] === '{') i = matchClose(src, i + 1);
  }
  throw new Error('unterminated string');
}
/** Index of the bracket closing the one at i. */
function matchClose(src, i) {
  let depth = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(src, i);
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      i = src.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      i = src.indexOf('*/', i) + 2;
      continue;
    }
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth === 0) return i;
    i++;
  }
  throw new Error(`unbalanced bracket at ${i}`);
}
/** Splits at top-level commas (or another separator). */
function splitTop(text, sep = ',') {
  const parts = [];
  let start = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') i = skipString(text, i);
    else if ('([{'.includes(c)) i = matchClose(text, i) + 1;
    else if (c === '<') {
      // type arguments: skip to the matching '>'
      let depth = 0;
      for (; i < text.length; i++) {
        if (text[i] === '<') depth++;
        else if (text[i] === '>' && text[i - 1] !== '=' && --depth === 0) break;
      }
      i++;
    } else if (c === sep) {
      parts.push(text.slice(start, i));
      start = ++i;
    } else i++;
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}
/** `{ a, b: x, 'C-d': y, ...o }` -> Map(key -> value text | null) (spreads left out). */
function objectKeys(text) {
  const t = text.trim();
  if (!t.startsWith('{') || !t.endsWith('}')) return undefined;
  const out = new Map();
  for (const part of splitTop(t.slice(1, -1).replace(/;/g, ','))) {
    if (part.startsWith('...')) continue;
    const m = /^(['"]?)([\w-]+)\1\s*(\?)?\s*(?::\s*([\s\S]*))?$/.exec(part);
    if (m) out.set(m[2], { value: m[4] ?? null, optional: !!m[3] });
  }
  return out;
}

// Helpers like `const entityPath = (e: EntityKey) => \`/entities/${enc(e.type)}/${enc(e.id)}\``
const pathHelpers = new Map();
const headerHelpers = new Map();
for (const m of client.matchAll(/^const (\w+) = \(([^)]*)\)(?:\s*:\s*[^=]+)?\s*=>\s*/gm)) {
  const rest = client.slice(m.index + m[0].length);
  if (rest.startsWith('`')) pathHelpers.set(m[1], rest.slice(0, skipString(rest, 0)));
  else if (rest.startsWith('({')) headerHelpers.set(m[1], objectKeys(rest.slice(1, matchClose(rest, 1) + 1)));
}
const encName = /^const (\w+) = encodeURIComponent;/m.exec(client)?.[1];

/** A path expression (string or template literal) -> a template with `{}` for every parameter. */
function normalizePath(expr, where) {
  const q = expr[0];
  if (q === "'" || q === '"') return expr.slice(1, -1);
  if (q !== '`') {
    fail(where, `path is not a literal: ${expr}`);
    return expr;
  }
  let out = '';
  for (let i = 1; i < expr.length - 1; ) {
    if (expr[i] === '$' && expr[i + 1] === '{') {
      const end = matchClose(expr, i + 1);
      const inner = expr.slice(i + 2, end).trim();
      const call = /^(\w+)\(([\s\S]*)\)$/.exec(inner);
      if (call && call[1] === encName) out += '{}';
      else if (call && pathHelpers.has(call[1])) out += normalizePath(pathHelpers.get(call[1]), where);
      else fail(where, `cannot turn \${${inner}} into a path template (wrap values in ${encName ?? 'enc'}())`);
      i = end + 1;
    } else out += expr[i++];
  }
  return out;
}

// Methods of the client classes (RestBackend, and RestAdminBackend for the administration) and their
// parameter lists.
const methods = [];
const classes = [...client.matchAll(/export class (RestBackend|RestAdminBackend)\b/g)];
if (!classes.some((c) => c[1] === 'RestBackend')) fail(CLIENT_FILE, 'class RestBackend not found');
for (const c of classes) {
  const classStart = c.index;
  const classEnd = matchClose(client, client.indexOf('{', classStart));
  for (const m of client.slice(classStart, classEnd).matchAll(/^ {2}(?:async\s+)?([A-Za-z_]\w*)\s*\(/gm)) {
    const open = classStart + m.index + m[0].length - 1;
    const params = new Map();
    for (const p of splitTop(client.slice(open + 1, matchClose(client, open)))) {
      const pm = /^(?:(?:private|public|protected|readonly)\s+)*(\w+)(\?)?\s*:\s*([\s\S]+)$/.exec(p);
      if (pm) params.set(pm[1], { optional: !!pm[2], type: pm[3].trim() });
    }
    methods.push({ name: m[1], index: classStart + m.index, params });
  }
}

const calls = [];
for (const m of client.matchAll(/this\.request\s*</g)) {
  const at = m.index;
  const method = [...methods].reverse().find((x) => x.index < at);
  let i = at + m[0].length - 1;
  let depth = 0;
  for (; i < client.length; i++) {
    if (client[i] === '<') depth++;
    else if (client[i] === '>' && client[i - 1] !== '=' && --depth === 0) break;
  }
  const typeArg = client.slice(at + m[0].length, i).trim();
  const open = client.indexOf('(', i);
  const args = splitTop(client.slice(open + 1, matchClose(client, open)));
  calls.push({ method, typeArg, args, line: client.slice(0, at).split('\n').length });
}

const schemaName = (tsName) => SCHEMA_ALIASES[tsName] ?? tsName;
const refName = (s) => (typeof s?.$ref === 'string' ? s.$ref.replace('#/components/schemas/', '') : undefined);

/** Does `schema` have the shape of the TypeScript type text `ts`? Returns a complaint or undefined. */
function shapeMismatch(ts, schema) {
  ts = ts.trim();
  if (!schema) return 'no schema';
  const arr = /^([\w]+)\[\]$/.exec(ts);
  if (arr) {
    if (schema.type !== 'array') return `expected an array of ${arr[1]}`;
    return refName(schema.items) === schemaName(arr[1])
      ? undefined
      : `expected items $ref ${schemaName(arr[1])}, got ${refName(schema.items) ?? 'inline'}`;
  }
  const generic = /^(\w+)<(\w+)>$/.exec(ts);
  if (generic) {
    const want = `${generic[2]}${generic[1]}`;
    return refName(schema) === want ? undefined : `expected $ref ${want}, got ${refName(schema) ?? 'inline'}`;
  }
  if (/^\w+$/.test(ts))
    return refName(schema) === schemaName(ts)
      ? undefined
      : `expected $ref ${schemaName(ts)}, got ${refName(schema) ?? 'inline'}`;
  const keys = objectKeys(ts);
  if (keys) {
    const resolved = deref(schema);
    const have = new Set(Object.keys(resolved?.properties ?? {}));
    if (!setEq(have, new Set(keys.keys()))) return `expected properties ${fmt(keys.keys())}, got ${fmt(have)}`;
    for (const [k, v] of keys) {
      if (v.value && !/^\w+$/.test(v.value.trim())) {
        const m = shapeMismatch(v.value, resolved.properties[k]);
        if (m) return `${k}: ${m}`;
      }
    }
    return undefined;
  }
  return undefined; // anything fancier is not checked
}

const seenOps = new Set();
for (const call of calls) {
  const name = call.method?.name ?? '?';
  const where = `${CLIENT_FILE}:${call.line} ${name}()`;
  if (call.args.length < 2) {
    fail(where, 'request() needs a method and a path');
    continue;
  }
  const httpMethod = call.args[0].replace(/^['"]|['"]$/g, '');
  const template = normalizePath(call.args[1], where);
  const specArg = call.args[2] ?? '';
  const specKeys = objectKeys(specArg) ?? new Map();
  const op = operations.get(name);
  if (!op) {
    fail(where, `no operation with operationId "${name}" (client sends ${httpMethod} ${template})`);
    continue;
  }
  if (seenOps.has(name)) fail(where, `a second request() call in ${name}()`);
  seenOps.add(name);
  const at = `${name} (${op.at})`;

  if (op.method !== httpMethod) fail(at, `method: spec ${op.method}, client ${httpMethod}`);
  const specShape = op.path.replace(/\{[^}]+\}/g, '{}');
  if (specShape !== template) fail(at, `path: spec ${op.path}, client ${template.replace(/\{\}/g, '{…}')}`);

  // query parameters
  const clientQuery = objectKeys(specKeys.get('query')?.value ?? '{}') ?? new Map();
  const specQuery = [...op.params.values()].filter((p) => p.in === 'query');
  const specQueryNames = new Set(specQuery.map((p) => p.name));
  if (!setEq(new Set(clientQuery.keys()), specQueryNames))
    fail(at, `query parameters: spec ${fmt(specQueryNames)}, client ${fmt(clientQuery.keys())}`);
  for (const p of specQuery) {
    if (!clientQuery.has(p.name)) continue;
    const value = clientQuery.get(p.name).value ?? p.name;
    const param = call.method.params.get(value.trim());
    if (!param) continue;
    const optional = param.optional || /\bnull\b|\bundefined\b/.test(param.type);
    if (optional === (p.required === true))
      fail(at, `query "${p.name}" is ${optional ? 'optional' : 'always sent'} by the client but required: ${p.required ?? false}`);
  }

  // If-Match / Idempotency-Key
  const headersExpr = specKeys.get('headers')?.value?.trim();
  let clientHeaders = new Set();
  if (headersExpr) {
    const helper = /^(\w+)\(/.exec(headersExpr);
    const keys = helper ? headerHelpers.get(helper[1]) : objectKeys(headersExpr);
    if (!keys) fail(at, `cannot read the headers ${headersExpr}`);
    else clientHeaders = new Set([...keys.keys()].map((h) => h.toLowerCase()));
  }
  const specHeaders = new Set(
    [...op.params.values()].filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()),
  );
  for (const h of WRITE_HEADERS) {
    if (clientHeaders.has(h) !== specHeaders.has(h))
      fail(at, `header ${h}: ${clientHeaders.has(h) ? 'sent by the client but not in the spec' : 'in the spec but not sent'}`);
  }
  if (specHeaders.has('if-match') && !op.op.responses?.['409']) fail(at, 'If-Match route without a 409 response');
  // Issue #7: every write (every method but GET) carries an Idempotency-Key, so a retry is applied once.
  if (op.method !== 'GET' && !specHeaders.has('idempotency-key'))
    fail(at, `${op.method} without an Idempotency-Key header (every request that is not a GET needs one)`);
  if (specHeaders.has('idempotency-key')) {
    const key = [...op.params.values()].find((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');
    if (key?.required !== true) fail(at, 'the Idempotency-Key header should be required: true');
  }

  // request body
  const body = specKeys.get('body');
  const requestBody = deref(op.op.requestBody);
  if (body && !requestBody) fail(at, 'the client sends a body, the spec has no requestBody');
  if (!body && requestBody) fail(at, 'the spec has a requestBody, the client sends none');
  if (body && requestBody) {
    if (requestBody.required !== true) fail(at, 'requestBody should be required: true');
    const schema = requestBody.content?.['application/json']?.schema;
    const value = body.value?.trim() ?? 'body';
    const ts = /^\w+$/.test(value) ? call.method.params.get(value)?.type : value;
    const m = ts && shapeMismatch(ts, schema);
    if (m) fail(at, `request body: ${m}`);
  }

  // response
  const ok = Object.entries(op.op.responses ?? {}).filter(([c]) => /^2\d\d$/.test(c));
  if (call.typeArg === 'void') {
    if (ok.length !== 1 || ok[0][0] !== '204') fail(at, 'the client expects no body: the only 2xx should be 204');
  } else {
    const withBody = ok.filter(([, r]) => deref(r)?.content?.['application/json']);
    if (withBody.length !== 1) fail(at, `expected exactly one 2xx response with application/json, found ${withBody.length}`);
    else {
      const m = shapeMismatch(call.typeArg, deref(withBody[0][1]).content['application/json'].schema);
      if (m) fail(at, `response ${withBody[0][0]}: ${m}`);
    }
  }
}
for (const [id, op] of operations)
  if (!seenOps.has(id)) fail(op.at, `operationId "${id}" has no RestBackend method calling it`);

// =============================================================================================
// 3. Against the domain types
// =============================================================================================

const types = read(TYPES_FILE).replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
const aliases = new Map();
const interfaces = new Map();
for (const m of types.matchAll(/export type (\w+)\s*=/g)) {
  let i = m.index + m[0].length;
  let end = i;
  for (; end < types.length && types[end] !== ';'; end++) if ('([{'.includes(types[end])) end = matchClose(types, end);
  aliases.set(m[1], splitTop(types.slice(i, end), '|'));
}
for (const m of types.matchAll(/export interface (\w+)(?:<[^>]*>)?\s*\{/g)) {
  const open = m.index + m[0].length - 1;
  interfaces.set(m[1], objectKeys(types.slice(open, matchClose(types, open) + 1)));
}

function tsAllowsNull(ts, seen = new Set()) {
  return splitTop(ts, '|').some(
    (p) => p === 'null' || (aliases.has(p) && !seen.has(p) && (seen.add(p), aliases.get(p).some((x) => tsAllowsNull(x, seen)))),
  );
}
function schemaAllowsNull(s, seen = new Set()) {
  if (!s || typeof s !== 'object' || seen.has(s)) return false;
  seen.add(s);
  if (s.$ref) return schemaAllowsNull(pointer(s.$ref), seen);
  if (s.type === 'null' || (Array.isArray(s.type) && s.type.includes('null')) || s.const === null) return true;
  return [...(s.oneOf ?? []), ...(s.anyOf ?? [])].some((x) => schemaAllowsNull(x, seen));
}
function checkObject(where, props, schema) {
  if (!schema) return fail(where, 'schema missing');
  const have = new Set(Object.keys(schema.properties ?? {}));
  const want = new Set(props.keys());
  if (!setEq(have, want))
    fail(where, `properties differ: missing ${fmt(diff(want, have))}, extra ${fmt(diff(have, want))}`);
  const required = new Set(schema.required ?? []);
  const wantRequired = new Set([...props].filter(([, v]) => !v.optional).map(([k]) => k));
  if (!setEq(required, wantRequired))
    fail(where, `required: spec ${fmt(required)}, types.ts ${fmt(wantRequired)}`);
  for (const [k, v] of props) {
    const ps = schema.properties?.[k];
    if (!ps || !v.value) continue;
    if (tsAllowsNull(v.value) !== schemaAllowsNull(ps))
      fail(`${where}.${k}`, `types.ts ${tsAllowsNull(v.value) ? 'allows' : 'forbids'} null, the schema does not agree`);
    if (/^\w+\[\]$/.test(v.value.trim()) && deref(ps)?.type !== 'array') fail(`${where}.${k}`, 'should be an array');
    if (/^Record</.test(v.value.trim()) && !deref(ps)?.additionalProperties)
      fail(`${where}.${k}`, 'a Record should be an object with additionalProperties');
    const lit = STRING_LITERAL.exec(v.value.trim());
    if (lit && ps.const !== lit[2]) fail(`${where}.${k}`, `should be const "${lit[2]}"`);
  }
}

let typeCount = 0;
for (const [name, props] of interfaces) {
  if (NOT_JSON[name]) continue;
  typeCount++;
  for (const target of GENERIC_INSTANCES[name] ?? [schemaName(name)]) {
    const where = `schemas.${target} (types.ts ${name})`;
    if (!schemas[target]) fail(where, 'no component schema');
    else checkObject(where, props, schemas[target]);
  }
}
for (const [name, parts] of aliases) {
  if (NOT_JSON[name]) continue;
  typeCount++;
  const where = `schemas.${schemaName(name)} (types.ts ${name})`;
  const schema = schemas[schemaName(name)];
  if (!schema) {
    fail(where, 'no component schema');
    continue;
  }
  if (parts.every((p) => STRING_LITERAL.test(p))) {
    const want = new Set(parts.map((p) => p.slice(1, -1)));
    if (schema.type !== 'string' || !Array.isArray(schema.enum)) fail(where, 'should be a string enum');
    else if (!setEq(new Set(schema.enum), want)) fail(where, `enum: spec ${fmt(schema.enum)}, types.ts ${fmt(want)}`);
  } else if (parts.every((p) => p.startsWith('{'))) {
    const variants = parts.map(objectKeys);
    const disc = [...variants[0].keys()].find((k) => variants.every((v) => STRING_LITERAL.test(v.get(k)?.value ?? '')));
    if (!disc) {
      fail(where, 'types.ts union has no discriminating property');
      continue;
    }
    if (!schema.oneOf || schema.discriminator?.propertyName !== disc)
      fail(where, `should be a oneOf with discriminator.propertyName "${disc}"`);
    for (const v of variants) {
      const value = v.get(disc).value.slice(1, -1);
      const target = schema.discriminator?.mapping?.[value];
      if (!target) fail(where, `discriminator mapping has no "${value}"`);
      else checkObject(`${where} variant "${value}"`, v, pointer(target));
    }
  } else if (tsAllowsNull(parts.join('|')) !== schemaAllowsNull(schema)) {
    fail(where, 'nullability differs from types.ts');
  }
}

// =============================================================================================

report();

function report(earlyOnly = false) {
  if (errors.length) {
    console.error(`check-openapi: ${errors.length} problem(s) in ${SPEC_FILE}:`);
    for (const e of errors) console.error(`  - ${e}`);
    process.exit(1);
  }
  if (earlyOnly) return;
  console.log(
    `check-openapi: ${SPEC_FILE} OK — ${operations.size} operations match ${calls.length} RestBackend calls, ` +
      `${refCount} $refs resolve, ${typeCount} types.ts types match ${Object.keys(schemas).length} schemas.`,
  );
}
