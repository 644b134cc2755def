import { covers, createSession, expectStatus, makeHandle, newSessionRef, scenario } from '../harness';

describe('Authorization (1.4, 3.6)', () => {
  it('a request without Authorization is 401', async () => {
    covers('auth.missing');
    const ref = newSessionRef();
    await createSession(ref, ['alice']);
    const handleId = await makeHandle('activity', ref);

    expectStatus(await scenario().client.getSessionByHandle(handleId, { as: null }), 401);
  });

  it('a non-member reading a private session is 403', async () => {
    covers('auth.private-non-member');
    const ref = newSessionRef('private');
    await createSession(ref, ['alice']);
    const handleId = await makeHandle('activity', ref);

    expectStatus(await scenario().client.getSessionByHandle(handleId, { as: 'bob' }), 403);
  });
});
