import { expect } from 'chai';
import { covers, createSession, expectStatus, meBody, newSessionRef, type SessionRef, scenario, xuidOf } from '../harness';

interface Result {
  xuid?: string;
  status?: string;
  sessionRef: SessionRef;
  keywords?: string[];
}

/** The results about these sessions only: a live service also holds the user's other sessions. */
function about(body: unknown, ...refs: SessionRef[]): Result[] {
  const names = refs.map((r) => r.name.toLowerCase());
  return (body as { results: Result[] }).results.filter((r) => names.includes(r.sessionRef.name.toLowerCase()));
}

describe('Session queries and templates (3.7)', () => {
  it("a query by xuid finds the sessions the user is in, with the user's status", async () => {
    covers('queries.by-xuid');
    const { client, config } = scenario();
    const joined = newSessionRef('lobby', 'joined');
    const other = newSessionRef('lobby', 'other');
    await createSession(joined, ['alice', 'bob']);
    await createSession(other, ['alice']);

    const found = expectStatus(await client.querySessions(config.scid, { query: { xuid: xuidOf('bob') }, as: 'bob' }), 200);

    expect(about(found.body, joined, other).map((r) => [r.sessionRef.name, r.xuid, r.status])).to.deep.equal([
      [joined.name, xuidOf('bob'), 'active'],
    ]);
  });

  it('a query by keyword finds the sessions that carry it', async () => {
    covers('queries.keyword');
    const { client } = scenario();
    const tagged = newSessionRef('lobby', 'tagged');
    const plain = newSessionRef('lobby', 'plain');
    await createSession(tagged, ['alice'], { properties: { system: { keywords: ['harbour-ctf'] } } });
    await createSession(plain, ['alice']);

    const found = expectStatus(await client.queryTemplateSessions(tagged, { query: { keyword: 'harbour-ctf' } }), 200);

    expect(about(found.body, tagged, plain).map((r) => [r.sessionRef.name, r.keywords])).to.deep.equal([[tagged.name, ['harbour-ctf']]]);
  });

  it('a query needs a xuid or a keyword, and private sessions of another user are 403', async () => {
    covers('queries.filter-required', 'queries.rights');
    const { client, config } = scenario();
    const hidden = newSessionRef('private');
    await createSession(hidden, ['alice']);

    expectStatus(await client.querySessions(config.scid), 400);
    expectStatus(await client.querySessions(config.scid, { query: { xuid: xuidOf('alice'), private: 'true' }, as: 'bob' }), 403);
    const own = expectStatus(await client.querySessions(config.scid, { query: { xuid: xuidOf('alice'), private: 'true' } }), 200);
    const withoutPrivate = expectStatus(await client.querySessions(config.scid, { query: { xuid: xuidOf('alice') } }), 200);

    expect(about(own.body, hidden)).to.have.length(1);
    expect(about(withoutPrivate.body, hidden)).to.deep.equal([]);
  });

  it('reservations and inactive members are listed only when asked', async () => {
    covers('queries.reservations-inactive');
    const { client, config } = scenario();
    const ref = newSessionRef();
    const reserveBob = { me: meBody({ active: true }).members.me, reserve_0: { constants: { system: { xuid: xuidOf('bob') } } } };
    expectStatus(await client.putSession(ref, { members: reserveBob }), 201);
    const idle = newSessionRef('lobby', 'idle');
    await createSession(idle, ['carol'], { constants: { system: { inactiveRemovalTimeout: 3_600_000 } } }); // an hour to be seen inactive
    expectStatus(await client.putSession(idle, meBody({ active: false }), { as: 'carol' }), 200);

    const bob = (reservations?: string) => ({
      query: { xuid: xuidOf('bob'), ...(reservations ? { reservations } : {}) },
      as: 'bob' as const,
    });
    const carol = (inactive?: string) => ({ query: { xuid: xuidOf('carol'), ...(inactive ? { inactive } : {}) }, as: 'carol' as const });
    const statuses = async (options: Parameters<typeof client.querySessions>[1], r: SessionRef) =>
      about(expectStatus(await client.querySessions(config.scid, options), 200).body, r).map((x) => x.status);

    expect(await statuses(bob(), ref)).to.deep.equal([]);
    expect(await statuses(bob('true'), ref)).to.deep.equal(['reserved']);
    expect(await statuses(carol(), idle)).to.deep.equal([]);
    expect(await statuses(carol('true'), idle)).to.deep.equal(['inactive']);
  });

  it('the batch query answers for each user it names', async () => {
    covers('queries.batch');
    const { client, config } = scenario();
    const ref = newSessionRef();
    await createSession(ref, ['alice', 'bob']);

    const found = expectStatus(
      await client.batchQuerySessions(config.scid, { xuids: [xuidOf('alice'), xuidOf('bob'), xuidOf('carol')] }),
      200,
    );

    expect(about(found.body, ref).map((r) => r.xuid)).to.deep.equal([xuidOf('alice'), xuidOf('bob')]);
  });

  it('the templates of a service config are listed and read; an unknown one is 404', async () => {
    covers('templates.list', 'templates.read');
    const { client, config } = scenario();
    const listed = expectStatus(await client.listTemplates(config.scid), 200);
    const template = expectStatus(await client.getTemplate({ scid: config.scid, templateName: config.templates.lobby }), 200);
    expectStatus(await client.getTemplate({ scid: config.scid, templateName: 'no-such-template' }), 404);

    expect((listed.body as { results: string[] }).results).to.include(config.templates.lobby);
    expect((template.body as { constants: { system: object } }).constants.system).to.be.an('object');
  });
});
