import { expect } from 'chai';
import { covers, expectStatus, handleToNewSession, meBody, scenario, xuidOf } from '../harness';

type Initializing = { initializing?: { stage: string; episode: number }; members: Record<string, { initializationEpisode?: number }> };

/** The creator and a reserved bob, both asking to initialize, under these memberInitialization settings. */
function createBody(memberInitialization: Record<string, unknown>) {
  return {
    constants: { system: { memberInitialization } },
    members: {
      me: { constants: { system: { initialize: true } }, properties: { system: { active: true } } },
      reserve_0: { constants: { system: { xuid: xuidOf('bob'), initialize: true } } },
    },
  };
}

describe('Managed initialization (5.2.2, 5.7)', () => {
  it('too few members to initialize is 400 with the FAQ message', async () => {
    covers('init.too-few-members');
    const { handleId } = await handleToNewSession();
    const alone = { ...createBody({ membersNeededToStart: 2 }), members: { me: { constants: { system: { initialize: true } } } } };

    const refused = expectStatus(await scenario().client.putSessionByHandle(handleId, alone), 400);

    expect(refused.response.text).to.include('configured for managed initialization requiring at least 2 members to start');
  });

  it('episode 1 joins, then ends once every member of it is active', async () => {
    covers('init.stages');
    const { client } = scenario();
    const { handleId } = await handleToNewSession(['alice', 'bob']);

    const created = expectStatus(await client.putSessionByHandle(handleId, createBody({ membersNeededToStart: 2 })), 201)
      .body as Initializing;
    const joined = expectStatus(await client.putSessionByHandle(handleId, meBody({ active: true }), { as: 'bob' }), 200)
      .body as Initializing;

    expect(created.initializing).to.deep.include({ stage: 'joining', episode: 1 });
    expect(Object.values(created.members).map((m) => m.initializationEpisode)).to.deep.equal([1, 1]);
    expect(joined.initializing).to.equal(undefined);
    expect(Object.values(joined.members).map((m) => m.initializationEpisode)).to.deep.equal([undefined, undefined]);
  });

  it("the title's verdict ends the evaluating stage", async () => {
    covers('init.evaluation');
    const { client } = scenario();
    const { handleId } = await handleToNewSession(['alice', 'bob']);
    expectStatus(await client.putSessionByHandle(handleId, createBody({ membersNeededToStart: 2, externalEvaluation: true })), 201);

    const evaluating = expectStatus(await client.putSessionByHandle(handleId, meBody({ active: true }), { as: 'bob' }), 200)
      .body as Initializing;
    const decided = expectStatus(
      await client.putSessionByHandle(handleId, { properties: { system: { initializationSucceeded: true } } }),
      200,
    ).body as Initializing;

    expect(evaluating.initializing).to.deep.include({ stage: 'evaluating', episode: 1 });
    expect(decided.initializing).to.equal(undefined);
  });
});
