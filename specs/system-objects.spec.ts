import { expect } from 'chai';
import { covers, expectStatus, meBody, scenario, sessionWithHandle, xuidOf } from '../harness';

type Session = {
  properties: { system: Record<string, unknown> };
  members: Record<string, { constants: { system: Record<string, unknown> }; properties: { system: Record<string, unknown> } }>;
};
const SUBSCRIPTION_A = '8d050174-412b-4d51-a29b-d55a34edfdb7';
const SUBSCRIPTION_B = '9d050174-412b-4d51-a29b-d55a34edfdb7';

describe('System objects through a handle (4, 5)', () => {
  it('a wrong system value is 400 naming its path and changes nothing', async () => {
    covers('system.validated');
    const { client } = scenario();
    const { handleId } = await sessionWithHandle('activity');
    const before = expectStatus(await client.getSessionByHandle(handleId), 200);

    const refused = expectStatus(
      await client.putSessionByHandle(handleId, { properties: { system: { joinRestriction: 'bogus' } } }, { invalidOnPurpose: true }),
      400,
    );
    const after = expectStatus(await client.getSessionByHandle(handleId), 200);

    expect(refused.response.text).to.include('joinRestriction');
    expect(after.response.headers.etag).to.equal(before.response.headers.etag);
  });

  it('members carry their index, turn is empty and an unset closed flag is absent', async () => {
    covers('render.live-fields');
    const { handleId } = await sessionWithHandle('activity', { members: ['alice', 'bob'] });

    const read = expectStatus(await scenario().client.getSessionByHandle(handleId), 200).body as Session;

    expect(read.properties.system.turn).to.deep.equal([]);
    expect(read.properties.system).to.not.have.property('closed');
    expect(Object.entries(read.members).map(([key, m]) => [key, m.constants.system.index])).to.deep.equal([
      ['0', 0],
      ['1', 1],
    ]);
  });

  it('encounters are consumed and never rendered', async () => {
    covers('write.point-in-time');
    const { handleId } = await sessionWithHandle('activity');

    const written = expectStatus(
      await scenario().client.putSessionByHandle(handleId, meBody({ active: true, encounters: [xuidOf('bob')] })),
      200,
    ).body as Session;

    expect(written.members['0'].properties.system).to.not.have.property('encounters');
  });

  it('legacy subscriptions merge per key and null removes one', async () => {
    covers('write.subscriptions-merge');
    const { client } = scenario();
    const { handleId } = await sessionWithHandle('activity');
    const subscribe = (subscriptions: Record<string, unknown>) =>
      client.putSessionByHandle(handleId, meBody({ active: true, subscriptions }));

    expectStatus(await subscribe({ [SUBSCRIPTION_A]: { profile: 'party' } }), 200);
    const both = expectStatus(await subscribe({ [SUBSCRIPTION_B]: { profile: 'roster' } }), 200);
    const one = expectStatus(await subscribe({ [SUBSCRIPTION_A]: null }), 200);

    expect((both.body as Session).members['0'].properties.system.subscriptions).to.have.all.keys(SUBSCRIPTION_A, SUBSCRIPTION_B);
    expect((one.body as Session).members['0'].properties.system.subscriptions).to.deep.equal({ [SUBSCRIPTION_B]: { profile: 'roster' } });
  });
});
