import { expect } from 'chai';
import { doc, me, ref, status, useEmulator } from './use-emulator';

describe('emulator: concurrency (protocol 1.2, 1.3)', () => {
  const e = useEmulator();

  it('every session response carries an ETag', async () => {
    const created = await e.client.putSession(ref('s'), me());
    const read = await e.client.getSession(ref('s'));
    expect(created.response.headers.etag)
      .to.equal(read.response.headers.etag)
      .and.match(/^[0-9A-F-]{36}$/);
  });

  it('an If-Match mismatch gives 412 with the current session and ETag', async () => {
    const first = await e.client.putSession(ref('s'), me());
    const second = await e.client.putSession(
      ref('s'),
      me({ active: true }, { properties: { system: { active: true }, custom: { n: 1 } } }),
    );
    const refused = await e.client.putSession(ref('s'), {}, { ifMatch: first.response.headers.etag });
    expect(status(refused)).to.equal(412);
    expect(refused.response.headers.etag).to.equal(second.response.headers.etag);
    expect(refused.body).to.deep.equal(second.body);
  });

  it('If-Match on a session that does not exist gives 412 with no body', async () => {
    const refused = await e.client.putSession(ref('s'), me(), { ifMatch: '*' });
    expect(status(refused)).to.equal(412);
    expect(refused.response.text).to.equal('');
  });

  it('If-None-Match: * on an existing session gives 412', async () => {
    await e.client.putSession(ref('s'), me());
    expect(status(await e.client.putSession(ref('s'), me(), { ifNoneMatch: '*' }))).to.equal(412);
  });

  it('GET with If-None-Match of the current ETag gives 304', async () => {
    const created = await e.client.putSession(ref('s'), me());
    expect(status(await e.client.getSession(ref('s'), { ifNoneMatch: created.response.headers.etag }))).to.equal(304);
  });

  it('concurrent writes to one session are serialised: no update is lost', async () => {
    await e.client.putSession(ref('s'), me());
    const writes = Array.from({ length: 25 }, (_, i) =>
      e.client.putSession(ref('s'), me({ active: true }, { properties: { system: { active: true }, custom: { [`k${i}`]: i } } })),
    );
    const results = await Promise.all(writes);
    expect(results.map(status).every((s) => s === 200)).to.equal(true);
    const custom = doc(await e.client.getSession(ref('s'))).members['0'].properties.custom;
    expect(Object.keys(custom)).to.have.length(25);
    expect(new Set(results.map((r) => doc(r).changeNumber)).size).to.equal(25);
  });
});

describe('emulator: principals (protocol 1.2, 5.2)', () => {
  const e = useEmulator();

  it('a request without Authorization is 401', async () => {
    expect(status(await e.client.getSession(ref('s'), { as: null }))).to.equal(401);
  });

  it('a token that is not an emulator test token is 401', async () => {
    const answer = await e.raw(
      {
        method: 'GET',
        path: `/serviceconfigs/${ref('s').scid}/sessiontemplates/standard-lobby/sessions/s`,
        headers: { authorization: 'XBL3.0 x=1;eyJhbGciOi' },
      },
      null,
    );
    expect(answer.status).to.equal(401);
    expect(answer.text).to.include('unknown claim');
  });

  it('a private session read by a non-member is 403', async () => {
    await e.client.putSession(ref('p', 'private-lobby'), me());
    const refused = await e.client.getSession(ref('p', 'private-lobby'), { as: 'bob' });
    expect(status(refused)).to.equal(403);
    expect(refused.response.text).to.include('Private Sessions can only be read by members');
  });

  it('a non-member may not write an open session without joining (403)', async () => {
    await e.client.putSession(ref('s'), me());
    expect(status(await e.client.putSession(ref('s'), { properties: { custom: { x: 1 } } }, { as: 'bob' }))).to.equal(403);
  });

  it('joining a full session is 403', async () => {
    await e.client.putSession(ref('p', 'private-lobby'), {
      members: {
        me: {},
        reserve_0: { constants: { system: { xuid: '1' } } },
        reserve_1: { constants: { system: { xuid: '2' } } },
        reserve_2: { constants: { system: { xuid: '3' } } },
      },
    });
    expect(
      status(await e.client.putSession(ref('p', 'private-lobby'), { members: { reserve_0: { constants: { system: { xuid: '4' } } } } })),
    ).to.equal(403);
  });
});
