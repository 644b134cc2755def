import { expect } from 'chai';
import {
  covers,
  createSession,
  expectStatus,
  makeHandle,
  meBody,
  memberXuids,
  newSessionRef,
  scenario,
  skipUnlessFollows,
  xuidOf,
} from '../harness';

/** Community lobbies use joinRestriction: followed; a friend finds the host's activity and joins. */
describe('Followed sessions (5.3, 3.7)', () => {
  it('a followed session admits whom a member follows and refuses a stranger', async function () {
    skipUnlessFollows(this, 'alice', 'bob');
    covers('access.followed');
    const { client } = scenario();
    const ref = newSessionRef();
    await createSession(ref, ['alice'], { properties: { system: { joinRestriction: 'followed' } } });

    const friend = expectStatus(await client.putSession(ref, meBody({ active: true }), { as: 'bob' }), 200);
    const stranger = expectStatus(await client.putSession(ref, meBody({ active: true }), { as: 'carol' }), 403);

    expect(memberXuids(friend.body)).to.deep.equal([xuidOf('alice'), xuidOf('bob')]);
    if (stranger.body === undefined)
      expect(stranger.response.text).to.include("has a join restriction on it that the user doesn't satisfy");
  });

  it('a query by people finds the activity of whom a user follows', async function () {
    skipUnlessFollows(this, 'alice', 'bob');
    covers('query.activity-by-people');
    const ref = newSessionRef();
    await createSession(ref, ['bob']);
    const handleId = await makeHandle('activity', ref, { as: 'bob' });
    const query = { type: 'activity', scid: ref.scid, owners: { people: { moniker: 'people', monikerXuid: xuidOf('alice') } } };

    const found = expectStatus(await scenario().client.queryHandles(query, { as: 'alice' }), 200);

    expect((found.body as { results: { id: string }[] }).results.map((h) => h.id)).to.deep.equal([handleId]);
  });
});
