import { expect } from 'chai';
import { covers, expectStatus, makeHandle, meBody, newSessionRef, parseLossless, scenario, skipUnlessFollows } from '../harness';

/** The ids a community lobby client publishes: a 64-bit network id JavaScript cannot hold exactly. */
const LOBBY_CUSTOM = '{"netherNetId":2667261543315367301,"version":1.0}';
const CONNECTION = '6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5';
const SUBSCRIPTION = { id: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', changeTypes: ['everything'] };

/** A game lobby the way community clients run one: publish, find, join, republish, leave. */
describe('A published lobby (2.1, 4, 5.3)', () => {
  it('is published, joined by a follower, republished and left until gone', async function () {
    skipUnlessFollows(this, 'alice', 'bob');
    covers('flow.publish-and-join');
    const { client } = scenario();
    const ref = newSessionRef();

    // Publish: create only if new, then connect for shoulder taps, then advertise the activity and invite.
    const create = `{"properties":{"system":{"joinRestriction":"followed"},"custom":${LOBBY_CUSTOM}},"members":{"me":{"properties":{"system":{"active":true}}}}}`;
    expectStatus(await client.putSession(ref, {}, { rawBody: create, ifNoneMatch: '*' }), 201);
    expectStatus(await client.putSession(ref, meBody({ active: true, connection: CONNECTION, subscription: SUBSCRIPTION })), 200);
    const activity = await makeHandle('activity', ref);
    await makeHandle('invite', ref, { invited: 'carol' });

    // A friend whom the host follows joins through the activity handle.
    const joined = expectStatus(await client.putSessionByHandle(activity, meBody({ active: true }), { as: 'bob' }), 200);
    expect((joined.body as { membersInfo: { count: number } }).membersInfo.count).to.equal(2);

    // The host republishes what it read, numbers as written.
    const read = expectStatus(await client.getSessionByHandle(activity), 200);
    const { custom } = (parseLossless(read.response.text) as { properties: { custom: unknown } }).properties;
    const republished = expectStatus(await client.putSessionByHandle(activity, { properties: { custom } }, { ifMatch: '*' }), 200);
    expect(republished.response.text).to.include(`"custom":${LOBBY_CUSTOM}`);

    // Everyone leaves: the last one out deletes the lobby, and its activity handle goes with the host.
    expectStatus(await client.putSessionByHandle(activity, { members: { me: null } }, { as: 'bob' }), 200);
    expectStatus(await client.putSessionByHandle(activity, { members: { me: null } }), 204);
    expectStatus(await client.getSession(ref), 204);
    expectStatus(await client.getSessionByHandle(activity), 404);
  });
});
