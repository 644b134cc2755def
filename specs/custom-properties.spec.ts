import { expect } from 'chai';
import { covers, expectStatus, handleToNewSession, scenario } from '../harness';

/** Community lobby clients store 64-bit connection ids in custom bags and republish what they read. */
const CUSTOM = '{"netherNetId":2667261543315367301,"protocol":1.0,"ids":[9007199254740993]}';

describe('Custom properties (5.1)', () => {
  it('a 64-bit id and 1.0 survive a write, a read and a republish byte for byte', async () => {
    covers('custom.numbers-as-written');
    const { client } = scenario();
    const { handleId } = await handleToNewSession();
    const created = await client.putSessionByHandle(
      handleId,
      {},
      { rawBody: `{"members":{"me":{"properties":{"system":{"active":true}}}},"properties":{"custom":${CUSTOM}}}` },
    );
    expectStatus(created, 201);

    const read = expectStatus(await client.getSessionByHandle(handleId), 200);
    expect(read.response.text).to.include(`"custom":${CUSTOM}`);
    const republished = expectStatus(
      await client.putSessionByHandle(handleId, {}, { rawBody: `{"properties":{"custom":${CUSTOM}}}`, ifMatch: '*' }),
      200,
    );

    expect(republished.response.text).to.include(`"custom":${CUSTOM}`);
    expect(republished.response.headers.etag, 'republishing the same values is no change').to.equal(read.response.headers.etag);
  });
});
