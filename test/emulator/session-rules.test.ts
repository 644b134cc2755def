import { expect } from 'chai';
import { doc, me, ref, status, useEmulator, XUID } from './use-emulator';

/** Idempotent writes (S15, S16), point-in-time fields (S17), live rendering (S18), roles (S19). */
describe('emulator: idempotent writes, point-in-time fields and rendering', () => {
  const e = useEmulator();

  it('restating member constants with their stored values is 200 and no change; another xuid is ignored (N16), another initialize is 409', async () => {
    const created = doc(await e.client.putSession(ref('s'), me({ active: true }, { constants: { system: { initialize: false } } })));
    const restated = await e.client.putSession(
      ref('s'),
      me({ active: true }, { constants: { system: { xuid: XUID.alice, initialize: false } } }),
    );
    expect(status(restated)).to.equal(200);
    expect(doc(restated).changeNumber).to.equal(created.changeNumber);
    const claimed = await e.client.putSession(ref('s'), me({ active: true }, { constants: { system: { xuid: XUID.bob } } }));
    expect(status(claimed)).to.equal(200);
    expect(doc(claimed).changeNumber, 'a claimed xuid changes nothing').to.equal(created.changeNumber);
    expect(status(await e.client.putSession(ref('s'), me({ active: true }, { constants: { system: { initialize: true } } })))).to.equal(
      409,
    );
  });

  it('a second "me": null from a non-member is a no-op', async () => {
    await e.client.putSession(ref('s'), me());
    await e.client.putSession(ref('s'), me(), { as: 'bob' });
    expect(status(await e.client.putSession(ref('s'), { members: { me: null } }, { as: 'bob' }))).to.equal(200);
    const again = await e.client.putSession(ref('s'), { members: { me: null } }, { as: 'bob' });
    expect(status(again)).to.equal(200);
    expect(doc(again).membersInfo.count).to.equal(1);
  });

  it('a session emptied and started again keeps its correlationId', async () => {
    const first = doc(await e.client.putSession(ref('s'), me())).correlationId;
    expect(status(await e.client.putSession(ref('s'), { members: { me: null } }))).to.equal(204);
    const again = doc(await e.client.putSession(ref('s'), me()));
    expect(again.correlationId).to.equal(first);
    expect(again.changeNumber).to.equal(1);
  });

  it('encounters are consumed and never rendered', async () => {
    const written = doc(await e.client.putSession(ref('s'), me({ active: true, encounters: ['a', 'b'] })));
    expect(written.members['0'].properties.system).to.deep.equal({ active: true });
  });

  it('renders member index, an empty turn list, and no closed flag that was never set', async () => {
    const created = doc(await e.client.putSession(ref('s'), me()));
    expect(created.members['0'].constants.system).to.deep.equal({ xuid: XUID.alice, index: 0 });
    expect(created.properties.system).to.deep.equal({ turn: [] });
    const closed = doc(await e.client.putSession(ref('s'), { properties: { system: { closed: true, turn: [0] } } }));
    expect(closed.properties.system).to.deep.equal({ turn: [0], closed: true });
    expect(closed.members['0']).to.include({ turn: true });
  });
});

describe('emulator: roles (protocol 5.6, DECISIONS S19)', () => {
  const e = useEmulator();
  const roleTypes = { lfg: { mutableRoleSettings: ['max'], roles: { confirmed: { max: 1 }, maybe: { target: 2 } } } };
  const withRole = (role: string) => me({ active: true }, { roles: { lfg: role } });

  it('renders count and memberXuids for each role', async () => {
    const created = doc(await e.client.putSession(ref('s'), { ...withRole('confirmed'), roleTypes }));
    expect((created.roleTypes as typeof roleTypes).lfg.roles.confirmed).to.deep.equal({ max: 1, count: 1, memberXuids: [XUID.alice] });
    expect((created.roleTypes as typeof roleTypes).lfg.roles.maybe).to.deep.equal({ target: 2, count: 0, memberXuids: [] });
  });

  it('a role at its max refuses another member (403); an undeclared role is 400', async () => {
    await e.client.putSession(ref('s'), { ...withRole('confirmed'), roleTypes });
    expect(status(await e.client.putSession(ref('s'), withRole('confirmed'), { as: 'bob' }))).to.equal(403);
    const undeclared = await e.client.putSession(ref('s'), withRole('tank'), { as: 'bob' });
    expect(status(undeclared)).to.equal(400);
    expect(undeclared.response.text).to.include("'tank' is not a declared role");
  });

  it("a member's roles map role types to role names: a number or a list is 400, naming the shape", async () => {
    for (const roles of [{ lfg: 5 }, 'confirmed', ['confirmed']]) {
      const refused = await e.client.putSession(ref('s'), { ...me({ active: true }, { roles }), roleTypes }, { invalidOnPurpose: true });
      expect(status(refused), JSON.stringify(roles)).to.equal(400);
      expect(refused.response.text).to.include('members.me.roles must map role types to role names (strings).');
    }
  });

  it('only the settings in mutableRoleSettings change after creation; count is not writable', async () => {
    await e.client.putSession(ref('s'), { ...withRole('confirmed'), roleTypes });
    const raised = await e.client.putSession(ref('s'), { roleTypes: { lfg: { roles: { confirmed: { max: 2 } } } } });
    expect((doc(raised).roleTypes as typeof roleTypes).lfg.roles.confirmed).to.include({ max: 2 });
    expect(status(await e.client.putSession(ref('s'), withRole('confirmed'), { as: 'bob' }))).to.equal(200);
    expect(status(await e.client.putSession(ref('s'), { roleTypes: { lfg: { roles: { maybe: { target: 1 } } } } }))).to.equal(409);
    expect(
      status(await e.client.putSession(ref('s'), { roleTypes: { lfg: { roles: { maybe: { count: 1 } } } } }, { invalidOnPurpose: true })),
    ).to.equal(400);
  });
});
