import { expect } from 'chai';
import {
  covers,
  createSession,
  elapse,
  expectStatus,
  meBody,
  memberXuids,
  newSessionRef,
  type SessionRef,
  scenario,
  xuidOf,
} from '../harness';

/** Short timeouts, so that a live endpoint is waited for in seconds; the emulator's clock just jumps. */
const SECONDS = 1000;

type Members = { members: Record<string, { properties: { system: { ready?: boolean; active?: boolean } } }> };

/** A lobby alice created with these timeouts and bob joined, active. */
async function lobbyWithTimeouts(timeouts: Record<string, number | null>) {
  const ref = newSessionRef();
  await createSession(ref, ['alice', 'bob'], { constants: { system: timeouts } });
  return ref;
}

/** The members half-way to a deadline `ms` away, and at it. */
async function membersAroundDeadline(ref: SessionRef, ms: number) {
  await elapse(ms / 2);
  const before = memberXuids(expectStatus(await scenario().client.getSession(ref), 200).body);
  await elapse(ms / 2);
  return { before, after: memberXuids(expectStatus(await scenario().client.getSession(ref), 200).body) };
}

describe('Removal timers (7)', () => {
  it('a reservation nobody accepts is removed after reservedRemovalTimeout', async () => {
    covers('timers.reserved');
    const { client } = scenario();
    const ref = newSessionRef();
    const reserveBob = { reserve_0: { constants: { system: { xuid: xuidOf('bob') } } }, me: meBody({ active: true }).members.me };
    expectStatus(
      await client.putSession(ref, { constants: { system: { reservedRemovalTimeout: 2 * SECONDS } }, members: reserveBob }),
      201,
    );

    const { before, after } = await membersAroundDeadline(ref, 2 * SECONDS);

    expect(before).to.deep.equal([xuidOf('alice'), xuidOf('bob')]);
    expect(after).to.deep.equal([xuidOf('alice')]);
  });

  it('a member who goes inactive is removed after inactiveRemovalTimeout', async () => {
    covers('timers.inactive');
    const { client } = scenario();
    const ref = await lobbyWithTimeouts({ inactiveRemovalTimeout: 2 * SECONDS });
    expectStatus(await client.putSession(ref, meBody({ active: false }), { as: 'bob' }), 200);

    const { before, after } = await membersAroundDeadline(ref, 2 * SECONDS);

    expect(before).to.deep.equal([xuidOf('alice'), xuidOf('bob')]);
    expect(after).to.deep.equal([xuidOf('alice')]);
  });

  it('a ready member turns inactive after readyRemovalTimeout, then goes', async () => {
    covers('timers.ready');
    const { client } = scenario();
    const ref = await lobbyWithTimeouts({ readyRemovalTimeout: 2 * SECONDS, inactiveRemovalTimeout: 2 * SECONDS });
    expectStatus(await client.putSession(ref, meBody({ active: false, ready: true }), { as: 'bob' }), 200);

    await elapse(2 * SECONDS);
    const inactive = expectStatus(await client.getSession(ref), 200).body as Members;
    await elapse(2 * SECONDS);
    const after = expectStatus(await client.getSession(ref), 200);

    expect(inactive.members['1']?.properties.system.ready).to.not.equal(true);
    expect(inactive.members['1']?.properties.system.active).to.not.equal(true);
    expect(memberXuids(after.body)).to.deep.equal([xuidOf('alice')]);
  });

  it('an empty session is deleted sessionEmptyTimeout after it became empty', async () => {
    covers('timers.session-empty');
    const { client } = scenario();
    const ref = newSessionRef();
    await createSession(ref, ['alice'], { constants: { system: { sessionEmptyTimeout: 2 * SECONDS } } });
    const left = expectStatus(await client.putSession(ref, { members: { me: null } }), 200);

    await elapse(1 * SECONDS);
    const kept = expectStatus(await client.getSession(ref), 200);
    await elapse(1 * SECONDS);
    expectStatus(await client.getSession(ref), 204);

    expect(memberXuids(left.body)).to.deep.equal([]);
    expect(memberXuids(kept.body)).to.deep.equal([]);
  });
});
