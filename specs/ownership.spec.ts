import { expect } from 'chai';
import { covers, createSession, expectStatus, meBody, memberXuids, newSessionRef, scenario, xuidOf } from '../harness';

type Owned = { properties: { system: { owners?: number[] } }; members: Record<string, { constants: { system: { xuid: string } } }> };

const ownersOf = (body: unknown) => (body as Owned).properties.system.owners;

/** An owned lobby that alice created and bob and carol joined, with these ownership policies. */
async function ownedLobby(ownershipPolicies?: Record<string, unknown>) {
  const ref = newSessionRef('owned');
  const body = ownershipPolicies ? { constants: { system: { ownershipPolicies } } } : {};
  const created = await createSession(ref, ['alice'], body);
  expectStatus(await scenario().client.putSession(ref, meBody({ active: true }), { as: 'bob' }), 200);
  expectStatus(await scenario().client.putSession(ref, meBody({ active: true }), { as: 'carol' }), 200);
  return { ref, created };
}

describe('Session owners (hasOwners, ownershipPolicies)', () => {
  it('the creator of a session with owners is its first owner', async () => {
    covers('owners.creator-owns');
    const { created } = await ownedLobby();
    expect(ownersOf(created.body)).to.deep.equal([0]);
  });

  it('an owner removes a member by index, a non-owner cannot', async () => {
    covers('owners.remove-member');
    const { client } = scenario();
    const { ref } = await ownedLobby();
    expectStatus(await client.putSession(ref, { members: { 2: null } }, { as: 'bob' }), 403);
    const removed = expectStatus(await client.putSession(ref, { members: { 2: null } }, { as: 'alice' }), 200);
    expect(memberXuids(removed.body)).to.deep.equal([xuidOf('alice'), xuidOf('bob')]);
  });

  it('a non-owner cannot rewrite owners or the join restriction', async () => {
    covers('owners.non-owner-properties');
    const { client } = scenario();
    const { ref } = await ownedLobby({ nonOwnerModifiableSystemProperties: ['keywords'] });
    expectStatus(await client.putSession(ref, { properties: { system: { owners: [1] } } }, { as: 'bob' }), 403);
    expectStatus(await client.putSession(ref, { properties: { system: { joinRestriction: 'local' } } }, { as: 'bob' }), 403);
    expectStatus(await client.putSession(ref, { properties: { system: { keywords: ['ctf'] } } }, { as: 'bob' }), 200);
    const handedOver = expectStatus(await client.putSession(ref, { properties: { system: { owners: [0, 1] } } }, { as: 'alice' }), 200);
    expect(ownersOf(handedOver.body)).to.deep.equal([0, 1]);
  });

  it('the last owner leaving ends the session by default', async () => {
    covers('owners.migration-endsession');
    const { client } = scenario();
    const { ref } = await ownedLobby();
    expectStatus(await client.putSession(ref, { members: { me: null } }, { as: 'alice' }), 204);
    expectStatus(await client.getSession(ref, { as: 'bob' }), 204);
  });

  it('under migration oldest the member who joined first becomes the owner', async () => {
    covers('owners.migration-oldest');
    const { client } = scenario();
    const { ref } = await ownedLobby({ migration: 'oldest' });
    const left = expectStatus(await client.putSession(ref, { members: { me: null } }, { as: 'alice' }), 200);
    expect(memberXuids(left.body)).to.deep.equal([xuidOf('bob'), xuidOf('carol')]);
    expect(ownersOf(left.body)).to.deep.equal([1]);
  });

  it('a non-owner cannot take an ownerManaged role, an owner can', async () => {
    covers('owners.owner-managed-roles');
    const { client } = scenario();
    const ref = newSessionRef('owned', 'roles');
    const roleTypes = { lead: { ownerManaged: true, roles: { captain: { max: 1 } } } };
    await createSession(ref, ['alice', 'bob'], { roleTypes });
    const take = { members: { me: { roles: { lead: 'captain' } } } };
    const refused = expectStatus(await client.putSession(ref, take, { as: 'bob' }), 403);
    expect(refused.response.text).to.include('ownerManaged');
    expectStatus(await client.putSession(ref, take, { as: 'alice' }), 200);
  });
});
