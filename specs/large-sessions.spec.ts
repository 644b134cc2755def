import { expect } from 'chai';
import { covers, expectStatus, meBody, scenario, sessionWithHandle, xuidOf } from '../harness';

describe('Large sessions (4)', () => {
  it('members holds only the caller, as "me"', async () => {
    covers('large.only-me');
    const { handleId } = await sessionWithHandle('invite', { kind: 'large', invited: 'bob' });

    const joined = expectStatus(await scenario().client.putSessionByHandle(handleId, meBody({ active: true }), { as: 'bob' }), 200);

    const session = joined.body as { members: Record<string, { constants: { system: { xuid: string } } }>; membersInfo: { count: number } };
    expect(Object.keys(session.members)).to.deep.equal(['me']);
    expect(session.members.me.constants.system.xuid).to.equal(xuidOf('bob'));
    expect(session.membersInfo.count).to.equal(2);
  });
});
