import { expect } from 'chai';
import { covers, createSession, expectStatus, makeHandle, meBody, memberXuids, newSessionRef, scenario, xuidOf } from '../harness';

describe('Transfer handles (3.5)', () => {
  async function lobbyAndGame() {
    const lobby = newSessionRef('lobby', 'lobby');
    const game = newSessionRef('game', 'game');
    await createSession(lobby, ['alice', 'bob']);
    await createSession(game, ['alice']);
    return { game, handleId: await makeHandle('transfer', game, { origin: lobby }) };
  }

  it('a member of the lobby joins the game through the transfer handle', async () => {
    covers('transfer.origin-member');
    const { handleId } = await lobbyAndGame();

    const joined = expectStatus(await scenario().client.putSessionByHandle(handleId, meBody({ active: true }), { as: 'bob' }), 200);

    expect(memberXuids(joined.body)).to.deep.equal([xuidOf('alice'), xuidOf('bob')]);
  });

  it('a player outside the lobby is refused', async () => {
    covers('transfer.non-member');
    const { handleId } = await lobbyAndGame();

    expectStatus(await scenario().client.putSessionByHandle(handleId, meBody({ active: true }), { as: 'carol' }), 403);
  });
});
