import { expect } from 'chai';
import {
  covers,
  createSession,
  expectStatus,
  handleBody,
  makeHandle,
  meBody,
  memberXuids,
  newSessionRef,
  scenario,
  sessionWithHandle,
  xuidOf,
} from '../harness';

describe('Invite handles (2.1)', () => {
  it('the invitee joins an open session through the invite', async () => {
    covers('invite.open-read-write');
    const { handleId } = await sessionWithHandle('invite', { invited: 'bob' });

    const joined = expectStatus(await scenario().client.putSessionByHandle(handleId, meBody({ active: true }), { as: 'bob' }), 200);

    expect(memberXuids(joined.body)).to.deep.equal([xuidOf('alice'), xuidOf('bob')]);
  });

  it('the invitee reads but cannot join a closed session', async () => {
    covers('invite.closed-read-only');
    const { client } = scenario();
    const ref = newSessionRef();
    await createSession(ref, ['alice'], { properties: { system: { closed: true } } });
    const handleId = await makeHandle('invite', ref, { invited: 'bob' });

    expectStatus(await client.getSessionByHandle(handleId, { as: 'bob' }), 200);
    const refused = expectStatus(await client.putSessionByHandle(handleId, meBody({ active: true }), { as: 'bob' }), 403);

    if (refused.body !== undefined) expect(memberXuids(refused.body)).to.deep.equal([xuidOf('alice')]);
  });

  it('an invite handle to a full session is still created', async () => {
    covers('invite.full-session');
    const { client } = scenario();
    const ref = newSessionRef('duo'); // a fresh name, kept with the recording; duo: maxMembersCount 2
    await createSession(ref, ['alice', 'bob']);
    expectStatus(await client.putSession(ref, meBody({ active: true }), { as: 'carol' }), 403); // full

    const invite = await client.createHandle(handleBody('invite', ref, { invited: 'carol' }));

    expectStatus(invite, 201);
  });
});
