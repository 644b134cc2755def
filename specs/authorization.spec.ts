import { covers, expectStatus, scenario, sessionWithHandle } from '../harness';

describe('Authorization (1.4, 3.6)', () => {
  it('a request without Authorization is 401', async () => {
    covers('auth.missing');
    const { handleId } = await sessionWithHandle('activity');

    expectStatus(await scenario().client.getSessionByHandle(handleId, { as: null }), 401);
  });

  it('a non-member reading a private session is 403', async () => {
    covers('auth.private-non-member');
    const { handleId } = await sessionWithHandle('activity', { kind: 'private' });

    expectStatus(await scenario().client.getSessionByHandle(handleId, { as: 'bob' }), 403);
  });
});
