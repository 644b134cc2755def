import { expect } from 'chai';
import { SCID, useEmulator, XUID } from './use-emulator';

const path = (name: string, template = 'standard-lobby') => `/serviceconfigs/${SCID}/sessiontemplates/${template}/sessions/${name}`;

/**
 * The closed lists and field names of the system objects (docs/protocol.md 4, 5.2-5.8), each value taken
 * as documented: a value or a name dropped from the emulator's tables would refuse a correct client
 * with 400, which the wrong-shape tests (system-object-fields.test.ts) cannot see.
 */
describe('emulator: every documented value and name of the system objects is taken', () => {
  const e = useEmulator();
  const put = (name: string, body: unknown, as?: 'server', template?: string) =>
    e.raw({ method: 'PUT', path: path(name, template), body: JSON.stringify(body) }, as);

  it('every subscription change type, in one subscription', async () => {
    const changeTypes = [
      'everything',
      'host',
      'initialization',
      'matchmakingStatus',
      'membersList',
      'membersStatus',
      'joinability',
      'customProperty',
      'membersCustomProperty',
      'tournaments',
    ];
    const subscription = { id: '5a1ce000-0000-4000-8000-00000000a11c', changeTypes };
    const answer = await put('changes', { members: { me: { properties: { system: { active: true, subscription } } } } });
    expect(answer.status, answer.text).to.equal(201);
  });

  it('every matchmaking status a server writes, with its typical wait', async () => {
    expect((await put('match', { members: { me: { properties: { system: { active: true } } } } })).status).to.equal(201);
    for (const status of ['searching', 'expired', 'found', 'failed', 'canceled']) {
      const body = { servers: { matchmaking: { properties: { system: { status, typicalWait: 30 } } } } };
      const answer = await put('match', body, 'server');
      expect(answer.status, `${status}: ${answer.text}`).to.equal(200);
      expect(JSON.parse(answer.text).servers.matchmaking.properties.system).to.deep.include({ status, typicalWait: 30 });
    }
  });

  it('visibility restated as the template sets it, and every stage length of member initialization', async () => {
    const memberInitialization = { joinTimeout: 1000, measurementTimeout: 1000, evaluationTimeout: 1000, membersNeededToStart: 1 };
    const body = {
      constants: { system: { visibility: 'open', memberInitialization } },
      members: { me: { constants: { system: { initialize: true } }, properties: { system: { active: true } } } },
    };
    const answer = await put('init', body);
    expect(answer.status, answer.text).to.equal(201);
    expect(JSON.parse(answer.text).constants.system.memberInitialization).to.deep.include({ evaluationTimeout: 1000 });
  });

  it("a member's arbitration results are any object, and `group` is taken as initializationGroup", async () => {
    const system = { active: true, arbitration: { results: { [XUID.alice]: { outcome: 'win' } } }, group: [0] };
    const answer = await put('arbitrated', { members: { me: { properties: { system } } } });
    expect(answer.status, answer.text).to.equal(201);
    const stored = JSON.parse(answer.text).members['0'].properties.system;
    expect(stored).to.deep.include({ arbitration: system.arbitration, initializationGroup: [0] });
    expect(stored).to.not.have.property('group');
  });
});
