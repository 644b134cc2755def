import { expect } from 'chai';
import type { Exchange } from '../../harness/contract/exchange';
import { doc, me, ref, SCID, status, useEmulator, XUID } from './use-emulator';

const results = (exchange: Exchange) => (exchange.body as { results: { sessionRef: { name: string } }[] }).results;

describe('emulator: session parts, queries and templates (protocol 3.6, 3.7)', () => {
  const e = useEmulator();
  const session = `/serviceconfigs/${SCID}/sessiontemplates/standard-lobby/sessions/s`;

  it('a member index that is not a whole number is 400; an index nobody holds changes nothing', async () => {
    await e.client.putSession(ref('s'), me());
    expect((await e.raw({ method: 'DELETE', path: `${session}/members/first` }, 'server')).status).to.equal(400);
    const untouched = await e.client.removeMember({ ...ref('s'), index: 7 }, { as: 'server' });
    expect(status(untouched)).to.equal(200);
    expect(doc(untouched).membersInfo.count).to.equal(1);
  });

  it('DELETE members/me on a session that does not exist is 404, like PUT properties', async () => {
    expect(status(await e.client.leaveSession(ref('nothing')))).to.equal(404);
    expect(status(await e.client.putSessionProperties(ref('nothing'), {}))).to.equal(404);
  });

  it('PUT properties takes only system and custom, and keeps a 64-bit number as sent', async () => {
    await e.client.putSession(ref('s'), me());
    expect((await e.raw({ method: 'PUT', path: `${session}/properties`, body: '{"members":{}}' })).status).to.equal(400);
    const kept = await e.raw({ method: 'PUT', path: `${session}/properties`, body: '{"custom":{"id":2667261543315367301}}' });
    expect(kept.text).to.include('"id":2667261543315367301');
  });

  it('queries refuse a take over 100, a flag that is not true or false, an unknown scid and a bad batch body', async () => {
    const query = (q: string) => e.raw({ method: 'GET', path: `/serviceconfigs/${SCID}/sessions?xuid=${XUID.alice}&${q}` });
    expect((await query('take=101')).status).to.equal(400);
    expect((await query('take=100')).status).to.equal(200);
    expect((await query('inactive=yes')).status).to.equal(400);
    expect(
      (await e.raw({ method: 'GET', path: `/serviceconfigs/00000000-0000-0000-0000-000000000000/sessions?xuid=${XUID.alice}` })).status,
    ).to.equal(404);
    expect((await e.raw({ method: 'POST', path: `/serviceconfigs/${SCID}/batch`, body: '{"xuids":[]}' })).status).to.equal(400);
  });

  it('take limits the results, and a server may ask for anyone’s reservations', async () => {
    for (const name of ['a', 'b', 'c'])
      await e.client.putSession(ref(name), {
        members: { me: { properties: { system: { active: true } } }, reserve_0: { constants: { system: { xuid: XUID.bob } } } },
      });
    const two = await e.client.querySessions(SCID, { query: { xuid: XUID.alice, take: '2' } });
    expect(results(two).map((r) => r.sessionRef.name)).to.deep.equal(['a', 'b']);
    const reserved = await e.client.querySessions(SCID, { query: { xuid: XUID.bob, reservations: 'true' }, as: 'server' });
    expect(results(reserved)).to.have.length(3);
  });
});
