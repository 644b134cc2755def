import { expect } from 'chai';
import {
  covers,
  createSession,
  dropRta,
  expectStatus,
  meBody,
  newSessionRef,
  openRta,
  type RtaClient,
  type SessionRef,
  scenario,
} from '../harness';

/** How long a live service is given to tap; the emulator taps before it answers the write. */
const TAP_WAIT_MS = 5000;
const SUBSCRIPTION = { alice: '5a1ce000-0000-4000-8000-00000000a11c', bob: '5a1ce000-0000-4000-8000-000000000b0b' };

type Session = { branch: string; changeNumber: number; members: Record<string, { properties: { system: { active?: boolean } } }> };

/** The member properties that tie a member to its RTA connection and say which changes it wants. */
const connected = (connection: string, id: string, changeTypes: string[]) => ({
  active: true,
  connection,
  subscription: { id, changeTypes },
});
const resourceOf = (ref: SessionRef) => `${ref.scid}~${ref.templateName}~${ref.name}`;

/** The taps about one session from a change number on, once the service had time to send them. */
async function tapsFrom(rta: RtaClient, ref: SessionRef, changeNumber: number, expected: number) {
  await rta.waitForTaps(expected, TAP_WAIT_MS);
  return rta.taps.filter((t) => t.resource.toLowerCase() === resourceOf(ref).toLowerCase() && t.changeNumber >= changeNumber);
}

describe('Real-time activity: connection ids and shoulder taps (RTA)', () => {
  it('subscribing to the connections resource gives a connection id', async () => {
    covers('rta.connection-id');
    const rta = await openRta('alice');
    const connectionId = await rta.subscribeToConnection();
    await rta.close();

    expect(connectionId).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  it('a member subscribed to membersList gets one tap when a second member joins', async () => {
    covers('rta.members-list-tap');
    const { client } = scenario();
    const rta = await openRta('alice');
    const connection = await rta.subscribeToConnection();
    const ref = newSessionRef();
    expectStatus(await client.putSession(ref, meBody(connected(connection, SUBSCRIPTION.alice, ['membersList']))), 201);
    await rta.settle();
    const before = rta.taps.length;

    const joined = expectStatus(await client.putSession(ref, meBody({ active: true }), { as: 'bob' }), 200).body as Session;
    const taps = await tapsFrom(rta, ref, joined.changeNumber, before + 1);
    await rta.close();

    expect(taps).to.have.length(1);
    expect(taps[0]).to.deep.include({
      resourceType: 'mpsd/session',
      resource: resourceOf(ref),
      changeNumber: joined.changeNumber,
      branch: joined.branch,
      subscription: SUBSCRIPTION.alice,
    });
  });

  it('a member is tapped only for the kinds of change it subscribed to', async () => {
    covers('rta.change-types');
    const { client } = scenario();
    const [aliceRta, bobRta] = [await openRta('alice'), await openRta('bob')];
    const ref = newSessionRef();
    expectStatus(
      await client.putSession(ref, meBody(connected(await aliceRta.subscribeToConnection(), SUBSCRIPTION.alice, ['customProperty']))),
      201,
    );
    const joined = expectStatus(
      await client.putSession(ref, meBody(connected(await bobRta.subscribeToConnection(), SUBSCRIPTION.bob, ['membersList'])), {
        as: 'bob',
      }),
      200,
    ).body as Session;
    const custom = expectStatus(await client.putSession(ref, { properties: { custom: { map: 'harbour' } } }), 200).body as Session;

    const aliceTaps = await tapsFrom(aliceRta, ref, joined.changeNumber, 1);
    const bobTaps = await tapsFrom(bobRta, ref, custom.changeNumber, 0);
    await aliceRta.close();
    await bobRta.close();

    expect(
      aliceTaps.map((t) => t.changeNumber),
      'alice wants custom properties, not the join',
    ).to.deep.equal([custom.changeNumber]);
    expect(bobTaps, 'bob wants the member list, not custom properties').to.deep.equal([]);
  });

  it('a member whose connection drops becomes inactive', async () => {
    covers('rta.disconnect-inactive');
    const { client } = scenario();
    const rta = await openRta('alice');
    const connection = await rta.subscribeToConnection();
    const ref = newSessionRef('connected');
    await createSession(ref, ['bob'], { constants: { system: { inactiveRemovalTimeout: 3_600_000 } } }); // an hour to be seen inactive
    expectStatus(await client.putSession(ref, meBody(connected(connection, SUBSCRIPTION.alice, ['membersStatus']))), 200);

    await dropRta(rta, connection);
    const after = expectStatus(await client.getSession(ref), 200).body as Session;

    expect(after.members['1']?.properties.system.active, "alice's member, once her connection closed").to.not.equal(true);
    expect(after.members['0']?.properties.system.active, "bob's, whose connection never was alice's").to.equal(true);
  });
});
