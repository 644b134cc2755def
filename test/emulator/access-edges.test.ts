import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { DEFAULT_TEMPLATES_FILE } from '../../emulator/templates';
import { doc, me, ref, status, useEmulator } from './use-emulator';

/** The shipped templates plus a `visible` lobby, which no shipped template is. */
function templatesWithVisible(): string {
  const catalog = JSON.parse(readFileSync(DEFAULT_TEMPLATES_FILE, 'utf8'));
  catalog.templates['visible-lobby'] = { constants: { system: { version: 1, maxMembersCount: 8, visibility: 'visible' }, custom: {} } };
  const file = join(mkdtempSync(join(tmpdir(), 'mpsd-templates-')), 'templates.json');
  writeFileSync(file, JSON.stringify(catalog));
  return file;
}

/** The access rules at their edges (DECISIONS S4, H9-H11, N3): each one a case the catalogue's scenarios pass by. */
describe('emulator: access rules at their edges', () => {
  const e = useEmulator({ templatesFile: templatesWithVisible() });
  const lobby = ref('edge');
  const activityHandle = async () => doc(await e.client.createHandle({ version: 1, type: 'activity', sessionRef: lobby })).id as string;

  it('a stranger cannot write an open session without joining it', async () => {
    await e.client.putSession(lobby, me());
    expect(status(await e.client.putSession(lobby, { properties: { custom: { map: 'x' } } }, { as: 'bob' }))).to.equal(403);
  });

  it('a closed session refuses a direct join, and its members still write it', async () => {
    await e.client.putSession(lobby, { ...me(), properties: { system: { closed: true } } });
    expect(status(await e.client.putSession(lobby, me(), { as: 'bob' }))).to.equal(403);
    expect(status(await e.client.putSession(lobby, { properties: { custom: { round: 1 } } }))).to.equal(200);
  });

  it('a visible session is read by anyone and joined by nobody uninvited', async () => {
    const visible = ref('seen', 'visible-lobby');
    await e.client.putSession(visible, me());
    expect(status(await e.client.getSession(visible, { as: 'bob' }))).to.equal(200);
    expect(status(await e.client.putSession(visible, me(), { as: 'bob' }))).to.equal(403);
  });

  it('local read and join restrictions keep direct callers out; an activity handle lets them in', async () => {
    await e.client.putSession(lobby, { ...me(), properties: { system: { joinRestriction: 'local', readRestriction: 'local' } } });
    expect(status(await e.client.getSession(lobby, { as: 'bob' }))).to.equal(403);
    expect(status(await e.client.putSession(lobby, me(), { as: 'bob' }))).to.equal(403);
    const handle = await activityHandle();
    expect(status(await e.client.getSessionByHandle(handle, { as: 'bob' }))).to.equal(200);
    expect(status(await e.client.putSessionByHandle(handle, me(), { as: 'bob' }))).to.equal(200);
  });

  it('a transfer handle gives whoever is not in its origin only direct access: an open session read, no join', async () => {
    const origin = ref('origin');
    await e.client.putSession(origin, me());
    const game = ref('game', 'game-session');
    const transfer = doc(await e.client.createHandle({ version: 1, type: 'transfer', sessionRef: game, originSessionRef: origin }))
      .id as string;
    await e.client.putSessionByHandle(transfer, me());
    expect(status(await e.client.getSessionByHandle(transfer, { as: 'carol' }))).to.equal(200);
    expect(status(await e.client.putSessionByHandle(transfer, me(), { as: 'carol' }))).to.equal(403);
  });

  it('through a transfer handle a member of its origin reads a private session; whoever is not in the origin cannot', async () => {
    const origin = ref('private-origin');
    await e.client.putSession(origin, me());
    await e.client.putSession(origin, me(), { as: 'bob' });
    const hidden = ref('private-game', 'private-lobby');
    await e.client.putSession(hidden, me());
    const transfer = doc(await e.client.createHandle({ version: 1, type: 'transfer', sessionRef: hidden, originSessionRef: origin }))
      .id as string;
    expect(status(await e.client.getSessionByHandle(transfer, { as: 'bob' }))).to.equal(200);
    expect(status(await e.client.getSessionByHandle(transfer, { as: 'carol' }))).to.equal(403);
    expect(status(await e.client.getSession(hidden, { as: 'bob' })), 'the direct path is still private to bob').to.equal(403);
  });

  it('a session without hasOwners takes no owners, and its members have no owner powers', async () => {
    expect(status(await e.client.putSession(lobby, { ...me(), properties: { system: { owners: [0] } } }))).to.equal(400);
    await e.client.putSession(lobby, me());
    await e.client.putSession(lobby, me(), { as: 'bob' });
    expect(status(await e.client.putSession(lobby, { members: { 1: null } }))).to.equal(403);
    expect(status(await e.client.removeMember({ ...lobby, index: 1 }, { as: 'server' }))).to.equal(200);
  });

  it('under migration oldest, the last owner leaving an otherwise empty session ends it (204), with no one to promote', async () => {
    const owned = ref('owned-alone', 'owned-lobby');
    const policies = { ownershipPolicies: { migration: 'oldest' } };
    expect(status(await e.client.putSession(owned, { ...me(), constants: { system: policies } }))).to.equal(201);
    expect(status(await e.client.putSession(owned, { members: { me: null } }))).to.equal(204);
  });

  it('a server principal is exempt from the handle rules: it writes a closed session through an invite handle', async () => {
    await e.client.putSession(lobby, me());
    const invite = doc(await e.client.createHandle({ version: 1, type: 'invite', sessionRef: lobby, invitedXuid: '2533274800000002' }))
      .id as string;
    await e.client.putSession(lobby, { properties: { system: { closed: true } } });
    expect(status(await e.client.putSessionByHandle(invite, { properties: { custom: { by: 'server' } } }, { as: 'bob' }))).to.equal(403);
    expect(status(await e.client.putSessionByHandle(invite, { properties: { custom: { by: 'server' } } }, { as: 'server' }))).to.equal(200);
  });
});
