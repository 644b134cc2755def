import { createSession, expectStatus, makeHandle, newSessionRef, scenario } from '../harness';

describe('Request headers every call needs (1.2)', () => {
  it('refuses a request without x-xbl-contract-version with 400', async () => {
    const ref = newSessionRef();
    await createSession(ref);
    const handleId = await makeHandle('activity', ref);
    expectStatus(await scenario().client.getSessionByHandle(handleId, { contractVersion: null }), 400);
  });

  it('refuses contract version 103 with 400', async () => {
    const ref = newSessionRef();
    await createSession(ref);
    const handleId = await makeHandle('activity', ref);
    expectStatus(await scenario().client.getSessionByHandle(handleId, { contractVersion: 103 }), 400);
  });

  it('refuses a request without Authorization with 401', async () => {
    const ref = newSessionRef();
    await createSession(ref);
    const handleId = await makeHandle('activity', ref);
    expectStatus(await scenario().client.getSessionByHandle(handleId, { as: null }), 401);
  });
});
