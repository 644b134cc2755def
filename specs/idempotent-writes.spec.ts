import { expect } from 'chai';
import { covers, expectStatus, handleToNewSession, meBody, scenario, sessionWithHandle, xuidOf } from '../harness';

type Versioned = { changeNumber: number; correlationId: string; membersInfo: { count: number } };

/** XSAPI resends member constants on rejoin; clients leave twice; restarted lobbies keep their trace (4, 5.1). */
describe('Idempotent writes (4, 5.1)', () => {
  it('restating member constants is no change', async () => {
    covers('write.restate-constants');
    const { handleId } = await sessionWithHandle('activity');
    const { client } = scenario();
    const before = expectStatus(await client.getSessionByHandle(handleId), 200);
    const rejoin = { members: { me: { constants: { system: { xuid: xuidOf('alice') } }, properties: { system: { active: true } } } } };

    const restated = expectStatus(await client.putSessionByHandle(handleId, rejoin), 200);

    expect((restated.body as Versioned).changeNumber).to.equal((before.body as Versioned).changeNumber);
    expect(restated.response.headers.etag).to.equal(before.response.headers.etag);
  });

  it('leaving twice is a no-op', async () => {
    covers('write.leave-twice');
    const { handleId } = await sessionWithHandle('activity', { members: ['alice', 'bob'] });
    const { client } = scenario();

    expectStatus(await client.putSessionByHandle(handleId, { members: { me: null } }, { as: 'bob' }), 200);
    const again = expectStatus(await client.putSessionByHandle(handleId, { members: { me: null } }, { as: 'bob' }), 200);

    expect((again.body as Versioned).membersInfo.count).to.equal(1);
  });

  it('a session started again keeps its correlationId', async () => {
    covers('session.correlation-kept');
    const { client } = scenario();
    const { handleId } = await handleToNewSession();
    const first = expectStatus(await client.putSessionByHandle(handleId, meBody({ active: true })), 201).body as Versioned;

    expectStatus(await client.putSessionByHandle(handleId, { members: { me: null } }), 204);
    const again = expectStatus(await client.putSessionByHandle(handleId, meBody({ active: true })), 201).body as Versioned;

    expect(again.correlationId).to.equal(first.correlationId);
  });
});
