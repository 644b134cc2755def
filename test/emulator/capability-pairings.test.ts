import { expect } from 'chai';
import { me, ref, status, useEmulator } from './use-emulator';

/** A template with no capability of its own, so each case says every capability it has. */
const BARE_TEMPLATE = 'lingering-lobby';

/**
 * The capability pairings and the constants that need a capability (docs/protocol.md 5.2.1): checked
 * when a session is created, each refused one beside an allowed neighbour that differs by one choice.
 */
describe('emulator: capability pairings at creation (protocol 5.2.1)', () => {
  const e = useEmulator();
  const cases: [string, Record<string, boolean>, Record<string, unknown>, number][] = [
    ['broadcast without large', { broadcast: true }, {}, 400],
    ['broadcast with large', { broadcast: true, large: true }, {}, 201],
    ['team with gameplay', { team: true, gameplay: true }, {}, 400],
    ['team with large', { team: true, large: true }, {}, 400],
    ['team alone', { team: true }, {}, 201],
    ['arbitration without gameplay', { arbitration: true }, {}, 400],
    ['arbitration with gameplay and large', { arbitration: true, gameplay: true, large: true }, {}, 400],
    ['arbitration with gameplay', { arbitration: true, gameplay: true }, {}, 201],
    ['connectivity on a large session', { connectivity: true, large: true }, {}, 400],
    ['autoPopulateServerCandidates on a large session', { autoPopulateServerCandidates: true, large: true }, {}, 400],
    ['autoPopulateServerCandidates alone', { autoPopulateServerCandidates: true }, {}, 201],
    ['userAuthorizationStyle on a large session', { userAuthorizationStyle: true, large: true }, {}, 400],
    ['searchable with userAuthorizationStyle, no hasOwners', { searchable: true, userAuthorizationStyle: true }, {}, 400],
    ['searchable with userAuthorizationStyle and hasOwners', { searchable: true, userAuthorizationStyle: true, hasOwners: true }, {}, 201],
    ['constants.system.arbitration without the capability', { gameplay: true }, { arbitration: { forfeitTimeout: 1000 } }, 400],
    ['constants.system.arbitration with it', { gameplay: true, arbitration: true }, { arbitration: { forfeitTimeout: 1000 } }, 201],
    ['cloudComputePackage without cloudCompute', {}, { cloudComputePackage: { titleId: '1234567' } }, 400],
    ['cloudComputePackage with cloudCompute', { cloudCompute: true }, { cloudComputePackage: { titleId: '1234567' } }, 201],
  ];
  for (const [what, capabilities, system, expected] of cases) {
    it(`${what}: ${expected}`, async () => {
      const answer = await e.client.putSession(ref('pairing', BARE_TEMPLATE), {
        ...me(),
        constants: { system: { capabilities, ...system } },
      });
      expect(status(answer), JSON.stringify(answer)).to.equal(expected);
    });
  }
});
