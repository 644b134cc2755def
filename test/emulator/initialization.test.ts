import { expect } from 'chai';
import { doc, me, ref, status, useEmulator, XUID } from './use-emulator';

/** Managed initialization (protocol 5.2.2, 5.7; DECISIONS S20) and the 104/105 rendering (1.2, 5.2; S8). */
describe('emulator: managed initialization and contract versions', () => {
  const e = useEmulator();
  const initialize = { constants: { system: { initialize: true } } };
  const withBob = (memberInitialization: Record<string, unknown>) => ({
    constants: { system: { memberInitialization } },
    members: {
      me: { ...initialize, properties: { system: { active: true } } },
      reserve_0: { constants: { system: { xuid: XUID.bob, initialize: true } } },
    },
  });
  const bobJoins = () => e.client.putSession(ref('s'), me({ active: true }), { as: 'bob' });
  const initializing = async () => doc(await e.client.getSession(ref('s'))).initializing as { stage: string; episode: number } | undefined;

  it('a create with fewer members to initialize than membersNeededToStart is 400 with the FAQ message', async () => {
    const refused = await e.client.putSession(ref('s'), {
      constants: { system: { memberInitialization: { membersNeededToStart: 2 } } },
      members: { me: initialize },
    });
    expect(status(refused)).to.equal(400);
    expect(refused.response.text).to.equal('This session is configured for managed initialization requiring at least 2 members to start.');
    expect(status(await e.client.getSession(ref('s')))).to.equal(204);
  });

  it('episode 1 starts in the joining stage and ends once every member of it is active', async () => {
    const created = doc(await e.client.putSession(ref('s'), withBob({ membersNeededToStart: 2 })));
    expect(created.initializing).to.deep.equal({ stage: 'joining', stageStartTime: '2026-01-01T00:00:00.0000000Z', episode: 1 });
    expect(Object.values(created.members).map((m) => (m as { initializationEpisode?: number }).initializationEpisode)).to.deep.equal([
      1, 1,
    ]);
    expect(created.nextTimer).to.equal('2026-01-01T00:00:10.0000000Z'); // joinTimeout, 10 s by default

    const joined = doc(await bobJoins());
    expect(joined.initializing).to.equal(undefined);
    expect(Object.values(joined.members).some((m) => 'initializationEpisode' in m)).to.equal(false);
  });

  it('at joinTimeout the absent members fail with "timeout", and too few left fails the episode for good', async () => {
    await e.client.putSession(ref('s'), withBob({ membersNeededToStart: 2, joinTimeout: 5000 }));
    e.emulator.clock.advance(4999);
    expect((await initializing())?.stage).to.equal('joining');
    e.emulator.clock.advance(1);
    const failed = doc(await e.client.getSession(ref('s')));
    expect(failed.initializing).to.deep.include({ stage: 'failed', stageStartTime: '2026-01-01T00:00:05.0000000Z' });
    expect(failed.members['1']).to.deep.include({ initializationFailure: 'timeout' });
    expect(failed.changeNumber).to.equal(2); // a stage change is a session change
    e.emulator.clock.advance(60_000);
    expect((await initializing())?.stage).to.equal('failed');
  });

  it('stage lengths are milliseconds, never null (400 naming the field)', async () => {
    const refused = await e.client.putSession(ref('s'), withBob({ joinTimeout: null }), { invalidOnPurpose: true });
    expect(status(refused)).to.equal(400);
    expect(refused.response.text).to.include('constants.system.memberInitialization.joinTimeout must be an integer number of milliseconds');
  });

  it('with metrics the members are measured; with externalEvaluation the title decides', async () => {
    await e.client.putSession(ref('s'), {
      ...withBob({ membersNeededToStart: 2, externalEvaluation: true }),
      constants: { system: { memberInitialization: { membersNeededToStart: 2, externalEvaluation: true }, metrics: { latency: true } } },
    });
    await bobJoins();
    expect((await initializing())?.stage).to.equal('measuring');
    const measurements = { measurements: { 'a-device': { latency: 20 } } };
    await e.client.putSession(ref('s'), me({ active: true, ...measurements }));
    await e.client.putSession(ref('s'), me({ active: true, ...measurements }), { as: 'bob' });
    expect((await initializing())?.stage).to.equal('evaluating');
    const decided = await e.client.putSession(ref('s'), { properties: { system: { initializationSucceeded: true } } });
    expect(doc(decided).initializing).to.equal(undefined);
    expect(doc(decided).properties.system).to.not.have.property('initializationSucceeded');
  });

  it('initializationSucceeded outside the evaluating stage is 409', async () => {
    await e.client.putSession(ref('s'), me());
    expect(status(await e.client.putSession(ref('s'), { properties: { system: { initializationSucceeded: true } } }))).to.equal(409);
  });

  it('a 104/105 request writes and reads the legacy names, without branch, changeNumber and startTime', async () => {
    const legacy = {
      constants: { system: { managedInitialization: { autoEvaluate: false }, timeouts: { reserved: 1000 } } },
      members: withBob({}).members,
    };
    const created = doc(await e.client.putSession(ref('s'), legacy, { contractVersion: 104 }));
    expect(created.contractVersion).to.equal(104);
    expect(created).to.not.have.any.keys('branch', 'changeNumber', 'startTime');
    expect(created.constants.system).to.deep.include({
      managedInitialization: { membersNeededToStart: 2, joinTimeout: 5000, measurementTimeout: 5000, autoEvaluate: false },
    });
    expect(created.constants.system.timeouts).to.deep.equal({ reserved: 1000, sessionEmpty: 0 });
    expect(created.constants.system).to.not.have.any.keys('memberInitialization', 'reservedRemovalTimeout');

    const current = doc(await e.client.getSession(ref('s')));
    expect(current.constants.system).to.deep.include({
      reservedRemovalTimeout: 1000,
      memberInitialization: { membersNeededToStart: 2, joinTimeout: 5000, measurementTimeout: 5000, externalEvaluation: true },
    });
    expect(doc(await e.client.getSession(ref('s'), { contractVersion: 105 })).contractVersion).to.equal(105);
  });

  it('a version above 107 gets the 107 document; a 107 request with a legacy name is 400', async () => {
    expect(doc(await e.client.putSession(ref('s'), me(), { contractVersion: 108 })).contractVersion).to.equal(107);
    const legacyAt107 = await e.client.putSession(
      ref('t'),
      { constants: { system: { timeouts: { reserved: 1 } } }, ...me() },
      { invalidOnPurpose: true },
    );
    expect(status(legacyAt107)).to.equal(400);
    expect(legacyAt107.response.text).to.include('constants.system.timeouts is not a known field');
  });
});
