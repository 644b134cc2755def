import { expect } from 'chai';
import { LobbySdk } from '../examples/lobby-sdk';
import { covers, newSessionRef, scenario } from '../harness';

/**
 * A client that is neither ours nor wrapped: it makes its own HTTP calls and reads its own answers.
 * Its assertions look at a few fields only; the harness checks every answer it got at the wire.
 */
describe('A third-party SDK checked at the wire (3.4, 3.5)', () => {
  const sdkFor = (principal: 'alice' | 'bob') => {
    const { config, target } = scenario();
    const ref = newSessionRef();
    const authorization = config.principals[principal]?.authorization ?? '';
    return new LobbySdk({ baseUrl: target.baseUrl, authorization, scid: ref.scid, template: ref.templateName });
  };

  it('an SDK publishes a lobby and a friend joins it through the handle', async () => {
    covers('read.activity', 'write.join');
    const { inputs } = scenario();
    const host = sdkFor('alice');
    const friend = sdkFor('bob');
    const name = newSessionRef().name;

    await host.createLobby(name, inputs.guid('connection:host'));
    const handleId = await host.publishActivity(name);
    await friend.readByHandle(handleId);
    const joined = await friend.joinByHandle(handleId, inputs.guid('connection:friend'));

    expect(Object.keys(joined.document.members as object)).to.have.length(2);
  });
});
