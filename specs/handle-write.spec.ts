import { expect } from 'chai';
import { covers, expectStatus, handleToNewSession, meBody, memberXuids, scenario, sessionWithHandle, xuidOf } from '../harness';

type Member = { properties: { system: Record<string, unknown>; custom: Record<string, unknown> } };
const members = (body: unknown) => (body as { members: Record<string, Member> }).members;

describe('Writing a session through a handle (3.5, 4)', () => {
  it('the first member creates the session with 201 and the next joins with 200', async () => {
    covers('write.join');
    const { client } = scenario();
    const { handleId } = await handleToNewSession(['alice', 'bob']); // a handle may point at a session that does not exist yet

    const created = expectStatus(await client.putSessionByHandle(handleId, meBody({ active: true }), { as: 'alice' }), 201);
    const joined = expectStatus(await client.putSessionByHandle(handleId, meBody({ active: true }), { as: 'bob' }), 200);

    expect(created.response.headers['content-location']).to.equal(joined.response.headers['content-location']);
    expect(memberXuids(joined.body)).to.deep.equal([xuidOf('alice'), xuidOf('bob')]);
  });

  it('a member updates its own properties', async () => {
    covers('write.own-properties');
    const { handleId } = await sessionWithHandle('activity');

    const updated = expectStatus(
      await scenario().client.putSessionByHandle(handleId, meBody({ active: true }, { loadout: 'sniper' })),
      200,
    );

    expect(members(updated.body)['0'].properties.custom).to.deep.equal({ loadout: 'sniper' });
  });

  it('a member becomes ready, then active, but never both', async () => {
    covers('write.active-ready');
    const { client } = scenario();
    const { handleId } = await sessionWithHandle('invite', { members: ['alice', 'bob'], invited: 'carol' });

    const ready = expectStatus(await client.putSessionByHandle(handleId, meBody({ ready: true, active: false }), { as: 'bob' }), 200);
    expect(members(ready.body)['1'].properties.system).to.include({ ready: true, active: false });
    const active = expectStatus(await client.putSessionByHandle(handleId, meBody({ ready: false, active: true }), { as: 'bob' }), 200);
    expect(members(active.body)['1'].properties.system).to.include({ ready: false, active: true });
    expectStatus(await client.putSessionByHandle(handleId, meBody({ ready: true, active: true }), { as: 'bob' }), 400);
  });

  it('a member leaves with "me": null', async () => {
    covers('write.leave');
    const { handleId } = await sessionWithHandle('invite', { members: ['alice', 'bob'], invited: 'carol' });

    const left = expectStatus(await scenario().client.putSessionByHandle(handleId, { members: { me: null } }, { as: 'bob' }), 200);

    expect(memberXuids(left.body)).to.deep.equal([xuidOf('alice')]);
  });

  it('the last member leaving deletes the session', async () => {
    covers('write.last-leave-deletes');
    const { client } = scenario();
    const { ref, handleId } = await sessionWithHandle('invite', { invited: 'bob' });

    expectStatus(await client.putSessionByHandle(handleId, { members: { me: null } }, { as: 'alice' }), 204);

    expectStatus(await client.getSession(ref), 204);
  });
});
