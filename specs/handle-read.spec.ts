import { expect } from 'chai';
import { covers, createSession, expectStatus, makeHandle, newSessionRef, readThroughHandle, scenario, sessionWithHandle } from '../harness';

describe('Reading a session through a handle (3.4)', () => {
  it('an activity handle reads the session', async () => {
    covers('read.activity', 'read.same-as-direct');
    const { ref, handleId } = await sessionWithHandle('activity');

    const read = await readThroughHandle(handleId, ref);

    const direct = expectStatus(await scenario().client.getSession(ref), 200);
    expect(read.body).to.deep.equal(direct.body);
    expect(read.response.headers.etag).to.equal(direct.response.headers.etag).and.not.equal(undefined);
  });

  it('an invite handle reads the session', async () => {
    covers('read.invite');
    const { ref, handleId } = await sessionWithHandle('invite', { invited: 'bob' });

    await readThroughHandle(handleId, ref, 'bob');
  });

  it('a search handle reads the session', async () => {
    covers('read.search');
    const { ref, handleId } = await sessionWithHandle('search');

    await readThroughHandle(handleId, ref, 'bob');
  });

  it('a transfer handle reads the target session', async () => {
    covers('read.transfer');
    const lobby = newSessionRef('lobby', 'lobby');
    const game = newSessionRef('game', 'game');
    await createSession(lobby, ['alice', 'bob']);
    await createSession(game, ['alice']);
    const handleId = await makeHandle('transfer', game, { origin: lobby });

    await readThroughHandle(handleId, game, 'bob');
  });

  it('a handle to an emptied session reads 204', async () => {
    covers('read.emptied-session');
    const { client } = scenario();
    const { ref, handleId } = await sessionWithHandle('invite', { members: ['alice', 'bob'], invited: 'carol' });
    expectStatus(await client.putSession(ref, { members: { me: null } }, { as: 'alice' }), 200);
    expectStatus(await client.putSession(ref, { members: { me: null } }, { as: 'bob' }), 204);

    expectStatus(await client.getSessionByHandle(handleId, { as: 'carol' }), 204);
  });

  it('an unknown handle is 404', async () => {
    covers('read.unknown-handle');
    expectStatus(await scenario().client.getSessionByHandle(scenario().inputs.guid('handle:unknown')), 404);
  });

  it('a malformed handle id is 404', async () => {
    covers('read.malformed-handle-id');
    expectStatus(await scenario().client.getSessionByHandle('not-a-guid'), 404);
  });

  it('a deleted handle is 404', async () => {
    covers('read.deleted-handle');
    const { client } = scenario();
    const { handleId } = await sessionWithHandle('activity');
    expectStatus(await client.deleteHandle(handleId), 204);

    expectStatus(await client.getSessionByHandle(handleId), 404);
  });
});
