import { expect } from 'chai';
import { expectStatus, makeHandle, meBody, newSessionRef, scenario, xuidOf } from '../harness';

describe('PUT /handles/{id}/session joins through the handle (3.5)', () => {
  it('creates the session with 201 when the first member joins, then answers 200', async () => {
    const { client } = scenario();
    const ref = newSessionRef();
    const handleId = await makeHandle('activity', ref); // a handle may point at a session that does not exist yet

    const created = expectStatus(await client.putSessionByHandle(handleId, meBody({ active: true }), { as: 'alice' }), 201);
    const joined = expectStatus(await client.putSessionByHandle(handleId, meBody({ active: true }), { as: 'bob' }), 200);

    const session = joined.body as { members: Record<string, { constants: { system: { xuid: string } } }>; membersInfo: { count: number } };
    expect(created.response.headers['content-location']).to.equal(joined.response.headers['content-location']);
    expect(session.membersInfo.count).to.equal(2);
    expect(Object.values(session.members).map((m) => m.constants.system.xuid)).to.deep.equal([xuidOf('alice'), xuidOf('bob')]);
  });
});
