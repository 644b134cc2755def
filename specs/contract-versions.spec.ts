import { expect } from 'chai';
import { type BehaviourId, covers, expectStatus, scenario, sessionWithHandle } from '../harness';

type Versioned = { contractVersion: number; constants: { system: Record<string, unknown> } };
/** The root fields the docs' 104 sample has none of, and XSAPI's 105 fixtures all carry (DECISIONS S8). */
const ROOT_107 = ['branch', 'changeNumber', 'startTime'];

describe('Contract versions (1.2)', () => {
  for (const version of [104, 105, 107]) {
    it(`version ${version} is accepted`, async () => {
      covers(`contract.${version}` as BehaviourId);
      const { handleId } = await sessionWithHandle('activity');

      const read = expectStatus(await scenario().client.getSessionByHandle(handleId, { contractVersion: version }), 200);

      expect((read.body as Versioned).contractVersion).to.be.at.most(version);
    });
  }

  for (const version of [104, 105]) {
    it(`a ${version} read gets the ${version} document`, async () => {
      covers('contract.legacy-shape');
      const { handleId } = await sessionWithHandle('activity');

      const legacy = expectStatus(await scenario().client.getSessionByHandle(handleId, { contractVersion: version }), 200)
        .body as Versioned;
      const current = expectStatus(await scenario().client.getSessionByHandle(handleId, { contractVersion: 107 }), 200).body as Versioned;

      expect(legacy.contractVersion).to.equal(version);
      if (version === 104) expect(legacy).to.not.have.any.keys(...ROOT_107);
      else expect(legacy).to.include.all.keys(...ROOT_107);
      expect(current).to.include.all.keys(...ROOT_107);
      expect(legacy.constants.system).to.not.have.any.keys(
        'memberInitialization',
        'reservedRemovalTimeout',
        'inactiveRemovalTimeout',
        'readyRemovalTimeout',
        'sessionEmptyTimeout',
      );
    });
  }

  it('a version above 107 gets the 107 document', async () => {
    covers('contract.newer');
    const { handleId } = await sessionWithHandle('activity');

    const read = expectStatus(await scenario().client.getSessionByHandle(handleId, { contractVersion: 108 }), 200);

    expect((read.body as Versioned).contractVersion).to.equal(107);
  });

  it('version 103 is refused', async () => {
    covers('contract.too-old');
    const { handleId } = await sessionWithHandle('activity');
    expectStatus(await scenario().client.getSessionByHandle(handleId, { contractVersion: 103 }), 400);
  });

  it('a request without a contract version is refused', async () => {
    covers('contract.missing');
    const { handleId } = await sessionWithHandle('activity');
    expectStatus(await scenario().client.getSessionByHandle(handleId, { contractVersion: null }), 400);
  });
});
