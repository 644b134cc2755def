import { expect } from 'chai';
import { ref, useEmulator } from './use-emulator';

describe('emulator: errors (protocol 1.4, 1.5)', () => {
  const e = useEmulator();
  const path = `/serviceconfigs/${ref('s').scid}/sessiontemplates/standard-lobby/sessions/s`;

  it('error messages are text/plain', async () => {
    const answer = await e.raw({ method: 'GET', path: `/serviceconfigs/${ref('s').scid}/sessiontemplates/nope/sessions/s` });
    expect(answer.status).to.equal(404);
    expect(answer.headers['content-type']).to.match(/^text\/plain/);
    expect(answer.text).to.equal('The requested service config is either invalid or not configured for sessions.');
  });

  it('malformed JSON is 400', async () => {
    const answer = await e.raw({ method: 'PUT', path, body: '{"members": ' });
    expect(answer.status).to.equal(400);
    expect(answer.text).to.include('not valid JSON');
  });

  it('a body over 1 MiB is 413', async () => {
    const answer = await e.raw({
      method: 'PUT',
      path,
      body: JSON.stringify({ properties: { custom: { blob: 'x'.repeat(1024 * 1024) } } }),
    });
    expect(answer.status).to.equal(413);
  });

  it('an unknown route is 404 and a wrong verb 405', async () => {
    expect((await e.raw({ method: 'GET', path: '/sessions' })).status).to.equal(404);
    const wrongVerb = await e.raw({ method: 'DELETE', path });
    expect(wrongVerb.status).to.equal(405);
    expect(wrongVerb.headers.allow).to.equal('GET, PUT');
  });

  it('a missing or too-old contract version is 400', async () => {
    expect((await e.raw({ method: 'GET', path, headers: { 'x-xbl-contract-version': '103' } })).status).to.equal(400);
    expect((await e.raw({ method: 'GET', path, headers: { 'x-xbl-contract-version': 'v107' } })).status).to.equal(400);
  });

  it('client mistakes never produce a 5xx', async () => {
    const bodies = [
      '[]',
      'null',
      '"text"',
      '{"members": []}',
      '{"members": {"me": 5}}',
      '{"members": {"7": {}}}',
      '{"members": {"reserve_0": {}}}',
      '{"properties": {"system": []}}',
      '{"constants": 3}',
      '{"servers": {"a": 1}}',
      '{"members": {"me": {"properties": {"system": null}}}}',
      '{"roleTypes": 1}',
      '\u0000',
    ];
    for (const body of bodies) {
      for (const as of ['alice', 'server'] as const) {
        const answer = await e.raw({ method: 'PUT', path, body }, as);
        expect(answer.status, `${as} ${body}`).to.be.within(200, 499);
      }
    }
    const handleBodies = [
      '{}',
      '{"version":1,"type":"transfer","sessionRef":{"scid":"x"}}',
      '{"version":1,"type":"invite","sessionRef":5}',
    ];
    for (const body of handleBodies) expect((await e.raw({ method: 'POST', path: '/handles', body })).status, body).to.be.within(400, 499);
  });
});
