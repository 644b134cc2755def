import { expect } from 'chai';
import { covers, createSession, expectStatus, memberXuids, newSessionRef, scenario, xuidOf } from '../harness';

type Parts = { properties: { custom: Record<string, unknown> }; servers?: Record<string, unknown> };

describe('Parts of a session: properties, members, servers (3.6)', () => {
  it('PUT properties updates the properties and never creates a session', async () => {
    covers('parts.properties');
    const { client } = scenario();
    const ref = newSessionRef();
    expectStatus(await client.putSessionProperties(ref, { custom: { map: 'harbour' } }), 404);
    await createSession(ref, ['alice']);

    const updated = expectStatus(await client.putSessionProperties(ref, { custom: { map: 'harbour' } }), 200);

    expect((updated.body as Parts).properties.custom).to.deep.equal({ map: 'harbour' });
    expect(memberXuids(updated.body)).to.deep.equal([xuidOf('alice')]);
  });

  it('PUT properties honours If-Match', async () => {
    covers('parts.properties-if-match');
    const { client } = scenario();
    const ref = newSessionRef();
    const created = await createSession(ref, ['alice']);
    const etag = created.response.headers.etag as string;
    expectStatus(await client.putSessionProperties(ref, { custom: { round: 1 } }, { ifMatch: etag }), 200);

    const stale = expectStatus(await client.putSessionProperties(ref, { custom: { round: 2 } }, { ifMatch: etag }), 412);

    expect((stale.body as Parts).properties.custom).to.deep.equal({ round: 1 });
  });

  it('DELETE members/me leaves; the last member leaving deletes the session', async () => {
    covers('parts.leave');
    const { client } = scenario();
    const ref = newSessionRef();
    await createSession(ref, ['alice', 'bob']);

    const bobLeft = expectStatus(await client.leaveSession(ref, { as: 'bob' }), 200);
    expectStatus(await client.leaveSession(ref, { as: 'alice' }), 204);

    expect(memberXuids(bobLeft.body)).to.deep.equal([xuidOf('alice')]);
    expectStatus(await client.getSession(ref), 204);
  });

  it('DELETE members/{index} removes a member for an owner, never for another member', async () => {
    covers('parts.remove-member');
    const { client } = scenario();
    const ref = newSessionRef('owned');
    await createSession(ref, ['alice', 'bob', 'carol']);

    expectStatus(await client.removeMember({ ...ref, index: 2 }, { as: 'bob' }), 403);
    const removed = expectStatus(await client.removeMember({ ...ref, index: 2 }, { as: 'alice' }), 200);

    expect(memberXuids(removed.body)).to.deep.equal([xuidOf('alice'), xuidOf('bob')]);
  });

  it('DELETE servers/{name} removes a server entry, for a server principal only', async () => {
    covers('parts.remove-server');
    const { client } = scenario();
    const ref = newSessionRef();
    await createSession(ref, ['alice']);
    const relay = { servers: { relay: { constants: { system: {}, custom: { region: 'west' } }, properties: { system: {}, custom: {} } } } };
    expectStatus(await client.putSession(ref, relay, { as: 'server' }), 200);

    expectStatus(await client.removeServer({ ...ref, server: 'relay' }, { as: 'alice' }), 403);
    const removed = expectStatus(await client.removeServer({ ...ref, server: 'relay' }, { as: 'server' }), 200);

    expect((removed.body as Parts).servers ?? {}).to.not.have.property('relay');
    expect(memberXuids(removed.body)).to.deep.equal([xuidOf('alice')]);
  });
});
