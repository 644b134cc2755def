import { expect } from 'chai';
import { type BehaviourId, covers, expectStatus, scenario, sessionWithHandle } from '../harness';

describe('Contract versions (1.2)', () => {
  for (const version of [104, 105, 107]) {
    it(`version ${version} is accepted`, async () => {
      covers(`contract.${version}` as BehaviourId);
      const { handleId } = await sessionWithHandle('activity');

      const read = expectStatus(await scenario().client.getSessionByHandle(handleId, { contractVersion: version }), 200);

      expect((read.body as { contractVersion: number }).contractVersion).to.be.at.most(version);
    });
  }

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
