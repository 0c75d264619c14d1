// Idempotency-Key end to end (REST client -> msw -> simulated ERP): a replayed write answers like the
// first one and is applied once, a lost answer retried with the same key does not apply twice, two
// intents (two keys) apply twice, and one key cannot be reused for another request.
import { expect } from '@open-wc/testing';
import { configure } from '../../src/backend/config.js';
import { RestAdminBackend } from '../../src/backend/rest-backend.js';
import { useSimulator } from '../helpers/sim.js';
import { rejection } from '../helpers/problems.js';


describe('Idempotency-Key on every write (simulated ERP over HTTP)', () => {
  const sim = useSimulator();
  const api = new RestAdminBackend();
  afterEach(() => configure({ fetch: undefined }));

  it('addConnector: the same key adds once and answers the same; a new key adds again', async () => {
    const input = { name: 'Replay', url: 'https://replay.example/sync' };
    const first = await api.addConnector(input, { idempotencyKey: 'k-add' });
    const replay = await api.addConnector(input, { idempotencyKey: 'k-add' });
    expect(replay).to.deep.equal(first);
    expect(sim().listConnectors().filter((c) => c.name === 'Replay')).to.have.length(1);
    // A second intent with the same name is a real second request (and here a duplicate name).
    expect((await rejection(api.addConnector(input, { idempotencyKey: 'k-add-2' }))).code).to.equal('duplicate-name');
  });

  it('importActors: a replay does not import twice; another key imports again (as updates)', async () => {
    await api.setConnectionActive('conn-a', false);
    const request = { actorType: 'customer' as const, keys: ['100010'] };
    const first = await api.importActors('conn-a', request, { idempotencyKey: 'k-import' });
    const records = Object.keys(sim().toJSON().crm).length;
    expect(await api.importActors('conn-a', request, { idempotencyKey: 'k-import' })).to.deep.equal(first);
    expect(Object.keys(sim().toJSON().crm).length).to.equal(records);
    const again = await api.importActors('conn-a', request, { idempotencyKey: 'k-import-2' });
    expect(again.created).to.have.length(0);
    expect(again.updated).to.have.length(1);
  });

  it('saveRank: a replay after success answers the saved mapping (not 409) and bumps the version once', async () => {
    const mapping = await api.getActorTypeMapping('conn-a', 'customer');
    const order = mapping.fields.filter((f) => f.showInTab).map((f) => f.erpField.key).reverse();
    const saved = await api.saveRank('conn-a', 'customer', order, mapping.version, { idempotencyKey: 'k-rank' });
    expect(saved.version).not.to.equal(mapping.version);
    expect(await api.saveRank('conn-a', 'customer', order, mapping.version, { idempotencyKey: 'k-rank' })).to.deep.equal(saved);
    expect((await api.getActorTypeMapping('conn-a', 'customer')).version).to.equal(saved.version);
    // A new intent with the stale version is a conflict, not a silent overwrite.
    const stale = await rejection(api.saveRank('conn-a', 'customer', order, mapping.version, { idempotencyKey: 'k-rank-2' }));
    expect([stale.status, stale.code]).to.deep.equal([409, 'version-conflict']);
  });

  it('saveDefaults: a lost answer retried with the same key is applied once', async () => {
    const loaded = await api.getDefaults('conn-a', 'customer');
    const body = { ...loaded, defaults: [...loaded.defaults, { field: 'city', value: 'Berlin', askUser: false, mandatory: false }] };
    let drop = true;
    // The request reaches the ERP, but its answer is lost on the way back.
    configure({
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (drop && init?.method === 'PUT') {
          drop = false;
          throw new TypeError('Failed to fetch');
        }
        return response;
      },
    });
    expect((await rejection(api.saveDefaults('conn-a', 'customer', body, { idempotencyKey: 'k-def' }))).code).to.equal('network-error');
    const applied = sim().getDefaults('conn-a', 'customer');
    expect(applied.defaults.filter((d) => d.field === 'city')).to.have.length(1);
    const retried = await api.saveDefaults('conn-a', 'customer', body, { idempotencyKey: 'k-def' });
    expect(retried).to.deep.equal(applied);
    expect(sim().getDefaults('conn-a', 'customer').version).to.equal(applied.version);
  });

  it('saveSyncPriority and removeConnector: replays apply once; other keys are new requests', async () => {
    const [first] = await api.listConnections();
    const saved = await api.saveSyncPriority(['conn-b', 'conn-a'], first!.priorityVersion, { idempotencyKey: 'k-prio' });
    expect(await api.saveSyncPriority(['conn-b', 'conn-a'], first!.priorityVersion, { idempotencyKey: 'k-prio' })).to.deep.equal(saved);
    expect((await api.listConnections())[0]!.priorityVersion).to.equal(saved.version);

    await api.removeConnector('ctr-spare', { idempotencyKey: 'k-remove' });
    await api.removeConnector('ctr-spare', { idempotencyKey: 'k-remove' }); // the replay answers 204 again
    expect((await rejection(api.removeConnector('ctr-spare', { idempotencyKey: 'k-remove-2' }))).status).to.equal(404);
  });

  it('answers 422 idempotency-key-reused when one key is sent with another request', async () => {
    await api.updateConnector('ctr-spare', { name: 'Spare', url: 'https://spare.example/a' }, { idempotencyKey: 'k-one' });
    const problem = await rejection(
      api.updateConnector('ctr-spare', { name: 'Spare', url: 'https://spare.example/b' }, { idempotencyKey: 'k-one' }),
    );
    expect([problem.status, problem.code]).to.deep.equal([422, 'idempotency-key-reused']);
    expect(sim().listConnectors().find((c) => c.id === 'ctr-spare')!.url).to.equal('https://spare.example/a');
  });
});
