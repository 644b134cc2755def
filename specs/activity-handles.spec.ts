import { expect } from 'chai';
import { covers, createSession, expectStatus, makeHandle, newSessionRef, readThroughHandle, scenario, sessionWithHandle } from '../harness';

describe('Activity handles (2.1)', () => {
  it('a new activity handle replaces the previous one', async () => {
    covers('activity.replaced');
    const first = newSessionRef('lobby', 'first');
    const second = newSessionRef('lobby', 'second');
    await createSession(first, ['alice']);
    await createSession(second, ['alice']);
    const old = await makeHandle('activity', first);
    const current = await makeHandle('activity', second);

    expectStatus(await scenario().client.getSessionByHandle(old), 404);
    await readThroughHandle(current, second);
  });

  it('leaving the session removes the activity handle', async () => {
    covers('activity.removed-on-leave');
    const { client } = scenario();
    const { handleId } = await sessionWithHandle('activity', { members: ['alice', 'bob'], as: 'bob' });
    expectStatus(await client.putSessionByHandle(handleId, { members: { me: null } }, { as: 'bob' }), 200);

    expectStatus(await client.getSessionByHandle(handleId, { as: 'alice' }), 404);
  });

  it('activity and invite handles carry inviteProtocol and gameTypes', async () => {
    covers('handle.document-fields');
    const { client } = scenario();
    const { ref, handleId } = await sessionWithHandle('activity', { members: ['alice', 'bob'] });
    const inviteId = await makeHandle('invite', ref, { invited: 'carol' });

    for (const id of [handleId, inviteId]) {
      const handle = expectStatus(await client.getHandle(id), 200).body as { inviteProtocol?: unknown; gameTypes?: unknown };
      expect(handle.inviteProtocol, id).to.be.a('string');
      expect(handle.gameTypes, id).to.be.an('object');
    }
  });
});
