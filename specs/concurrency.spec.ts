import { expect } from 'chai';
import { createSession, expectStatus, makeHandle, meBody, newSessionRef, scenario } from '../harness';

describe('Optimistic concurrency through a handle (1.2, 4)', () => {
  it('applies a write whose If-Match is the current ETag', async () => {
    const { client } = scenario();
    const ref = newSessionRef();
    await createSession(ref, ['alice']);
    const handleId = await makeHandle('activity', ref);
    const read = expectStatus(await client.getSessionByHandle(handleId), 200);

    const write = expectStatus(await client.putSessionByHandle(handleId, meBody({ active: true }, { map: 'harbor' }), { ifMatch: read.response.headers.etag }), 200);

    expect(write.response.headers.etag).to.not.equal(read.response.headers.etag);
  });

  it('refuses a stale If-Match with 412 and returns the current session', async () => {
    const { client } = scenario();
    const ref = newSessionRef();
    await createSession(ref, ['alice']);
    const handleId = await makeHandle('activity', ref);
    const stale = expectStatus(await client.getSessionByHandle(handleId), 200).response.headers.etag;
    const current = expectStatus(await client.putSessionByHandle(handleId, meBody({ active: true }, { map: 'harbor' })), 200);

    const refused = expectStatus(await client.putSessionByHandle(handleId, meBody({ active: true }, { map: 'docks' }), { ifMatch: stale }), 412);

    expect(refused.response.headers.etag).to.equal(current.response.headers.etag);
    expect(refused.body).to.deep.equal(current.body);
  });

  it('refuses If-None-Match * on an existing session with 412', async () => {
    const { client } = scenario();
    const ref = newSessionRef();
    await createSession(ref, ['alice']);
    const handleId = await makeHandle('activity', ref);
    expectStatus(await client.putSessionByHandle(handleId, meBody({ active: true }), { ifNoneMatch: '*' }), 412);
  });
});
