import { expect } from 'chai';
import { createSession, expectStatus, makeHandle, newSessionRef, scenario, sessionPathOf } from '../harness';

describe('GET /handles/{id}/session reads the session (3.4)', () => {
  it('returns the session and names its direct path in Content-Location', async () => {
    const ref = newSessionRef();
    await createSession(ref, ['alice']);
    const handleId = await makeHandle('activity', ref);

    const read = expectStatus(await scenario().client.getSessionByHandle(handleId), 200);

    expect(read.body).to.matchSchema('MultiplayerSession');
    expect(read.response.headers['content-location']).to.equal(sessionPathOf(ref));
    expect(read.response.headers.etag).to.be.a('string').and.not.empty;
  });

  it('answers 404 for an unknown handle', async () => {
    const unknown = scenario().inputs.guid('handle:unknown');
    expectStatus(await scenario().client.getSessionByHandle(unknown), 404);
  });

  it('answers 400 for a malformed handle id', async () => {
    expectStatus(await scenario().client.getSessionByHandle('not-a-guid'), 400);
  });
});

describe('GET /handles/{id}/session after the session is gone (3.4)', () => {
  it('answers 204 when the last member has left', async () => {
    const { client } = scenario();
    const ref = newSessionRef();
    await createSession(ref, ['alice', 'bob']);
    const handleId = await makeHandle('invite', ref, { invited: 'carol' });
    expectStatus(await client.putSession(ref, { members: { me: null } }, { as: 'alice' }), 200);
    expectStatus(await client.putSession(ref, { members: { me: null } }, { as: 'bob' }), 204);

    expectStatus(await client.getSessionByHandle(handleId, { as: 'carol' }), 204);
  });
});
