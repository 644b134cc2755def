import { expect } from 'chai';
import { createEmulator } from '../../emulator';
import { ref, useEmulator, XUID } from './use-emulator';

/** The emulator keeps rendered documents and read tokens (issue 12.4); none of it may change an answer. */
describe('emulator: cached renderings and tokens', () => {
  const e = useEmulator();
  const path = (name: string, template = 'standard-lobby') =>
    `/serviceconfigs/${ref(name).scid}/sessiontemplates/${template}/sessions/${name}`;
  const join = (name: string, template?: string, as: 'alice' | 'bob' = 'alice') =>
    e.raw({ method: 'PUT', path: path(name, template), body: '{"members":{"me":{"properties":{"system":{"active":true}}}}}' }, as);

  it('serves the new version after a write, and each contract version its own shape', async () => {
    await join('s');
    const first = await e.raw({ method: 'GET', path: path('s') });
    expect((await e.raw({ method: 'GET', path: path('s') })).text).to.equal(first.text);
    await join('s', undefined, 'bob');
    const second = await e.raw({ method: 'GET', path: path('s') });
    expect(JSON.parse(second.text).membersInfo.count).to.equal(2);
    const legacy = await e.raw({ method: 'GET', path: path('s'), headers: { 'x-xbl-contract-version': '104' } });
    expect(JSON.parse(legacy.text)).to.not.have.property('branch');
    expect(JSON.parse((await e.raw({ method: 'GET', path: path('s') })).text)).to.have.property('branch');
  });

  it('shows each caller of a large session its own "me"', async () => {
    await join('big', 'large-session');
    await join('big', 'large-session', 'bob');
    const me = async (as: 'alice' | 'bob') =>
      JSON.parse((await e.raw({ method: 'GET', path: path('big', 'large-session') }, as)).text).members.me.constants.system.xuid;
    expect([await me('alice'), await me('bob'), await me('alice')]).to.deep.equal([XUID.alice, XUID.bob, XUID.alice]);
  });

  it('a token seen before is read the same, and a bad one is still refused', async () => {
    await join('s');
    const stranger = 'XBL3.0 x=1;xuid=2533274800000009';
    for (let i = 0; i < 2; i += 1) {
      const read = await e.raw({ method: 'GET', path: path('s'), headers: { authorization: stranger } }, null);
      expect(read.status).to.equal(200);
    }
    expect((await e.raw({ method: 'GET', path: path('s'), headers: { authorization: 'XBL3.0 x=1;xuid=x' } }, null)).status).to.equal(401);
  });

  it('a planted document fault applies to every answer, cached or not', async () => {
    const faulty = createEmulator({ faults: ['wrong-type'] });
    const url = await faulty.start();
    try {
      const headers = { authorization: 'XBL3.0 x=1;xuid=2533274800000001', 'x-xbl-contract-version': '107' };
      await fetch(`${url}${path('f')}`, { method: 'PUT', headers, body: '{"members":{"me":{}}}' });
      for (let i = 0; i < 2; i += 1)
        expect(((await (await fetch(`${url}${path('f')}`, { headers })).json()) as { changeNumber: unknown }).changeNumber).to.be.a(
          'string',
        );
    } finally {
      await faulty.stop();
    }
  });
});
