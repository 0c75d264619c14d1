// The field metadata and capabilities the service works with come from each connection's connector.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serviceTarget, type Target } from './targets.js';

let t: Target;
let proxy: Server;
let proxyUrl = '';
before(async () => {
  t = await serviceTarget('catalogue');
  const upstream = t.service!.connectorUrl!;
  // A connector whose ERP has no VAT number on customers (a field removed in the ERP).
  proxy = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const answer = await fetch(upstream + req.url, { method: req.method, headers: { 'content-type': 'application/json' }, body: req.method === 'GET' ? undefined : Buffer.concat(chunks) }).catch(() => undefined);
    // The upstream closes first at the end: answer as a connector that is gone would.
    if (!answer) return void res.writeHead(502).end();
    let text = await answer.text();
    if (req.url?.endsWith('/actor-types') && answer.ok) {
      const body = JSON.parse(text) as { actorTypes: { type: string; fields: { key: string }[] }[] };
      for (const type of body.actorTypes) if (type.type === 'customer') type.fields = type.fields.filter((f) => f.key !== 'vatNumber');
      text = JSON.stringify(body);
    }
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(text);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/contoso`;
});
after(async () => {
  await t.close();
  proxy.close();
});

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(t.apiUrl + path, {
    method,
    headers: { authorization: `Bearer ${await t.token()}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as Record<string, never>;
}
const tabFields = async () => ((await api('GET', '/entities/company/c1/erp-state')).connections as { fields: { field: { key: string } }[] }[])[0]!.fields.map((f) => f.field.key);
const searchColumns = async () => ((await api('POST', '/connections/conn-a/actor-types/customer/search', { text: 'acme' })).columns as { key: string }[]).map((c) => c.key);
const compared = async () => ((await api('POST', '/entities/company/c6/compare', { connectionId: 'conn-a', actorType: 'customer', erpKey: '100007' })).fields as { field: { key: string } }[]).map((f) => f.field.key);

describe('the connector decides the fields', () => {
  it('a field the connector stops offering leaves the tab, the search columns and the sync', async () => {
    assert.ok((await tabFields()).includes('vatNumber'));
    assert.ok((await searchColumns()).includes('vatNumber'));
    assert.ok((await compared()).includes('vatNumber'));
    const updated = await api('PUT', '/admin/connectors/ctr-contoso', { name: 'Contoso Sync Connector', url: proxyUrl });
    assert.equal(updated.url, proxyUrl);
    assert.ok(!(await tabFields()).includes('vatNumber'));
    assert.ok((await tabFields()).includes('name'), 'the other fields stay');
    assert.ok(!(await searchColumns()).includes('vatNumber'));
    assert.ok(!(await compared()).includes('vatNumber'));
  });
});
