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
  skipUnlessFollows,
  xuidOf,
} from '../harness';

const join = { ...meBody({ active: true }) };

describe('Rules between session fields (5.2, 5.3)', () => {
  it('keywords on a private session are 400 and create nothing', async () => {
    covers('rules.private-keywords');
    const { client } = scenario();
    const ref = newSessionRef('private');
    const refused = expectStatus(await client.putSession(ref, { ...join, properties: { system: { keywords: ['ctf'] } } }), 400);
    expect(refused.response.text).to.include('keywords');
    expectStatus(await client.getSession(ref), 204); // no such session
  });

  it("initiators without the creator's xuid are 400", async () => {
    covers('rules.initiators-include-creator');
    const { client } = scenario();
    const refused = expectStatus(
      await client.putSession(newSessionRef(), { ...join, constants: { system: { initiators: [xuidOf('bob')] } } }),
      400,
    );
    expect(refused.response.text).to.include('initiators');
    expectStatus(
      await client.putSession(newSessionRef('lobby', 'with-creator'), {
        ...join,
        constants: { system: { initiators: [xuidOf('alice'), xuidOf('bob')] } },
      }),
      201,
    );
  });

  it('a large session refuses turn and a followed join restriction', async () => {
    covers('rules.large-restrictions');
    const { client } = scenario();
    expectStatus(
      await client.putSession(newSessionRef('large', 'followed'), { ...join, properties: { system: { joinRestriction: 'followed' } } }),
      400,
    );
    const ref = newSessionRef('large', 'turn');
    await createSession(ref, ['alice']);
    expectStatus(await client.putSession(ref, { properties: { system: { turn: [0] } } }), 400);
  });

  it('capability pairings are enforced: metrics and ownerManaged roles', async () => {
    covers('rules.capability-pairings');
    const { client } = scenario();
    const metrics = expectStatus(
      await client.putSession(newSessionRef('private', 'metrics'), { ...join, constants: { system: { metrics: { latency: true } } } }),
      400,
    );
    expect(metrics.response.text).to.include('connectivity');
    const roles = { captain: { ownerManaged: true, roles: { captain: { max: 1 } } } };
    const owned = expectStatus(await client.putSession(newSessionRef('lobby', 'roles'), { ...join, roleTypes: roles }), 400);
    expect(owned.response.text).to.include('hasOwners');
  });

  it('followed is satisfied by an existing member, never by a reserved one', async function () {
    covers('rules.followed-needs-existing-member');
    skipUnlessFollows(this, 'alice', 'bob');
    const { client } = scenario();
    const ref = newSessionRef();
    const reservation = { reserve_0: { constants: { system: { xuid: xuidOf('alice'), initialize: false } } } };
    expectStatus(
      await client.putSession(
        ref,
        { members: { ...join.members, ...reservation }, properties: { system: { joinRestriction: 'followed' } } },
        { as: 'carol' },
      ),
      201,
    );

    expectStatus(await client.putSession(ref, join, { as: 'bob' }), 403); // alice, who follows bob, is only reserved
    expectStatus(await client.putSession(ref, join, { as: 'alice' }), 200);
    const joined = expectStatus(await client.putSession(ref, join, { as: 'bob' }), 200);

    expect(memberXuids(joined.body)).to.include(xuidOf('bob'));
  });

  it('a search attribute name that starts with a digit or holds a space is 400', async () => {
    covers('rules.search-attribute-names');
    const { client } = scenario();
    const ref = newSessionRef();
    await createSession(ref, ['alice']);
    const bad = { ...handleBody('search', ref), searchAttributes: { tags: ['1 bad tag'] } };
    const refused = expectStatus(await client.createHandle(bad, { invalidOnPurpose: true }), 400);
    expect(refused.response.text).to.include('1 bad tag');
  });

  it('a member subscription without an id is accepted', async () => {
    covers('rules.subscription-without-id');
    const { client } = scenario();
    const created = expectStatus(
      await client.putSession(newSessionRef(), meBody({ active: true, subscription: { changeTypes: ['everything'] } })),
      201,
    );
    expect(JSON.stringify(created.body)).to.include('"changeTypes":["everything"]');
  });

  it('a locked session lets a member who left come back, and nobody else in', async () => {
    covers('rules.locked-keeps-places');
    const { client } = scenario();
    const ref = newSessionRef();
    await createSession(ref, ['alice', 'bob']);
    expectStatus(await client.putSession(ref, { properties: { system: { locked: true } } }), 400); // locked needs closed
    expectStatus(await client.putSession(ref, { properties: { system: { closed: true, locked: true } } }), 200);
    expectStatus(await client.putSession(ref, { members: { me: null } }, { as: 'bob' }), 200);

    expectStatus(await client.putSession(ref, join, { as: 'carol' }), 403);
    const back = expectStatus(await client.putSession(ref, join, { as: 'bob' }), 200);

    expect(memberXuids(back.body)).to.deep.equal([xuidOf('alice'), xuidOf('bob')]);
  });

  it("a join through a handle that names another user's xuid in its constants makes the caller a member", async () => {
    covers('rules.member-is-the-caller');
    const { client } = scenario();
    const ref = newSessionRef();
    await createSession(ref, ['alice']);
    const handleId = await makeHandle('activity', ref);
    const claimed = {
      members: { me: { constants: { system: { xuid: xuidOf('alice'), initialize: true } }, properties: { system: { active: true } } } },
    };

    const joined = expectStatus(await client.putSessionByHandle(handleId, claimed, { as: 'bob' }), 200);

    expect(memberXuids(joined.body)).to.deep.equal([xuidOf('alice'), xuidOf('bob')]);
  });

  it("a host that names no member's device token is deleted", async () => {
    covers('rules.host-needs-device-token');
    const { client } = scenario();
    const ref = newSessionRef();
    const created = await createSession(ref, ['alice'], { properties: { system: {} } });
    const withAddress = expectStatus(
      await client.putSession(ref, meBody({ active: true, secureDeviceAddress: 'AQIDBAUGBwgJCgsMDQ4PEA==' })),
      200,
    );
    const token = (withAddress.body as { members: Record<string, { deviceToken?: string }> }).members['0']?.deviceToken;
    expect(token, "alice's device token, set once she uploaded a secure device address").to.be.a('string');

    const named = expectStatus(await client.putSession(ref, { properties: { system: { host: token } } }), 200);
    const orphan = expectStatus(await client.putSession(ref, { properties: { system: { host: 'no-such-device' } } }), 200);

    expect(hostOf(created.body)).to.equal(undefined);
    expect(hostOf(named.body)).to.equal(token);
    expect(hostOf(orphan.body)).to.equal(undefined);
  });
});

function hostOf(body: unknown): unknown {
  return (body as { properties: { system: { host?: unknown } } }).properties.system.host;
}
