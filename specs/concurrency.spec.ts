import { expect } from 'chai';
import { covers, expectStatus, meBody, scenario, sessionWithHandle } from '../harness';

describe('Optimistic concurrency through a handle (1.2, 4)', () => {
  it('a write with the current ETag in If-Match succeeds', async () => {
    covers('concurrency.if-match-current');
    const { client } = scenario();
    const { handleId } = await sessionWithHandle('activity');
    const read = expectStatus(await client.getSessionByHandle(handleId), 200);

    const write = expectStatus(
      await client.putSessionByHandle(handleId, meBody({ active: true }, { map: 'harbor' }), { ifMatch: read.response.headers.etag }),
      200,
    );

    expect(write.response.headers.etag).to.not.equal(read.response.headers.etag);
  });

  it('a stale If-Match is 412 with the current session', async () => {
    covers('concurrency.if-match-stale');
    const { client } = scenario();
    const { handleId } = await sessionWithHandle('activity');
    const stale = expectStatus(await client.getSessionByHandle(handleId), 200).response.headers.etag;
    const current = expectStatus(await client.putSessionByHandle(handleId, meBody({ active: true }, { map: 'harbor' })), 200);

    const refused = expectStatus(
      await client.putSessionByHandle(handleId, meBody({ active: true }, { map: 'docks' }), { ifMatch: stale }),
      412,
    );

    expect(refused.response.headers.etag).to.equal(current.response.headers.etag);
    expect(refused.body).to.deep.equal(current.body);
  });

  it('If-None-Match: * on an existing session is 412', async () => {
    covers('concurrency.if-none-match-star');
    const { handleId } = await sessionWithHandle('activity');

    expectStatus(await scenario().client.putSessionByHandle(handleId, meBody({ active: true }), { ifNoneMatch: '*' }), 412);
  });
});
