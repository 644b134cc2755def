import { expect } from 'chai';
import { doc, me, ref, status, useEmulator, XUID } from './use-emulator';

describe('emulator: handles (protocol 2, 3.1-3.5)', () => {
  const e = useEmulator();
  const activity = (name = 's') => ({ version: 1, type: 'activity', sessionRef: ref(name) });
  const create = async (body: unknown, as: 'alice' | 'bob' | 'carol' = 'alice') => {
    const exchange = await e.client.createHandle(body, { as });
    expect(status(exchange)).to.equal(201);
    return (exchange.body as { id: string }).id;
  };

  it('POST /handles creates each handle type with 201 and the handle JSON', async () => {
    await e.client.putSession(ref('s'), me());
    const bodies = [
      activity(),
      { version: 1, type: 'invite', sessionRef: ref('s'), invitedXuid: XUID.bob },
      { version: 1, type: 'search', sessionRef: ref('s'), searchAttributes: { tags: ['coop'] } },
      { version: 1, type: 'transfer', sessionRef: ref('game', 'game-session'), originSessionRef: ref('s') },
    ];
    for (const body of bodies) {
      const created = await e.client.createHandle(body);
      expect(status(created), body.type).to.equal(201);
      expect(created.body).to.include({ type: body.type, version: 1 });
    }
  });

  it('POST /handles refuses an activity handle with no session name: nobody is active in a session MPSD would name now', async () => {
    const created = await e.client.createHandle({
      version: 1,
      type: 'activity',
      sessionRef: { scid: ref('x').scid, templateName: 'standard-lobby' },
    });
    expect(status(created)).to.equal(403);
    expect(created.response.text).to.equal("The owner isn't active in the referenced session.");
  });

  it('creating handles is authorized: active members post activities, members invite (owners only, unless allowed), origin members transfer', async () => {
    await e.client.putSession(ref('s'), me());
    const stranger = (body: unknown) => e.client.createHandle(body, { as: 'bob' });
    expect(status(await stranger(activity()))).to.equal(403);
    expect(status(await stranger({ version: 1, type: 'invite', sessionRef: ref('s'), invitedXuid: XUID.carol }))).to.equal(403);
    expect(
      status(await stranger({ version: 1, type: 'transfer', sessionRef: ref('g', 'game-session'), originSessionRef: ref('s') })),
    ).to.equal(403);
    expect(status(await e.client.createHandle(activity(), { as: 'alice' }))).to.equal(201);
  });

  it('on a session with owners only an owner invites, unless ownershipPolicies.allowNonOwnerInviteHandles', async () => {
    for (const allow of [false, true]) {
      const owned = ref(`owned-${allow}`, 'lingering-lobby');
      await e.client.putSession(owned, {
        ...me(),
        constants: { system: { capabilities: { hasOwners: true }, ownershipPolicies: { allowNonOwnerInviteHandles: allow } } },
        properties: { system: { owners: [0] } },
      });
      await e.client.putSession(owned, me(), { as: 'bob' });
      const invite = await e.client.createHandle({ version: 1, type: 'invite', sessionRef: owned, invitedXuid: XUID.carol }, { as: 'bob' });
      expect(status(invite), `allowNonOwnerInviteHandles ${allow}`).to.equal(allow ? 201 : 403);
    }
  });

  it('POST /handles refuses an invalid body with 400', async () => {
    for (const body of [
      { ...activity(), version: 2 },
      { ...activity(), type: 'friend' },
      { version: 1, type: 'invite', sessionRef: ref('s') },
      { version: 1, type: 'activity' },
    ]) {
      expect(status(await e.client.createHandle(body, { invalidOnPurpose: true })), JSON.stringify(body)).to.equal(400);
    }
  });

  it('POST /handles answers 404 for an unknown service config or template', async () => {
    expect(status(await e.client.createHandle({ ...activity(), sessionRef: ref('s', 'no-such-template') }))).to.equal(404);
  });

  it('GET /handles/{id} returns the handle, 404 when unknown or not a GUID (an invalid URI)', async () => {
    await e.client.putSession(ref('s'), me());
    const id = await create(activity());
    const read = await e.client.getHandle(id);
    expect(status(read)).to.equal(200);
    expect(read.body).to.include({ id, type: 'activity', ownerXuid: XUID.alice });
    expect(status(await e.client.getHandle('8d050174-412b-4d51-a29b-d55a34edfdb7'))).to.equal(404);
    expect(status(await e.client.getHandle('nope'))).to.equal(404);
  });

  it('DELETE /handles/{id} answers 204, then 404; only the owner deletes an activity handle', async () => {
    await e.client.putSession(ref('s'), me());
    const id = await create(activity());
    expect(status(await e.client.deleteHandle(id, { as: 'bob' }))).to.equal(403);
    expect(status(await e.client.deleteHandle(id))).to.equal(204);
    expect(status(await e.client.deleteHandle(id))).to.equal(404);
  });

  it('one activity handle per user: a new one replaces the old', async () => {
    await e.client.putSession(ref('a'), me());
    await e.client.putSession(ref('b'), me());
    const first = await create(activity('a'));
    const second = await create(activity('b'));
    expect(status(await e.client.getHandle(first))).to.equal(404);
    expect(status(await e.client.getHandle(second))).to.equal(200);
  });

  it("leaving the session deletes the member's activity handle", async () => {
    await e.client.putSession(ref('s'), me(), { as: 'alice' });
    await e.client.putSession(ref('s'), me(), { as: 'bob' });
    const id = await create(activity());
    expect(status(await e.client.putSessionByHandle(id, { members: { me: null } }))).to.equal(200);
    expect(status(await e.client.getHandle(id))).to.equal(404);
  });

  it("going inactive deletes the member's activity handle", async () => {
    await e.client.putSession(ref('s'), me({ active: true }));
    const id = await create(activity());
    await e.client.putSession(ref('s'), me({ active: false, ready: false }));
    expect(status(await e.client.getHandle(id))).to.equal(404);
  });

  it('at most one search handle per session, named in searchHandle', async () => {
    await e.client.putSession(ref('s'), me());
    const search = { version: 1, type: 'search', sessionRef: ref('s') };
    const id = await create(search);
    expect(doc(await e.client.getSession(ref('s'))).searchHandle).to.equal(id);
    expect(status(await e.client.createHandle(search, { as: 'bob' }))).to.equal(409);
    expect(status(await e.client.deleteHandle(id))).to.equal(204);
    expect(doc(await e.client.getSession(ref('s'))).searchHandle).to.equal(undefined);
  });

  it('a search handle needs an existing session with the searchable capability', async () => {
    expect(status(await e.client.createHandle({ version: 1, type: 'search', sessionRef: ref('missing') }))).to.equal(404);
    await e.client.putSession(ref('g', 'game-session'), me());
    expect(status(await e.client.createHandle({ version: 1, type: 'search', sessionRef: ref('g', 'game-session') }))).to.equal(400);
  });

  it('an invite handle gives read-write access to an open session', async () => {
    await e.client.putSession(ref('p', 'private-lobby'), me());
    const id = await create({ version: 1, type: 'invite', sessionRef: ref('p', 'private-lobby'), invitedXuid: XUID.bob });
    expect(status(await e.client.getSession(ref('p', 'private-lobby'), { as: 'bob' }))).to.equal(403);
    expect(status(await e.client.getSessionByHandle(id, { as: 'bob' }))).to.equal(200);
    expect(status(await e.client.putSessionByHandle(id, me(), { as: 'bob' }))).to.equal(200);
  });

  it('an invite handle gives read-only access to a closed session', async () => {
    await e.client.putSession(ref('s'), { ...me(), properties: { system: { closed: true } } });
    const id = await create({ version: 1, type: 'invite', sessionRef: ref('s'), invitedXuid: XUID.bob });
    expect(status(await e.client.getSessionByHandle(id, { as: 'bob' }))).to.equal(200);
    const refused = await e.client.putSessionByHandle(id, me(), { as: 'bob' });
    expect(status(refused)).to.equal(403);
    expect(refused.body).to.matchSchema('MultiplayerSession');
  });

  it('a transfer handle admits members of the origin session only', async () => {
    await e.client.putSession(ref('lobby'), me(), { as: 'alice' });
    await e.client.putSession(ref('game', 'private-lobby'), me(), { as: 'alice' });
    const id = await create({ version: 1, type: 'transfer', sessionRef: ref('game', 'private-lobby'), originSessionRef: ref('lobby') });
    await e.client.putSession(ref('lobby'), me(), { as: 'bob' });
    expect(status(await e.client.putSessionByHandle(id, me(), { as: 'bob' }))).to.equal(200);
    expect(status(await e.client.putSessionByHandle(id, me(), { as: 'carol' }))).to.equal(403);
  });

  it('a handle to a deleted session still resolves and reads give 204', async () => {
    await e.client.putSession(ref('s'), me());
    const id = await create({ version: 1, type: 'invite', sessionRef: ref('s'), invitedXuid: XUID.bob });
    expect(status(await e.client.putSession(ref('s'), { members: { me: null } }))).to.equal(204);
    expect(status(await e.client.getHandle(id))).to.equal(200);
    expect(status(await e.client.getSessionByHandle(id, { as: 'bob' }))).to.equal(204);
  });

  it('responses through a handle carry Content-Location and ETag', async () => {
    await e.client.putSession(ref('s'), me());
    const id = await create(activity());
    const read = await e.client.getSessionByHandle(id);
    expect(read.response.headers['content-location']).to.equal(
      `/serviceconfigs/${ref('s').scid}/sessiontemplates/standard-lobby/sessions/s`,
    );
    expect(read.response.headers.etag).to.match(/^[0-9A-F-]{36}$/);
  });
});
