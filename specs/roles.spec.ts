import { expect } from 'chai';
import { covers, expectStatus, handleToNewSession, meBody, scenario, xuidOf } from '../harness';

/** A looking-for-group role type: one confirmed seat whose max the owner may raise, and maybes. */
const ROLE_TYPES = { lfg: { mutableRoleSettings: ['max'], roles: { confirmed: { max: 1 }, maybe: { target: 2 } } } };
type Roles = { roleTypes: { lfg: { roles: Record<string, { max?: number; count: number; memberXuids: string[] }> } } };

const inRole = (role: string) => ({ members: { me: { ...meBody({ active: true }).members.me, roles: { lfg: role } } } });

/** A game session created through a transfer handle with the role types above, alice confirmed. */
async function sessionWithRoles() {
  const { handleId } = await handleToNewSession(['alice', 'bob']);
  const created = expectStatus(
    await scenario().client.putSessionByHandle(handleId, { ...inRole('confirmed'), roleTypes: ROLE_TYPES }),
    201,
  );
  return { handleId, created: created.body as Roles };
}

describe('Roles (5.6)', () => {
  it('each role renders its count and member xuids', async () => {
    covers('roles.rendered');
    const { created } = await sessionWithRoles();

    expect(created.roleTypes.lfg.roles.confirmed).to.deep.include({ count: 1, memberXuids: [xuidOf('alice')] });
    expect(created.roleTypes.lfg.roles.maybe).to.deep.include({ count: 0, memberXuids: [] });
  });

  it('a full role refuses another member', async () => {
    covers('roles.max');
    const { handleId } = await sessionWithRoles();

    expectStatus(await scenario().client.putSessionByHandle(handleId, inRole('confirmed'), { as: 'bob' }), 403);
  });

  it('a role the session does not declare is 400', async () => {
    covers('roles.undeclared');
    const { handleId } = await sessionWithRoles();

    const refused = expectStatus(await scenario().client.putSessionByHandle(handleId, inRole('tank'), { as: 'bob' }), 400);

    expect(refused.response.text).to.include('tank');
  });

  it('only the mutable role settings change after creation', async () => {
    covers('roles.mutable-settings');
    const { client } = scenario();
    const { handleId } = await sessionWithRoles();

    const raised = expectStatus(
      await client.putSessionByHandle(handleId, { roleTypes: { lfg: { roles: { confirmed: { max: 2 } } } } }),
      200,
    ).body as Roles;
    expectStatus(await client.putSessionByHandle(handleId, { roleTypes: { lfg: { roles: { maybe: { target: 1 } } } } }), 409);
    const seated = expectStatus(await client.putSessionByHandle(handleId, inRole('confirmed'), { as: 'bob' }), 200).body as Roles;

    expect(raised.roleTypes.lfg.roles.confirmed.max).to.equal(2);
    expect(seated.roleTypes.lfg.roles.confirmed.memberXuids).to.deep.equal([xuidOf('alice'), xuidOf('bob')]);
  });
});
