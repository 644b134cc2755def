import { expect } from 'chai';
import { covers, createSession, expectStatus, handleBody, makeHandle, newSessionRef, scenario, sessionWithHandle } from '../harness';

describe('Search handles (2.1)', () => {
  it('the session names its search handle', async () => {
    covers('search.search-handle-field');
    const { ref, handleId } = await sessionWithHandle('search');

    const session = expectStatus(await scenario().client.getSession(ref), 200);

    expect((session.body as { searchHandle?: string }).searchHandle).to.equal(handleId);
  });

  it('a second search handle for the session is refused', async () => {
    covers('search.one-per-session');
    const { client } = scenario();
    const ref = newSessionRef();
    await createSession(ref, ['alice', 'bob']);
    const first = await makeHandle('search', ref);

    // The reference leaves the code open (3.1): 409 (conflict) or 403 (not allowed) both refuse it.
    expectStatus(await client.createHandle(handleBody('search', ref), { as: 'bob' }), 409, 403);

    const session = expectStatus(await client.getSession(ref), 200);
    expect((session.body as { searchHandle?: string }).searchHandle).to.equal(first);
  });
});
