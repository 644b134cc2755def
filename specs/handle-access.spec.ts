import { expect } from 'chai';
import { covers, createSession, expectStatus, handleBody, makeHandle, meBody, newSessionRef, scenario } from '../harness';

describe('Who may create and delete handles (2.1, 3.3)', () => {
  it('only an active member creates an activity handle', async () => {
    covers('access.activity-needs-active-member');
    const { client } = scenario();
    const ref = newSessionRef();
    await createSession(ref, ['alice']);

    const stranger = expectStatus(await client.createHandle(handleBody('activity', ref), { as: 'bob' }), 403);
    expect(stranger.response.text).to.include("isn't active in the referenced session");
    expectStatus(await client.putSession(ref, meBody({ active: false }), { as: 'alice' }), 200);
    expectStatus(await client.createHandle(handleBody('activity', ref), { as: 'alice' }), 403);
  });

  it('a stranger cannot invite to a private session', async () => {
    covers('access.invite-needs-member');
    const ref = newSessionRef('private');
    await createSession(ref, ['alice']);

    expectStatus(await scenario().client.createHandle(handleBody('invite', ref, { invited: 'carol' }), { as: 'bob' }), 403);
  });

  it('on a session with owners only an owner invites', async () => {
    covers('access.invite-owner-only');
    const { client } = scenario();
    const ref = newSessionRef('owned');
    await createSession(ref, ['alice'], { properties: { system: { owners: [0] } } });
    expectStatus(await client.putSession(ref, meBody({ active: true }), { as: 'bob' }), 200);

    expectStatus(await client.createHandle(handleBody('invite', ref, { invited: 'carol' }), { as: 'bob' }), 403);
    expectStatus(await client.createHandle(handleBody('invite', ref, { invited: 'carol' }), { as: 'alice' }), 201);
  });

  it("only a handle's owner deletes it, a member may delete the search handle", async () => {
    covers('access.delete-owner-only');
    const { client } = scenario();
    const ref = newSessionRef();
    await createSession(ref, ['alice', 'bob']);
    const activity = await makeHandle('activity', ref, { as: 'alice' });
    const search = await makeHandle('search', ref, { as: 'alice' });

    expectStatus(await client.deleteHandle(activity, { as: 'bob' }), 403);
    expectStatus(await client.deleteHandle(search, { as: 'carol' }), 403);
    expectStatus(await client.deleteHandle(search, { as: 'bob' }), 204);
  });
});
