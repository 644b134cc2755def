import { expect } from 'chai';
import { doc, me, ref, status, useEmulator } from './use-emulator';

describe('emulator: deterministic mode and timers (protocol 4, 7)', () => {
  const e = useEmulator();

  async function scenario() {
    const created = await e.client.putSession(ref('s'), me());
    const handle = await e.client.createHandle({ version: 1, type: 'activity', sessionRef: ref('s') });
    return [created.response, handle.response].map((r) => JSON.stringify([r.status, r.headers, r.text]));
  }

  it('the same requests after a reset get byte-identical answers', async () => {
    const first = await scenario();
    e.emulator.reset();
    expect(await scenario()).to.deep.equal(first);
  });

  it('a different seed gives different ids', async () => {
    const first = await scenario();
    e.emulator.reset('another test');
    expect(await scenario()).to.not.deep.equal(first);
  });

  it('reserved members are removed after reservedRemovalTimeout, with nextTimer and Expires until then', async () => {
    const reserved = await e.client.putSession(ref('s'), { members: { me: {}, reserve_0: { constants: { system: { xuid: '42' } } } } });
    expect(doc(reserved).nextTimer).to.equal('2026-01-01T00:00:30.0000000Z');
    expect(reserved.response.headers.expires).to.equal('Thu, 01 Jan 2026 00:00:30 GMT');
    e.emulator.clock.advance(30_000);
    const later = doc(await e.client.getSession(ref('s')));
    expect(later.membersInfo.count).to.equal(1);
    expect(later.nextTimer).to.equal(undefined);
  });

  it('an empty session lives for sessionEmptyTimeout, then is deleted', async () => {
    await e.client.putSession(ref('l', 'lingering-lobby'), me());
    const emptied = await e.client.putSession(ref('l', 'lingering-lobby'), { members: { me: null } });
    expect(status(emptied)).to.equal(200);
    expect(doc(emptied).membersInfo.count).to.equal(0);
    e.emulator.clock.advance(59_999);
    expect(status(await e.client.getSession(ref('l', 'lingering-lobby')))).to.equal(200);
    e.emulator.clock.advance(1);
    expect(status(await e.client.getSession(ref('l', 'lingering-lobby')))).to.equal(204);
  });

  it('the inactive clock starts when a member leaves active or ready, never at a join (107 default 0)', async () => {
    await e.client.putSession(ref('s'), me());
    await e.client.putSession(ref('s'), me({}), { as: 'bob' }); // joined inactive, as XSAPI's Join(false) does
    e.emulator.clock.advance(60_000);
    expect(doc(await e.client.getSession(ref('s'))).membersInfo.count).to.equal(2);
    await e.client.putSession(ref('s'), me({ active: true }), { as: 'bob' });
    await e.client.putSession(ref('s'), me({ active: false }), { as: 'bob' });
    expect(doc(await e.client.getSession(ref('s'))).membersInfo.count).to.equal(1);
  });

  it('a ready member turns inactive at readyRemovalTimeout, kept while inactiveRemovalTimeout is null', async () => {
    const s = ref('s');
    await e.client.putSession(s, { constants: { system: { inactiveRemovalTimeout: null } }, ...me() });
    await e.client.putSession(s, me({ ready: true }), { as: 'bob' });
    e.emulator.clock.advance(179_999);
    expect(doc(await e.client.getSession(s)).members['1'].properties.system.ready).to.equal(true);
    e.emulator.clock.advance(1);
    const later = doc(await e.client.getSession(s));
    expect(later.members['1'].properties.system.ready).to.equal(undefined);
    expect(later.membersInfo.count).to.equal(2); // inactiveRemovalTimeout null: kept, inactive
  });
});
