import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadTemplates } from '../../emulator/templates';
import { doc, me, ref, status, useEmulator, XUID } from './use-emulator';

describe('emulator: sessions (protocol 3.6, 4, 5)', () => {
  const e = useEmulator();

  it('path segment names and session references match case-insensitively', async () => {
    await e.client.putSession(ref('Mixed'), me());
    const raw = await e.raw({
      method: 'GET',
      path: `/ServiceConfigs/${ref('x').scid.toUpperCase()}/sessionTemplates/STANDARD-LOBBY/sessions/mixed`,
    });
    expect(raw.status).to.equal(200);
  });

  it('templates come from a file that ships a lobby, a game session and a large session', () => {
    const catalog = loadTemplates();
    expect(Object.keys(catalog.templates)).to.include.members(['standard-lobby', 'game-session', 'large-session']);
    const dir = mkdtempSync(join(tmpdir(), 'templates-'));
    writeFileSync(join(dir, 'bad.json'), '{"templates": {}}');
    expect(() => loadTemplates(join(dir, 'bad.json'))).to.throw(/needs "serviceConfigs"/);
  });

  it('create merges the template constants into the session', async () => {
    const created = await e.client.putSession(ref('s'), { ...me(), constants: { custom: { mode: 'coop' } } });
    expect(status(created)).to.equal(201);
    expect(doc(created).constants.system).to.include({ maxMembersCount: 8, visibility: 'open' });
    expect(doc(created).constants.custom).to.deep.equal({ mode: 'coop' });
  });

  it('template constants cannot be overridden (409)', async () => {
    expect(status(await e.client.putSession(ref('s'), { ...me(), constants: { system: { maxMembersCount: 3 } } }))).to.equal(409);
  });

  it('constants are fixed after creation (409 on change, 200 when repeated)', async () => {
    await e.client.putSession(ref('s'), { ...me(), constants: { custom: { mode: 'coop' } } });
    expect(status(await e.client.putSession(ref('s'), { constants: { custom: { mode: 'pvp' } } }))).to.equal(409);
    expect(status(await e.client.putSession(ref('s'), { constants: { custom: { mode: 'coop' } } }))).to.equal(200);
  });

  it('system fields are replaced whole', async () => {
    await e.client.putSession(ref('s'), { ...me(), properties: { system: { keywords: ['a', 'b'] } } });
    const updated = await e.client.putSession(ref('s'), { properties: { system: { keywords: ['c'] } } });
    expect(doc(updated).properties.system.keywords).to.deep.equal(['c']);
  });

  it('members.me joins and "me": null leaves', async () => {
    await e.client.putSession(ref('s'), me(), { as: 'alice' });
    expect(doc(await e.client.putSession(ref('s'), me(), { as: 'bob' })).membersInfo.count).to.equal(2);
    const left = await e.client.putSession(ref('s'), { members: { me: null } }, { as: 'bob' });
    expect(Object.values(doc(left).members).map((m) => m.constants.system.xuid)).to.deep.equal([XUID.alice]);
  });

  it('reserve_N reserves users, and their first PUT accepts the reservation', async () => {
    const reserved = await e.client.putSession(ref('s'), {
      members: {
        me: {},
        reserve_0: { constants: { system: { xuid: XUID.bob } } },
        reserve_1: { constants: { system: { xuid: XUID.carol } } },
      },
    });
    expect(doc(reserved).membersInfo).to.include({ count: 3, accepted: 1 });
    expect(doc(reserved).members['1'].reserved).to.equal(true);
    const accepted = await e.client.putSession(ref('s'), me(), { as: 'bob' });
    expect(doc(accepted).members['1'].reserved).to.equal(undefined);
    expect(doc(accepted).membersInfo.accepted).to.equal(2);
  });

  it('reservations must be numbered from reserve_0 (400)', async () => {
    expect(
      status(await e.client.putSession(ref('s'), { members: { me: {}, reserve_1: { constants: { system: { xuid: XUID.bob } } } } })),
    ).to.equal(400);
  });

  it('deleting a member by index needs a server principal', async () => {
    await e.client.putSession(ref('s'), me(), { as: 'alice' });
    await e.client.putSession(ref('s'), me(), { as: 'bob' });
    expect(status(await e.client.putSession(ref('s'), { members: { '1': null } }, { as: 'alice' }))).to.equal(403);
    const removed = await e.client.putSession(ref('s'), { members: { '1': null } }, { as: 'server' });
    expect(doc(removed).membersInfo.count).to.equal(1);
  });

  it('servers can be written only by a server principal', async () => {
    await e.client.putSession(ref('s'), me());
    const servers = { servers: { matchmaking: { properties: { system: { status: 'searching' } } } } };
    expect(status(await e.client.putSession(ref('s'), servers, { as: 'alice' }))).to.equal(403);
    const written = await e.client.putSession(ref('s'), servers, { as: 'server' });
    expect((doc(written).servers as Record<string, unknown>).matchmaking).to.deep.equal({
      constants: { system: {}, custom: {} },
      properties: { system: { status: 'searching' }, custom: {} },
    });
  });

  it('active and ready are mutually exclusive (400)', async () => {
    expect(status(await e.client.putSession(ref('s'), me({ active: true, ready: true })))).to.equal(400);
  });

  it('members form a linked list consistent with membersInfo', async () => {
    for (const who of ['alice', 'bob', 'carol'] as const) await e.client.putSession(ref('s'), me(), { as: who });
    const after = doc(await e.client.putSession(ref('s'), { members: { me: null } }, { as: 'bob' }));
    expect(Object.keys(after.members)).to.deep.equal(['0', '2']);
    expect(after.membersInfo).to.include({ first: 0, next: 3, count: 2 });
    expect([after.members['0'].next, after.members['2'].next]).to.deep.equal([2, 3]);
  });

  it('changeNumber grows on every change and not on a PUT that changes nothing', async () => {
    const a = doc(await e.client.putSession(ref('s'), me()));
    const b = doc(
      await e.client.putSession(ref('s'), me({ active: true }, { properties: { system: { active: true }, custom: { x: 1 } } })),
    );
    const c = await e.client.putSession(ref('s'), {});
    expect([a.changeNumber, b.changeNumber, doc(c).changeNumber]).to.deep.equal([1, 2, 2]);
  });

  it('a PUT that empties the session deletes it (204)', async () => {
    await e.client.putSession(ref('s'), me());
    expect(status(await e.client.putSession(ref('s'), { members: { me: null } }))).to.equal(204);
    expect(status(await e.client.getSession(ref('s')))).to.equal(204);
  });

  it('GET of a missing session is 204', async () => {
    expect(status(await e.client.getSession(ref('never')))).to.equal(204);
  });

  it('a create with no member makes nothing (204)', async () => {
    expect(status(await e.client.putSession(ref('s'), { properties: { custom: { a: 1 } } }))).to.equal(204);
    expect(status(await e.client.getSession(ref('s')))).to.equal(204);
  });

  it('?nocommit=true returns the merged result without storing it', async () => {
    const preview = await e.client.putSession(ref('s'), me(), { query: { nocommit: 'true' } });
    expect(status(preview)).to.equal(201);
    expect(status(await e.client.getSession(ref('s')))).to.equal(204);
  });

  it('a large session shows only "me" in members', async () => {
    await e.client.putSession(ref('big', 'large-session'), me(), { as: 'alice' });
    const bob = doc(await e.client.putSession(ref('big', 'large-session'), me(), { as: 'bob' }));
    expect(Object.keys(bob.members)).to.deep.equal(['me']);
    expect(bob.members.me.constants.system.xuid).to.equal(XUID.bob);
    expect(bob.membersInfo.count).to.equal(2);
    expect(
      status(
        await e.client.putSession(ref('big', 'large-session'), { members: { reserve_0: { constants: { system: { xuid: XUID.carol } } } } }),
      ),
    ).to.equal(409);
  });

  it('only the fields a PUT may write are accepted (400)', async () => {
    expect(status(await e.client.putSession(ref('s'), { ...me(), changeNumber: 5 }, { invalidOnPurpose: true }))).to.equal(400);
  });

  it('the 107 document carries contractVersion, branch, changeNumber, correlationId and startTime', async () => {
    const created = doc(await e.client.putSession(ref('s'), me()));
    expect(created).to.include.keys('branch', 'changeNumber', 'correlationId', 'startTime');
    expect(created.contractVersion).to.equal(107);
  });
});
