#!/usr/bin/env node
// Checks api/openapi.yaml's own rules, beyond what openapi-typescript and the generated checks need:
// it parses, every $ref resolves, operationIds are unique, path parameters are declared and required,
// every operation is tagged end-user or admin as its path says, error answers are problem+json, every
// operation that is not a GET requires an Idempotency-Key, discriminators match their variants.
// The client, the types and the runtime checks cannot drift from the spec: they are generated from
// it (scripts/generate-api.mjs) and type-checked against it.
// Usage: node scripts/check-openapi.mjs [--root <project dir>]   (exit code 1 on any mismatch)

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
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const errors = [];
const fail = (where, message) => errors.push(`${where}: ${message}`);
const read = (file) => readFileSync(join(ROOT, file), 'utf8');
const setEq = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
const fmt = (s) => `[${[...s].sort().join(', ')}]`;

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
    if (method !== 'get' && params.get('header:idempotency-key')?.required !== true)
      fail(at, 'an operation that is not a GET needs a required Idempotency-Key header');
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

report();

function report(earlyOnly = false) {
  if (errors.length) {
    console.error(`check-openapi: ${errors.length} problem(s) in ${SPEC_FILE}:`);
    for (const e of errors) console.error(`  - ${e}`);
    process.exit(1);
  }
  if (earlyOnly) return;
  console.log(`check-openapi: ${SPEC_FILE} OK — ${operations.size} operations, ${refCount} $refs resolve, ${Object.keys(schemas).length} schemas.`);
}
